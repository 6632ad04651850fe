import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { defineCases } from '../../../lib/engine/cases';
import rule from './trail-bucket-not-public';
import type { TerraformStack } from 'cdktf';
import { Cloudtrail } from '@cdktf/provider-aws/lib/cloudtrail';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { activityLog } from '../../../test/support/azure-native';

/**
 * An `aws_cloudtrail` writing to an `aws_s3_bucket` whose `aws_s3_bucket_public_access_block` has all four
 * settings as given (no block when undefined).
 */
function tfTrail(stack: TerraformStack, blocked: boolean | undefined): S3Bucket {
  const bucket = new S3Bucket(stack, 'AuditLogs', { bucket: 'audit-logs' });
  if (blocked !== undefined)
    new S3BucketPublicAccessBlock(stack, 'AuditLogsBlock', {
      bucket: bucket.id,
      blockPublicAcls: blocked,
      blockPublicPolicy: blocked,
      ignorePublicAcls: blocked,
      restrictPublicBuckets: blocked,
    });
  new Cloudtrail(stack, 'Trail', { name: 'audit', s3BucketName: bucket.id });
  return bucket;
}

export default defineCases(rule, [
  {
    name: 'trail writing to the private bucket the CDK creates',
    build: (stack) => {
      new cloudtrail.Trail(stack, 'Trail');
    },
    target: 'Trail',
    expect: 'pass',
  },
  {
    name: 'trail writing to a bucket with public access unblocked',
    build: (stack) => {
      const bucket = new s3.Bucket(stack, 'TrailLogs', {
        blockPublicAccess: s3.BlockPublicAccess.BLOCK_ACLS,
      });
      new cloudtrail.Trail(stack, 'Trail', { bucket });
    },
    target: 'Trail',
    expect: 'fail',
    message: /`Trail` writes to `TrailLogs`, which does not block public access \(partially-blocked\)/,
  },
  {
    name: 'trail writing to a bucket whose policy lets everyone read',
    build: (stack) => {
      const bucket = new s3.Bucket(stack, 'TrailLogs');
      bucket.addToResourcePolicy(
        new iam.PolicyStatement({
          principals: [new iam.AnyPrincipal()],
          actions: ['s3:GetObject'],
          resources: [bucket.arnForObjects('*')],
        }),
      );
      new cloudtrail.Trail(stack, 'Trail', { bucket });
    },
    target: 'Trail',
    expect: 'fail',
    message: /`Trail` writes to `TrailLogs`, whose policy grants access to everyone/,
  },
  {
    name: 'terraform: trail bucket with every public access block setting on',
    source: 'cdktf',
    build: (stack) => void tfTrail(stack, true),
    target: 'Trail',
    expect: 'pass',
  },
  {
    name: 'terraform: trail bucket on the S3 default for new buckets (public access blocked)',
    source: 'cdktf',
    build: (stack) => void tfTrail(stack, undefined),
    target: 'Trail',
    expect: 'pass',
  },
  {
    name: 'terraform: trail bucket whose public access block is all false',
    source: 'cdktf',
    build: (stack) => void tfTrail(stack, false),
    target: 'Trail',
    expect: 'fail',
    message: /`Trail` writes to `AuditLogs`, which does not block public access/,
  },
  {
    name: 'terraform: trail bucket whose policy lets everyone read its objects',
    source: 'cdktf',
    build: (stack) => {
      const bucket = tfTrail(stack, true);
      new S3BucketPolicy(stack, 'AuditLogsPolicy', {
        bucket: bucket.id,
        policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: '*',
              Action: 's3:GetObject',
              Resource: 'arn:aws:s3:::audit-logs/*',
            },
          ],
        }),
      });
    },
    target: 'Trail',
    expect: 'fail',
    message: '`Trail` writes to `AuditLogs`, whose policy grants access to everyone',
  },
  {
    name: 'terraform plan: trail bucket whose policy is written from values known only after apply',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/regula__aws-cloudtrail-log-file-validation.json',
    target: 'aws_cloudtrail.valid_trail',
    expect: 'unknown',
    message: /the policy of `aws_s3_bucket.trail_bucket` cannot be resolved/,
  },
  {
    name: 'Pulumi: activity log archived in a storage account that blocks public access',
    source: 'pulumi',
    build: () => void activityLog('activity-log'),
    target: 'activity-log',
    expect: 'pass',
  },
  {
    name: 'Pulumi: activity log archived in a storage account allowing public blob access',
    source: 'pulumi',
    build: () => void activityLog('activity-log', { archive: { allowBlobPublicAccess: true } }),
    target: 'activity-log',
    expect: 'fail',
    message: /`activity-log` writes to `activity-log-archive`, which does not block public access \(open\)/,
  },
]);
