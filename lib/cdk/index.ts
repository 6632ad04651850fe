export { BulwarkValidationPlugin, type BulwarkPluginProps, type ReportFormat } from './plugin';
