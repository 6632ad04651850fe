import type { Severity } from '../engine/rule';
import { catalogOf } from '../../policies/controls';
import { driftDifferences, driftHeadline, driftLocation } from './drift';
import { escapeHtml, htmlInline } from './escape';
import { HTML_STYLE } from './html-style';
import { barChart, scoreGauge, scoreTone, TONE_WORD, type ChartBar } from './html-charts';
import {
  assessmentOf,
  complianceOf,
  deltaOf,
  openByDomain,
  scoreByFramework,
  type HtmlAssessment,
  type HtmlCompliance,
  type HtmlDelta,
  type HtmlFrameworkCompliance,
} from './html-data';
import type { Report, ReportDrift, ReportFinding, ReportRule, ReportSuppression } from './model';
import { SEVERITY_ORDER, compareSeverity, locationOf } from './model';

/**
 * The Content-Security-Policy of the page: no script, no request of any kind; only the inline style
 * and `data:` images. A viewer that honours it cannot be made to run or fetch anything.
 */
export const HTML_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/**
 * The report as one self-contained HTML page: no script, no stylesheet, image or font fetched, a
 * Content-Security-Policy that forbids both; charts are inline SVG and the drill-downs `<details>`,
 * so it reads the same with JavaScript off. Order: verdict, score gauge and charts (findings by
 * severity, compliance per framework and per MCSB domain), delta when the report has one, drift,
 * findings needing action, the per-control drill-down, suppressions, errors. Every artifact-derived
 * string passes through {@link escapeHtml} / {@link htmlInline}.
 */
export function renderHtml(report: Report): string {
  const open = report.findings.filter(isOpen);
  const delta = deltaOf(report);
  const compliance = complianceOf(report);
  const verdict = verdictOf(report, open);
  const body = [
    headerSection(report, verdict),
    alertsSection(report),
    overviewSection(report, open, assessmentOf(report)),
    delta ? deltaSection(delta) : '',
    report.drift ? driftSection(report.drift) : '',
    frameworksSection(report, compliance),
    domainSection(compliance, open),
    findingsSection(report, open, delta),
    controlsSection(report, open),
    suppressionsSection(report),
    errorsSection(report),
    footer(report),
  ].join('\n');
  return (
    `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n` +
    `<meta http-equiv="Content-Security-Policy" content="${HTML_CSP}">\n` +
    `<meta name="referrer" content="no-referrer">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<title>${escapeHtml(`Bulwark report: ${verdict.title}`)}</title>\n` +
    `<style>${HTML_STYLE}</style>\n</head>\n<body>\n<main>\n${body}\n</main>\n</body>\n</html>\n`
  );
}

function isOpen(f: ReportFinding): boolean {
  return (f.status === 'fail' || f.status === 'unknown') && !f.suppressed;
}

// ---------------------------------------------------------------------------------------------
// Verdict and header

interface Verdict {
  readonly tone: 'fail' | 'warn' | 'pass';
  readonly title: string;
  readonly detail: string;
}

function verdictOf(report: Report, open: readonly ReportFinding[]): Verdict {
  const s = report.summary;
  const incomplete = report.incomplete.length + report.errors.length;
  const advisory = open.length - open.filter((f) => f.gating).length;
  const notFully = incomplete > 0 ? ' Part of the input could not be checked: see below.' : '';
  if (s.gating > 0)
    return {
      tone: 'fail',
      title: `Action required: ${plural(s.gating, 'gating finding')}`,
      detail: `${plural(open.length, 'open finding')}, ${s.gating} of them mandatory and unresolved.${notFully}`,
    };
  if (incomplete > 0) return { tone: 'fail', title: 'Input not checked completely', detail: notFully.trim() };
  if (advisory > 0)
    return {
      tone: 'warn',
      title: `No gating findings; ${plural(advisory, 'advisory finding')}`,
      detail: 'Nothing blocks the change; the advisory findings are worth planning for.',
    };
  return {
    tone: 'pass',
    title: 'No open findings',
    detail: 'Every applicable check passed or is suppressed with a reason.',
  };
}

function headerSection(report: Report, verdict: Verdict): string {
  const s = report.summary;
  const inputs = report.inputs.length
    ? report.inputs.map((i) => `<code>${escapeHtml(i)}</code>`).join(', ')
    : '<em>none</em>';
  return (
    `<header>\n<p class="eyebrow">Bulwark security report</p>\n` +
    `<div class="verdict verdict-${verdict.tone}" data-verdict="${verdict.tone}">` +
    `<span class="verdict-word">${verdict.tone === 'fail' ? 'FAIL' : verdict.tone === 'warn' ? 'WARN' : 'PASS'}</span>` +
    `<div><h1>${escapeHtml(verdict.title)}</h1><p>${escapeHtml(verdict.detail)}</p></div></div>\n` +
    `<p class="meta">Pack <code>${escapeHtml(s.pack.id)}</code> (${escapeHtml(s.pack.title)}) · ` +
    `${escapeHtml(report.tool.name)} ${escapeHtml(report.tool.version)} · inputs ${inputs}</p>\n</header>`
  );
}

function alertsSection(report: Report): string {
  const out: string[] = [];
  if (report.incomplete.length > 0)
    out.push(
      `<div class="alert" role="alert"><strong>Incomplete input (${report.incomplete.length}):</strong> ` +
        `findings may be missing for ${report.incomplete.map((i) => `<code>${escapeHtml(i)}</code>`).join(', ')}.</div>`,
    );
  if (report.errors.length > 0)
    out.push(
      `<div class="alert" role="alert"><strong>${plural(report.errors.length, 'resource')} not judged:</strong> ` +
        `views could not be derived, so their rules did not run (<a href="#errors">errors</a>).</div>`,
    );
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Overview: score gauge, counts, severity and framework charts

function overviewSection(
  report: Report,
  open: readonly ReportFinding[],
  assessment: HtmlAssessment | undefined,
): string {
  const s = report.summary;
  const overall = report.score.overall;
  const tiles: [string, string, number][] = [
    ['findings', 'Open findings', open.length],
    ['gating', 'Gating', s.gating],
    ['resources', 'Resources', s.resources],
    ['checks', 'Checks', s.checks],
    ['passed', 'Passed', s.passed],
    ['failed', 'Failed', s.failed],
    ['unknown', 'Unknown', s.unknown],
    ['suppressed', 'Suppressed', s.suppressed],
  ];
  const tileHtml = tiles
    .map(
      ([key, label, n]) =>
        `<div class="tile"><span class="tile-value" data-kpi="${key}" data-value="${n}">${n}</span>` +
        `<span class="tile-label">${label}</span></div>`,
    )
    .join('');
  return (
    `<section class="overview" aria-label="Overview">\n` +
    `<div class="card score-card"><h2>Secure score</h2>${scoreGauge(overall.score, 'Overall secure score')}` +
    `<p class="small">Share of applicable checks passed, weighted by severity (low 1, medium 2, high 4, critical 8): ` +
    `${overall.passed} passed, ${overall.failed} failed, ${overall.unknown} unknown.</p>` +
    (assessment ? assessmentChart(assessment) : '') +
    `</div>\n` +
    `<div class="card"><h2>Open findings by severity</h2>${severityChart(severityCounts(report))}` +
    `<div class="tiles">${tileHtml}</div></div>\n` +
    `</section>`
  );
}

/** The weighted assessment: overall = 0.4 technical + 0.3 operational + 0.3 compliance. */
function assessmentChart(a: HtmlAssessment): string {
  const parts: [keyof HtmlAssessment, string][] = [
    ['overall', 'Overall'],
    ['technical', 'Technical'],
    ['operational', 'Operational'],
    ['compliance', 'Compliance'],
  ];
  const bars: ChartBar[] = parts.map(([key, label]) => ({
    key,
    label,
    value: a[key],
    text: a[key] === null ? 'n/a' : a[key].toFixed(1),
    tone: scoreTone(a[key]),
  }));
  return (
    `<h3>Assessment</h3>${barChart(bars, { title: 'Weighted assessment', kpi: 'assessment', max: 100, width: 300, labelWidth: 100 })}` +
    `<p class="small">Overall = 0.4 technical + 0.3 operational + 0.3 compliance.</p>`
  );
}

/** Compliance per framework when the report has it, and the severity-weighted score per framework. */
function frameworksSection(
  report: Report,
  compliance: readonly HtmlFrameworkCompliance[] | undefined,
): string {
  const scores = scoreByFramework(report);
  return (
    `<section class="card" aria-label="Frameworks">` +
    (compliance
      ? `<h2>Compliance per framework</h2><p class="small">Share of the controls checked that no open failure or unknown touches.</p>` +
        complianceChart(compliance, 'compliance', 'Compliance per framework') +
        `<h3>Secure score per framework</h3>`
      : `<h2>Secure score per framework</h2>`) +
    `<p class="small">Share of the framework's applicable checks passed, weighted by severity.</p>` +
    complianceChart(scores, 'framework', 'Secure score per framework') +
    `</section>`
  );
}

/** Unsuppressed failures and unknowns by severity, critical first. */
export function severityCounts(report: Report): readonly { severity: Severity; count: number }[] {
  return SEVERITY_ORDER.map((severity) => ({ severity, count: report.summary.bySeverity[severity] }));
}

function severityChart(counts: readonly { severity: Severity; count: number }[]): string {
  const bars: ChartBar[] = counts.map(({ severity, count }) => ({
    key: severity,
    label: capitalise(severity),
    value: count,
    text: String(count),
    tone: severity,
  }));
  return barChart(bars, {
    title: 'Open findings by severity',
    kpi: 'severity',
    max: Math.max(...counts.map((c) => c.count)),
    width: 760,
    labelWidth: 140,
  });
}

function complianceChart(rows: readonly HtmlCompliance[], kpi: string, title: string): string {
  if (rows.length === 0) return '<p class="empty">Nothing applied.</p>';
  const bars: ChartBar[] = rows.map((r) => ({
    key: r.key,
    label: r.name,
    value: r.score,
    text: r.score === null ? 'n/a' : `${r.score.toFixed(1)}%`,
    tone: scoreTone(r.score),
    note: `${r.detail} · ${TONE_WORD[scoreTone(r.score)]}`,
  }));
  return barChart(bars, { title, kpi, max: 100, width: 1100, labelWidth: 420 });
}

// ---------------------------------------------------------------------------------------------
// MCSB domains and the other frameworks' groups

/** What a framework calls its top-level groups. */
const GROUP_WORD: Readonly<Record<string, string>> = {
  'mcsb-v1': 'domain',
  'nist-csf-2.0': 'function',
  'cis-aws-5.0': 'section',
};

function domainSection(
  compliance: readonly HtmlFrameworkCompliance[] | undefined,
  open: readonly ReportFinding[],
): string {
  const mcsb = compliance?.find((f) => f.key === 'mcsb-v1');
  if (mcsb)
    return (
      `<section class="card" aria-label="MCSB domains"><h2>Compliance per MCSB domain</h2>` +
      `${complianceChart(
        mcsb.groups.map((g) => ({ ...g, name: `${g.key} · ${g.name}` })),
        'domain',
        'Compliance per MCSB domain',
      )}${otherGroups(compliance!)}</section>`
    );
  const counts = openByDomain(open);
  const body =
    counts.length === 0
      ? '<p class="empty">No open finding maps to an MCSB control.</p>'
      : barChart(
          counts.map((d) => ({
            key: d.key,
            label: `${d.key} · ${d.name}`,
            value: d.count,
            text: String(d.count),
            tone: d.worst,
            note: `worst severity: ${d.worst}`,
          })),
          {
            title: 'Open findings per MCSB domain',
            kpi: 'domain-findings',
            max: Math.max(...counts.map((d) => d.count)),
            width: 1100,
            labelWidth: 420,
          },
        );
  return (
    `<section class="card" aria-label="MCSB domains"><h2>Open findings per MCSB domain</h2>` +
    `<p class="small">Each open finding counted once in every MCSB domain its rule asserts.</p>${body}</section>`
  );
}

/** Compliance per group of every framework but MCSB, each collapsed. */
function otherGroups(compliance: readonly HtmlFrameworkCompliance[]): string {
  return compliance
    .filter((f) => f.key !== 'mcsb-v1' && f.groups.length > 0)
    .map((f) => {
      const word = GROUP_WORD[f.key] ?? 'group';
      const rows = f.groups.map((g) => ({ ...g, key: `${f.key}:${g.key}`, name: `${g.key} · ${g.name}` }));
      return (
        `<details><summary>${escapeHtml(f.name)}: compliance per ${word} (${f.groups.length})</summary>` +
        `${complianceChart(rows, 'group', `${f.name}: compliance per ${word}`)}</details>`
      );
    })
    .join('');
}

// ---------------------------------------------------------------------------------------------
// Delta

function deltaSection(d: HtmlDelta): string {
  const fmt = (x: number | null) => (x === null ? 'n/a' : x.toFixed(1));
  const change = d.scoreBefore !== null && d.scoreAfter !== null ? d.scoreAfter - d.scoreBefore : null;
  const changeText =
    change === null ? '' : ` (${change > 0 ? '+' : change < 0 ? '−' : '±'}${Math.abs(change).toFixed(1)})`;
  const list = (items: readonly ReportFinding[], empty: string) =>
    items.length === 0
      ? `<p class="empty">${empty}</p>`
      : findingsTable(items, { kind: 'delta', compact: true });
  return (
    `<section class="card" id="delta" aria-label="Change against the base"><h2>Change against the base</h2>\n` +
    `<p class="delta-line">Score <span data-kpi="score-before">${fmt(d.scoreBefore)}</span> → ` +
    `<span data-kpi="score-after">${fmt(d.scoreAfter)}</span>${changeText} · ` +
    `<span class="tag tag-bad">new</span> <span data-kpi="delta-new">${d.new.length}</span> · ` +
    `<span class="tag tag-good">fixed</span> <span data-kpi="delta-fixed">${d.fixed.length}</span> · ` +
    `unchanged <span data-kpi="delta-unchanged">${d.unchanged}</span></p>\n` +
    `<h3>New findings</h3>${list(d.new, 'No new findings.')}\n` +
    `<details><summary>Fixed findings (${d.fixed.length})</summary>${list(d.fixed, 'None fixed.')}</details>\n` +
    `</section>`
  );
}

// ---------------------------------------------------------------------------------------------
// Drift

function driftSection(drift: ReportDrift): string {
  const diffs = driftDifferences(drift);
  const rows = diffs
    .map(
      (e) =>
        `<tr><td>${severityBadge(e.severity)}</td><td>${escapeHtml(e.kind)}${e.gating ? '' : ' <span class="tag">not gating</span>'}</td>` +
        `<td><code>${escapeHtml(driftLocation(e))}</code></td><td>${htmlInline(e.message)}</td>` +
        `<td>${e.rules.map((r) => `<code>${escapeHtml(r)}</code>`).join(' ')}</td></tr>`,
    )
    .join('\n');
  return (
    `<section class="card" id="drift" aria-label="Drift"><h2>Drift (${diffs.length})</h2>` +
    `<p class="small">${escapeHtml(driftHeadline(drift))}</p>` +
    (diffs.length === 0
      ? '<p class="empty">The deployed resources match the desired state.</p>'
      : `<table><thead><tr><th>Severity</th><th>Kind</th><th>Resource</th><th>Difference</th><th>Rules</th></tr></thead>` +
        `<tbody>${rows}</tbody></table>`) +
    `</section>`
  );
}

// ---------------------------------------------------------------------------------------------
// Findings

function findingsSection(
  report: Report,
  open: readonly ReportFinding[],
  delta: HtmlDelta | undefined,
): string {
  const rules = new Map(report.rules.map((r) => [r.id, r]));
  const sorted = [...open].sort(
    (a, b) => Number(b.gating) - Number(a.gating) || compareSeverity(a.severity, b.severity),
  );
  const added = delta ? new Set(delta.new.map(findingKey)) : undefined;
  return (
    `<section class="card" id="findings" aria-label="Findings"><h2>Findings needing action (${open.length})</h2>` +
    `<p class="small">Gating findings first, then by severity. Unknown: a value the template does not resolve, so the control could not be verified.</p>` +
    (open.length === 0
      ? '<p class="empty">No open findings.</p>'
      : findingsTable(sorted, { kind: 'open', rules, added })) +
    `</section>`
  );
}

/** Options of {@link findingsTable}. */
interface TableOptions {
  /** Value of each row's `data-finding`: `open`, `delta`. */
  readonly kind: string;
  /** Rules by id, for their titles. */
  readonly rules?: ReadonlyMap<string, ReportRule>;
  /** Leave the fix out (the delta's tables: the full table below has it). */
  readonly compact?: boolean;
  /** Keys ({@link findingKey}) of the findings this change added: tagged `new`. */
  readonly added?: ReadonlySet<string>;
}

function findingsTable(findings: readonly ReportFinding[], o: TableOptions): string {
  const rows = findings.map((f) => {
    const rule = o.rules?.get(f.ruleId);
    const ruleLabel = f.finding !== undefined ? `${f.ruleId}[${f.finding}]` : f.ruleId;
    const added = o.added?.has(findingKey(f)) ? ' <span class="tag tag-bad">new</span>' : '';
    const fix = o.compact ? '' : `<p class="fix"><strong>Fix:</strong> ${htmlInline(f.fix)}</p>`;
    return (
      `<tr data-finding="${escapeHtml(o.kind)}" data-rule="${escapeHtml(f.ruleId)}">` +
      `<td>${severityBadge(f.severity)}${statusTags(f)}${added}</td>` +
      `<td><strong>${escapeHtml(ruleLabel)}</strong>` +
      (o.compact ? '' : `<br><span class="small">${htmlInline(rule?.title ?? f.title)}</span>`) +
      `</td><td>${o.compact ? `<code>${escapeHtml(f.resource.path ?? f.resource.address)}</code>` : resourceCell(f)}</td>` +
      `<td>${htmlInline(f.message)}${fix}</td></tr>`
    );
  });
  return (
    `<table class="findings"><colgroup><col class="c-sev"><col class="c-rule"><col class="c-res"><col></colgroup>` +
    `<thead><tr><th>Severity</th><th>Rule</th><th>Resource</th><th>${o.compact ? 'Finding' : 'Finding and fix'}</th></tr></thead>` +
    `<tbody>\n${rows.join('\n')}\n</tbody></table>`
  );
}

/** Identity of a finding across two reports: rule, finding, address and construct path. */
function findingKey(f: ReportFinding): string {
  return JSON.stringify([f.ruleId, f.finding ?? null, f.resource.address, f.resource.path ?? null]);
}

/** Construct path (else address), then type, logical id (when a path names the resource) and file:line. */
function resourceCell(f: ReportFinding): string {
  const r = f.resource;
  const details = [
    escapeHtml(r.type),
    r.path !== undefined && r.logicalId !== undefined ? `logical id ${escapeHtml(r.logicalId)}` : undefined,
    r.file !== undefined ? escapeHtml(r.line !== undefined ? `${r.file}:${r.line}` : r.file) : undefined,
  ].filter((x) => x !== undefined);
  return `<code>${escapeHtml(r.path ?? r.address)}</code><br><span class="small">${details.join(' · ')}</span>`;
}

function statusTags(f: ReportFinding): string {
  const tags: string[] = [];
  if (f.gating) tags.push('<span class="tag tag-bad">gating</span>');
  if (f.status === 'unknown') tags.push('<span class="tag tag-unknown">unknown</span>');
  if (f.enforcement !== 'mandatory') tags.push(`<span class="tag">${escapeHtml(f.enforcement)}</span>`);
  if (f.suppression?.expired) tags.push('<span class="tag tag-bad">suppression expired</span>');
  return tags.length ? `<br>${tags.join(' ')}` : '';
}

function severityBadge(s: Severity): string {
  return `<span class="sev sev-${s}">${s.toUpperCase()}</span>`;
}

// ---------------------------------------------------------------------------------------------
// Controls -> rules -> findings

function controlsSection(report: Report, open: readonly ReportFinding[]): string {
  const rules = new Map(report.rules.map((r) => [r.id, r]));
  // framework -> control ref -> rule id -> findings
  const tree = new Map<string, Map<string, Map<string, ReportFinding[]>>>();
  for (const f of open) {
    for (const ref of f.controls) {
      const fw = ref.slice(0, Math.max(0, ref.indexOf(':')));
      let controls = tree.get(fw);
      if (!controls) tree.set(fw, (controls = new Map()));
      let byRule = controls.get(ref);
      if (!byRule) controls.set(ref, (byRule = new Map()));
      const list = byRule.get(f.ruleId);
      if (list) list.push(f);
      else byRule.set(f.ruleId, [f]);
    }
  }
  // A finding is listed under each control its rule asserts, the same item each time.
  const items = new Map<ReportFinding, string>();
  const item = (f: ReportFinding): string => {
    let li = items.get(f);
    if (li === undefined) {
      li = `<li>${statusTags(f).replace(/^<br>/, '')} ${htmlInline(f.message)}<br><span class="small">at <code>${escapeHtml(locationOf(f))}</code></span></li>`;
      items.set(f, li);
    }
    return li;
  };
  const frameworkOrder = report.score.frameworks.map((f) => f.framework);
  const rank = (k: string) =>
    frameworkOrder.includes(k) ? frameworkOrder.indexOf(k) : frameworkOrder.length;
  const natural = new Intl.Collator('en', { numeric: true });
  const blocks = [...tree]
    .sort((a, b) => rank(a[0]) - rank(b[0]) || natural.compare(a[0], b[0]))
    .map(([fw, controls]) => {
      const name = catalogOf(fw)?.name ?? fw;
      const items = [...controls]
        .sort((a, b) => natural.compare(a[0], b[0]))
        .map(([ref, byRule]) => controlDetails(ref, byRule, rules, item));
      return `<h3>${escapeHtml(name)} <span class="small">(${controls.size} control${controls.size === 1 ? '' : 's'} with open findings)</span></h3>\n${items.join('\n')}`;
    });
  return (
    `<section class="card" id="controls" aria-label="Controls"><h2>Controls with open findings</h2>` +
    `<p class="small">Open a control to see the rules that assert it and their findings.</p>` +
    (blocks.length === 0 ? '<p class="empty">No control has an open finding.</p>' : blocks.join('\n')) +
    `</section>`
  );
}

function controlDetails(
  ref: string,
  byRule: ReadonlyMap<string, readonly ReportFinding[]>,
  rules: ReadonlyMap<string, ReportRule>,
  item: (f: ReportFinding) => string,
): string {
  const all = [...byRule.values()].flat();
  const worst = [...all].sort((a, b) => compareSeverity(a.severity, b.severity))[0]!.severity;
  const title = [...byRule.keys()]
    .map((id) => rules.get(id)?.controls.find((c) => c.ref === ref)?.title)
    .find((t) => t !== undefined);
  const ruleBlocks = [...byRule]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([id, findings]) => {
      const rule = rules.get(id);
      const items = findings.map(item).join('');
      return (
        `<details class="rule"><summary>${severityBadge(rule?.severity ?? findings[0]!.severity)} <strong>${escapeHtml(id)}</strong> ` +
        `${htmlInline(rule?.title ?? findings[0]!.title)} <span class="count">${findings.length}</span></summary>` +
        (rule
          ? `<p><strong>Why:</strong> ${htmlInline(rule.rationale)}</p><p><strong>Fix:</strong> ${htmlInline(rule.fix)}</p>`
          : '') +
        `<ul>${items}</ul></details>`
      );
    });
  return (
    `<details class="control" data-control="${escapeHtml(ref)}"><summary>${severityBadge(worst)} <code>${escapeHtml(ref)}</code> ` +
    `${title !== undefined ? escapeHtml(title) : '<em>unknown control</em>'} <span class="count">${all.length}</span></summary>` +
    `${ruleBlocks.join('')}</details>`
  );
}

// ---------------------------------------------------------------------------------------------
// Suppressions

function suppressionsSection(report: Report): string {
  const suppressed = report.findings.filter((f) => f.suppressed);
  const rows = report.suppressions.map(suppressionRow).join('\n');
  const table =
    report.suppressions.length === 0
      ? '<p class="empty">No suppressions declared.</p>'
      : `<table class="suppressions"><thead><tr><th>Rule</th><th>Target</th><th>Reason</th><th>Owner</th><th>Expires</th><th>Origin</th><th>Matched</th></tr></thead>` +
        `<tbody>\n${rows}\n</tbody></table>`;
  const findings =
    suppressed.length === 0
      ? ''
      : `<details><summary>Suppressed findings (${suppressed.length})</summary>` +
        `<table><thead><tr><th>Severity</th><th>Rule</th><th>Resource</th><th>Finding</th><th>Reason</th></tr></thead><tbody>` +
        suppressed
          .map(
            (f) =>
              `<tr data-finding="suppressed"><td>${severityBadge(f.severity)}</td><td><strong>${escapeHtml(f.ruleId)}</strong></td>` +
              `<td><code>${escapeHtml(f.resource.path ?? f.resource.address)}</code></td><td>${htmlInline(f.message)}</td>` +
              `<td>${escapeHtml(f.suppression?.reason ?? '')}</td></tr>`,
          )
          .join('\n') +
        `</tbody></table></details>`;
  return (
    `<section class="card" id="suppressions" aria-label="Suppressions"><h2>Suppressions (${report.suppressions.length})</h2>` +
    `<p class="small">Accepted findings, each with its reason. An expired suppression no longer applies: its findings are back above.</p>` +
    `${table}${findings}</section>`
  );
}

function suppressionRow(x: ReportSuppression): string {
  const rule = x.finding !== undefined ? `${x.rule}[${x.finding}]` : x.rule;
  const expires =
    x.expires === undefined
      ? '<span class="small">never</span>'
      : `${escapeHtml(x.expires)}${x.expired ? ' <span class="tag tag-bad">expired</span>' : ''}`;
  const origin = `${escapeHtml(x.origin)}${x.declaredIn !== undefined ? `<br><span class="small">${escapeHtml(x.declaredIn)}</span>` : ''}`;
  const used = x.used
    ? String(x.matched)
    : x.origin === 'file'
      ? '<span class="tag tag-unknown">0, stale</span>'
      : '0';
  return (
    `<tr data-suppression="${escapeHtml(x.rule)}"><td><code>${escapeHtml(rule)}</code></td>` +
    `<td>${x.target !== undefined ? `<code>${escapeHtml(x.target)}</code>` : '<em>every resource</em>'}</td>` +
    `<td>${escapeHtml(x.reason)}</td><td>${x.owner !== undefined ? escapeHtml(x.owner) : '<span class="small">none</span>'}</td>` +
    `<td>${expires}</td><td>${origin}</td><td>${used}</td></tr>`
  );
}

// ---------------------------------------------------------------------------------------------
// Errors and footer

function errorsSection(report: Report): string {
  if (report.errors.length === 0) return '';
  const rows = report.errors
    .map(
      (e) =>
        `<tr><td><code>${escapeHtml(e.address)}</code></td><td><code>${escapeHtml(e.type)}</code></td><td>${escapeHtml(e.error)}</td></tr>`,
    )
    .join('\n');
  return (
    `<section class="card" id="errors" aria-label="Errors"><h2>Errors (${report.errors.length})</h2>` +
    `<p class="small">Views could not be derived for these resources; their rules did not run.</p>` +
    `<table><thead><tr><th>Resource</th><th>Type</th><th>Error</th></tr></thead><tbody>${rows}</tbody></table></section>`
  );
}

function footer(report: Report): string {
  const s = report.summary;
  return (
    `<footer>${escapeHtml(report.tool.name)} ${escapeHtml(report.tool.version)} · ${plural(s.rules, 'rule')}, ` +
    `${plural(s.views, 'view')}, ${s.notApplicable} not applicable · ` +
    `This page is self-contained: it runs no script and loads nothing.</footer>`
  );
}

// ---------------------------------------------------------------------------------------------
// Helpers

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
