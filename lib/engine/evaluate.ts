import type { ResourceGraph } from '../graph/graph';
import type { AdapterRegistry } from '../views/registry';
import { ViewSet } from '../views/registry';
import type { View } from '../views/kinds';
import { checkView, RuleIndex } from './check-view';
import type { Pack } from './pack';
import type { RuleResult } from './result';
import type { CheckContext, CheckResult, Rule } from './rule';
import { ScoreAccumulator, type FrameworkScore } from './score';
import { SuppressionIndex, isExpired, type Suppression } from './suppression';

export interface EvaluateOptions {
  readonly graph: ResourceGraph;
  readonly adapters: AdapterRegistry;
  readonly rules: readonly Rule[];
  readonly pack: Pack;
  readonly suppressions?: readonly Suppression[];
  /** Date used for suppression expiry; default now. */
  readonly today?: Date;
  /**
   * Keep only fail and unknown results in `results`; passed and not-applicable ones are counted
   * ({@link Evaluation.dropped}) and scored, which is all a report needs unless it lists every
   * check. Default false.
   */
  readonly findingsOnly?: boolean;
}

export interface Evaluation {
  readonly results: readonly RuleResult[];
  readonly pack: Pack;
  /** Rules evaluated (enabled in the pack). */
  readonly rules: readonly Rule[];
  readonly resources: number;
  readonly views: number;
  readonly score: { readonly overall: FrameworkScore; readonly frameworks: readonly FrameworkScore[] };
  readonly suppressions: readonly Suppression[];
  /** File suppressions that matched no result. */
  readonly unusedSuppressions: readonly Suppression[];
  /** Resources whose views could not be derived (adapter errors): reported, never skipped silently. */
  readonly viewErrors: readonly { address: string; type: string; error: string }[];
  /** Results counted and scored but not kept (see {@link EvaluateOptions.findingsOnly}). */
  readonly dropped: { readonly passed: number; readonly notApplicable: number };
}

/**
 * Evaluate rules over the views of a graph. Rules are indexed by view kind, so each view meets only
 * the rules that read its kind; views are computed once per resource. Cost is linear in
 * views x rules-per-kind.
 */
export function evaluate(opts: EvaluateOptions): Evaluation {
  const views = new ViewSet(opts.graph, opts.adapters);
  const index = new RuleIndex(opts.rules, opts.pack);
  const suppressions = new SuppressionIndex(opts.suppressions ?? []);
  const today = opts.today ?? new Date();
  const ctx: CheckContext = {
    viewOf: (address, kind) => views.viewOf(address, kind),
    viewsOfKind: (kind) => views.ofKind(kind),
  };
  const results: RuleResult[] = [];
  const findingsOnly = opts.findingsOnly === true;
  const dropped = { passed: 0, notApplicable: 0 };
  const score = new ScoreAccumulator();
  let viewCount = 0;

  for (const resource of opts.graph.all()) {
    for (const view of views.of(resource)) {
      viewCount++;
      for (const { rule, enforcement } of index.of(view.kind)) {
        for (const c of checkView(rule, view, ctx).results) {
          if (findingsOnly && (c.outcome === 'pass' || c.outcome === 'not_applicable')) {
            score.add(rule, c.outcome, enforcement, false);
            if (c.outcome === 'pass') dropped.passed++;
            else dropped.notApplicable++;
            continue;
          }
          const s =
            c.outcome === 'fail' || c.outcome === 'unknown'
              ? suppressions.find(rule.id, c.finding, resource)
              : undefined;
          const suppression = s ? { suppression: s, expired: isExpired(s, today) } : undefined;
          score.add(rule, c.outcome, enforcement, suppression !== undefined && !suppression.expired);
          results.push({
            rule,
            outcome: c.outcome,
            message: c.message ?? defaultMessage(rule, view, c),
            finding: c.finding,
            view,
            resource,
            enforcement,
            suppression,
          });
        }
      }
    }
  }

  return {
    results,
    pack: opts.pack,
    rules: index.enabled.map((e) => e.rule),
    resources: opts.graph.size,
    views: viewCount,
    score: score.result(),
    suppressions: suppressions.suppressions,
    unusedSuppressions: suppressions.unused(),
    viewErrors: views.errors,
    dropped,
  };
}

function defaultMessage(rule: Rule, view: View, c: CheckResult): string {
  switch (c.outcome) {
    case 'pass':
      return `\`${view.name}\`: ${rule.title}`;
    case 'not_applicable':
      return `\`${view.name}\`: not applicable`;
    default:
      return `\`${view.name}\` does not meet: ${rule.title}`;
  }
}

/** Whether a result gates (fails synth / the check run): a finding, enforced mandatory, not suppressed. */
export function gates(r: RuleResult, pack: Pack): boolean {
  if (r.enforcement !== 'mandatory') return false;
  if (r.suppression && !r.suppression.expired) return false;
  if (r.outcome === 'fail') return true;
  return r.outcome === 'unknown' && pack.unknownGates !== false;
}
