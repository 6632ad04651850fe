import type { RuleResult } from './result';
import { isSuppressed } from './result';
import type { Severity } from './rule';

/** Weight of a check in the score, by severity. */
export const SEVERITY_WEIGHT: Readonly<Record<Severity, number>> = {
  low: 1,
  medium: 2,
  high: 4,
  critical: 8,
};

export interface FrameworkScore {
  /** `mcsb-v1`, `nist-csf-2.0`, `cis-aws-5.0`, or `all`. */
  readonly framework: string;
  /** Percentage 0..100 of applicable checks passed, weighted by severity; null when nothing applied. */
  readonly score: number | null;
  readonly passed: number;
  readonly failed: number;
  readonly unknown: number;
}

/**
 * Share of applicable checks passed, weighted by severity, overall and per framework. Applicable:
 * pass, fail or unknown, on enabled rules, not suppressed. Unknown counts as not passed.
 */
export function computeScores(results: readonly RuleResult[]): {
  overall: FrameworkScore;
  frameworks: FrameworkScore[];
} {
  const acc = new Map<string, { w: number; wp: number; p: number; f: number; u: number }>();
  const bump = (fw: string, r: RuleResult) => {
    let a = acc.get(fw);
    if (!a) acc.set(fw, (a = { w: 0, wp: 0, p: 0, f: 0, u: 0 }));
    const w = SEVERITY_WEIGHT[r.rule.severity];
    a.w += w;
    if (r.outcome === 'pass') {
      a.wp += w;
      a.p++;
    } else if (r.outcome === 'fail') a.f++;
    else a.u++;
  };
  const frameworksOf = new Map<string, readonly string[]>();
  for (const r of results) {
    if (r.outcome === 'not_applicable' || r.enforcement === 'disabled' || isSuppressed(r)) continue;
    bump('all', r);
    let fws = frameworksOf.get(r.rule.id);
    if (!fws)
      frameworksOf.set(
        r.rule.id,
        (fws = [...new Set(r.rule.controls.map((c) => c.slice(0, c.indexOf(':'))))]),
      );
    for (const fw of fws) bump(fw, r);
  }
  const mk = (fw: string): FrameworkScore => {
    const a = acc.get(fw);
    if (!a || a.w === 0) return { framework: fw, score: null, passed: 0, failed: 0, unknown: 0 };
    return {
      framework: fw,
      score: Math.round((1000 * a.wp) / a.w) / 10,
      passed: a.p,
      failed: a.f,
      unknown: a.u,
    };
  };
  const frameworks = [...acc.keys()]
    .filter((k) => k !== 'all')
    .sort()
    .map(mk);
  return { overall: mk('all'), frameworks };
}
