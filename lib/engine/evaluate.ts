import type { ResourceGraph } from '../graph/graph';
import type { Resource } from '../graph/resource';
import { choicesOf } from '../graph/values';
import type { AdapterRegistry } from '../views/registry';
import { ViewSet } from '../views/registry';
import type { View, ViewKind } from '../views/kinds';
import { describeBranch, expandBranches } from './branches';
import { checkView, RuleError, RuleIndex, runRule } from './check-view';
import type { Enforcement, Pack } from './pack';
import type { RuleResult } from './result';
import type { CheckContext, CheckResult, Outcome, Rule } from './rule';
import { cloudOfResource, type Cloud } from './clouds';
import { ScoreAccumulator, type ScoreResult } from './score';
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
  readonly score: ScoreResult;
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

  const record = (
    resource: Resource,
    cloud: Cloud | undefined,
    view: View,
    rule: Rule,
    enforcement: Enforcement,
    c: CheckResult,
  ): void => {
    if (findingsOnly) {
      // Counted only: a not-applicable result does not score.
      if (c.outcome === 'not_applicable') {
        dropped.notApplicable++;
        return;
      }
      if (c.outcome === 'pass') {
        score.add(rule, 'pass', enforcement, false, cloud);
        dropped.passed++;
        return;
      }
    }
    const s =
      c.outcome === 'fail' || c.outcome === 'unknown'
        ? suppressions.find(rule.id, c.finding, resource)
        : undefined;
    const suppression = s ? { suppression: s, expired: isExpired(s, today) } : undefined;
    score.add(rule, c.outcome, enforcement, suppression !== undefined && !suppression.expired, cloud);
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
  };

  // Indexed loops and no wrapper per result: this runs once per view and rule.
  for (const resource of opts.graph.all()) {
    const own = views.of(resource);
    viewCount += own.length;
    const cloud = cloudOfResource(resource);
    const choices = choicesOf(resource.properties);
    if (choices !== undefined) {
      for (const j of judgeBranches(resource, choices, views, index, ctx))
        record(resource, cloud, j.view, j.rule, j.enforcement, j.result);
      continue;
    }
    for (let v = 0; v < own.length; v++) {
      const view = own[v]!;
      const rules = index.of(view.kind);
      for (let r = 0; r < rules.length; r++) {
        const { rule, enforcement } = rules[r]!;
        const out = runRule(rule, view, ctx);
        if (out instanceof RuleError) record(resource, cloud, view, rule, enforcement, out.result);
        else if (!Array.isArray(out)) record(resource, cloud, view, rule, enforcement, out as CheckResult);
        else {
          const list = out as readonly CheckResult[];
          for (let i = 0; i < list.length; i++) record(resource, cloud, view, rule, enforcement, list[i]!);
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

/** One rule's merged result on a resource judged branch by branch. */
interface Judged {
  readonly rule: Rule;
  readonly enforcement: Enforcement;
  readonly view: View;
  readonly result: CheckResult;
}

/**
 * Judge a resource whose properties hold deploy-time choices once per variant (one option of each
 * choice), and merge the results per rule and finding: any fail is a fail, naming the branch it
 * holds in; else any unknown is unknown; else pass, or not applicable when no variant applies. A
 * finding absent from some variants is merged over those that report it. A result without a finding
 * key that passes is dropped when the same rule fails or is unknown in some branch (it says the
 * resource is fine as a whole).
 */
function judgeBranches(
  resource: Resource,
  choices: Parameters<typeof expandBranches>[1],
  views: ViewSet,
  index: RuleIndex,
  ctx: CheckContext,
): Judged[] {
  const branches = expandBranches(resource, choices);
  type Seen = {
    rule: Rule;
    enforcement: Enforcement;
    finding?: string;
    byVariant: Map<number, [View, CheckResult]>;
  };
  const groups = new Map<string, Seen>();
  branches.variants.forEach((variant, i) => {
    const ordinal = new Map<ViewKind, number>();
    for (const view of views.variant(resource, variant.properties, variant.tags)) {
      const n = ordinal.get(view.kind) ?? 0;
      ordinal.set(view.kind, n + 1);
      for (const { rule, enforcement } of index.of(view.kind)) {
        for (const c of checkView(rule, view, ctx).results) {
          const id = `${rule.id}\u0000${view.kind}\u0000${n}\u0000${c.finding ?? ''}`;
          let g = groups.get(id);
          if (!g) groups.set(id, (g = { rule, enforcement, finding: c.finding, byVariant: new Map() }));
          // Several results of one finding in one variant: the worst is kept.
          const prev = g.byVariant.get(i);
          if (!prev || RANK[c.outcome] > RANK[prev[1].outcome]) g.byVariant.set(i, [view, c]);
        }
      }
    }
  });
  const out: Judged[] = [];
  const findingRules = new Set<string>();
  for (const g of groups.values()) {
    const seen = [...g.byVariant.entries()];
    const worst = seen.reduce((a, b) => (RANK[b[1][1].outcome] > RANK[a[1][1].outcome] ? b : a));
    const outcome = worst[1][1].outcome;
    const [view, c] = worst[1];
    if (outcome === 'fail' || outcome === 'unknown') {
      findingRules.add(g.rule.id);
      const holds = new Set(seen.filter(([, [, r]]) => r.outcome === outcome).map(([i]) => i));
      const branch = describeBranch(branches, holds);
      const message = c.message ?? defaultMessage(g.rule, view, c);
      out.push({
        rule: g.rule,
        enforcement: g.enforcement,
        view,
        result: { outcome, finding: c.finding, message: branch ? `when ${branch}: ${message}` : message },
      });
    } else {
      // Branches that pass for different reasons say so, each named.
      const byMessage = new Map<string, Set<number>>();
      for (const [i, [v, r]] of seen) {
        const m = r.message ?? defaultMessage(g.rule, v, r);
        let set = byMessage.get(m);
        if (!set) byMessage.set(m, (set = new Set()));
        set.add(i);
      }
      const message =
        byMessage.size === 1
          ? c.message
          : [...byMessage]
              .map(([m, holds]) => {
                const branch = describeBranch(branches, holds);
                return branch ? `when ${branch}: ${m}` : m;
              })
              .join('; ');
      out.push({ rule: g.rule, enforcement: g.enforcement, view, result: { ...c, message } });
    }
  }
  return out.filter(
    (j) =>
      j.result.finding !== undefined ||
      j.result.outcome === 'fail' ||
      j.result.outcome === 'unknown' ||
      !findingRules.has(j.rule.id),
  );
}

/** Merge order: a fail outweighs an unknown, an unknown a pass, a pass a not-applicable. */
const RANK: Readonly<Record<Outcome, number>> = { not_applicable: 0, pass: 1, unknown: 2, fail: 3 };

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
