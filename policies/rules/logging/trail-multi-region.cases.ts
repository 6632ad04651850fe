import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import { Cloudtrail } from '@cdktf/provider-aws/lib/cloudtrail';
import { defineCases } from '../../../lib/engine/cases';
import rule from './trail-multi-region';
import { activityLog } from '../../../test/support/azure-native';

export default defineCases(rule, [
  {
    name: 'trail on the construct default (all regions, logging)',
    build: (stack) => {
      new cloudtrail.Trail(stack, 'Trail');
    },
    target: 'Trail',
    expect: 'pass',
  },
  {
    name: 'single-region trail',
    build: (stack) => {
      new cloudtrail.Trail(stack, 'Trail', { isMultiRegionTrail: false });
    },
    target: 'Trail',
    expect: 'fail',
    message: /`Trail` logs only its own region/,
  },
  {
    name: 'trail with logging stopped',
    build: (stack) => {
      const trail = new cloudtrail.Trail(stack, 'Trail');
      (trail.node.defaultChild as cloudtrail.CfnTrail).isLogging = false;
    },
    target: 'Trail',
    expect: 'fail',
    message: /`Trail` is not logging/,
  },
  {
    name: 'Terraform multi-region trail, logging by default',
    source: 'cdktf',
    build: (stack) =>
      void new Cloudtrail(stack, 'Trail', {
        name: 'audit',
        s3BucketName: 'audit-logs',
        isMultiRegionTrail: true,
      }),
    target: 'Trail',
    expect: 'pass',
  },
  {
    name: 'Terraform trail without is_multi_region_trail (default single-region)',
    source: 'cdktf',
    build: (stack) => void new Cloudtrail(stack, 'Trail', { name: 'audit', s3BucketName: 'audit-logs' }),
    target: 'Trail',
    expect: 'fail',
    message: '`Trail` logs only its own region',
  },
  {
    name: 'Terraform multi-region trail with enable_logging false',
    source: 'cdktf',
    build: (stack) =>
      void new Cloudtrail(stack, 'Trail', {
        name: 'audit',
        s3BucketName: 'audit-logs',
        isMultiRegionTrail: true,
        enableLogging: false,
      }),
    target: 'Trail',
    expect: 'fail',
    message: /is not logging/,
  },
  {
    name: 'Pulumi: activity log exporting the Administrative category (the subscription, every region)',
    source: 'pulumi',
    build: () => void activityLog('activity-log'),
    target: 'activity-log',
    expect: 'pass',
  },
  {
    name: 'Pulumi: activity log setting without the Administrative category records no control-plane writes',
    source: 'pulumi',
    build: () => void activityLog('activity-log', { categories: ['ServiceHealth', 'ResourceHealth'] }),
    target: 'activity-log',
    expect: 'fail',
    message: /`activity-log` is not logging/,
  },
]);
