/**
 * `bulwark/terraform`: CDK for Terraform constructs on the AWS provider that are secure by default,
 * driven by data classification, each setting derived from the same table as `bulwark/aws`.
 * Needs `cdktf`, `constructs` and `@cdktf/provider-aws` (optional peer dependencies).
 */
export * from './audit-trail-sink';
export * from './classified-backup';
export {
  CLEARANCE_TAG,
  TF_OPT_OUT_KEY,
  awsContext,
  classificationTags,
  clearancesFor,
  lifecycleFor,
  minimumTlsFor,
  recordOptOut,
  requiresPerimeter,
  type AwsContext,
  type ClassifiedProps,
  type OptOut,
  type OptOutRecord,
} from './common';
export * from './kms-key';
export * from './object-store';
export * from './policy';
export * from './segmented-network';
export * from '../classification';
