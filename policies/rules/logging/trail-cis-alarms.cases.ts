import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { AuditLogSink } from '../../../lib/aws/audit';
import { IncidentRouting } from '../../../lib/aws/incident';
import { defineCases } from '../../../lib/engine/cases';
import rule from './trail-cis-alarms';
import type { TerraformStack } from 'cdktf';
import { Cloudtrail } from '@cdktf/provider-aws/lib/cloudtrail';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { CloudwatchLogMetricFilter } from '@cdktf/provider-aws/lib/cloudwatch-log-metric-filter';
import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { CIS_METRIC_FILTERS, CIS_METRIC_NAMESPACE } from '../../../lib/aws/audit/cis-metric-filters';
import { AuditTrailSink } from '../../../lib/terraform';

/** An `aws_cloudtrail` delivering to the log group, multi-region or not. */
function tfTrail(stack: TerraformStack, group: CloudwatchLogGroup, multiRegion: boolean): Cloudtrail {
  return new Cloudtrail(stack, 'Trail', {
    name: 'audit',
    s3BucketName: 'audit-logs',
    isMultiRegionTrail: multiRegion,
    cloudWatchLogsGroupArn: `${group.arn}:*`,
    cloudWatchLogsRoleArn: 'arn:aws:iam::111122223333:role/trail-logs',
  });
}

/**
 * A multi-region trail whose log group carries the fifteen CIS filters, each with an alarm on its metric; the
 * alarms of the sections `alarmed` rejects have no `alarm_actions`.
 */
function tfTrailWithFilters(stack: TerraformStack, alarmed: (cis: string) => boolean): void {
  const group = new CloudwatchLogGroup(stack, 'TrailLogs', { name: 'trail', retentionInDays: 365 });
  tfTrail(stack, group, true);
  for (const f of CIS_METRIC_FILTERS) {
    new CloudwatchLogMetricFilter(stack, f.id, {
      name: f.id,
      logGroupName: group.name,
      pattern: f.pattern,
      metricTransformation: { name: f.id, namespace: CIS_METRIC_NAMESPACE, value: '1' },
    });
    new CloudwatchMetricAlarm(stack, `${f.id}Alarm`, {
      alarmName: f.id,
      namespace: CIS_METRIC_NAMESPACE,
      metricName: f.id,
      statistic: 'Sum',
      period: 300,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: 'GreaterThanOrEqualToThreshold',
      alarmActions: alarmed(f.cis) ? ['arn:aws:sns:eu-west-1:111122223333:security'] : [],
    });
  }
}

export default defineCases(rule, [
  {
    name: 'audit log sink: all fifteen CIS filters on the trail log group, each alarmed to a topic',
    build: (stack) => {
      new AuditLogSink(stack, 'Audit', { alarmTopics: new IncidentRouting(stack, 'Incidents').topics });
    },
    target: 'Audit/Trail',
    expect: 'pass',
  },
  {
    name: 'audit log sink without the root-account filter',
    build: (stack) => {
      const audit = new AuditLogSink(stack, 'Audit', {
        alarmTopics: new IncidentRouting(stack, 'Incidents').topics,
      });
      audit.node.tryRemoveChild('RootAccountUsage');
      audit.node.tryRemoveChild('RootAccountUsageAlarm');
    },
    target: 'Audit/Trail',
    expect: 'fail',
    message:
      /`Audit\/Trail`: no metric filter on its log group matches use of the 'root' account \(CIS 4\.3\)/,
  },
  {
    name: 'audit log sink whose console-failure alarm has no action',
    build: (stack) => {
      const audit = new AuditLogSink(stack, 'Audit', {
        alarmTopics: new IncidentRouting(stack, 'Incidents').topics,
      });
      (audit.cisAlarms['4.6'].node.defaultChild as cloudwatch.CfnAlarm).addPropertyDeletionOverride(
        'AlarmActions',
      );
    },
    target: 'Audit/Trail',
    expect: 'fail',
    message: /console authentication failures filter \(CIS 4\.6\) has no alarm with an action/,
  },
  {
    name: 'multi-region trail delivering to CloudWatch Logs without any metric filter',
    build: (stack) => {
      new cloudtrail.Trail(stack, 'Trail', { sendToCloudWatchLogs: true, isMultiRegionTrail: true });
    },
    target: 'Trail',
    expect: 'fail',
    message: /no metric filter on its log group matches AWS Organizations changes \(CIS 4\.15\)/,
  },
  {
    name: 'single-region trail: CIS monitoring is judged on the multi-region trail',
    build: (stack) => {
      new cloudtrail.Trail(stack, 'Trail', { sendToCloudWatchLogs: true, isMultiRegionTrail: false });
    },
    target: 'Trail',
    expect: 'not_applicable',
  },
  {
    name: 'trail without CloudWatch Logs delivery has no log group to filter',
    build: (stack) => {
      new cloudtrail.Trail(stack, 'Trail');
    },
    target: 'Trail',
    expect: 'not_applicable',
  },
  {
    name: 'terraform: AuditTrailSink: all fifteen CIS filters on the trail log group, each alarmed to a topic',
    source: 'cdktf',
    build: (stack) =>
      void new AuditTrailSink(stack, 'Audit', {
        alarmTopicArns: {
          critical: 'arn:aws:sns:eu-west-1:111122223333:critical',
          high: 'arn:aws:sns:eu-west-1:111122223333:high',
          medium: 'arn:aws:sns:eu-west-1:111122223333:medium',
          low: 'arn:aws:sns:eu-west-1:111122223333:low',
        },
      }),
    target: 'Audit/Trail',
    expect: 'pass',
  },
  {
    name: 'terraform: CIS filters whose root-account alarm has no alarm_actions',
    source: 'cdktf',
    build: (stack) => tfTrailWithFilters(stack, (cis) => cis !== '4.3'),
    target: 'Trail',
    expect: 'fail',
    message: /`Trail`: the use of the 'root' account filter \(CIS 4\.3\) has no alarm with an action/,
  },
  {
    name: 'terraform: every CIS filter alarmed to a topic',
    source: 'cdktf',
    build: (stack) => tfTrailWithFilters(stack, () => true),
    target: 'Trail',
    expect: 'pass',
  },
  {
    name: 'terraform: multi-region trail delivering to a log group without any aws_cloudwatch_log_metric_filter',
    source: 'cdktf',
    build: (stack) => {
      const group = new CloudwatchLogGroup(stack, 'TrailLogs', { name: 'trail', retentionInDays: 365 });
      tfTrail(stack, group, true);
    },
    target: 'Trail',
    expect: 'fail',
    message: /no metric filter on its log group matches AWS Organizations changes \(CIS 4\.15\)/,
  },
  {
    name: 'terraform: single-region trail: CIS monitoring is judged on the multi-region trail',
    source: 'cdktf',
    build: (stack) => {
      const group = new CloudwatchLogGroup(stack, 'TrailLogs', { name: 'trail', retentionInDays: 365 });
      tfTrail(stack, group, false);
    },
    target: 'Trail',
    expect: 'not_applicable',
  },
  {
    name: 'terraform plan: multi-region trail whose log group filters root account use only',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-posture-logging/plan.json',
    target: 'aws_cloudtrail.good',
    expect: 'fail',
    message: /no metric filter on its log group matches unauthorized API calls/,
  },
]);
