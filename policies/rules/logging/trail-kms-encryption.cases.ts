import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Cloudtrail } from '@cdktf/provider-aws/lib/cloudtrail';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { defineCases } from '../../../lib/engine/cases';
import rule from './trail-kms-encryption';
import { activityLog } from '../../../test/support/azure-native';

export default defineCases(rule, [
  {
    name: 'trail encrypted with a customer-managed key',
    build: (stack) => {
      new cloudtrail.Trail(stack, 'Trail', {
        encryptionKey: new kms.Key(stack, 'Key', { enableKeyRotation: true }),
      });
    },
    target: 'Trail',
    expect: 'pass',
  },
  {
    name: 'trail on the bucket default encryption',
    build: (stack) => {
      new cloudtrail.Trail(stack, 'Trail');
    },
    target: 'Trail',
    expect: 'fail',
    message: /`Trail` log files are not encrypted with a customer-managed key \(provider\)/,
  },
  {
    name: 'Terraform trail encrypted with a customer managed aws_kms_key',
    source: 'cdktf',
    build: (stack) => {
      const key = new KmsKey(stack, 'Key', { enableKeyRotation: true });
      new Cloudtrail(stack, 'Trail', { name: 'audit', s3BucketName: 'audit-logs', kmsKeyId: key.arn });
    },
    target: 'Trail',
    expect: 'pass',
  },
  {
    name: 'Terraform trail without kms_key_id (bucket encryption only)',
    source: 'cdktf',
    build: (stack) => void new Cloudtrail(stack, 'Trail', { name: 'audit', s3BucketName: 'audit-logs' }),
    target: 'Trail',
    expect: 'fail',
  },
  {
    name: 'plan: trail with an empty kms_key_id has no key',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/regula__aws-cloudtrail-s3-logging.json',
    target: 'aws_cloudtrail.cloudtrail',
    expect: 'fail',
    message: /not encrypted with a customer-managed key \(provider\)/,
  },
  {
    name: 'Pulumi: activity log archived in a storage account encrypted with a Key Vault key',
    source: 'pulumi',
    build: () => void activityLog('activity-log'),
    target: 'activity-log',
    expect: 'pass',
  },
  {
    name: 'Pulumi: activity log archived in a storage account with Microsoft-managed keys',
    source: 'pulumi',
    build: () =>
      void activityLog('activity-log', { archive: { encryption: { keySource: 'Microsoft.Storage' } } }),
    target: 'activity-log',
    expect: 'fail',
    message: /`activity-log` log files are not encrypted with a customer-managed key \(provider\)/,
  },
  {
    name: 'Pulumi: activity log archived with infrastructure encryption on Microsoft-managed keys',
    source: 'pulumi',
    build: () =>
      void activityLog('activity-log', {
        archive: { encryption: { keySource: 'Microsoft.Storage', requireInfrastructureEncryption: true } },
      }),
    target: 'activity-log',
    expect: 'fail',
    message: /`activity-log` log files are encrypted in two layers on provider-managed keys/,
  },
]);
