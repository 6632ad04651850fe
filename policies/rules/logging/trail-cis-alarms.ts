import { defineRule, fail, notApplicable, pass, unknown, type CheckResult } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';
import type { LogMetricFilter } from '../../../lib/views/kinds';

/**
 * The CIS AWS Foundations v5.0.0 section 4 recommendations, each with the tokens its filter pattern must name:
 * the events (or record fields) the benchmark's pattern selects. Exclusions that only reduce noise
 * (`invokedBy NOT EXISTS`, `HeadBucket`, log delivery) and the `eventSource` guards are not required: a filter
 * without them alarms on more, never on less.
 */
const MONITORED: readonly {
  readonly cis: string;
  readonly what: string;
  readonly tokens: readonly string[];
}[] = [
  {
    cis: '4.1',
    what: 'unauthorized API calls',
    tokens: ['errorCode', 'UnauthorizedOperation', 'AccessDenied'],
  },
  {
    cis: '4.2',
    what: 'console sign-in without MFA',
    tokens: ['ConsoleLogin', 'MFAUsed'],
  },
  { cis: '4.3', what: "use of the 'root' account", tokens: ['userIdentity.type', 'Root'] },
  {
    cis: '4.4',
    what: 'IAM policy changes',
    tokens: [
      'DeleteGroupPolicy',
      'DeleteRolePolicy',
      'DeleteUserPolicy',
      'PutGroupPolicy',
      'PutRolePolicy',
      'PutUserPolicy',
      'CreatePolicy',
      'DeletePolicy',
      'CreatePolicyVersion',
      'DeletePolicyVersion',
      'AttachRolePolicy',
      'DetachRolePolicy',
      'AttachUserPolicy',
      'DetachUserPolicy',
      'AttachGroupPolicy',
      'DetachGroupPolicy',
    ],
  },
  {
    cis: '4.5',
    what: 'CloudTrail configuration changes',
    tokens: ['CreateTrail', 'UpdateTrail', 'DeleteTrail', 'StartLogging', 'StopLogging'],
  },
  {
    cis: '4.6',
    what: 'console authentication failures',
    tokens: ['ConsoleLogin', 'Failed authentication'],
  },
  {
    cis: '4.7',
    what: 'customer-managed keys disabled or scheduled for deletion',
    tokens: ['DisableKey', 'ScheduleKeyDeletion'],
  },
  {
    cis: '4.8',
    what: 'S3 bucket policy changes',
    tokens: [
      'PutBucketAcl',
      'PutBucketPolicy',
      'PutBucketCors',
      'PutBucketLifecycle',
      'PutBucketReplication',
      'DeleteBucketPolicy',
      'DeleteBucketCors',
      'DeleteBucketLifecycle',
      'DeleteBucketReplication',
    ],
  },
  {
    cis: '4.9',
    what: 'AWS Config configuration changes',
    tokens: [
      'StopConfigurationRecorder',
      'DeleteDeliveryChannel',
      'PutDeliveryChannel',
      'PutConfigurationRecorder',
    ],
  },
  {
    cis: '4.10',
    what: 'security group changes',
    tokens: [
      'AuthorizeSecurityGroupIngress',
      'AuthorizeSecurityGroupEgress',
      'RevokeSecurityGroupIngress',
      'RevokeSecurityGroupEgress',
      'CreateSecurityGroup',
      'DeleteSecurityGroup',
    ],
  },
  {
    cis: '4.11',
    what: 'network ACL changes',
    tokens: [
      'CreateNetworkAcl',
      'CreateNetworkAclEntry',
      'DeleteNetworkAcl',
      'DeleteNetworkAclEntry',
      'ReplaceNetworkAclEntry',
      'ReplaceNetworkAclAssociation',
    ],
  },
  {
    cis: '4.12',
    what: 'network gateway changes',
    tokens: [
      'CreateCustomerGateway',
      'DeleteCustomerGateway',
      'AttachInternetGateway',
      'CreateInternetGateway',
      'DeleteInternetGateway',
      'DetachInternetGateway',
    ],
  },
  {
    cis: '4.13',
    what: 'route table changes',
    tokens: [
      'CreateRoute',
      'CreateRouteTable',
      'ReplaceRoute',
      'ReplaceRouteTableAssociation',
      'DeleteRouteTable',
      'DeleteRoute',
      'DisassociateRouteTable',
    ],
  },
  {
    cis: '4.14',
    what: 'VPC changes',
    tokens: [
      'CreateVpc',
      'DeleteVpc',
      'ModifyVpcAttribute',
      'AcceptVpcPeeringConnection',
      'CreateVpcPeeringConnection',
      'DeleteVpcPeeringConnection',
      'RejectVpcPeeringConnection',
    ],
  },
  {
    cis: '4.15',
    what: 'AWS Organizations changes',
    tokens: [
      'AcceptHandshake',
      'AttachPolicy',
      'CreateAccount',
      'CreateOrganizationalUnit',
      'CreatePolicy',
      'DeclineHandshake',
      'DeleteOrganization',
      'DeleteOrganizationalUnit',
      'DeletePolicy',
      'DetachPolicy',
      'DisablePolicyType',
      'EnablePolicyType',
      'InviteAccountToOrganization',
      'LeaveOrganization',
      'MoveAccount',
      'RemoveAccountFromOrganization',
      'UpdatePolicy',
      'UpdateOrganizationalUnit',
    ],
  },
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The pattern names the token as a whole word (`CreatePolicy` is not found in `CreatePolicyVersion`). */
function names(pattern: string, token: string): boolean {
  return new RegExp(`(^|[^A-Za-z0-9_])${escape(token)}($|[^A-Za-z0-9_])`).test(pattern);
}

function judge(
  trail: string,
  control: (typeof MONITORED)[number],
  filters: readonly LogMetricFilter[],
): CheckResult {
  const matching = filters.filter(
    (f) => !(f.pattern instanceof Unknown) && control.tokens.every((t) => names(f.pattern as string, t)),
  );
  const alarmed = matching.find((f) => f.alarmed === true);
  if (alarmed)
    return pass(`\`${trail}\`: ${control.what} (CIS ${control.cis}) are filtered and alarmed`, control.cis);
  const unresolvedAlarm = matching.find((f) => f.alarmed instanceof Unknown);
  if (unresolvedAlarm && unresolvedAlarm.alarmed instanceof Unknown)
    return unknown(
      `\`${trail}\`: whether an alarm acts on the ${control.what} filter (CIS ${control.cis}) cannot be resolved ` +
        `(${unresolvedAlarm.alarmed.reason})`,
      control.cis,
    );
  if (matching.length > 0)
    return fail(
      `\`${trail}\`: the ${control.what} filter (CIS ${control.cis}) has no alarm with an action`,
      control.cis,
    );
  const unresolvedPattern = filters.find((f) => f.pattern instanceof Unknown);
  if (unresolvedPattern && unresolvedPattern.pattern instanceof Unknown)
    return unknown(
      `\`${trail}\`: no filter is known to match ${control.what} (CIS ${control.cis}); a filter pattern cannot ` +
        `be resolved (${unresolvedPattern.pattern.reason})`,
      control.cis,
    );
  return fail(
    `\`${trail}\`: no metric filter on its log group matches ${control.what} (CIS ${control.cis})`,
    control.cis,
  );
}

export default defineRule({
  id: 'BW-LT-010',
  title: 'Trails feed the CIS monitoring alarms',
  severity: 'medium',
  controls: [
    'cis-aws-5.0:4.1',
    'cis-aws-5.0:4.2',
    'cis-aws-5.0:4.3',
    'cis-aws-5.0:4.4',
    'cis-aws-5.0:4.5',
    'cis-aws-5.0:4.6',
    'cis-aws-5.0:4.7',
    'cis-aws-5.0:4.8',
    'cis-aws-5.0:4.9',
    'cis-aws-5.0:4.10',
    'cis-aws-5.0:4.11',
    'cis-aws-5.0:4.12',
    'cis-aws-5.0:4.13',
    'cis-aws-5.0:4.14',
    'cis-aws-5.0:4.15',
    'mcsb-v1:LT-1',
    'nist-csf-2.0:DE.CM-09',
  ],
  threats: ['unauthorized-access', 'insider-misuse', 'configuration-drift'],
  rationale:
    'A trail records root use, denied calls and changes to identity, keys, logging and the network, but a record ' +
    'nobody looks at detects nothing. CIS AWS Foundations section 4 asks for a metric filter on the multi-region ' +
    "trail's log group for each of these events, and an alarm on each metric that notifies someone.",
  fix: {
    cdk:
      "Add a metric filter on the trail's log group for each missing CIS 4.x event set, and a CloudWatch alarm on its " +
      'metric with an alarm action (an SNS topic routed to responders); `AuditLogSink` creates all fifteen.',
    terraform:
      "Add an `aws_cloudwatch_log_metric_filter` on the log group of the `aws_cloudtrail`'s `cloud_watch_logs_group_arn` " +
      'for each missing CIS 4.x event set, and an `aws_cloudwatch_metric_alarm` on its `metric_transformation` with ' +
      '`alarm_actions` (an SNS topic routed to responders); `AuditTrailSink` creates all fifteen.',
  },
  appliesTo: ['audit-trail'],
  check(view) {
    const multiRegion = view.multiRegion;
    if (multiRegion instanceof Unknown)
      return unknown(`\`${view.name}\`: multi-region scope cannot be resolved (${multiRegion.reason})`);
    if (!multiRegion)
      return notApplicable(
        `\`${view.name}\` is a single-region trail; CIS monitoring uses the multi-region trail`,
      );
    const delivery = view.cloudWatchDelivery;
    if (delivery instanceof Unknown)
      return unknown(`\`${view.name}\`: CloudWatch Logs delivery cannot be resolved (${delivery.reason})`);
    if (!delivery)
      return notApplicable(`\`${view.name}\` does not deliver to CloudWatch Logs (see BW-LT-005)`);
    const filters = view.metricFilters;
    if (filters === undefined)
      return notApplicable(`\`${view.name}\` delivers to no log group whose metric filters are read`);
    if (filters instanceof Unknown)
      return unknown(`\`${view.name}\`: metric filters of its log group cannot be read (${filters.reason})`);
    return MONITORED.map((control) => judge(view.name, control, filters));
  },
});
