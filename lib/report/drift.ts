import { createHash } from 'node:crypto';
import type { Severity } from '../engine/rule';
import { escapeControl, escapeMarkdown, markdownInline } from './escape';
import type { Report, ReportDrift, ReportDriftEntry } from './model';

/** The SARIF rule id of drift results: one rule for every difference, the affected rules in its properties. */
export const DRIFT_RULE_ID = 'BW-DRIFT';

/** Name of the JUnit suite that lists drift entries. */
export const DRIFT_SUITE = 'bulwark drift';

/** Entries that are differences (everything but the types drift does not read). */
export function driftDifferences(drift: ReportDrift): ReportDriftEntry[] {
  return drift.entries.filter((e) => e.kind !== 'not-checked');
}

/** Not-checked entries counted by type, most frequent first. */
export function notCheckedByType(drift: ReportDrift): [string, number][] {
  const counts = new Map<string, number>();
  for (const e of drift.entries)
    if (e.kind === 'not-checked') counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

/** Where a drift entry is: `file:line (construct path)`, or the construct path (else address). */
export function driftLocation(e: ReportDriftEntry): string {
  const file = e.file !== undefined ? (e.line !== undefined ? `${e.file}:${e.line}` : e.file) : undefined;
  const where = e.path ?? e.address;
  return file !== undefined ? `${file} (${where})` : where;
}

/** One line summing the drift section up. */
export function driftHeadline(drift: ReportDrift): string {
  const r = drift.resources;
  const facts = drift.entries.filter((e) => e.kind === 'changed').length;
  const parts = [
    `${facts} changed fact${facts === 1 ? '' : 's'} on ${r.changed} resource${r.changed === 1 ? '' : 's'}`,
    `${r.deleted} deleted`,
    `${r.missing} missing`,
    `${r.unreadable} unreadable`,
    `${r.notChecked} not checked`,
  ];
  const where = [
    drift.account && `account ${drift.account}`,
    drift.region && `region ${drift.region}`,
    `stack${drift.stacks.length === 1 ? '' : 's'} ${drift.stacks.join(', ')}`,
  ]
    .filter(Boolean)
    .join(', ');
  return `${parts.join(', ')} (${r.read} of ${r.desired} resources read; ${where})`;
}

// ---------------------------------------------------------------------------------------------
// Text

/** Colour functions the text renderer passes in. */
export interface DriftColors {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  magenta(s: string): string;
  green(s: string): string;
}

/** The drift section of the text report; every cloud- or artifact-derived string escaped. */
export function driftTextLines(drift: ReportDrift, c: DriftColors): string[] {
  const safe = escapeControl;
  const out: string[] = [];
  const diffs = driftDifferences(drift);
  const title = diffs.length === 0 ? c.green('DRIFT: none') : c.bold(c.red(`DRIFT (${diffs.length})`));
  out.push(`${title} ${c.dim(safe(driftHeadline(drift)))}`);
  for (const e of diffs) {
    const tag =
      e.kind === 'unreadable' ? c.magenta(e.kind) : e.kind === 'changed' ? c.yellow(e.kind) : c.red(e.kind);
    out.push(
      `  [${e.severity.toUpperCase()}] ${tag}${e.gating ? '' : c.dim(' (not gating)')} ${safe(e.message)}`,
    );
    out.push(`      ${c.dim('at')} ${safe(driftLocation(e))}`);
    if (e.rules.length > 0) out.push(`      ${c.dim('rules:')} ${e.rules.map(safe).join(', ')}`);
    if (e.controls.length > 0) out.push(`      ${c.dim('controls:')} ${e.controls.map(safe).join(', ')}`);
  }
  const notChecked = notCheckedByType(drift);
  if (notChecked.length > 0) {
    out.push(
      `  ${c.dim(`not checked (types drift does not read): ${notChecked.map(([t, n]) => `${safe(t)} (${n})`).join(', ')}`)}`,
    );
  }
  for (const f of drift.accountFacts) {
    out.push(
      `  ${c.dim(`account: ${safe(f.name)} = ${String(f.value)}${f.detail ? ` (${safe(f.detail)})` : ''}`)}`,
    );
  }
  out.push('');
  return out;
}

// ---------------------------------------------------------------------------------------------
// Markdown

function code(s: string): string {
  return `<code>${escapeMarkdown(s)}</code>`;
}

/** The drift section of the Markdown report. */
export function driftMarkdownLines(drift: ReportDrift): string[] {
  const out: string[] = ['### Drift', '', escapeMarkdown(driftHeadline(drift)), ''];
  const diffs = driftDifferences(drift);
  if (diffs.length > 0) {
    out.push('| Severity | Kind | Resource | What differs | Rules | Controls |', '|---|---|---|---|---|---|');
    for (const e of diffs) {
      out.push(
        `| ${e.severity}${e.gating ? '' : ' (not gating)'} | ${e.kind} | ${code(e.path ?? e.address)} | ` +
          `${markdownInline(e.message)} | ${e.rules.map(code).join(', ')} | ${e.controls.map(code).join(', ')} |`,
      );
    }
    out.push('');
  }
  const notChecked = notCheckedByType(drift);
  if (notChecked.length > 0) {
    out.push(
      `<details><summary>Not checked (${notChecked.reduce((n, [, k]) => n + k, 0)})</summary>`,
      '',
      '| Type | Resources |',
      '|---|---:|',
      ...notChecked.map(([t, n]) => `| ${code(t)} | ${n} |`),
      '',
      '</details>',
      '',
    );
  }
  if (drift.accountFacts.length > 0) {
    out.push('| Account fact | Value |', '|---|---|');
    for (const f of drift.accountFacts)
      out.push(
        `| ${code(f.name)} | ${escapeMarkdown(String(f.value))}${f.detail ? ` (${escapeMarkdown(f.detail)})` : ''} |`,
      );
    out.push('');
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// SARIF and JUnit helpers

/** Stable across runs: the drift rule, the resource address, the kind and the fact (and the value for list facts). */
export function driftFingerprint(e: ReportDriftEntry): string {
  const element =
    e.kind === 'changed' && (e.desired === null || e.live === null)
      ? JSON.stringify(e.live ?? e.desired)
      : '';
  return createHash('sha256')
    .update(`${DRIFT_RULE_ID}\u0000${e.address}\u0000${e.kind}\u0000${e.fact ?? ''}\u0000${element}`)
    .digest('hex');
}

/** The highest severity of the drift differences, for the SARIF rule's default level. */
export function driftSeverity(report: Report): Severity {
  const order: Severity[] = ['low', 'medium', 'high', 'critical'];
  let best = 0;
  for (const e of report.drift ? driftDifferences(report.drift) : [])
    best = Math.max(best, order.indexOf(e.severity));
  return order[best]!;
}
