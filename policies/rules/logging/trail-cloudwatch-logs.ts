import { defineRule, fail, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-LT-005',
  title: 'Trails deliver their events to a log analytics service',
  severity: 'medium',
  controls: ['mcsb-v1:LT-5', 'nist-csf-2.0:DE.AE-03', 'nist-csf-2.0:PR.PS-04'],
  threats: ['insider-misuse', 'unauthorized-access'],
  rationale:
    'Log files in a bucket are evidence for later; events in CloudWatch Logs can be searched, correlated and alarmed ' +
    'on as they arrive. The CIS monitoring alarms (root use, unauthorized API calls, policy changes...) all filter the ' +
    "trail's log group, so a trail without one leaves them blind.",
  fix: {
    cdk: 'Set `sendToCloudWatchLogs: true` on the trail (with `cloudWatchLogGroup` and its retention as needed).',
    terraform:
      'Set `cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"` and `cloud_watch_logs_role_arn` on the `aws_cloudtrail`.',
    pulumi: 'Set `workspaceId` on the `monitor.SubscriptionDiagnosticSetting` to a Log Analytics workspace.',
  },
  appliesTo: ['audit-trail'],
  check(view) {
    const d = view.cloudWatchDelivery;
    if (d instanceof Unknown)
      return unknown(
        `\`${view.name}\`: delivery to a log analytics service cannot be resolved (${d.reason})`,
      );
    if (!d)
      return fail(
        `\`${view.name}\` does not deliver its events to a log analytics service (CloudWatch Logs, a Log Analytics workspace)`,
      );
    return pass(`\`${view.name}\` delivers its events to a log analytics service`);
  },
});
