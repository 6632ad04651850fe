import { wildcardMatch } from '../common/wildcard';
import type { ResourceGraph } from '../../graph/graph';
import type { Resource } from '../../graph/resource';
import { Unknown, asBool, asList, asString, get, isObject, show, type Value } from '../../graph/values';
import type { Fact, PostureView } from '../kinds';
import { displayName } from '../common/naming';
import { GUARDDUTY_DEFAULT_FEATURES, guardDutyDetectors, imageScanningDetectors } from '../common/posture';
import type { AdapterContext, AdapterRegistry } from '../registry';

function posture(
  r: Resource,
  service: PostureView['service'],
  enabled: Fact<boolean>,
  facts: Partial<Omit<PostureView, 'kind' | 'resource' | 'name' | 'service' | 'enabled'>> = {},
): PostureView {
  return { kind: 'posture', resource: r, name: displayName(r), service, enabled, detectors: [], ...facts };
}

/** A boolean property, or its default when absent. */
function flag(v: Value | undefined, absent: boolean): Fact<boolean> {
  return asBool(v) ?? absent;
}

/** Legacy `DataSources` switches and the GuardDuty feature each stands for. */
const DATA_SOURCE_FEATURES: readonly [string, readonly string[]][] = [
  ['S3_DATA_EVENTS', ['S3Logs', 'Enable']],
  ['EKS_AUDIT_LOGS', ['Kubernetes', 'AuditLogs', 'Enable']],
  ['EBS_MALWARE_PROTECTION', ['MalwareProtection', 'ScanEc2InstanceWithFindings', 'EbsVolumes']],
];

/**
 * `AWS::GuardDuty::Detector` -> posture (`threat-detection`): `Enable`, and each protection plan by
 * its GuardDuty feature name (`Features[].Name`/`Status`; the legacy `DataSources` switches where
 * `Features` does not name them; else the plan's default for a new detector), each a typed detector.
 */
export function detectorView(r: Resource): PostureView {
  const p = r.properties;
  const features: Record<string, Fact<boolean>> = {};
  for (const [name, path] of DATA_SOURCE_FEATURES) {
    const v = get(p.DataSources, ...path);
    if (v !== undefined) features[name] = flag(v, false);
  }
  const list = p.Features;
  if (list instanceof Unknown) features['*'] = list;
  for (const f of list instanceof Unknown ? [] : asList(list)) {
    if (f instanceof Unknown) {
      features['*'] = f;
      continue;
    }
    const name = asString(get(f, 'Name'));
    if (typeof name !== 'string') continue;
    const status = asString(get(f, 'Status'));
    features[name] =
      status instanceof Unknown
        ? status
        : status === 'ENABLED'
          ? true
          : status === 'DISABLED'
            ? false
            : new Unknown(`feature status is ${show(status)}`);
  }
  for (const [name, on] of Object.entries(GUARDDUTY_DEFAULT_FEATURES)) {
    if (name in features) continue;
    // An unresolved feature list may name the plan: its state is the list's.
    features[name] = features['*'] ?? on;
  }
  const enabled = asBool(p.Enable) ?? new Unknown('detector declares no `Enable`');
  return posture(r, 'threat-detection', enabled, { detectors: guardDutyDetectors(enabled, features) });
}

/**
 * `AWS::SecurityHub::Hub` -> posture (`cspm`): one detector over the account's resources, and its standards: the
 * defaults (`EnableDefaultStandards`, on unless set false: AWS Foundational Security Best Practices and CIS AWS
 * Foundations), `AutoEnableControls` when set, and each `AWS::SecurityHub::Standard` declared in the same stack
 * by its `StandardsArn` as written (an ARN that cannot even be rendered is kept as an Unknown).
 */
export function hubView(r: Resource, ctx: AdapterContext): PostureView {
  const p = r.properties;
  const subscribed: Fact<string>[] = [];
  for (const std of ctx.graph.ofType('AWS::SecurityHub::Standard')) {
    if (std.stack !== r.stack) continue;
    const arn = asString(std.properties.StandardsArn);
    // An ARN built from pseudo parameters (`arn:${AWS::Partition}:securityhub:${AWS::Region}::standards/...`)
    // still names its standard: keep it under its rendering.
    if (arn instanceof Unknown) subscribed.push(arn.display ?? arn);
    else if (arn !== undefined) subscribed.push(arn);
  }
  return posture(r, 'cspm', true, {
    detectors: [{ type: 'cspm', scope: 'cloud-resources', enabled: true, name: 'Security Hub' }],
    standards: {
      defaults: flag(p.EnableDefaultStandards, true),
      subscribed,
      ...(p.AutoEnableControls !== undefined ? { autoEnableControls: flag(p.AutoEnableControls, true) } : {}),
    },
  });
}

/**
 * `AWS::Config::ConfigurationRecorder` -> posture (`config-recorder`). `StartedOnCreate` defaults to
 * true. Without `RecordingGroup` AWS Config records every supported type except the global IAM
 * types; `recording` says which.
 */
export function recorderView(r: Resource): PostureView {
  const p = r.properties;
  const group = p.RecordingGroup;
  let allSupported: Fact<boolean>;
  let includeGlobal: Fact<boolean>;
  if (group === undefined) {
    allSupported = true;
    includeGlobal = false;
  } else if (group instanceof Unknown) {
    allSupported = group;
    includeGlobal = group;
  } else {
    const strategy = asString(get(group, 'RecordingStrategy', 'UseOnly'));
    const explicit = asBool(get(group, 'AllSupported'));
    allSupported =
      explicit ?? (strategy instanceof Unknown ? strategy : strategy === 'ALL_SUPPORTED_RESOURCE_TYPES');
    includeGlobal = flag(get(group, 'IncludeGlobalResourceTypes'), false);
  }
  return posture(r, 'config-recorder', flag(p.StartedOnCreate, true), {
    recording: { allSupported, globalTypes: includeGlobal },
  });
}

/** `AWS::AccessAnalyzer::Analyzer` -> posture (`access-analyzer`) with its type as scope. */
export function analyzerView(r: Resource): PostureView {
  const type = asString(r.properties.Type) ?? new Unknown('analyzer declares no `Type`');
  return posture(r, 'access-analyzer', true, { analyzerScope: type });
}

interface ScanRule {
  readonly frequency: Fact<string>;
  readonly filters: readonly Fact<string>[];
}

function scanRules(cfg: Resource): ScanRule[] | Unknown {
  const rules = cfg.properties.Rules;
  if (rules instanceof Unknown) return rules;
  return asList(rules)
    .filter(isObject)
    .map((rule) => ({
      frequency: asString(rule.ScanFrequency) ?? new Unknown('scanning rule has no `ScanFrequency`'),
      filters: asList(rule.RepositoryFilters).map(
        (f) => asString(get(f, 'Filter')) ?? new Unknown('repository filter has no `Filter`'),
      ),
    }));
}

function scans(frequency: Fact<string>): Fact<boolean> {
  return frequency instanceof Unknown
    ? frequency
    : frequency === 'SCAN_ON_PUSH' || frequency === 'CONTINUOUS_SCAN';
}

/** `AWS::ECR::RegistryScanningConfiguration` -> posture (`vulnerability-scanning`). */
export function registryScanningView(r: Resource): PostureView {
  const scanType = asString(r.properties.ScanType);
  const enhanced: Fact<boolean> = scanType instanceof Unknown ? scanType : scanType === 'ENHANCED';
  const rules = scanRules(r);
  if (rules instanceof Unknown)
    return posture(r, 'vulnerability-scanning', rules, {
      detectors: imageScanningDetectors(rules, 'registry scanning'),
      scanning: { enhanced },
    });
  const frequencies = rules.map((x) => x.frequency);
  const some = (f: string): Fact<boolean> =>
    frequencies.includes(f) ? true : (frequencies.find((x): x is Unknown => x instanceof Unknown) ?? false);
  const each = rules.map((x) => scans(x.frequency));
  const enabled = each.includes(true)
    ? true
    : (each.find((x): x is Unknown => x instanceof Unknown) ?? false);
  return posture(r, 'vulnerability-scanning', enabled, {
    detectors: imageScanningDetectors(enabled, 'registry scanning'),
    scanning: { enhanced, onPush: some('SCAN_ON_PUSH'), continuous: some('CONTINUOUS_SCAN') },
  });
}

function wildcardMatches(filter: string, name: string): boolean {
  return wildcardMatch(filter, name, { question: false });
}

/**
 * Whether a registry scanning configuration declared in the repository's stack scans the repository
 * named `name`. Configurations of other stacks are not counted: the graph does not say whether they
 * are deployed to the same account and region.
 */
function registryScans(
  graph: ResourceGraph,
  repository: Resource,
  name: Fact<string> | undefined,
): Fact<boolean> {
  let open: Unknown | undefined;
  const configs = graph
    .ofType('AWS::ECR::RegistryScanningConfiguration')
    .filter((c) => c.stack === repository.stack);
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
        else if (typeof name === 'string') match = wildcardMatches(filter, name);
        else
          match = new Unknown(
            `whether registry scanning filter \`${filter}\` matches the generated repository name`,
          );
        if (match === true && on === true) return true;
        if (match !== false) open ??= match instanceof Unknown ? match : (on as Unknown);
      }
    }
  }
  return open ?? false;
}

/**
 * `AWS::ECR::Repository` -> posture (`vulnerability-scanning`): its own scan-on-push setting, or a
 * registry scanning configuration of its stack whose filters match it; and `immutableTags`
 * (`ImageTagMutability` `IMMUTABLE`, or `IMMUTABLE_WITH_EXCLUSION`; the default is `MUTABLE`).
 */
export function repositoryView(r: Resource, ctx: AdapterContext): PostureView {
  const onPush = flag(get(r.properties, 'ImageScanningConfiguration', 'ScanOnPush'), false);
  const registry = registryScans(ctx.graph, r, asString(r.properties.RepositoryName));
  const enabled: Fact<boolean> =
    onPush === true || registry === true
      ? true
      : onPush instanceof Unknown
        ? onPush
        : registry instanceof Unknown
          ? registry
          : false;
  const mutability = asString(r.properties.ImageTagMutability) ?? 'MUTABLE';
  return posture(r, 'vulnerability-scanning', enabled, {
    detectors: imageScanningDetectors(enabled, 'image scanning'),
    scanning: { onPush, registry },
    immutableTags: mutability instanceof Unknown ? mutability : mutability.startsWith('IMMUTABLE'),
  });
}

/**
 * `AWS::Macie::Session` -> posture (`data-discovery`): Macie runs for the account and region unless `Status` is
 * `PAUSED` (default `ENABLED`).
 */
export function macieView(r: Resource): PostureView {
  const status = asString(r.properties.Status) ?? 'ENABLED';
  const enabled: Fact<boolean> =
    status instanceof Unknown
      ? status
      : status === 'ENABLED'
        ? true
        : status === 'PAUSED'
          ? false
          : new Unknown(`Macie status is ${show(status)}`);
  return posture(r, 'data-discovery', enabled);
}

/** GuardDuty, Security Hub, AWS Config, IAM Access Analyzer, ECR scanning and Macie -> posture views. */
export function registerPosture(registry: AdapterRegistry): void {
  registry.register('cloudformation', 'AWS::Macie::Session', macieView);
  registry.register('cloudformation', 'AWS::GuardDuty::Detector', detectorView);
  registry.register('cloudformation', 'AWS::SecurityHub::Hub', hubView);
  registry.register('cloudformation', 'AWS::Config::ConfigurationRecorder', recorderView);
  registry.register('cloudformation', 'AWS::AccessAnalyzer::Analyzer', analyzerView);
  registry.register('cloudformation', 'AWS::ECR::RegistryScanningConfiguration', registryScanningView);
  registry.register('cloudformation', 'AWS::ECR::Repository', repositoryView);
}
