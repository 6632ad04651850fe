/* eslint-disable @typescript-eslint/no-require-imports -- a format's module is loaded when a report is first rendered in it: a run loads only the formats it writes */
import * as fs from 'node:fs';
import type { Report } from './model';

/** Report formats, as `--format` accepts them. */
export const FORMATS = ['text', 'json', 'sarif', 'junit', 'markdown', 'html', 'pr-comment'] as const;

/** One of {@link FORMATS}. */
export type Format = (typeof FORMATS)[number];

/** Options of {@link render}. */
export interface RenderOptions {
  /** Colour (text format only). Default false. */
  readonly color?: boolean;
}

/** Whether a string names a report format. */
export function isFormat(s: string): s is Format {
  return (FORMATS as readonly string[]).includes(s);
}

/** Render a report in a format. Every format ends with a newline. */
export function render(format: Format, report: Report, options: RenderOptions = {}): string {
  switch (format) {
    case 'text':
      return (require('./text') as typeof import('./text')).renderText(report, {
        color: options.color === true,
      });
    case 'json':
      return (require('./json') as typeof import('./json')).renderJson(report);
    case 'sarif':
      return (require('./sarif') as typeof import('./sarif')).renderSarif(report);
    case 'junit':
      return (require('./junit') as typeof import('./junit')).renderJunit(report);
    case 'markdown':
      return (require('./markdown') as typeof import('./markdown')).renderMarkdown(report);
    case 'html':
      return (require('./html') as typeof import('./html')).renderHtml(report);
    case 'pr-comment':
      return (require('./pr-comment') as typeof import('./pr-comment')).renderPrComment(report);
  }
}

/**
 * Write a report to a file in a format. JSON and SARIF are written piece by piece, never held whole;
 * the other formats are rendered, then written.
 */
export function writeReportFile(format: Format, file: string, report: Report): void {
  if (format === 'json') (require('./json') as typeof import('./json')).writeJsonFile(file, report);
  else if (format === 'sarif') (require('./sarif') as typeof import('./sarif')).writeSarifFile(file, report);
  else fs.writeFileSync(file, render(format, report));
}
