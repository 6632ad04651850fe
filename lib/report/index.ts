import { renderHtml } from './html';
import { renderJson } from './json';
import { renderJunit } from './junit';
import { renderMarkdown } from './markdown';
import { renderPrComment } from './pr-comment';
import type { Report } from './model';
import { renderSarif } from './sarif';
import { renderText } from './text';

export * from './model';
export {
  escapeControl,
  escapeForXml,
  escapeHtml,
  escapeJsonText,
  escapeMarkdown,
  escapeSarifMessage,
  htmlInline,
  markdownInline,
  sanitizeTerminal,
} from './escape';
export { jsonFinding, renderJson, writeJson, writeJsonFile, type JsonFinding } from './json';
export { deltaOf, isOpenFinding, parseBaseline, readBaseline, type BaselineReport } from './delta';
export { REPORT_SCHEMA } from './schema';
export { complianceOf, formatFigure, kpiFigures, kpisOf, type KpiFigure } from './kpis';
export { renderText, type TextOptions } from './text';
export {
  renderSarif,
  toSarif,
  writeSarif,
  writeSarifFile,
  fingerprint,
  fileUri,
  SARIF_LEVEL,
  SECURITY_SEVERITY,
  FINGERPRINT_KEY,
} from './sarif';
export type { SarifLog, SarifRun, SarifDriver, SarifRule, SarifResult, SarifInvocation } from './sarif';
export { renderJunit, ERRORS_SUITE, KPI_SUITE } from './junit';
export { renderMarkdown } from './markdown';
export { renderHtml, HTML_CSP } from './html';
export type { HtmlAssessment, HtmlCompliance, HtmlDelta, HtmlFrameworkCompliance } from './html-data';
export { renderPrComment, PR_COMMENT_LIMIT } from './pr-comment';
export {
  asffBatches,
  driftSummary,
  toAsff,
  writeDriftOutputs,
  type AsffContext,
  type AsffFinding,
  type AsffSeverityLabel,
} from './asff';
export { DRIFT_RULE_ID, DRIFT_SUITE, driftDifferences, driftFingerprint } from './drift';

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
      return renderText(report, { color: options.color === true });
    case 'json':
      return renderJson(report);
    case 'sarif':
      return renderSarif(report);
    case 'junit':
      return renderJunit(report);
    case 'markdown':
      return renderMarkdown(report);
    case 'html':
      return renderHtml(report);
    case 'pr-comment':
      return renderPrComment(report);
  }
}
