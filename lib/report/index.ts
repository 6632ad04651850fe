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
export { jsonFinding, readJsonReport, renderJson, writeJson, writeJsonFile, type JsonFinding } from './json';
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

export { FORMATS, isFormat, render, writeReportFile, type Format, type RenderOptions } from './render';
