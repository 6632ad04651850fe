/**
 * `bulwark/azure`: Pulumi components on Azure Native that are secure by default, driven by data
 * classification, each setting derived from the same table as `bulwark/aws` and `bulwark/terraform`.
 * Needs `@pulumi/pulumi` and `@pulumi/azure-native` (optional peer dependencies).
 */
export * from './ai-account';
export * from './audit-workspace';
export * from './backup-vault';
export {
  COMPONENT_PREFIX,
  ComponentPropsError,
  accountOf,
  type AzureAccount,
  OPT_OUT_TAG_PREFIX,
  classificationTags,
  type AzurePlacement,
  type ClassifiedProps,
  type ComponentErrorCode,
  type OptOut,
  type OptOutRecord,
} from './common';
export * from './key-vault';
export * from './security-posture';
export * from './segmented-network';
export * from './sql-server';
export * from './storage-account';
export * from '../classification';
