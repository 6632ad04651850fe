import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { defineCases } from '../../../lib/engine/cases';
import rule from './trail-bucket-access-logging';
import { Cloudtrail } from '@cdktf/provider-aws/lib/cloudtrail';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketLoggingA } from '@cdktf/provider-aws/lib/s3-bucket-logging';
import { activityLog } from '../../../test/support/azure-native';

export default defineCases(rule, [
  {
    name: 'trail writing to a bucket with server access logging',
    build: (stack) => {
      const accessLogs = new s3.Bucket(stack, 'AccessLogs');
      const bucket = new s3.Bucket(stack, 'TrailLogs', { serverAccessLogsBucket: accessLogs });
      new cloudtrail.Trail(stack, 'Trail', { bucket });
    },
    target: 'Trail',
    expect: 'pass',
  },
  {
    name: 'trail writing to the bucket the CDK creates (no access logging)',
    build: (stack) => {
      new cloudtrail.Trail(stack, 'Trail');
    },
    target: 'Trail',
    expect: 'fail',
    message: /`Trail` writes to `Trail\/S3`, which records no server access logs/,
  },
  {
    name: 'trail writing to an imported bucket',
    build: (stack) => {
      new cloudtrail.Trail(stack, 'Trail', {
        bucket: s3.Bucket.fromBucketName(stack, 'Central', 'central-trail-logs'),
      });
    },
    target: 'Trail',
    expect: 'unknown',
    message: /`Trail` writes to a bucket outside the input/,
  },
  {
    name: 'terraform: trail bucket with an aws_s3_bucket_logging to another bucket',
    source: 'cdktf',
    build: (stack) => {
      const bucket = new S3Bucket(stack, 'AuditLogs', { bucket: 'audit-logs' });
      const access = new S3Bucket(stack, 'AccessLogs', { bucket: 'access-logs' });
      new S3BucketLoggingA(stack, 'AuditLogsLogging', {
        bucket: bucket.id,
        targetBucket: access.id,
        targetPrefix: 'audit-logs/',
      });
      new Cloudtrail(stack, 'Trail', { name: 'audit', s3BucketName: bucket.id });
    },
    target: 'Trail',
    expect: 'pass',
  },
  {
    name: 'terraform: trail bucket without an aws_s3_bucket_logging',
    source: 'cdktf',
    build: (stack) => {
      const bucket = new S3Bucket(stack, 'AuditLogs', { bucket: 'audit-logs' });
      new Cloudtrail(stack, 'Trail', { name: 'audit', s3BucketName: bucket.id });
    },
    target: 'Trail',
    expect: 'fail',
    message: '`Trail` writes to `AuditLogs`, which records no server access logs',
  },
  {
    name: 'terraform: trail writing to a bucket outside the configuration',
    source: 'cdktf',
    build: (stack) => void new Cloudtrail(stack, 'Trail', { name: 'audit', s3BucketName: 'org-audit-logs' }),
    target: 'Trail',
    expect: 'unknown',
  },
  {
    name: 'terraform plan: trail bucket with an aws_s3_bucket_logging to a second bucket',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/regula__aws-cloudtrail-s3-logging.json',
    target: 'aws_cloudtrail.cloudtrail',
    expect: 'pass',
  },
  {
    name: 'terraform plan: trail bucket without server access logging',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/regula__aws-cloudtrail-log-file-validation.json',
    target: 'aws_cloudtrail.valid_trail',
    expect: 'fail',
    message: /writes to `aws_s3_bucket.trail_bucket`, which records no server access logs/,
  },
  {
    name: 'Pulumi: activity log archived in a storage account whose blob service logs every request',
    source: 'pulumi',
    build: () => void activityLog('activity-log', { archiveLogs: true }),
    target: 'activity-log',
    expect: 'pass',
  },
  {
    name: 'Pulumi: activity log archived in a storage account without blob request logs',
    source: 'pulumi',
    build: () => void activityLog('activity-log'),
    target: 'activity-log',
    expect: 'fail',
    message: /`activity-log` writes to `activity-log-archive`, which records no server access logs/,
  },
]);
