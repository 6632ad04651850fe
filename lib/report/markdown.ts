import type { Enforcement } from '../engine/pack';
import type { Severity } from '../engine/rule';
import type { JsonFinding } from './json';
import { driftDifferences, driftMarkdownLines } from './drift';
import { escapeMarkdown, markdownInline } from './escape';
import type { Report, ReportFinding, ReportRule, ReportScore } from './model';
import { SEVERITY_ORDER } from './model';
import { formatFigure, kpiFigures } from './kpis';

const ICON: Readonly<Record<Severity, string>> = {
  critical: '🔴',
  high: '🟠',
  medium: '🟡',
  low: '🔵',
};

/**
 * GitHub-flavoured Markdown for a pull-request comment: title, summary table, score per framework,
 * findings by severity, suppressed findings, declared suppressions, errors. Every artifact-derived
 * string goes through {@link escapeMarkdown} / {@link markdownInline}: it cannot close a code span,
 * add a table column, open an HTML tag or a link.
 */
/**
 * Findings listed in full at most; a pull-request comment has a size limit (65,536 characters on
 * GitHub), so past this the comment says how many more there are and where to find them all.
 */
export const MARKDOWN_MAX_FINDINGS = 100;

export function renderMarkdown(report: Report, maxFindings = MARKDOWN_MAX_FINDINGS): string {
  const s = report.summary;
  const open = report.findings.filter(
    (f) => (f.status === 'fail' || f.status === 'unknown') && !f.suppressed,
  );
  const suppressed = report.findings.filter((f) => f.suppressed);
  const rules = new Map(report.rules.map((r) => [r.id, r]));
  const out: string[] = [];

  const verdict =
    open.length === 0
      ? '✅ no findings'
      : `${open.length} finding${open.length === 1 ? '' : 's'}, ${s.gating} gating`;
  const drifted = report.drift ? driftDifferences(report.drift).length : undefined;
  const driftVerdict =
    drifted === undefined
      ? ''
      : drifted === 0
        ? ' · no drift'
        : ` · ${drifted} drift entr${drifted === 1 ? 'y' : 'ies'}`;
  out.push(`## Bulwark: ${verdict}${driftVerdict}`, '');
  out.push(
    `Pack ${code(s.pack.id)} (${escapeMarkdown(s.pack.title)}) · ${escapeMarkdown(report.tool.name)} ` +
      `${escapeMarkdown(report.tool.version)}` +
      (report.inputs.length ? ` · ${report.inputs.map(code).join(', ')}` : ''),
    '',
  );

  out.push(
    '| Resources | Checks | Passed | Failed | Unknown | Not applicable | Suppressed | Gating |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|',
    `| ${s.resources} | ${s.checks} | ${s.passed} | ${s.failed} | ${s.unknown} | ${s.notApplicable} | ${s.suppressed} | ${s.gating} |`,
    '',
  );

  out.push('### Score', '', '| Framework | Score | Passed | Failed | Unknown |', '|---|---:|---:|---:|---:|');
  out.push(scoreRow(report.score.overall, '**Overall**'));
  for (const f of report.score.frameworks) {
    out.push(scoreRow(f, `${escapeMarkdown(f.name)} (${code(f.framework)})`));
  }
  out.push('');

  out.push(...kpiMarkdownLines(report));

  if (report.drift) out.push(...driftMarkdownLines(report.drift));

  if (report.incomplete.length > 0) {
    out.push('> [!WARNING]', '> Some inputs could not be read completely; findings may be missing:');
    for (const i of report.incomplete) out.push(`> - ${escapeMarkdown(i)}`);
    out.push('');
  }

  if (open.length > 0) {
    out.push('### Findings', '');
    let budget = maxFindings;
    for (const severity of SEVERITY_ORDER) {
      const group = open.filter((f) => f.severity === severity);
      if (group.length === 0) continue;
      out.push(`#### ${ICON[severity]} ${capitalise(severity)} (${group.length})`, '');
      if (budget <= 0) {
        out.push(`${group.length} not listed here.`, '');
        continue;
      }
      out.push('| Severity | Rule | Resource | Message | Fix |', '|---|---|---|---|---|');
      for (const f of group.slice(0, budget)) out.push(findingRow(f, rules.get(f.ruleId)));
      if (group.length > budget) out.push('', `${group.length - budget} more not listed here.`);
      budget -= group.length;
      out.push('');
    }
    if (budget < 0) {
      out.push(
        `> Only the first ${maxFindings} findings are listed; the JSON, SARIF and text reports have all ${open.length}.`,
        '',
      );
    }
  }

  if (suppressed.length > 0) {
    out.push(
      `<details><summary>Suppressed findings (${suppressed.length})</summary>`,
      '',
      '| Severity | Rule | Resource | Message | Reason |',
      '|---|---|---|---|---|',
    );
    for (const f of suppressed) {
      out.push(
        `| ${severityCell(f)} | ${ruleCell(f, rules.get(f.ruleId))} | ${resourceCell(f)} | ` +
          `${markdownInline(f.message)} | ${escapeMarkdown(f.suppression?.reason ?? '')} |`,
      );
    }
    out.push('', '</details>', '');
  }

  if (report.suppressions.length > 0) {
    out.push(
      '### Suppressions',
      '',
      '| Rule | Target | Reason | Owner | Expires | Origin | Used |',
      '|---|---|---|---|---|---|---|',
    );
    for (const x of report.suppressions) {
      const rule = x.finding !== undefined ? `${x.rule}[${x.finding}]` : x.rule;
      const expires = x.expires ? `${escapeMarkdown(x.expires)}${x.expired ? ' (expired)' : ''}` : '';
      const origin = x.declaredIn ? `${x.origin} (${code(x.declaredIn)})` : x.origin;
      const used = x.used ? `yes (${x.matched})` : '**no**';
      out.push(
        `| ${code(rule)} | ${x.target !== undefined ? code(x.target) : '*'} | ${escapeMarkdown(x.reason)} | ` +
          `${escapeMarkdown(x.owner ?? '')} | ${expires} | ${origin} | ${used} |`,
      );
    }
    out.push('');
  }

  if (report.errors.length > 0) {
    out.push(
      '### Errors',
      '',
      'Views could not be derived for these resources; their rules did not run.',
      '',
      '| Resource | Type | Error |',
      '|---|---|---|',
    );
    for (const e of report.errors) {
      out.push(`| ${code(e.address)} | ${code(e.type)} | ${escapeMarkdown(e.error)} |`);
    }
    out.push('');
  }

  return `${out.join('\n').trimEnd()}\n`;
}

/** An inline code span that nothing in `s` can break out of. */
export function code(s: string): string {
  return `<code>${escapeMarkdown(s)}</code>`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function scoreRow(s: ReportScore, label: string): string {
  const score = s.score === null ? 'n/a' : `${s.score.toFixed(1)}%`;
  return `| ${label} | ${score} | ${s.passed} | ${s.failed} | ${s.unknown} |`;
}

export function severityCell(f: JsonFinding & { readonly enforcement?: Enforcement }): string {
  const notes = [
    f.status === 'unknown' ? 'unknown' : undefined,
    f.enforcement !== undefined && f.enforcement !== 'mandatory' ? f.enforcement : undefined,
    f.suppression?.expired ? 'suppression expired' : undefined,
  ].filter(Boolean);
  return `${ICON[f.severity]} ${f.severity}${notes.length ? ` (${notes.join(', ')})` : ''}`;
}

export function ruleCell(f: JsonFinding, rule: ReportRule | undefined): string {
  const id = `<b>${escapeMarkdown(f.ruleId)}</b>`;
  const label = f.finding !== undefined ? `${id}[${escapeMarkdown(f.finding)}]` : id;
  const uri = rule?.helpUri;
  return uri && /^https:\/\//.test(uri) ? `<a href="${hrefAttribute(uri)}">${label}</a>` : label;
}

/** A URL as a double-quoted attribute value inside a table cell: no quote, no markup, no `|`. */
function hrefAttribute(uri: string): string {
  return uri
    .replace(new RegExp('[\\s"<>|`\\\\\\u0000-\\u001f\\u007f-\\u009f]', 'g'), (c) => encodeURIComponent(c))
    .replace(/&/g, '&amp;');
}

export function resourceCell(f: JsonFinding): string {
  const r = f.resource;
  const where =
    r.file !== undefined
      ? `<br>${escapeMarkdown(r.line !== undefined ? `${r.file}:${r.line}` : r.file)}`
      : '';
  return `${code(r.path ?? r.address)}${where}`;
}

function findingRow(f: ReportFinding, rule: ReportRule | undefined): string {
  return (
    `| ${severityCell(f)} | ${ruleCell(f, rule)} | ${resourceCell(f)} | ` +
    `${markdownInline(f.message)} | ${markdownInline(f.fix)} |`
  );
}

/** A percentage for a table cell: `55.0%`, or `n/a`. */
export function percentCell(v: number | null): string {
  return v === null ? 'n/a' : `${v.toFixed(1)}%`;
}

/**
 * The assessment as a table, then every figure of `kpiFigures` (compliance per framework and group,
 * the delta) in a collapsed table keyed by the figure's name.
 */
export function kpiMarkdownLines(report: Report): string[] {
  const a = report.assessment;
  const out = [
    '### Assessment',
    '',
    '| Overall | Technical (0.4) | Operational (0.3) | Compliance (0.3) | Secure score |',
    '|---:|---:|---:|---:|---:|',
    `| ${percentCell(a.overall)} | ${percentCell(a.technical)} | ${percentCell(a.operational)} | ` +
      `${percentCell(a.compliance)} | ${percentCell(report.kpis.secureScore)} |`,
    '',
  ];
  if (report.kpis.compliance.length > 0) {
    out.push('| Framework | Compliance | Controls compliant |', '|---|---:|---:|');
    for (const f of report.kpis.compliance) {
      out.push(
        `| ${escapeMarkdown(f.name)} (${code(f.framework)}) | ${percentCell(f.percent)} | ${f.compliant} of ${f.applicable} |`,
      );
    }
    out.push('');
  }
  out.push('<details><summary>All figures</summary>', '', '| Figure | Value |', '|---|---:|');
  for (const [name, value] of kpiFigures(report))
    out.push(`| ${code(name)} | ${formatFigure(name, value)} |`);
  out.push('', '</details>', '');
  return out;
}
