import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import { Cloudtrail } from '@cdktf/provider-aws/lib/cloudtrail';
import { defineCases } from '../../../lib/engine/cases';
import rule from './trail-log-file-validation';
import { activityLog } from '../../../test/support/azure-native';

export default defineCases(rule, [
  {
    name: 'trail on the construct default (validation on)',
    build: (stack) => {
      new cloudtrail.Trail(stack, 'Trail');
    },
    target: 'Trail',
    expect: 'pass',
  },
  {
    name: 'trail with file validation turned off',
    build: (stack) => {
      new cloudtrail.Trail(stack, 'Trail', { enableFileValidation: false });
    },
    target: 'Trail',
    expect: 'fail',
    message: /`Trail` does not protect its records from tampering/,
  },
  {
    name: 'Terraform trail with enable_log_file_validation',
    source: 'cdktf',
    build: (stack) =>
      void new Cloudtrail(stack, 'Trail', {
        name: 'audit',
        s3BucketName: 'audit-logs',
        enableLogFileValidation: true,
      }),
    target: 'Trail',
    expect: 'pass',
  },
  {
    name: 'Terraform trail without enable_log_file_validation (default off)',
    source: 'cdktf',
    build: (stack) => void new Cloudtrail(stack, 'Trail', { name: 'audit', s3BucketName: 'audit-logs' }),
    target: 'Trail',
    expect: 'fail',
    message: '`Trail` does not protect its records from tampering',
  },
  {
    name: 'plan: trail with log file validation off',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/regula__aws-cloudtrail-log-file-validation.json',
    target: 'aws_cloudtrail.invalid_trail',
    expect: 'fail',
  },
  {
    name: 'plan: trail with log file validation on',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/regula__aws-cloudtrail-log-file-validation.json',
    target: 'aws_cloudtrail.valid_trail',
    expect: 'pass',
  },
  {
    name: 'Pulumi: activity log exported to an archive whose immutability policy is locked',
    source: 'pulumi',
    build: () => void activityLog('activity-log'),
    target: 'activity-log',
    expect: 'pass',
  },
  {
    name: 'Pulumi: activity log exported to an archive without immutability',
    source: 'pulumi',
    build: () => void activityLog('activity-log', { immutability: null }),
    target: 'activity-log',
    expect: 'fail',
    message: /`activity-log` does not protect its records from tampering/,
  },
  {
    name: 'Pulumi: activity log kept in a workspace only',
    source: 'pulumi',
    build: () => void activityLog('activity-log', { exported: false }),
    target: 'activity-log',
    expect: 'fail',
    message: /`activity-log` does not protect its records from tampering/,
  },
]);
