import type { Report } from './model';

/** The report as JSON (two-space indent, trailing newline): the stable contract of {@link Report}. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
