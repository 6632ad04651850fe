import type { Severity } from '../engine/rule';
import { catalogOf } from '../../policies/controls';
import type { Report, ReportFinding } from './model';
import { compareSeverity } from './model';

/**
 * The plain data the HTML report's KPI and delta sections draw, read from a report. Sections take
 * these, never the report, so each is a small function of its figures.
 */

/** The delta against a base report. */
export interface HtmlDelta {
  readonly new: readonly ReportFinding[];
  readonly fixed: readonly ReportFinding[];
  readonly unchanged: number;
  readonly scoreBefore: number | null;
  readonly scoreAfter: number | null;
}

/** One bar of a compliance or score chart: a framework, an MCSB domain, a NIST function, a CIS section. */
export interface HtmlCompliance {
  /** Framework id or group id: `mcsb-v1`, `DP`. */
  readonly key: string;
  readonly name: string;
  /** Percentage 0..100; null when nothing applied. */
  readonly score: number | null;
  /** What the percentage is made of: `12 of 15 controls compliant`, `24 passed · 21 failed · 1 unknown`. */
  readonly detail: string;
}

/** Compliance of one framework and of each of its top-level groups. */
export interface HtmlFrameworkCompliance extends HtmlCompliance {
  readonly groups: readonly HtmlCompliance[];
}

/** The weighted assessment: each part a percentage, null when nothing fed it. */
export interface HtmlAssessment {
  readonly technical: number | null;
  readonly operational: number | null;
  readonly compliance: number | null;
  readonly overall: number | null;
}

/** The severity-weighted score per framework (`score.frameworks`). */
export function scoreByFramework(report: Report): HtmlCompliance[] {
  return report.score.frameworks.map((f) => ({
    key: f.framework,
    name: f.name,
    score: f.score,
    detail: `${f.passed} passed · ${f.failed} failed · ${f.unknown} unknown`,
  }));
}

/**
 * Compliance per framework and per top-level group (`kpis.compliance`: the share of checked controls
 * with no open failure or unknown), when the report carries it; undefined otherwise.
 */
export function complianceOf(report: Report): HtmlFrameworkCompliance[] | undefined {
  const kpis = (report as { readonly kpis?: unknown }).kpis;
  if (!isRecord(kpis) || !Array.isArray(kpis.compliance)) return undefined;
  const out: HtmlFrameworkCompliance[] = [];
  for (const f of kpis.compliance as unknown[]) {
    if (!isRecord(f) || typeof f.framework !== 'string') return undefined;
    const groups: HtmlCompliance[] = [];
    for (const g of Array.isArray(f.groups) ? (f.groups as unknown[]) : []) {
      if (!isRecord(g) || typeof g.group !== 'string') return undefined;
      groups.push(figure(g.group, typeof g.title === 'string' ? g.title : g.group, g));
    }
    out.push({
      ...figure(f.framework, typeof f.name === 'string' ? f.name : f.framework, f),
      groups,
    });
  }
  return out;
}

function figure(key: string, name: string, x: Record<string, unknown>): HtmlCompliance {
  const compliant = num(x.compliant);
  const applicable = num(x.applicable);
  return {
    key,
    name,
    score: scoreValue(x.percent),
    detail: `${compliant} of ${applicable} control${applicable === 1 ? '' : 's'} compliant`,
  };
}

/** The weighted assessment (`assessment`), when the report carries it. */
export function assessmentOf(report: Report): HtmlAssessment | undefined {
  const a = (report as { readonly assessment?: unknown }).assessment;
  if (!isRecord(a)) return undefined;
  return {
    technical: scoreValue(a.technical),
    operational: scoreValue(a.operational),
    compliance: scoreValue(a.compliance),
    overall: scoreValue(a.overall),
  };
}

/** The report's delta against a base report, when it has one. */
export function deltaOf(report: Report): HtmlDelta | undefined {
  const d = (report as { readonly delta?: unknown }).delta;
  if (!isRecord(d) || !Array.isArray(d.new) || !Array.isArray(d.fixed)) return undefined;
  return {
    new: d.new as ReportFinding[],
    fixed: d.fixed as ReportFinding[],
    unchanged: num(d.unchanged),
    scoreBefore: scoreValue(d.scoreBefore),
    scoreAfter: scoreValue(d.scoreAfter),
  };
}

/** Open findings counted per MCSB domain (once per finding and domain), in the catalog's order. */
export function openByDomain(
  open: readonly ReportFinding[],
): { key: string; name: string; count: number; worst: Severity }[] {
  const catalog = catalogOf('mcsb-v1');
  const counts = new Map<string, { count: number; worst: Severity }>();
  for (const f of open) {
    const domains = new Set(
      f.controls
        .filter((c) => c.startsWith('mcsb-v1:'))
        .map((c) => c.slice('mcsb-v1:'.length).split('-')[0]!),
    );
    for (const d of domains) {
      const e = counts.get(d);
      if (!e) counts.set(d, { count: 1, worst: f.severity });
      else {
        e.count++;
        if (compareSeverity(f.severity, e.worst) < 0) e.worst = f.severity;
      }
    }
  }
  const order = catalog?.groups.map((g) => g.id) ?? [];
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  return [...counts]
    .sort((a, b) => rank(a[0]) - rank(b[0]) || (a[0] < b[0] ? -1 : 1))
    .map(([key, e]) => ({
      key,
      name: catalog?.groups.find((g) => g.id === key)?.title ?? key,
      count: e.count,
      worst: e.worst,
    }));
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function num(x: unknown): number {
  return typeof x === 'number' && Number.isFinite(x) ? x : 0;
}

function scoreValue(x: unknown): number | null {
  if (typeof x === 'number' && Number.isFinite(x)) return x;
  if (isRecord(x) && typeof x.score === 'number') return x.score;
  return null;
}
