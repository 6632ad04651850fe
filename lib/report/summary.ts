import type { Evaluation } from '../engine/evaluate';
import { gates } from '../engine/evaluate';
import { isFinding, isSuppressed } from '../engine/result';
import type { Severity } from '../engine/rule';
import type { FrameworkScore } from '../engine/score';
import { catalogOf } from '../../policies/controls';

/** The rule pack the evaluation used. */
export interface ReportPack {
  /** Pack id: `all`, `mcsb-v1`, ... */
  readonly id: string;
  readonly title: string;
  /** Whether an unresolvable value (`unknown`) gates like a failure under mandatory enforcement. */
  readonly unknownGates: boolean;
}

/**
 * Counts over every result of the evaluation (not only those listed in `findings`). `passed`,
 * `failed`, `unknown`, `notApplicable` and `suppressed` partition `checks`: a suppressed result counts
 * only as suppressed; a result whose suppression expired counts as failed or unknown again.
 */
export interface ReportSummary {
  /** Resources read from the inputs. */
  readonly resources: number;
  /** Views (security facts) derived from them. */
  readonly views: number;
  /** Rules the pack enabled. */
  readonly rules: number;
  /** Results: one per rule, view and finding. */
  readonly checks: number;
  readonly passed: number;
  /** Failures not covered by a suppression in force. */
  readonly failed: number;
  /** Values that could not be resolved, not covered by a suppression in force. */
  readonly unknown: number;
  readonly notApplicable: number;
  /** Failures and unknowns covered by a suppression in force. */
  readonly suppressed: number;
  /** Unsuppressed failures and unknowns by rule severity. */
  readonly bySeverity: Readonly<Record<Severity, number>>;
  /** Results that gate: mandatory, not suppressed, fail (or unknown when the pack says unknowns gate). */
  readonly gating: number;
  readonly pack: ReportPack;
}

/** A score: share of applicable checks passed, weighted by severity. */
export interface ReportScore {
  /** `all` for the overall score, else the framework prefix of control references: `mcsb-v1`. */
  readonly framework: string;
  /** Display name of the framework: `Microsoft Cloud Security Benchmark`; `All rules` for `all`. */
  readonly name: string;
  /** Percentage 0..100 with one decimal; null when no check applied. */
  readonly score: number | null;
  readonly passed: number;
  readonly failed: number;
  readonly unknown: number;
}

/** The counts of an evaluation: see {@link ReportSummary}. */
export function summarise(evaluation: Evaluation): ReportSummary {
  const pack = evaluation.pack;
  const results = evaluation.results;
  const bySeverity: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0 };
  let passed = evaluation.dropped.passed;
  let failed = 0;
  let unknown = 0;
  let notApplicable = evaluation.dropped.notApplicable;
  let suppressed = 0;
  let gating = 0;
  for (const r of results) {
    if (gates(r, pack)) gating++;
    if (isFinding(r) && isSuppressed(r)) {
      suppressed++;
      continue;
    }
    if (isFinding(r)) bySeverity[r.rule.severity]++;
    if (r.outcome === 'pass') passed++;
    else if (r.outcome === 'fail') failed++;
    else if (r.outcome === 'unknown') unknown++;
    else notApplicable++;
  }
  return {
    resources: evaluation.resources,
    views: evaluation.views,
    rules: evaluation.rules.length,
    checks: results.length + evaluation.dropped.passed + evaluation.dropped.notApplicable,
    passed,
    failed,
    unknown,
    notApplicable,
    suppressed,
    bySeverity,
    gating,
    pack: { id: pack.id, title: pack.title, unknownGates: pack.unknownGates !== false },
  };
}

/** A framework's score as the report shows it, with the framework's display name. */
export function reportScore(s: FrameworkScore): ReportScore {
  return {
    framework: s.framework,
    name: s.framework === 'all' ? 'All rules' : (catalogOf(s.framework)?.name ?? s.framework),
    score: s.score,
    passed: s.passed,
    failed: s.failed,
    unknown: s.unknown,
  };
}
