import { assessmentPart, type AssessmentPart } from './assessment';
import { frameworkSpeaksOf, type Cloud } from './clouds';
import type { Enforcement } from './pack';
import type { Outcome, Rule, Severity } from './rule';

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

/** Applicable results of the rules asserting one control (unweighted). */
export interface ControlTally {
  /** The control reference: `mcsb-v1:DP-3`. */
  readonly ref: string;
  readonly passed: number;
  readonly failed: number;
  readonly unknown: number;
}

/** What {@link ScoreAccumulator.result} returns. */
export interface ScoreResult {
  readonly overall: FrameworkScore;
  readonly frameworks: readonly FrameworkScore[];
  /** The score of the rules feeding each part of the assessment (see `assessment.ts`). */
  readonly parts: Readonly<Record<AssessmentPart, FrameworkScore>>;
  /** Per control reference, sorted by reference. */
  readonly controls: readonly ControlTally[];
}

interface RuleTallies {
  readonly w: number;
  readonly tallies: readonly { w: number; wp: number; p: number; f: number; u: number }[];
  readonly controls: readonly { p: number; f: number; u: number }[];
}

/**
 * Accumulates the score as results are produced, so results need not be kept to compute it.
 * Applicable: pass, fail or unknown, on enabled rules, not suppressed. Unknown counts as not passed.
 */
export class ScoreAccumulator {
  private readonly acc = new Map<string, { w: number; wp: number; p: number; f: number; u: number }>();
  private readonly controls = new Map<string, { p: number; f: number; u: number }>();
  /** Per cloud of the resources judged (`''` when not known), per rule. */
  private readonly byCloud = new Map<string, Map<Rule, RuleTallies>>();
  /** The rules of the cloud last counted: results come resource by resource, so most often the same cloud. */
  private cloud: string | undefined;
  private rules = new Map<Rule, RuleTallies>();

  /**
   * Count one result. `cloud` is the cloud of the resource judged: a result counts towards a framework
   * that speaks of some clouds only (CIS AWS, CIS Azure) only on one of them.
   */
  add(rule: Rule, outcome: Outcome, enforcement: Enforcement, suppressed: boolean, cloud?: Cloud): void {
    if (outcome === 'not_applicable' || enforcement === 'disabled' || suppressed) return;
    const { w, tallies, controls } = this.of(rule, cloud);
    // Indexed loops: this runs once per check, and allocates nothing.
    for (let i = 0; i < tallies.length; i++) {
      const a = tallies[i]!;
      a.w += w;
      if (outcome === 'pass') {
        a.wp += w;
        a.p++;
      } else if (outcome === 'fail') a.f++;
      else a.u++;
    }
    for (let i = 0; i < controls.length; i++) {
      const t = controls[i]!;
      if (outcome === 'pass') t.p++;
      else if (outcome === 'fail') t.f++;
      else t.u++;
    }
  }

  /**
   * The tallies a rule's results on a cloud count in (every framework it asserts that speaks of the
   * cloud, its part, each control of those frameworks), found once.
   */
  private of(rule: Rule, cloud: Cloud | undefined): RuleTallies {
    const key = cloud ?? '';
    if (key !== this.cloud) {
      let rules = this.byCloud.get(key);
      if (!rules) this.byCloud.set(key, (rules = new Map()));
      this.cloud = key;
      this.rules = rules;
    }
    let r = this.rules.get(rule);
    if (r) return r;
    const refs = [...new Set(rule.controls)].filter((ref) =>
      frameworkSpeaksOf(ref.slice(0, ref.indexOf(':')), cloud),
    );
    const fws = [
      'all',
      `part:${assessmentPart(rule)}`,
      ...new Set(refs.map((c) => c.slice(0, c.indexOf(':')))),
    ];
    const tallies = fws.map((fw) => {
      let a = this.acc.get(fw);
      if (!a) this.acc.set(fw, (a = { w: 0, wp: 0, p: 0, f: 0, u: 0 }));
      return a;
    });
    const controls = refs.map((ref) => {
      let t = this.controls.get(ref);
      if (!t) this.controls.set(ref, (t = { p: 0, f: 0, u: 0 }));
      return t;
    });
    r = { w: SEVERITY_WEIGHT[rule.severity], tallies, controls };
    this.rules.set(rule, r);
    return r;
  }

  result(): ScoreResult {
    const mk = (fw: string): FrameworkScore => {
      const a = this.acc.get(fw);
      if (!a || a.w === 0) return { framework: fw, score: null, passed: 0, failed: 0, unknown: 0 };
      return {
        framework: fw,
        score: Math.round((1000 * a.wp) / a.w) / 10,
        passed: a.p,
        failed: a.f,
        unknown: a.u,
      };
    };
    const frameworks = [...this.acc.keys()]
      .filter((k) => k !== 'all' && !k.startsWith('part:'))
      .sort()
      .map(mk);
    const part = (p: AssessmentPart) => ({ ...mk(`part:${p}`), framework: p });
    const controls = [...this.controls.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([ref, t]) => ({ ref, passed: t.p, failed: t.f, unknown: t.u }));
    return {
      overall: mk('all'),
      frameworks,
      parts: { technical: part('technical'), operational: part('operational') },
      controls,
    };
  }
}
