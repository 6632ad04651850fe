import { escapeJsonText } from './escape';
import type { Report } from './model';

/**
 * The report as JSON (two-space indent, trailing newline): the stable contract of {@link Report}.
 * C1 controls, bidirectional controls and line separators from the artifacts are written as `\u`
 * escapes, so the text holds none raw.
 */
export function renderJson(report: Report): string {
  return `${escapeJsonText(JSON.stringify(report, null, 2))}\n`;
}
