import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { AuditLogSink } from '../../../lib/aws/audit';
import { IncidentRouting } from '../../../lib/aws/incident';
import { defineCases } from '../../../lib/engine/cases';
import rule from './trail-cis-alarms';

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
]);
