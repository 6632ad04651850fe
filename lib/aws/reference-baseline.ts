import { Duration, RemovalPolicy, Stack, Tags, type StackProps } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { CLASSIFICATION_TAG } from '../classification';

/** The reference security baseline stack composed from Bulwark's constructs. */
export class ReferenceBaselineStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const key = new kms.Key(this, 'ConfidentialKey', {
      description: 'Customer-managed key for CONFIDENTIAL data',
      enableKeyRotation: true,
      rotationPeriod: Duration.days(365),
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const store = new s3.Bucket(this, 'ConfidentialStore', {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: key,
      enforceSSL: true,
      versioned: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      lifecycleRules: [{ expiration: Duration.days(365), noncurrentVersionExpiration: Duration.days(35) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Tags.of(store).add(CLASSIFICATION_TAG, 'confidential');
    Tags.of(key).add(CLASSIFICATION_TAG, 'confidential');
  }
}
