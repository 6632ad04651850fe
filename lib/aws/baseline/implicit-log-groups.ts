import { type IAspect, Token } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { IConstruct } from 'constructs';
import { CLASSIFICATION_TAG, Classification, tagValue } from '../../classification';

/** Retention of implicit log groups: the longest CloudWatch Logs value within INTERNAL's 730 days. */
const RETENTION_DAYS = logs.RetentionDays.EIGHTEEN_MONTHS;

/**
 * Encrypts the log groups that aws-cdk-lib creates on its own (the CDK-managed log group of the
 * function behind `AwsCustomResource`, with `@aws-cdk/aws-lambda:useCdkManagedLogGroup`), which no
 * construct prop reaches: any log group of the stack without a KMS key gets `key` (a key CloudWatch
 * Logs may use for every log group of the account and region), the INTERNAL classification tag
 * (provider operation logs), INTERNAL's retention and deletion protection. Log groups with a key are left as they are.
 */
export class EncryptImplicitLogGroups implements IAspect {
  constructor(private readonly key: kms.IKey) {}

  visit(node: IConstruct): void {
    if (!(node instanceof logs.CfnLogGroup) || node.kmsKeyId !== undefined) return;
    node.kmsKeyId = this.key.keyArn;
    const days = node.retentionInDays;
    if (days === undefined || (!Token.isUnresolved(days) && days > RETENTION_DAYS)) {
      node.retentionInDays = RETENTION_DAYS;
    }
    node.deletionProtectionEnabled = true;
    node.tags.setTag(CLASSIFICATION_TAG, tagValue(Classification.INTERNAL));
  }
}
