import type { ResourceGraph } from '../../graph/graph';
import type { Resource } from '../../graph/resource';
import { Unknown, asList, asString, get, isObject } from '../../graph/values';
import type { Fact, PostureView } from '../kinds';
import { displayName } from '../common/naming';
import { imageScanningDetectors } from '../common/posture';
import { bool } from '../common/store-base';
import { wildcardMatch } from '../common/wildcard';
import type { AdapterContext, AdapterRegistry } from '../registry';
import { arg, block } from './arguments';

/* ECR repositories and registry scanning of the Terraform AWS provider -> posture (`vulnerability-scanning`). */

const REGISTRY_SCANNING = 'aws_ecr_registry_scanning_configuration';

function posture(
  r: Resource,
  enabled: Fact<boolean>,
  name: string,
  facts: Pick<PostureView, 'scanning' | 'immutableTags'>,
): PostureView {
  return {
    kind: 'posture',
    resource: r,
    name: displayName(r),
    service: 'vulnerability-scanning',
    enabled,
    detectors: imageScanningDetectors(enabled, name),
    ...facts,
  };
}

interface ScanRule {
  readonly frequency: Fact<string>;
  readonly filters: readonly Fact<string>[];
}

/** The `rule` blocks of a registry scanning configuration: `scan_frequency` and `repository_filter.filter`. */
function scanRules(cfg: Resource): ScanRule[] | Unknown {
  const rules = cfg.properties.rule;
  if (rules instanceof Unknown) return rules;
  return asList(rules)
    .filter(isObject)
    .map((rule) => ({
      frequency: asString(rule.scan_frequency) ?? new Unknown('scanning rule has no `scan_frequency`'),
      filters: asList(rule.repository_filter).map(
        (f) => asString(get(f, 'filter')) ?? new Unknown('repository filter has no `filter`'),
      ),
    }));
}

function scans(frequency: Fact<string>): Fact<boolean> {
  return frequency instanceof Unknown
    ? frequency
    : frequency === 'SCAN_ON_PUSH' || frequency === 'CONTINUOUS_SCAN';
}

/** `aws_ecr_registry_scanning_configuration` -> posture: scanning is on when a rule scans on push or continuously. */
export function registryScanningView(r: Resource): PostureView {
  const scanType = asString(arg(r.properties.scan_type));
  const enhanced: Fact<boolean> = scanType instanceof Unknown ? scanType : scanType === 'ENHANCED';
  const rules = scanRules(r);
  if (rules instanceof Unknown) return posture(r, rules, 'registry scanning', { scanning: { enhanced } });
  const frequencies = rules.map((x) => x.frequency);
  const some = (f: string): Fact<boolean> =>
    frequencies.includes(f) ? true : (frequencies.find((x): x is Unknown => x instanceof Unknown) ?? false);
  const each = rules.map((x) => scans(x.frequency));
  const enabled = each.includes(true)
    ? true
    : (each.find((x): x is Unknown => x instanceof Unknown) ?? false);
  return posture(r, enabled, 'registry scanning', {
    scanning: { enhanced, onPush: some('SCAN_ON_PUSH'), continuous: some('CONTINUOUS_SCAN') },
  });
}

/**
 * Whether a registry scanning configuration of the repository's configuration scans the repository named
 * `name` (its filters are wildcards, `*` any run of characters). Configurations of other stacks are not
 * counted: the graph does not say whether they apply to the same account and region.
 */
function registryScans(
  graph: ResourceGraph,
  repository: Resource,
  name: Fact<string> | undefined,
): Fact<boolean> {
  let open: Unknown | undefined;
  const configs = graph.ofType(REGISTRY_SCANNING).filter((c) => c.stack === repository.stack);
  for (const cfg of configs) {
    const rules = scanRules(cfg);
    if (rules instanceof Unknown) {
      open ??= rules;
      continue;
    }
    for (const rule of rules) {
      const on = scans(rule.frequency);
      if (on === false) continue;
      for (const filter of rule.filters) {
        let match: Fact<boolean>;
        if (filter instanceof Unknown) match = filter;
        else if (filter === '*') match = true;
        else if (typeof name === 'string') match = wildcardMatch(filter, name, { question: false });
        else
          match = new Unknown(`whether registry scanning filter \`${filter}\` matches the repository name`);
        if (match === true && on === true) return true;
        if (match !== false) open ??= match instanceof Unknown ? match : (on as Unknown);
      }
    }
  }
  return open ?? false;
}

/**
 * `aws_ecr_repository` -> posture (`vulnerability-scanning`): its own
 * `image_scanning_configuration.scan_on_push` (off by default), or a registry scanning configuration
 * whose filters match it; and `immutableTags` (`image_tag_mutability` `IMMUTABLE` or
 * `IMMUTABLE_WITH_EXCLUSION`; the default is `MUTABLE`).
 */
export function repositoryView(r: Resource, ctx: AdapterContext): PostureView {
  const p = r.properties;
  const scanning = block(p.image_scanning_configuration);
  const onPush: Fact<boolean> =
    scanning instanceof Unknown ? scanning : bool(arg(get(scanning, 'scan_on_push')), false);
  const registry = registryScans(ctx.graph, r, asString(arg(p.name)));
  const enabled: Fact<boolean> =
    onPush === true || registry === true
      ? true
      : onPush instanceof Unknown
        ? onPush
        : registry instanceof Unknown
          ? registry
          : false;
  const mutability = asString(arg(p.image_tag_mutability)) ?? 'MUTABLE';
  return posture(r, enabled, 'image scanning', {
    scanning: { onPush, registry },
    immutableTags: mutability instanceof Unknown ? mutability : mutability.startsWith('IMMUTABLE'),
  });
}

/** Registers the adapters of this file. */
export function registerContainerRegistry(registry: AdapterRegistry): void {
  registry
    .register('terraform', 'aws_ecr_repository', repositoryView)
    .register('terraform', REGISTRY_SCANNING, registryScanningView);
}
