export { BulwarkValidationPlugin, type BulwarkPluginProps } from './plugin';
