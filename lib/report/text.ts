import pc from 'picocolors';
import type { Severity } from '../engine/rule';
import { driftTextLines } from './drift';
import { escapeControl } from './escape';
import type { Report, ReportFinding, ReportScore } from './model';
import { SEVERITY_ORDER, compareSeverity, locationOf } from './model';
import { cmp } from './findings';
import { formatFigure } from './kpis';

/** Options of {@link renderText}. */
export interface TextOptions {
  /** Colour the output with ANSI sequences. The CLI passes `stdout.isTTY` unless `NO_COLOR` is set. Default false. */
  readonly color?: boolean;
  /**
   * Which findings are listed one by one: `all` (the default), or `gating` only, the others counted one
   * line per rule (advisory findings, unknowns the pack lets through, suppressed findings) and the
   * KPIs left to the report files. Errors, incomplete inputs, skipped files and unused suppressions
   * are listed in full either way.
   */
  readonly findings?: 'all' | 'gating';
}

type Colors = ReturnType<typeof pc.createColors>;

/**
 * Sections of open findings, in the order they are shown: what is certainly wrong and gates first,
 * then what gates because it could not be verified, then what does not gate (advisory, or an
 * unknown the pack lets through), failures before unknowns.
 */
const SECTIONS: readonly {
  readonly gating: boolean;
  readonly status: 'fail' | 'unknown';
  readonly header: (n: number, c: Colors) => string;
}[] = [
  { gating: true, status: 'fail', header: (n, c) => c.bold(c.red(`FAILED, GATING (${n})`)) },
  {
    gating: true,
    status: 'unknown',
    header: (n, c) => c.bold(c.magenta(`UNKNOWN, GATING (${n}): could not be verified from the input`)),
  },
  { gating: false, status: 'fail', header: (n, c) => c.bold(`FAILED, NOT GATING (${n})`) },
  {
    gating: false,
    status: 'unknown',
    header: (n, c) => c.bold(`UNKNOWN, NOT GATING (${n}): could not be verified from the input`),
  },
];

/**
 * The report for a terminal: open findings in {@link SECTIONS} (gating failures first, then gating
 * unknowns, failures and unknowns that do not gate), by severity within each (critical first), each
 * with its rule, message, location, fix and controls; then suppressed findings, errors, a summary line
 * and the score per framework. With `findings: 'gating'`, only gating findings are listed, the others
 * counted per rule. Every artifact-derived string passes through {@link escapeControl}, so no message
 * can move the cursor, recolour the screen or fake a line of output.
 */
export function renderText(report: Report, options: TextOptions = {}): string {
  const c = pc.createColors(options.color === true);
  const all = options.findings !== 'gating';
  const out: string[] = [];
  const open = report.findings.filter((f) => isOpen(f));
  const shared: SharedLines = { fix: new Map(), controls: new Map() };
  const suppressed = report.findings.filter((f) => f.suppressed);
  const passed = report.findings.filter((f) => f.status === 'pass' || f.status === 'not_applicable');

  if (report.drift) out.push(...driftTextLines(report.drift, c));

  for (const section of SECTIONS) {
    if (!all && !section.gating) continue;
    const group = open
      .filter((f) => f.gating === section.gating && f.status === section.status)
      .sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
    if (group.length === 0) continue;
    out.push(section.header(group.length, c));
    for (const f of group) {
      findingLines(out, f, c, shared);
      out.push('');
    }
  }

  if (!all) {
    const notGating = open.filter((f) => !f.gating);
    if (notGating.length > 0) {
      out.push(
        c.bold(`NOT GATING (${notGating.length}): advisory, or unknowns the pack lets through; by rule`),
        ...countLines(notGating, c),
        '',
      );
    }
    if (suppressed.length > 0)
      out.push(c.bold(`SUPPRESSED (${suppressed.length}): by rule`), ...countLines(suppressed, c), '');
  } else if (suppressed.length > 0) {
    out.push(c.bold(`SUPPRESSED (${suppressed.length})`));
    for (const f of suppressed) {
      const s = f.suppression;
      const detail = s
        ? [s.reason, s.owner && `owner ${s.owner}`, s.expires && `until ${s.expires}`]
            .filter(Boolean)
            .join(', ')
        : '';
      out.push(`  ${c.dim(`${f.ruleId} ${safe(f.message)}`)}`);
      out.push(`      ${c.dim(`suppressed (${s?.origin ?? 'unknown origin'}): ${safe(detail)}`)}`);
    }
    out.push('');
  }

  if (all && passed.length > 0) {
    out.push(c.bold(`PASSED OR NOT APPLICABLE (${passed.length})`));
    for (const f of passed) {
      const mark = f.status === 'pass' ? c.green('pass') : c.dim('n/a ');
      out.push(`  ${mark} ${f.ruleId} ${safe(f.message)}`);
    }
    out.push('');
  }

  const stale = report.suppressions.filter((s) => !s.used && s.origin === 'file');
  if (stale.length > 0) {
    out.push(c.bold(`UNUSED SUPPRESSIONS (${stale.length})`));
    for (const s of stale) {
      const rule = s.finding !== undefined ? `${s.rule}[${s.finding}]` : s.rule;
      const where = s.declaredIn !== undefined ? ` (declared in ${safe(s.declaredIn)})` : '';
      out.push(`  ${safe(rule)} on ${safe(s.target ?? '*')}: matched nothing${where}`);
    }
    out.push('');
  }

  if (report.errors.length > 0) {
    out.push(
      c.bold(c.red(`ERRORS (${report.errors.length}): views could not be derived, rules did not run`)),
    );
    for (const e of report.errors) out.push(`  ${safe(e.address)} (${safe(e.type)}): ${safe(e.error)}`);
    out.push('');
  }

  if (report.incomplete.length > 0) {
    out.push(c.bold(c.yellow(`INCOMPLETE (${report.incomplete.length}): findings may be missing`)));
    for (const i of report.incomplete) out.push(`  ${safe(i)}`);
    out.push('');
  }

  if (report.skipped?.length) {
    out.push(c.bold(`SKIPPED (${report.skipped.length}): files no source recognises, not read`));
    for (const f of report.skipped) out.push(`  ${safe(f)}`);
    out.push('');
  }

  out.push(summaryLine(report, c));
  out.push(...scoreLines(report, c));
  if (all) out.push(...kpiLines(report, c));
  return `${out.join('\n')}\n`;
}

/**
 * One line per rule of `findings`, in report order (severity, then rule id): its severity, id, how
 * many of its findings failed and how many could not be verified, and its title.
 */
function countLines(findings: readonly ReportFinding[], c: Colors): string[] {
  const byRule = new Map<string, { f: ReportFinding; failed: number; unknown: number }>();
  for (const f of findings) {
    let n = byRule.get(f.ruleId);
    if (!n) byRule.set(f.ruleId, (n = { f, failed: 0, unknown: 0 }));
    if (f.status === 'unknown') n.unknown++;
    else n.failed++;
  }
  return [...byRule.values()]
    .sort((a, b) => compareSeverity(a.f.severity, b.f.severity) || cmp(a.f.ruleId, b.f.ruleId))
    .map(({ f, failed, unknown }) => {
      const counts = [failed ? `${failed} failed` : '', unknown ? `${unknown} unknown` : '']
        .filter(Boolean)
        .join(', ');
      return `  ${badge(f.severity, c)} ${c.bold(f.ruleId)} ${counts}: ${highlight(safe(f.title), c)}`;
    });
}

function isOpen(f: ReportFinding): boolean {
  return (f.status === 'fail' || f.status === 'unknown') && !f.suppressed;
}

function safe(s: string): string {
  return escapeControl(s);
}

function badge(severity: Severity, c: Colors): string {
  const label = `[${severity.toUpperCase()}]`;
  switch (severity) {
    case 'critical':
      return c.bold(c.bgRed(c.white(label)));
    case 'high':
      return c.bold(c.red(label));
    case 'medium':
      return c.yellow(label);
    default:
      return c.blue(label);
  }
}

/**
 * The lines findings share, written once per report: a fix by its text, a list of controls by the
 * list (findings of one rule share theirs).
 */
interface SharedLines {
  readonly fix: Map<string, string>;
  readonly controls: Map<readonly string[], string>;
}

/** Append the lines of one finding to `out`: its head, location, fix and controls. */
function findingLines(out: string[], f: ReportFinding, c: Colors, shared: SharedLines): void {
  // Tags only for a finding that has some: most are mandatory failures without a suppression.
  const tagged = f.status === 'unknown' || f.enforcement !== 'mandatory' || f.suppression?.expired === true;
  const tags = tagged
    ? [
        f.status === 'unknown' ? c.magenta('unknown') : undefined,
        f.enforcement !== 'mandatory' ? c.dim(f.enforcement) : undefined,
        f.suppression?.expired ? c.yellow('suppression expired') : undefined,
      ]
        .filter(Boolean)
        .join(', ')
    : '';
  out.push(
    `  ${badge(f.severity, c)} ${c.bold(f.ruleId)}${tags ? ` (${tags})` : ''} ${highlight(safe(f.message), c)}`,
    `      ${c.dim('at')} ${safe(locationOf(f))}`,
    once(shared.fix, f.fix, () => `      ${c.dim('fix:')} ${highlight(safe(f.fix), c)}`),
  );
  if (f.controls.length)
    out.push(
      once(
        shared.controls,
        f.controls,
        () => `      ${c.dim('controls:')} ${f.controls.map(safe).join(', ')}`,
      ),
    );
}

function once<K>(lines: Map<K, string>, key: K, line: () => string): string {
  let l = lines.get(key);
  if (l === undefined) lines.set(key, (l = line()));
  return l;
}

/** Colour inline code spans (already escaped text); without colours, the text as it is. */
function highlight(s: string, c: Colors): string {
  if (!c.isColorSupported || !s.includes('`')) return s;
  return s.replace(/`([^`]*)`/g, (_m, inner: string) => c.cyan(`\`${inner}\``));
}

function summaryLine(report: Report, c: Colors): string {
  const s = report.summary;
  const counts = [
    c.green(`${s.passed} passed`),
    s.failed ? c.red(`${s.failed} failed`) : `${s.failed} failed`,
    s.unknown ? c.magenta(`${s.unknown} unknown`) : `${s.unknown} unknown`,
    `${s.notApplicable} not applicable`,
    `${s.suppressed} suppressed`,
  ].join(', ');
  const gating = s.gating ? c.bold(c.red(`${s.gating} gating`)) : c.green('0 gating');
  return (
    `${plural(s.checks, 'check')} of ${plural(s.rules, 'rule')} on ${plural(s.resources, 'resource')} ` +
    `(pack ${safe(s.pack.id)}): ${counts}; ${gating}`
  );
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function scoreLines(report: Report, c: Colors): string[] {
  const fmt = (x: ReportScore) => (x.score === null ? '  n/a' : `${x.score.toFixed(1)}%`.padStart(6));
  const lines = [`${c.bold('Score')} ${fmt(report.score.overall)}  overall`];
  for (const f of report.score.frameworks)
    lines.push(`      ${fmt(f)}  ${safe(f.framework)} (${safe(f.name)})`);
  return lines;
}

/**
 * The assessment, compliance per framework and top-level group, and the delta against a baseline:
 * the figures of `kpiFigures`, formatted by `formatFigure`.
 */
function kpiLines(report: Report, c: Colors): string[] {
  const pct = (name: string, v: number | null) => (v === null ? 'n/a' : `${formatFigure(name, v)}%`);
  const a = report.assessment;
  const lines = [
    `${c.bold('Assessment')} ${pct('assessment.overall', a.overall)} overall = ` +
      `0.4 x technical ${pct('assessment.technical', a.technical)} + ` +
      `0.3 x operational ${pct('assessment.operational', a.operational)} + ` +
      `0.3 x compliance ${pct('assessment.compliance', a.compliance)}`,
    `${c.bold('Secure score')} ${pct('secureScore', report.kpis.secureScore)} (severity-weighted)`,
    `${c.bold('Open findings by severity')} ` +
      SEVERITY_ORDER.map((s) => `${s} ${report.kpis.bySeverity[s]}`).join(', '),
  ];
  for (const f of report.kpis.compliance) {
    const groups = f.groups.map((g) => `${safe(g.group)} ${pct('group', g.percent)}`).join(', ');
    lines.push(
      `${c.bold('Compliance')} ${safe(f.framework)} ${pct('framework', f.percent)} ` +
        `(${f.compliant} of ${f.applicable} controls checked): ${groups}`,
    );
  }
  const d = report.delta;
  if (d) {
    lines.push(
      `${c.bold('Delta')} against ${safe(d.baseline)}: ${d.new.length} new, ${d.fixed.length} fixed, ` +
        `${d.unchanged} unchanged, ${d.suppressed} now suppressed; score ${pct('delta.scoreBefore', d.scoreBefore)} -> ${pct('delta.scoreAfter', d.scoreAfter)}`,
    );
  }
  return lines;
}
