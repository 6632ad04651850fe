import type { Enforcement } from '../engine/pack';
import type { RuleResult } from '../engine/result';
import type { Rule, Severity, Threat } from '../engine/rule';
import { FRONT_END_NAMES, FRONT_ENDS, fixFor, frontEndOf, type FrontEnd } from '../engine/fix';
import { catalogOf, resolveControl } from '../../policies/controls';
import type { Cloud } from '../engine/clouds';

/** A control reference, resolved against the catalogs where it can be. */
export interface ReportControl {
  /** The reference as the rule writes it: `mcsb-v1:DP-3`. */
  readonly ref: string;
  /** Control title; absent when the reference names no known control. */
  readonly title?: string;
  /** Reference page: an https URL, or a repository doc path for Bulwark's own policies. */
  readonly url?: string;
  /**
   * The clouds the control speaks of, when its framework is one cloud's benchmark (CIS AWS: `aws`):
   * a finding on a resource of another cloud does not assert it. Absent for frameworks of every cloud.
   */
  readonly clouds?: readonly Cloud[];
}

/** A rule that has at least one entry in `findings`: what a reader needs to understand and fix it. */
export interface ReportRule {
  /** Stable rule id: `BW-DP-002`. */
  readonly id: string;
  /** The good state, as a sentence. */
  readonly title: string;
  readonly severity: Severity;
  /** Enforcement the pack gives the rule. */
  readonly enforcement: Enforcement;
  /** Why the control matters. */
  readonly rationale: string;
  /** How to fix a failure. */
  readonly fix: string;
  /** The rule's documentation, else the first of its controls with an https reference page. */
  readonly helpUri?: string;
  readonly controls: readonly ReportControl[];
  readonly threats: readonly Threat[];
}

/** The rules of some results, each once, with the enforcement the pack gives it and the front ends of its results. */
export function uniqueRules(
  results: readonly RuleResult[],
): { rule: Rule; enforcement: Enforcement; frontEnds: Set<FrontEnd> }[] {
  const seen = new Map<string, { rule: Rule; enforcement: Enforcement; frontEnds: Set<FrontEnd> }>();
  for (const r of results) {
    let entry = seen.get(r.rule.id);
    if (!entry)
      seen.set(r.rule.id, (entry = { rule: r.rule, enforcement: r.enforcement, frontEnds: new Set() }));
    entry.frontEnds.add(frontEndOf(r.resource));
  }
  return [...seen.values()];
}

/**
 * A rule's fix for the front ends of its findings: the one front end's text, or each front end's
 * text named by its front end when the findings come from several.
 */
function ruleFix(rule: Rule, frontEnds: ReadonlySet<FrontEnd>): string {
  const fes = FRONT_ENDS.filter((fe) => frontEnds.has(fe));
  if (fes.length <= 1) return fixFor(rule, fes[0] ?? 'cdk');
  return fes.map((fe) => `${FRONT_END_NAMES[fe]}: ${fixFor(rule, fe)}`).join(' ');
}

/** A rule as the report describes it, its control references resolved against the catalogs. */
export function reportRule(
  rule: Rule,
  enforcement: Enforcement,
  frontEnds: ReadonlySet<FrontEnd>,
): ReportRule {
  const controls: ReportControl[] = rule.controls.map((ref) => {
    const c = resolveControl(ref);
    const clouds = catalogOf(ref.slice(0, ref.indexOf(':')))?.clouds;
    return {
      ref,
      ...(c ? { title: c.control.title, url: c.control.url } : {}),
      ...(clouds !== undefined ? { clouds: [...clouds] } : {}),
    };
  });
  const helpUri = rule.helpUri ?? controls.find((c) => c.url?.startsWith('https://'))?.url;
  return {
    id: rule.id,
    title: rule.title,
    severity: rule.severity,
    enforcement,
    rationale: rule.rationale,
    fix: ruleFix(rule, frontEnds),
    ...(helpUri !== undefined ? { helpUri } : {}),
    controls,
    threats: [...(rule.threats ?? [])],
  };
}
