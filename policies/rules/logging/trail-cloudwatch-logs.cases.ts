import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import { Cloudtrail } from '@cdktf/provider-aws/lib/cloudtrail';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { defineCases } from '../../../lib/engine/cases';
import rule from './trail-cloudwatch-logs';
import * as monitor from '@pulumi/azure-native/monitor';
import { activityLog } from '../../../test/support/azure-native';

export default defineCases(rule, [
  {
    name: 'trail sending its events to CloudWatch Logs',
    build: (stack) => {
      new cloudtrail.Trail(stack, 'Trail', { sendToCloudWatchLogs: true });
    },
    target: 'Trail',
    expect: 'pass',
  },
  {
    name: 'trail on the CDK default (bucket only)',
    build: (stack) => {
      new cloudtrail.Trail(stack, 'Trail');
    },
    target: 'Trail',
    expect: 'fail',
    message: /`Trail` does not deliver its events to a log analytics service/,
  },
  {
    name: 'Terraform trail delivering to a log group',
    source: 'cdktf',
    build: (stack) => {
      const group = new CloudwatchLogGroup(stack, 'TrailLogs', { name: 'trail', retentionInDays: 365 });
      new Cloudtrail(stack, 'Trail', {
        name: 'audit',
        s3BucketName: 'audit-logs',
        cloudWatchLogsGroupArn: `${group.arn}:*`,
        cloudWatchLogsRoleArn: 'arn:aws:iam::123456789012:role/trail-logs',
      });
    },
    target: 'Trail',
    expect: 'pass',
  },
  {
    name: 'Terraform trail without cloud_watch_logs_group_arn',
    source: 'cdktf',
    build: (stack) => void new Cloudtrail(stack, 'Trail', { name: 'audit', s3BucketName: 'audit-logs' }),
    target: 'Trail',
    expect: 'fail',
    message: '`Trail` does not deliver its events to a log analytics service',
  },
  {
    name: 'Pulumi: activity log sent to a Log Analytics workspace',
    source: 'pulumi',
    build: () => void activityLog('activity-log'),
    target: 'activity-log',
    expect: 'pass',
  },
  {
    name: 'Pulumi: activity log sent to a storage account only',
    source: 'pulumi',
    build: () =>
      void new monitor.SubscriptionDiagnosticSetting('activity-log', {
        storageAccountId:
          '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/audit/providers/Microsoft.Storage/storageAccounts/archive',
        logs: [{ category: 'Administrative', enabled: true }],
      }),
    target: 'activity-log',
    expect: 'fail',
    message: /`activity-log` does not deliver its events to a log analytics service/,
  },
]);
