import type { Evaluation } from '../engine/evaluate';
import { gates } from '../engine/evaluate';
import type { RuleResult } from '../engine/result';
import { isFinding, isSuppressed } from '../engine/result';
import type { Severity, Threat } from '../engine/rule';
import { cloudOfResource, controlsOn, type Cloud } from '../engine/clouds';
import { fixFor, frontEndOf, type FrontEnd } from '../engine/fix';
import type { Enforcement } from '../engine/pack';
import type { Suppression, SuppressionOrigin } from '../engine/suppression';
import { relativePath } from '../paths';
import { relativeDeclaration } from './suppressions';

/** Severities from most to least severe: the order of every report. */
export const SEVERITY_ORDER: readonly Severity[] = ['critical', 'high', 'medium', 'low'];

/** A result's outcome as the report names it. */
export type FindingStatus = 'fail' | 'unknown' | 'pass' | 'not_applicable';

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

/** Compare two optional strings by code unit; undefined sorts as empty. */
export function cmp(a: string | undefined, b: string | undefined): number {
  const x = a ?? '';
  const y = b ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Orders `U2Topic` before `U10Topic`. */
const natural = new Intl.Collator('en', { numeric: true, sensitivity: 'variant' });

/** The order of `findings`: severity (critical first), rule id, address (natural), finding, status. */
export function compareFindings(a: ReportFinding, b: ReportFinding): number {
  return (
    compareSeverity(a.severity, b.severity) ||
    cmp(a.ruleId, b.ruleId) ||
    natural.compare(a.resource.address, b.resource.address) ||
    cmp(a.finding, b.finding) ||
    cmp(a.status, b.status)
  );
}

/**
 * What findings of one report share, built once: relative file paths, a rule's control and threat
 * lists and fix texts, and the resource entry of a resource under one display name. Shared values
 * are never mutated; a report of many findings holds each once.
 */
export class FindingParts {
  private readonly files = new Map<string, string>();
  private readonly rules = new Map<RuleResult['rule'], RuleParts>();
  /** The entry of a resource under the first display name it was asked for. */
  private readonly resources = new Map<RuleResult['resource'], ReportResource>();
  /** Entries of a resource under other names (rare: the views of a resource name it alike). */
  private readonly renamed = new Map<RuleResult['resource'], Map<string, ReportResource>>();

  constructor(readonly cwd: string) {}

  /**
   * A rule's controls on a cloud (those of frameworks that speak of it, see `controlsOn`), threats and
   * fix for a front end.
   */
  rule(
    rule: RuleResult['rule'],
    frontEnd: FrontEnd,
    cloud?: Cloud,
  ): { controls: string[]; threats: Threat[]; fix: string } {
    let parts = this.rules.get(rule);
    if (!parts) {
      parts = { controls: new Map(), threats: [...(rule.threats ?? [])], fixes: new Map() };
      this.rules.set(rule, parts);
    }
    let controls = parts.controls.get(cloud ?? '');
    if (controls === undefined)
      parts.controls.set(cloud ?? '', (controls = controlsOn(rule.controls, cloud)));
    let fix = parts.fixes.get(frontEnd);
    if (fix === undefined) parts.fixes.set(frontEnd, (fix = fixFor(rule, frontEnd)));
    return { controls, threats: parts.threats, fix };
  }

  /** The resource of a result, as the report names it. */
  resource(res: RuleResult['resource'], name: string): ReportResource {
    const first = this.resources.get(res);
    if (first === undefined) {
      const entry = this.entry(res, name);
      this.resources.set(res, entry);
      return entry;
    }
    if (first.name === name) return first;
    let byName = this.renamed.get(res);
    if (!byName) this.renamed.set(res, (byName = new Map()));
    let entry = byName.get(name);
    if (!entry) byName.set(name, (entry = this.entry(res, name)));
    return entry;
  }

  private entry(res: RuleResult['resource'], name: string): ReportResource {
    const loc = res.location;
    // Key by key, optional ones only when present (no spread): this runs once per resource.
    const entry: Record<string, unknown> = { address: res.address, type: res.type, name };
    if (res.path !== undefined) entry.path = res.path;
    if (res.logicalId !== undefined) entry.logicalId = res.logicalId;
    if (res.stack !== undefined) entry.stack = res.stack;
    if (loc?.file !== undefined) entry.file = this.file(loc.file);
    if (loc?.line !== undefined) entry.line = loc.line;
    if (loc?.column !== undefined) entry.column = loc.column;
    return entry as unknown as ReportResource;
  }

  private file(file: string): string {
    let rel = this.files.get(file);
    if (rel === undefined) this.files.set(file, (rel = relativePath(file, this.cwd)));
    return rel;
  }
}

interface RuleParts {
  /** By cloud (`''` when not known). */
  readonly controls: Map<string, string[]>;
  readonly threats: Threat[];
  readonly fixes: Map<FrontEnd, string>;
}

/** One result as the report lists it; `parts` shares what findings of one report have in common. */
export function reportFinding(
  r: RuleResult,
  pack: Evaluation['pack'],
  cwd: string,
  parts: FindingParts = new FindingParts(cwd),
): ReportFinding {
  const applied = r.suppression;
  const expiredNote =
    applied?.expired && isFinding(r)
      ? ` (suppression expired on ${applied.suppression.expires ?? 'an earlier date'})`
      : '';
  const rule = parts.rule(r.rule, frontEndOf(r.resource), cloudOfResource(r.resource));
  // Key by key, optional ones only when present (no spread): this runs once per finding.
  const f: Record<string, unknown> = {
    ruleId: r.rule.id,
    title: r.rule.title,
    severity: r.rule.severity,
    status: r.outcome,
    enforcement: r.enforcement,
    gating: gates(r, pack),
    suppressed: isFinding(r) && isSuppressed(r),
  };
  if (applied) f.suppression = appliedSuppression(applied.suppression, applied.expired, cwd);
  f.message = r.message + expiredNote;
  f.fix = rule.fix;
  f.controls = rule.controls;
  f.threats = rule.threats;
  if (r.finding !== undefined) f.finding = r.finding;
  f.view = r.view.kind;
  f.resource = parts.resource(r.resource, r.view.name);
  return f as unknown as ReportFinding;
}

/** The suppression that covers (or covered) a finding, as the report shows it. */
export function appliedSuppression(s: Suppression, expired: boolean, cwd: string): ReportAppliedSuppression {
  return {
    reason: s.reason,
    ...(s.owner !== undefined ? { owner: s.owner } : {}),
    ...(s.expires !== undefined ? { expires: s.expires } : {}),
    expired,
    origin: s.origin,
    ...(s.declaredIn !== undefined ? { declaredIn: relativeDeclaration(s.declaredIn, cwd) } : {}),
  };
}
