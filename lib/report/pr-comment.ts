import { code, kpiMarkdownLines, percentCell, resourceCell, ruleCell, severityCell } from './markdown';
import { markdownInline } from './escape';
import { isOpenFinding } from './delta';
import type { JsonFinding } from './json';
import type { Report, ReportFinding, ReportRule } from './model';

/** GitHub stops a comment at 65,536 characters. */
export const PR_COMMENT_LIMIT = 65_536;

/** Room kept for the truncation note and the closing lines. */
const RESERVE = 1_000;

/**
 * The pull-request comment (`--format pr-comment`): a one-line verdict; the score and its change
 * against the baseline; the new findings with their controls and fixes; the fixed findings; then, collapsed,
 * every open finding and the KPIs. With no baseline, every open finding is listed as new would be.
 * Tables stop before the comment would pass `limit` characters, and a note says how many rows were
 * left out. Every artifact-derived string is escaped as in the Markdown report.
 */
export function renderPrComment(report: Report, limit: number = PR_COMMENT_LIMIT): string {
  const d = report.delta;
  const open = report.findings.filter(isOpenFinding);
  const listed = d ? d.new : open;
  const gating = listed.filter((f) => f.gating).length;
  const rules = new Map(report.rules.map((r) => [r.id, r]));
  const out: string[] = [];
  let size = 0;
  let left = 0;
  const push = (...lines: string[]) => {
    for (const l of lines) {
      out.push(l);
      size += l.length + 1;
    }
  };
  /** Push table rows while they fit; count the rest. */
  const rows = <F extends JsonFinding>(list: readonly F[], row: (f: F) => string) => {
    let i = 0;
    for (; i < list.length; i++) {
      const r = row(list[i]!);
      if (size + r.length + 1 > limit - RESERVE) break;
      push(r);
    }
    left += list.length - i;
  };

  const noun = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  const fixed = d && d.fixed.length > 0 ? ` · ${noun(d.fixed.length, 'finding')} fixed` : '';
  const verdict =
    gating > 0
      ? `❌ Bulwark: ${noun(listed.length, d ? 'new finding' : 'finding')}, ${gating} gating${fixed}`
      : listed.length > 0
        ? `⚠️ Bulwark: ${noun(listed.length, d ? 'new finding' : 'finding')}, none gating${fixed}`
        : `✅ Bulwark: ${d ? 'no new findings' : 'no findings'}${fixed}`;
  push(`## ${verdict}`, '');

  const after = report.score.overall.score;
  if (d) {
    const change = d.scoreBefore !== null && after !== null ? ` (${signed(after - d.scoreBefore)})` : '';
    push(
      `**Score** ${percentCell(d.scoreBefore)} → ${percentCell(after)}${change} · ` +
        `${d.unchanged} unchanged finding${d.unchanged === 1 ? '' : 's'}` +
        (d.suppressed > 0 ? ` · ${d.suppressed} now suppressed` : '') +
        ` · baseline ${code(d.baseline)}`,
      '',
    );
  } else {
    push(
      `**Score** ${percentCell(after)} · no baseline given (\`--baseline\`): every open finding is listed`,
      '',
    );
  }
  if (report.incomplete.length > 0 || report.errors.length > 0) {
    push(
      `> [!WARNING]`,
      `> ${report.incomplete.length} input part(s) not read completely and ${report.errors.length} resource(s) not judged: findings may be missing; see the full report.`,
      '',
    );
  }

  if (listed.length > 0) {
    push(
      `### ${d ? 'New findings' : 'Findings'} (${listed.length})`,
      '',
      '| Severity | Rule | Resource | Message | Controls | Fix |',
      '|---|---|---|---|---|---|',
    );
    rows(listed, (f) => newRow(f, rules.get(f.ruleId)));
    push('');
  }
  if (d && d.fixed.length > 0) {
    push(`### Fixed (${d.fixed.length})`, '', '| Severity | Rule | Resource | Was |', '|---|---|---|---|');
    rows(
      d.fixed,
      (f) =>
        `| ${severityCell(f)} | ${ruleCell(f, rules.get(f.ruleId))} | ${resourceCell(f)} | ${markdownInline(f.message)} |`,
    );
    push('');
  }
  if (d && open.length > 0) {
    push(
      `<details><summary>All open findings (${open.length})</summary>`,
      '',
      '| Severity | Rule | Resource | Message |',
      '|---|---|---|---|',
    );
    rows(
      open,
      (f) =>
        `| ${severityCell(f)} | ${ruleCell(f, rules.get(f.ruleId))} | ${resourceCell(f)} | ${markdownInline(f.message)} |`,
    );
    push('', '</details>', '');
  }
  const kpis = kpiMarkdownLines(report);
  const kpiSize = kpis.reduce((n, l) => n + l.length + 1, 0);
  if (size + kpiSize + 60 <= limit - RESERVE) {
    push('<details><summary>KPIs</summary>', '', ...kpis, '</details>', '');
  } else {
    push('KPIs left out for size: see the JSON report (`kpis`, `assessment`).', '');
  }
  if (left > 0) {
    push(
      `> [!NOTE]`,
      `> Truncated: ${left} row${left === 1 ? '' : 's'} not shown, to stay under GitHub's ${PR_COMMENT_LIMIT.toLocaleString('en')}-character comment limit. The JSON and SARIF reports list every finding.`,
    );
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function signed(n: number): string {
  const r = Math.round(n * 10) / 10;
  return `${r > 0 ? '+' : r < 0 ? '−' : '±'}${Math.abs(r).toFixed(1)}`;
}

function newRow(f: ReportFinding, rule: ReportRule | undefined): string {
  const controls = f.controls.map((c) => code(c)).join(' ');
  return (
    `| ${severityCell(f)} | ${ruleCell(f, rule)} | ${resourceCell(f)} | ` +
    `${markdownInline(f.message)} | ${controls} | ${markdownInline(f.fix)} |`
  );
}
