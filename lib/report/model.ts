import type { Evaluation } from '../engine/evaluate';
import { isFinding } from '../engine/result';
import type { ReportDrift } from '../drift/model';
import { relativePath } from '../paths';
import type { ReportDelta } from './delta';
import { kpisOf, type ReportAssessment, type ReportKpis } from './kpis';
import { FindingParts, cmp, compareFindings, reportFinding, type ReportFinding } from './findings';
import { reportRule, uniqueRules, type ReportRule } from './rules';
import { reportScore, summarise, type ReportScore, type ReportSummary } from './summary';
import { suppressionsOf, type ReportSuppression } from './suppressions';

export { relativePath } from '../paths';
export {
  SEVERITY_ORDER,
  compareSeverity,
  locationOf,
  type FindingStatus,
  type ReportAppliedSuppression,
  type ReportFinding,
  type ReportResource,
} from './findings';
export type { ReportControl, ReportRule } from './rules';
export type { ReportPack, ReportScore, ReportSummary } from './summary';
export type { ReportSuppression } from './suppressions';
export type { ReportDelta } from './delta';
export type {
  ReportAssessment,
  ReportComplianceFigures,
  ReportFrameworkCompliance,
  ReportGroupCompliance,
  ReportKpis,
} from './kpis';

/** The tool that wrote the report. */
export interface ReportTool {
  /** `bulwark`. */
  readonly name: string;
  /** Version of the tool (the package version); `unknown` when the caller did not give it. */
  readonly version: string;
  /** Home page of the tool, when the caller gave it. */
  readonly informationUri?: string;
}

/** A resource whose views could not be derived: its rules did not run. */
export interface ReportError {
  readonly address: string;
  readonly type: string;
  readonly error: string;
}

export type { DriftKind, DriftValue, ReportAccountFact, ReportDrift, ReportDriftEntry } from '../drift/model';

/**
 * The report: Bulwark's stable JSON contract (`bulwark check --format json`). Fields are only
 * added, never renamed or removed, while `schemaVersion` stays 2. Optional fields are absent
 * (never null) when unknown.
 *
 * In JSON each finding is written without the fields it shares with its rule (`title`,
 * `enforcement`, `fix`, `controls`, `threats`: see `JsonFinding` in `json.ts`); its `ruleId` names the
 * entry of `rules` that gives them once. In memory, each finding also carries them as they apply
 * to it: the fix for its front end, and the controls of the frameworks that speak of its cloud.
 * Version 1 repeated them in every finding.
 */
export interface Report {
  /** Version of this shape. */
  readonly schemaVersion: 2;
  readonly tool: ReportTool;
  /** Paths checked, relative to the working directory. */
  readonly inputs: readonly string[];
  /** Parts of the inputs that could not be read completely: findings may be missing for them. */
  readonly incomplete: readonly string[];
  /** Files of a given directory that no source recognises: not read (absent when none). */
  readonly skipped?: readonly string[];
  readonly summary: ReportSummary;
  readonly score: { readonly overall: ReportScore; readonly frameworks: readonly ReportScore[] };
  /** Counts by severity, the secure score, and compliance per framework and per top-level group. */
  readonly kpis: ReportKpis;
  /** The weighted assessment: technical, operational, compliance and overall. */
  readonly assessment: ReportAssessment;
  /** With a baseline (`--baseline`): the findings this change added and fixed, and the score's move. */
  readonly delta?: ReportDelta;
  /**
   * Fail and unknown results, suppressed or not (every result when built with `includePassed`),
   * sorted by severity (critical first), rule id, resource address, finding.
   */
  readonly findings: readonly ReportFinding[];
  /** The rules of `findings`, by id. */
  readonly rules: readonly ReportRule[];
  /** Every suppression declared in files, and every inline acknowledgement seen, with use. */
  readonly suppressions: readonly ReportSuppression[];
  /** Resources whose views could not be derived. */
  readonly errors: readonly ReportError[];
  /**
   * `bulwark drift` only: how the deployed resources differ from the desired state. The rest of the
   * report (summary, findings) is then about the live state.
   */
  readonly drift?: ReportDrift;
}

/** Options of {@link buildReport}. */
export interface BuildReportOptions {
  /** List pass and not-applicable results in `findings` too. Default false. */
  readonly includePassed?: boolean;
  readonly tool?: { readonly name?: string; readonly version: string; readonly informationUri?: string };
  /** Paths that were checked. */
  readonly inputs: readonly string[];
  /** Directory paths are made relative to; default `process.cwd()`. */
  readonly cwd?: string;
  /** Parts of the inputs that could not be read completely. */
  readonly incomplete?: readonly string[];
  /** Files of a given directory that no source recognises. */
  readonly skipped?: readonly string[];
  /** Date for the expiry of suppressions that matched nothing; default now. */
  readonly today?: Date;
  /** The drift section (`bulwark drift`). */
  readonly drift?: ReportDrift;
}

/** Build the report of an evaluation: counts, scores, sorted findings, suppressions, errors. */
export function buildReport(evaluation: Evaluation, options: BuildReportOptions): Report {
  const cwd = options.cwd ?? process.cwd();
  const today = options.today ?? new Date();
  const summary = summarise(evaluation);
  const listed = evaluation.results.filter((r) => options.includePassed || isFinding(r));
  const parts = new FindingParts(cwd);
  const findings = listed.map((r) => reportFinding(r, evaluation.pack, cwd, parts)).sort(compareFindings);

  const ruleIds = new Set(findings.map((f) => f.ruleId));
  const rules = uniqueRules(listed)
    .filter((r) => ruleIds.has(r.rule.id))
    .map(({ rule, enforcement, frontEnds }) => reportRule(rule, enforcement, frontEnds))
    .sort((a, b) => cmp(a.id, b.id));

  return {
    schemaVersion: 2,
    tool: {
      name: options.tool?.name ?? 'bulwark',
      version: options.tool?.version ?? 'unknown',
      ...(options.tool?.informationUri ? { informationUri: options.tool.informationUri } : {}),
    },
    inputs: options.inputs.map((p) => relativePath(p, cwd)),
    incomplete: [...(options.incomplete ?? [])],
    ...(options.skipped?.length ? { skipped: options.skipped.map((p) => relativePath(p, cwd)) } : {}),
    summary,
    score: {
      overall: reportScore(evaluation.score.overall),
      frameworks: evaluation.score.frameworks.map(reportScore),
    },
    ...kpisOf(evaluation.score, summary.bySeverity),
    findings,
    rules,
    suppressions: suppressionsOf(evaluation, today, cwd),
    errors: evaluation.viewErrors.map((e) => ({ address: e.address, type: e.type, error: e.error })),
    ...(options.drift ? { drift: options.drift } : {}),
  };
}
