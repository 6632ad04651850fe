import * as path from 'node:path';
import type { Evaluation } from '../engine/evaluate';
import { gates } from '../engine/evaluate';
import type { Enforcement } from '../engine/pack';
import type { RuleResult } from '../engine/result';
import { isFinding, isSuppressed } from '../engine/result';
import type { Rule, Severity, Threat } from '../engine/rule';
import { FRONT_END_NAMES, FRONT_ENDS, fixFor, frontEndOf, type FrontEnd } from '../engine/fix';
import type { FrameworkScore } from '../engine/score';
import type { Suppression, SuppressionOrigin } from '../engine/suppression';
import { isExpired, parseRuleRef } from '../engine/suppression';
import { catalogOf, resolveControl } from '../../policies/controls';
import type { ReportDrift } from '../drift/model';
import { relativePath } from '../paths';

export { relativePath } from '../paths';

/** Severities from most to least severe: the order of every report. */
export const SEVERITY_ORDER: readonly Severity[] = ['critical', 'high', 'medium', 'low'];

/** A result's outcome as the report names it. */
export type FindingStatus = 'fail' | 'unknown' | 'pass' | 'not_applicable';

/** The tool that wrote the report. */
export interface ReportTool {
  /** `bulwark`. */
  readonly name: string;
  /** Version of the tool (the package version); `unknown` when the caller did not give it. */
  readonly version: string;
  /** Home page of the tool, when the caller gave it. */
  readonly informationUri?: string;
}

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

/** A control reference, resolved against the catalogs where it can be. */
export interface ReportControl {
  /** The reference as the rule writes it: `mcsb-v1:DP-3`. */
  readonly ref: string;
  /** Control title; absent when the reference names no known control. */
  readonly title?: string;
  /** Reference page: an https URL, or a repository doc path for Bulwark's own policies. */
  readonly url?: string;
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

/** The resource a finding is about. */
export interface ReportResource {
  /** Stable address, unique in the graph: `Stack/LogicalId` for CloudFormation. */
  readonly address: string;
  /** Provider-native type: `AWS::S3::Bucket`. */
  readonly type: string;
  /** Display name used in messages: the construct id, else the logical id. */
  readonly name: string;
  /** CDK construct path (`Stack/Data/Resource`), when known. */
  readonly path?: string;
  /** Template logical id, when known. */
  readonly logicalId?: string;
  /** Stack (or module) the resource belongs to, when known. */
  readonly stack?: string;
  /** File the resource was read from, relative to the working directory, with forward slashes. */
  readonly file?: string;
  /** 1-based line of the resource's declaration in `file`, when known. */
  readonly line?: number;
  /** 1-based column of the resource's declaration in `file`, when known. */
  readonly column?: number;
}

/** The suppression that covers (or covered, if expired) a finding. */
export interface ReportAppliedSuppression {
  readonly reason: string;
  readonly owner?: string;
  /** ISO date (YYYY-MM-DD) after which it no longer applies. */
  readonly expires?: string;
  /** True when `expires` has passed: the finding is back (`suppressed` is false). */
  readonly expired: boolean;
  /** `file` (a suppressions file), `cdk-acknowledgement` or `construct-opt-out`. */
  readonly origin: SuppressionOrigin;
  /** File (and line) where it was declared, when known. */
  readonly declaredIn?: string;
}

/** One rule's result on one resource (one finding when the rule reports several per resource). */
export interface ReportFinding {
  /** Stable rule id: `BW-DP-002`. */
  readonly ruleId: string;
  /** The rule's title: the good state. */
  readonly title: string;
  readonly severity: Severity;
  readonly status: FindingStatus;
  /** Enforcement the pack gives the rule: a `mandatory` failure gates. */
  readonly enforcement: Enforcement;
  /** Whether this result gates (fails synth / the check run). */
  readonly gating: boolean;
  /** True when a suppression in force covers the result; false when none does or it expired. */
  readonly suppressed: boolean;
  /** The suppression that matched, expired or not. */
  readonly suppression?: ReportAppliedSuppression;
  /**
   * What is wrong (or right), naming the resource in backticks. Text from the artifact: escape it
   * for the medium it is shown in. Ends with `(suppression expired on YYYY-MM-DD)` when that happened.
   */
  readonly message: string;
  /** How to fix it. */
  readonly fix: string;
  /** Control references the rule asserts: `mcsb-v1:DP-3`. */
  readonly controls: readonly string[];
  readonly threats: readonly Threat[];
  /** Distinguishes several findings of one rule on one resource (`ingress-22`); target of `RULE[finding]`. */
  readonly finding?: string;
  /** Kind of view the rule read: `data-store`, `firewall`, ... */
  readonly view: string;
  readonly resource: ReportResource;
}

/** A declared suppression, and whether it matched anything. */
export interface ReportSuppression {
  /** Rule id it suppresses. */
  readonly rule: string;
  /** One finding of the rule, when narrowed (`RULE[finding]`). */
  readonly finding?: string;
  /** Construct path glob, logical id or address; the resource's path for inline acknowledgements. */
  readonly target?: string;
  readonly reason: string;
  readonly owner?: string;
  readonly expires?: string;
  readonly expired: boolean;
  readonly origin: SuppressionOrigin;
  /** File (and line) where it was declared, relative to the working directory when it is a path. */
  readonly declaredIn?: string;
  /** Whether it matched at least one failure or unknown. An unused file suppression is stale. */
  readonly used: boolean;
  /** Number of results it matched. */
  readonly matched: number;
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
 * added, never renamed or removed, while `schemaVersion` stays 1. Optional fields are absent
 * (never null) when unknown.
 */
export interface Report {
  /** Version of this shape. */
  readonly schemaVersion: 1;
  readonly tool: ReportTool;
  /** Paths checked, relative to the working directory. */
  readonly inputs: readonly string[];
  /** Parts of the inputs that could not be read completely: findings may be missing for them. */
  readonly incomplete: readonly string[];
  /** Files of a given directory that no source recognises: not read (absent when none). */
  readonly skipped?: readonly string[];
  readonly summary: ReportSummary;
  readonly score: { readonly overall: ReportScore; readonly frameworks: readonly ReportScore[] };
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

  const listed = results.filter((r) => options.includePassed || isFinding(r));
  const findings = listed.map((r) => finding(r, pack, cwd)).sort(compareFindings);

  const ruleIds = new Set(findings.map((f) => f.ruleId));
  const rules = uniqueRules(listed)
    .filter((r) => ruleIds.has(r.rule.id))
    .map(({ rule, enforcement, frontEnds }) => reportRule(rule, enforcement, frontEnds))
    .sort((a, b) => cmp(a.id, b.id));

  return {
    schemaVersion: 1,
    tool: {
      name: options.tool?.name ?? 'bulwark',
      version: options.tool?.version ?? 'unknown',
      ...(options.tool?.informationUri ? { informationUri: options.tool.informationUri } : {}),
    },
    inputs: options.inputs.map((p) => relativePath(p, cwd)),
    incomplete: [...(options.incomplete ?? [])],
    ...(options.skipped?.length ? { skipped: options.skipped.map((p) => relativePath(p, cwd)) } : {}),
    summary: {
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
    },
    score: {
      overall: score(evaluation.score.overall),
      frameworks: evaluation.score.frameworks.map(score),
    },
    findings,
    rules,
    suppressions: suppressionsOf(evaluation, today, cwd),
    errors: evaluation.viewErrors.map((e) => ({ address: e.address, type: e.type, error: e.error })),
    ...(options.drift ? { drift: options.drift } : {}),
  };
}

/** Where a finding is: `file:line (construct path)`, or the construct path (else address) alone. */
export function locationOf(f: ReportFinding): string {
  const r = f.resource;
  const file = r.file !== undefined ? (r.line !== undefined ? `${r.file}:${r.line}` : r.file) : undefined;
  const where = r.path ?? r.address;
  return file !== undefined ? `${file} (${where})` : where;
}

/** Compare severities: critical first. */
export function compareSeverity(a: Severity, b: Severity): number {
  return SEVERITY_ORDER.indexOf(a) - SEVERITY_ORDER.indexOf(b);
}

function cmp(a: string | undefined, b: string | undefined): number {
  const x = a ?? '';
  const y = b ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Orders `U2Topic` before `U10Topic`. */
const natural = new Intl.Collator('en', { numeric: true, sensitivity: 'variant' });

function compareFindings(a: ReportFinding, b: ReportFinding): number {
  return (
    compareSeverity(a.severity, b.severity) ||
    cmp(a.ruleId, b.ruleId) ||
    natural.compare(a.resource.address, b.resource.address) ||
    cmp(a.finding, b.finding) ||
    cmp(a.status, b.status)
  );
}

function finding(r: RuleResult, pack: Evaluation['pack'], cwd: string): ReportFinding {
  const res = r.resource;
  const loc = res.location;
  const applied = r.suppression;
  const expiredNote =
    applied?.expired && isFinding(r)
      ? ` (suppression expired on ${applied.suppression.expires ?? 'an earlier date'})`
      : '';
  return {
    ruleId: r.rule.id,
    title: r.rule.title,
    severity: r.rule.severity,
    status: r.outcome,
    enforcement: r.enforcement,
    gating: gates(r, pack),
    suppressed: isFinding(r) && isSuppressed(r),
    ...(applied ? { suppression: appliedSuppression(applied.suppression, applied.expired, cwd) } : {}),
    message: r.message + expiredNote,
    fix: fixFor(r.rule, frontEndOf(res)),
    controls: [...r.rule.controls],
    threats: [...(r.rule.threats ?? [])],
    ...(r.finding !== undefined ? { finding: r.finding } : {}),
    view: r.view.kind,
    resource: {
      address: res.address,
      type: res.type,
      name: r.view.name,
      ...(res.path !== undefined ? { path: res.path } : {}),
      ...(res.logicalId !== undefined ? { logicalId: res.logicalId } : {}),
      ...(res.stack !== undefined ? { stack: res.stack } : {}),
      ...(loc?.file !== undefined ? { file: relativePath(loc.file, cwd) } : {}),
      ...(loc?.line !== undefined ? { line: loc.line } : {}),
      ...(loc?.column !== undefined ? { column: loc.column } : {}),
    },
  };
}

function appliedSuppression(s: Suppression, expired: boolean, cwd: string): ReportAppliedSuppression {
  return {
    reason: s.reason,
    ...(s.owner !== undefined ? { owner: s.owner } : {}),
    ...(s.expires !== undefined ? { expires: s.expires } : {}),
    expired,
    origin: s.origin,
    ...(s.declaredIn !== undefined ? { declaredIn: relativeDeclaration(s.declaredIn, cwd) } : {}),
  };
}

function uniqueRules(
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

function reportRule(rule: Rule, enforcement: Enforcement, frontEnds: ReadonlySet<FrontEnd>): ReportRule {
  const controls: ReportControl[] = rule.controls.map((ref) => {
    const c = resolveControl(ref);
    return c ? { ref, title: c.control.title, url: c.control.url } : { ref };
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

function score(s: FrameworkScore): ReportScore {
  return {
    framework: s.framework,
    name: s.framework === 'all' ? 'All rules' : (catalogOf(s.framework)?.name ?? s.framework),
    score: s.score,
    passed: s.passed,
    failed: s.failed,
    unknown: s.unknown,
  };
}

/**
 * Every file suppression (used or not) and every inline acknowledgement on a resource that was
 * evaluated. Inline acknowledgements are recreated per result by the engine, so they are keyed by
 * rule, finding, target and reason.
 */
function suppressionsOf(evaluation: Evaluation, today: Date, cwd: string): ReportSuppression[] {
  const declared = new Map<Suppression, { matched: number; expired?: boolean }>();
  for (const s of evaluation.suppressions) declared.set(s, { matched: 0 });
  const inline = new Map<string, { s: Suppression; matched: number }>();
  const inlineKey = (rule: string, finding: string | undefined, target: string | undefined, reason: string) =>
    JSON.stringify([rule, finding ?? null, target ?? null, reason]);

  for (const r of evaluation.results) {
    const applied = r.suppression;
    if (!applied) continue;
    const entry = declared.get(applied.suppression);
    if (entry) {
      entry.matched++;
      entry.expired = applied.expired;
      continue;
    }
    const s = applied.suppression;
    const key = inlineKey(s.rule, s.finding, s.target, s.reason);
    const seen = inline.get(key);
    if (seen) seen.matched++;
    else inline.set(key, { s, matched: 1 });
  }
  // Acknowledgements on evaluated resources that matched no finding (the rule passed there).
  const resources = new Map(evaluation.results.map((r) => [r.resource.address, r.resource]));
  for (const res of resources.values()) {
    for (const ack of res.acknowledgements ?? []) {
      const { rule, finding } = parseRuleRef(ack.rule);
      const key = inlineKey(rule, finding, res.path, ack.reason);
      if (!inline.has(key)) {
        inline.set(key, {
          s: { rule, finding, reason: ack.reason, origin: 'cdk-acknowledgement', target: res.path },
          matched: 0,
        });
      }
    }
  }

  const out: ReportSuppression[] = [];
  const push = (s: Suppression, matched: number, expired: boolean) =>
    out.push({
      rule: s.rule,
      ...(s.finding !== undefined ? { finding: s.finding } : {}),
      ...(s.target !== undefined ? { target: s.target } : {}),
      reason: s.reason,
      ...(s.owner !== undefined ? { owner: s.owner } : {}),
      ...(s.expires !== undefined ? { expires: s.expires } : {}),
      expired,
      origin: s.origin,
      ...(s.declaredIn !== undefined ? { declaredIn: relativeDeclaration(s.declaredIn, cwd) } : {}),
      used: matched > 0,
      matched,
    });
  for (const [s, e] of declared) push(s, e.matched, e.expired ?? isExpired(s, today));
  for (const { s, matched } of inline.values()) push(s, matched, isExpired(s, today));
  return out;
}

/** `declaredIn` is a file with an optional `:line`: relativise the file part. */
function relativeDeclaration(d: string, cwd: string): string {
  const m = /^(.*?)(:\d+(?::\d+)?)?$/.exec(d);
  if (!m || !path.isAbsolute(m[1]!)) return d;
  return relativePath(m[1]!, cwd) + (m[2] ?? '');
}
