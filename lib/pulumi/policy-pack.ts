import {
  PolicyPack,
  UnknownValueError,
  type PolicyResource,
  type ReportViolation,
  type StackValidationArgs,
  type StackValidationPolicy,
} from '@pulumi/policy';
import { checkGraph, packOrThrow } from '../check';
import type { Evaluation } from '../engine/evaluate';
import { fixFor } from '../engine/fix';
import { isFinding, isSuppressed } from '../engine/result';
import type { Rule } from '../engine/rule';
import type { Suppression } from '../engine/suppression';
import { ResourceGraph } from '../graph/graph';
import { adaptersForAll } from '../sources';
import { toResources, UNKNOWN_SENTINEL, type PulumiRecord, type PulumiResource } from '../sources/pulumi';
import type { AdapterRegistry } from '../views/registry';
import { RULES } from '../../policies/rules';

/** Options of {@link bulwarkPolicies}. */
export interface BulwarkPolicyOptions {
  /** Pack id: which rules run and which are mandatory. Default `all`. */
  readonly pack?: string;
  /** The rules; default Bulwark's. */
  readonly rules?: readonly Rule[];
  /** View adapters; default those of every source. */
  readonly adapters?: AdapterRegistry;
  /** Suppressions file; default `bulwark.suppressions.yaml` in the working directory when present. */
  readonly suppressionsFile?: string;
  readonly suppressions?: readonly Suppression[];
}

/** The name of the policy that reports resources no rule reads. */
export const NOT_JUDGED_POLICY = 'bulwark-not-judged';

/**
 * Pulumi's serialized form of the props a stack validation sees: every value the policy SDK marks
 * unknown (it throws on access during preview) becomes the unknown sentinel.
 */
function serialize(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  const out: unknown = Array.isArray(v) ? [] : {};
  for (const key of Object.keys(v)) {
    let x: unknown;
    try {
      x = (v as Record<string, unknown>)[key];
    } catch (e) {
      if (!(e instanceof UnknownValueError)) throw e;
      x = UNKNOWN_SENTINEL;
    }
    (out as Record<string, unknown>)[key] = serialize(x);
  }
  return out;
}

/** The resources of a stack validation, read as the Pulumi source reads a preview. */
export function resourcesOf(resources: readonly PolicyResource[]): PulumiResource[] {
  const records: PulumiRecord[] = resources.map((r) => ({
    urn: r.urn,
    type: r.type,
    // The policy SDK does not say which resources are components: they are those without a provider.
    custom: r.provider !== undefined,
    ...(r.parent ? { parent: r.parent.urn } : {}),
    inputs: serialize(r.props) as Record<string, unknown>,
    propertyDependencies: Object.fromEntries(
      Object.entries(r.propertyDependencies ?? {}).map(([k, deps]) => [k, deps.map((d) => d.urn)]),
    ),
    ...(r.opts?.protect ? { protect: true } : {}),
    locate: () => ({}),
  }));
  return toResources(records, () => false);
}

/**
 * CrossGuard stack policies built from Bulwark's rules and engine: one policy per rule the pack
 * enables, named by the rule id, `mandatory` or `advisory` as the pack says; each reports the
 * rule's findings (failures, and values that cannot be told before deployment) on their URN, with
 * the rule's Pulumi fix. One more, advisory, reports every resource whose type no rule reads: it is
 * not judged. The stack is evaluated once per validation, whatever the number of policies.
 */
export function bulwarkPolicies(opts: BulwarkPolicyOptions = {}): StackValidationPolicy[] {
  const pack = packOrThrow(opts.pack);
  const rules = opts.rules ?? RULES;
  const adapters = opts.adapters ?? adaptersForAll();
  const evaluations = new WeakMap<object, { evaluation: Evaluation; resources: PulumiResource[] }>();
  const evaluate = (args: StackValidationArgs) => {
    let hit = evaluations.get(args.resources);
    if (!hit) {
      const resources = resourcesOf(args.resources);
      const { evaluation } = checkGraph(new ResourceGraph(resources), {
        pack: pack.id,
        rules,
        adapters,
        suppressionsFile: opts.suppressionsFile,
        suppressions: opts.suppressions,
        findingsOnly: true,
      });
      evaluations.set(args.resources, (hit = { evaluation, resources }));
    }
    return hit;
  };
  const policies: StackValidationPolicy[] = [];
  for (const rule of rules) {
    const enforcement = pack.enforcementOf(rule);
    if (enforcement === 'disabled') continue;
    policies.push({
      name: rule.id,
      description: rule.title,
      enforcementLevel: enforcement,
      severity: rule.severity,
      remediationSteps: fixFor(rule, 'pulumi'),
      validateStack: (args: StackValidationArgs, report: ReportViolation) => {
        for (const r of evaluate(args).evaluation.results) {
          if (r.rule.id !== rule.id || !isFinding(r) || isSuppressed(r)) continue;
          if (r.outcome === 'unknown' && pack.unknownGates === false && enforcement === 'mandatory') continue;
          const prefix = r.outcome === 'unknown' ? 'cannot be told before deployment: ' : '';
          report(`${prefix}${r.message}. Fix: ${fixFor(rule, 'pulumi')}`, r.resource.address);
        }
      },
    });
  }
  policies.push({
    name: NOT_JUDGED_POLICY,
    description: 'Every cloud resource is judged by a Bulwark rule',
    enforcementLevel: 'advisory',
    validateStack: (args: StackValidationArgs, report: ReportViolation) => {
      const { evaluation, resources } = evaluate(args);
      const errors = new Map(evaluation.viewErrors.map((e) => [e.address, e.error]));
      for (const r of resources) {
        if (errors.has(r.address))
          report(`\`${r.logicalId}\` was not judged: ${errors.get(r.address)}`, r.address);
        else if (r.custom && !adapters.adapterFor('pulumi', r.type))
          report(`\`${r.logicalId}\` was not judged: no rule reads \`${r.type}\` yet`, r.address);
      }
    },
  });
  return policies;
}

/**
 * A CrossGuard policy pack of {@link bulwarkPolicies}: the whole `index.ts` of a policy pack
 * directory is `bulwarkPolicyPack()`. Constructing it serves the pack to the Pulumi CLI.
 */
export function bulwarkPolicyPack(name = 'bulwark', opts: BulwarkPolicyOptions = {}): PolicyPack {
  return new PolicyPack(name, { policies: bulwarkPolicies(opts) });
}
