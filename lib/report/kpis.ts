import { ASSESSMENT_WEIGHTS } from '../engine/assessment';
import type { Severity } from '../engine/rule';
import type { ControlTally, ScoreResult } from '../engine/score';
import { CATALOGS } from '../../policies/controls';
import type { Catalog } from '../../policies/controls/types';

/** Compliance of a set of controls: share of the controls checked that no open failure or unknown touches. */
export interface ReportComplianceFigures {
  /** Percentage 0..100 with one decimal; null when no control of the set was checked. */
  readonly percent: number | null;
  /** Controls checked (at least one applicable, unsuppressed result) with no failure and no unknown. */
  readonly compliant: number;
  /** Controls checked. */
  readonly applicable: number;
}

/** Compliance in one top-level group: an MCSB domain, a NIST CSF function, a CIS section, an article. */
export interface ReportGroupCompliance extends ReportComplianceFigures {
  readonly group: string;
  readonly title: string;
}

/** Compliance in one framework, and in each of its top-level groups. */
export interface ReportFrameworkCompliance extends ReportComplianceFigures {
  /** Prefix of control references: `mcsb-v1`. */
  readonly framework: string;
  readonly name: string;
  /** Top-level groups with at least one control checked, in catalog order. */
  readonly groups: readonly ReportGroupCompliance[];
}

/** Key performance indicators of a report. */
export interface ReportKpis {
  /** Unsuppressed failures and unknowns by rule severity (the same as `summary.bySeverity`). */
  readonly bySeverity: Readonly<Record<Severity, number>>;
  /**
   * The severity-weighted secure score: the share of applicable checks passed, each weighted by its
   * rule's severity (low 1, medium 2, high 4, critical 8). The same number as `score.overall.score`.
   */
  readonly secureScore: number | null;
  /** Per framework (every catalog with a control checked), in catalog order. */
  readonly compliance: readonly ReportFrameworkCompliance[];
}

/**
 * The weighted assessment, each part a percentage 0..100 with one decimal, null when nothing fed it.
 * `technical` and `operational` are the severity-weighted scores of the rules of each part
 * (docs/assessment.md lists them); `compliance` is the share of checked controls, across every
 * framework, that are compliant. `overall` = 0.4 technical + 0.3 operational + 0.3 compliance, the
 * weights of absent (null) parts shared out over the others; null when every part is null.
 */
export interface ReportAssessment {
  readonly technical: number | null;
  readonly operational: number | null;
  readonly compliance: number | null;
  readonly overall: number | null;
}

const percent = (compliant: number, applicable: number): number | null =>
  applicable === 0 ? null : Math.round((1000 * compliant) / applicable) / 10;

/** The root of a group: the domain, function or section a control's group belongs to. */
function topGroup(catalog: Catalog, group: string): string {
  const parents = new Map(catalog.groups.map((g) => [g.id, g.parent]));
  let g = group;
  for (let p = parents.get(g); p !== undefined; p = parents.get(g)) g = p;
  return g;
}

/** Compliance per framework and per top-level group, from the per-control tallies of the score. */
export function complianceOf(controls: readonly ControlTally[]): ReportFrameworkCompliance[] {
  const byRef = new Map(controls.map((t) => [t.ref, t]));
  const out: ReportFrameworkCompliance[] = [];
  for (const catalog of CATALOGS) {
    const groups = new Map<string, { compliant: number; applicable: number }>();
    let compliant = 0;
    let applicable = 0;
    for (const control of catalog.controls) {
      const t = byRef.get(`${catalog.framework}:${control.id}`);
      if (!t || t.passed + t.failed + t.unknown === 0) continue;
      const ok = t.failed + t.unknown === 0 ? 1 : 0;
      const top = topGroup(catalog, control.group);
      let g = groups.get(top);
      if (!g) groups.set(top, (g = { compliant: 0, applicable: 0 }));
      g.applicable++;
      g.compliant += ok;
      applicable++;
      compliant += ok;
    }
    if (applicable === 0) continue;
    out.push({
      framework: catalog.framework,
      name: catalog.name,
      percent: percent(compliant, applicable),
      compliant,
      applicable,
      groups: catalog.groups
        .filter((g) => groups.has(g.id))
        .map((g) => {
          const x = groups.get(g.id)!;
          return { group: g.id, title: g.title, percent: percent(x.compliant, x.applicable), ...x };
        }),
    });
  }
  return out;
}

/** The KPIs and the weighted assessment of an evaluation's score. */
export function kpisOf(
  score: ScoreResult,
  bySeverity: Readonly<Record<Severity, number>>,
): { kpis: ReportKpis; assessment: ReportAssessment } {
  const compliance = complianceOf(score.controls);
  const compliant = compliance.reduce((n, f) => n + f.compliant, 0);
  const applicable = compliance.reduce((n, f) => n + f.applicable, 0);
  const parts = {
    technical: score.parts.technical.score,
    operational: score.parts.operational.score,
    compliance: percent(compliant, applicable),
  };
  let weight = 0;
  let sum = 0;
  for (const k of ['technical', 'operational', 'compliance'] as const) {
    const v = parts[k];
    if (v === null) continue;
    weight += ASSESSMENT_WEIGHTS[k];
    sum += ASSESSMENT_WEIGHTS[k] * v;
  }
  return {
    kpis: { bySeverity: { ...bySeverity }, secureScore: score.overall.score, compliance },
    assessment: { ...parts, overall: weight === 0 ? null : Math.round((10 * sum) / weight) / 10 },
  };
}

/** A figure of {@link kpiFigures}: a stable name and its value (null: nothing to measure). */
export type KpiFigure = readonly [name: string, value: number | null];

/**
 * Every KPI of a report as named figures, the one list each format writes (JSON has them in
 * `kpis`, `assessment` and `delta`): `severity.high`, `secureScore`, `assessment.overall`,
 * `compliance.mcsb-v1`, `compliance.mcsb-v1.DP`, and with a baseline `delta.new`, `delta.fixed`,
 * `delta.unchanged`, `delta.suppressed`, `delta.scoreBefore`, `delta.scoreAfter`.
 */
export function kpiFigures(report: {
  readonly kpis: ReportKpis;
  readonly assessment: ReportAssessment;
  readonly delta?: {
    readonly new: readonly unknown[];
    readonly fixed: readonly unknown[];
    readonly unchanged: number;
    readonly suppressed: number;
    readonly scoreBefore: number | null;
    readonly scoreAfter: number | null;
  };
}): KpiFigure[] {
  const k = report.kpis;
  const a = report.assessment;
  const out: KpiFigure[] = [
    ['severity.critical', k.bySeverity.critical],
    ['severity.high', k.bySeverity.high],
    ['severity.medium', k.bySeverity.medium],
    ['severity.low', k.bySeverity.low],
    ['secureScore', k.secureScore],
    ['assessment.technical', a.technical],
    ['assessment.operational', a.operational],
    ['assessment.compliance', a.compliance],
    ['assessment.overall', a.overall],
  ];
  for (const f of k.compliance) {
    out.push([`compliance.${f.framework}`, f.percent]);
    for (const g of f.groups) out.push([`compliance.${f.framework}.${g.group}`, g.percent]);
  }
  const d = report.delta;
  if (d) {
    out.push(
      ['delta.new', d.new.length],
      ['delta.fixed', d.fixed.length],
      ['delta.unchanged', d.unchanged],
      ['delta.suppressed', d.suppressed],
      ['delta.scoreBefore', d.scoreBefore],
      ['delta.scoreAfter', d.scoreAfter],
    );
  }
  return out;
}

/** A figure as text: a percentage with one decimal, a count as an integer, `n/a` for null. */
export function formatFigure(name: string, value: number | null): string {
  if (value === null) return 'n/a';
  return /^(severity|delta\.(new|fixed|unchanged|suppressed))/.test(name) ? String(value) : value.toFixed(1);
}
