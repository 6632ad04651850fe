import type { IncidentSeverity } from '../incident/severity';

/** One CloudTrail metric filter and its alarm, as CIS AWS Foundations v5.0.0 section 4 asks. */
export interface CisMetricFilter {
  /** CIS AWS Foundations Benchmark v5.0.0 recommendation (`4.1` .. `4.15`). */
  readonly cis: string;
  /** Construct id and metric name. */
  readonly id: string;
  /** What the alarm means. */
  readonly description: string;
  /** CloudWatch Logs filter pattern over CloudTrail records. */
  readonly pattern: string;
  /** Events within {@link periodMinutes} that raise the alarm. */
  readonly threshold: number;
  /** Evaluation period of the alarm. */
  readonly periodMinutes: number;
  /** Incident severity class the alarm is routed to. */
  readonly severity: IncidentSeverity;
}

/** CloudWatch namespace CIS recommends for the section 4 metrics. */
export const CIS_METRIC_NAMESPACE = 'CISBenchmark';

const anyOf = (names: readonly string[]) => names.map((n) => `($.eventName = ${n})`).join(' || ');

/**
 * The CIS AWS Foundations Benchmark v5.0.0 monitoring recommendations 4.1-4.15, with the filter
 * patterns of the benchmark's remediation procedures (CIS AWS Foundations Benchmark v5.0.0, section 4
 * "Monitoring"; the same patterns are listed in AWS Security Hub's CloudWatch.1-CloudWatch.14
 * remediation). Two patterns differ from the text in grouping only: 4.1 and 4.13 mix `||` and `&&`
 * without parentheses in the benchmark; here the intended grouping is written out (an access error
 * that is not S3 log delivery nor HeadBucket; a route change whose source is EC2, since API Gateway
 * also has a `CreateRoute`). 4.6 (console authentication failures) alarms at 5 failures in 5 minutes,
 * the brute-force threshold of the security model, instead of CIS's 1.
 *
 * Severity routing: trail, key-deletion and root activity are critical (evidence or data can be
 * destroyed); identity, storage policy, Config and Organizations changes and MFA-less or failed
 * console sign-ins are high; network changes and denied API calls are medium.
 */
export const CIS_METRIC_FILTERS: readonly CisMetricFilter[] = [
  {
    cis: '4.1',
    id: 'UnauthorizedApiCalls',
    description: 'Unauthorized API calls',
    pattern:
      '{ (($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*")) && ' +
      '($.sourceIPAddress != "delivery.logs.amazonaws.com") && ($.eventName != "HeadBucket") }',
    threshold: 1,
    periodMinutes: 5,
    severity: 'medium',
  },
  {
    cis: '4.2',
    id: 'ConsoleSignInWithoutMfa',
    description: 'Management console sign-in without MFA',
    pattern:
      '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ' +
      '($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }',
    threshold: 1,
    periodMinutes: 5,
    severity: 'high',
  },
  {
    cis: '4.3',
    id: 'RootAccountUsage',
    description: "Usage of the 'root' account",
    pattern:
      '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
    threshold: 1,
    periodMinutes: 5,
    severity: 'critical',
  },
  {
    cis: '4.4',
    id: 'IamPolicyChanges',
    description: 'IAM policy changes',
    pattern: `{ ${anyOf([
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
    ])} }`,
    threshold: 1,
    periodMinutes: 5,
    severity: 'high',
  },
  {
    cis: '4.5',
    id: 'CloudTrailConfigChanges',
    description: 'CloudTrail configuration changes',
    pattern: `{ ${anyOf(['CreateTrail', 'UpdateTrail', 'DeleteTrail', 'StartLogging', 'StopLogging'])} }`,
    threshold: 1,
    periodMinutes: 5,
    severity: 'critical',
  },
  {
    cis: '4.6',
    id: 'ConsoleAuthenticationFailures',
    description: 'Management console authentication failures (5 or more in 5 minutes)',
    pattern: '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }',
    threshold: 5,
    periodMinutes: 5,
    severity: 'high',
  },
  {
    cis: '4.7',
    id: 'CmkDisabledOrScheduledForDeletion',
    description: 'Customer-managed KMS keys disabled or scheduled for deletion',
    pattern:
      '{ ($.eventSource = kms.amazonaws.com) && (($.eventName = DisableKey) || ($.eventName = ScheduleKeyDeletion)) }',
    threshold: 1,
    periodMinutes: 5,
    severity: 'critical',
  },
  {
    cis: '4.8',
    id: 'S3BucketPolicyChanges',
    description: 'S3 bucket policy changes',
    pattern: `{ ($.eventSource = s3.amazonaws.com) && (${anyOf([
      'PutBucketAcl',
      'PutBucketPolicy',
      'PutBucketCors',
      'PutBucketLifecycle',
      'PutBucketReplication',
      'DeleteBucketPolicy',
      'DeleteBucketCors',
      'DeleteBucketLifecycle',
      'DeleteBucketReplication',
    ])}) }`,
    threshold: 1,
    periodMinutes: 5,
    severity: 'high',
  },
  {
    cis: '4.9',
    id: 'ConfigChanges',
    description: 'AWS Config configuration changes',
    pattern: `{ ($.eventSource = config.amazonaws.com) && (${anyOf([
      'StopConfigurationRecorder',
      'DeleteDeliveryChannel',
      'PutDeliveryChannel',
      'PutConfigurationRecorder',
    ])}) }`,
    threshold: 1,
    periodMinutes: 5,
    severity: 'high',
  },
  {
    cis: '4.10',
    id: 'SecurityGroupChanges',
    description: 'Security group changes',
    pattern: `{ ${anyOf([
      'AuthorizeSecurityGroupIngress',
      'AuthorizeSecurityGroupEgress',
      'RevokeSecurityGroupIngress',
      'RevokeSecurityGroupEgress',
      'CreateSecurityGroup',
      'DeleteSecurityGroup',
      'ModifySecurityGroupRules',
    ])} }`,
    threshold: 1,
    periodMinutes: 5,
    severity: 'medium',
  },
  {
    cis: '4.11',
    id: 'NetworkAclChanges',
    description: 'Network ACL changes',
    pattern: `{ ${anyOf([
      'CreateNetworkAcl',
      'CreateNetworkAclEntry',
      'DeleteNetworkAcl',
      'DeleteNetworkAclEntry',
      'ReplaceNetworkAclEntry',
      'ReplaceNetworkAclAssociation',
    ])} }`,
    threshold: 1,
    periodMinutes: 5,
    severity: 'medium',
  },
  {
    cis: '4.12',
    id: 'NetworkGatewayChanges',
    description: 'Network gateway changes',
    pattern: `{ ${anyOf([
      'CreateCustomerGateway',
      'DeleteCustomerGateway',
      'AttachInternetGateway',
      'CreateInternetGateway',
      'DeleteInternetGateway',
      'DetachInternetGateway',
    ])} }`,
    threshold: 1,
    periodMinutes: 5,
    severity: 'medium',
  },
  {
    cis: '4.13',
    id: 'RouteTableChanges',
    description: 'Route table changes',
    pattern: `{ ($.eventSource = ec2.amazonaws.com) && (${anyOf([
      'CreateRoute',
      'CreateRouteTable',
      'ReplaceRoute',
      'ReplaceRouteTableAssociation',
      'DeleteRouteTable',
      'DeleteRoute',
      'DisassociateRouteTable',
    ])}) }`,
    threshold: 1,
    periodMinutes: 5,
    severity: 'medium',
  },
  {
    cis: '4.14',
    id: 'VpcChanges',
    description: 'VPC changes',
    pattern: `{ ${anyOf([
      'CreateVpc',
      'DeleteVpc',
      'ModifyVpcAttribute',
      'AcceptVpcPeeringConnection',
      'CreateVpcPeeringConnection',
      'DeleteVpcPeeringConnection',
      'RejectVpcPeeringConnection',
      'AttachClassicLinkVpc',
      'DetachClassicLinkVpc',
      'DisableVpcClassicLink',
      'EnableVpcClassicLink',
    ])} }`,
    threshold: 1,
    periodMinutes: 5,
    severity: 'medium',
  },
  {
    cis: '4.15',
    id: 'OrganizationsChanges',
    description: 'AWS Organizations changes',
    pattern: `{ ($.eventSource = organizations.amazonaws.com) && (${anyOf(
      [
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
      ].map((n) => `"${n}"`),
    )}) }`,
    threshold: 1,
    periodMinutes: 5,
    severity: 'high',
  },
];
