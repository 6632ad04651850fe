import {
  DescribeBackupVaultCommand,
  GetBackupPlanCommand,
  GetBackupSelectionCommand,
  ListBackupSelectionsCommand,
  ListTagsCommand as BackupListTagsCommand,
} from '@aws-sdk/client-backup';
import { ListStackResourcesCommand } from '@aws-sdk/client-cloudformation';
import {
  GetEventSelectorsCommand,
  GetTrailCommand,
  GetTrailStatusCommand,
  ListTagsCommand as CloudTrailListTagsCommand,
} from '@aws-sdk/client-cloudtrail';
import {
  DescribeLogGroupsCommand,
  GetDataProtectionPolicyCommand,
  ListTagsForResourceCommand as LogsListTagsForResourceCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import {
  DescribeConfigurationRecordersCommand,
  DescribeConfigurationRecorderStatusCommand,
} from '@aws-sdk/client-config-service';
import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  ListTagsOfResourceCommand,
} from '@aws-sdk/client-dynamodb';
import {
  DescribeFlowLogsCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVolumesCommand,
  DescribeVpcsCommand,
  GetEbsEncryptionByDefaultCommand,
} from '@aws-sdk/client-ec2';
import {
  DescribeListenersCommand,
  DescribeLoadBalancerAttributesCommand,
  DescribeLoadBalancersCommand,
  DescribeTagsCommand as Elbv2DescribeTagsCommand,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { GetDetectorCommand } from '@aws-sdk/client-guardduty';
import {
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  ListResourceTagsCommand,
} from '@aws-sdk/client-kms';
import { DescribeDBClustersCommand, DescribeDBInstancesCommand } from '@aws-sdk/client-rds';
import {
  GetBucketEncryptionCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketLoggingCommand,
  GetBucketPolicyCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetObjectLockConfigurationCommand,
  GetPublicAccessBlockCommand,
  HeadBucketCommand,
} from '@aws-sdk/client-s3';
import { DescribeHubCommand, GetEnabledStandardsCommand } from '@aws-sdk/client-securityhub';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';

/** The AWS services drift reads, one SDK v3 client each. */
export type DriftService =
  | 'backup'
  | 'cloudformation'
  | 'cloudtrail'
  | 'logs'
  | 'config'
  | 'dynamodb'
  | 'ec2'
  | 'elbv2'
  | 'guardduty'
  | 'kms'
  | 'rds'
  | 's3'
  | 'securityhub'
  | 'sts';

/** An SDK v3 command class (its constructor; `instanceof` identifies a command). */
export type CommandClass = abstract new (...args: never[]) => object;

/** One command the drift code may send, and the IAM action that authorises it. */
export interface DriftPermission {
  readonly service: DriftService;
  /** The SDK v3 command class. */
  readonly command: CommandClass;
  /** The operation name as the API spells it: `GetBucketEncryption`. */
  readonly operation: string;
  /** The IAM action it needs: `s3:GetEncryptionConfiguration`. */
  readonly action: string;
  /** Why drift sends it: the facts it reads. */
  readonly reads: string;
}

function p(
  service: DriftService,
  command: CommandClass,
  operation: string,
  action: string,
  reads: string,
): DriftPermission {
  return { service, command, operation, action, reads };
}

/**
 * Every SDK command `bulwark drift` can send, with its IAM action: the ONE table the read-only
 * policy is derived from. The live reader refuses any command not listed here, so the policy
 * printed by `--print-iam-policy` covers every request a run makes, and nothing else.
 */
export const DRIFT_PERMISSIONS: readonly DriftPermission[] = [
  p(
    'sts',
    GetCallerIdentityCommand,
    'GetCallerIdentity',
    'sts:GetCallerIdentity',
    'the account read, before anything else',
  ),
  p(
    'cloudformation',
    ListStackResourcesCommand,
    'ListStackResources',
    'cloudformation:ListStackResources',
    'physical ids of the stack resources',
  ),
  // S3
  p('s3', HeadBucketCommand, 'HeadBucket', 's3:ListBucket', 'whether the bucket exists'),
  p(
    's3',
    GetBucketEncryptionCommand,
    'GetBucketEncryption',
    's3:GetEncryptionConfiguration',
    'default encryption',
  ),
  p(
    's3',
    GetPublicAccessBlockCommand,
    'GetPublicAccessBlock',
    's3:GetBucketPublicAccessBlock',
    'public access block',
  ),
  p('s3', GetBucketVersioningCommand, 'GetBucketVersioning', 's3:GetBucketVersioning', 'versioning'),
  p(
    's3',
    GetBucketPolicyCommand,
    'GetBucketPolicy',
    's3:GetBucketPolicy',
    'bucket policy (TLS-only, public grants)',
  ),
  p(
    's3',
    GetBucketLifecycleConfigurationCommand,
    'GetBucketLifecycleConfiguration',
    's3:GetLifecycleConfiguration',
    'lifecycle expiration',
  ),
  p(
    's3',
    GetObjectLockConfigurationCommand,
    'GetObjectLockConfiguration',
    's3:GetBucketObjectLockConfiguration',
    'object lock',
  ),
  p('s3', GetBucketLoggingCommand, 'GetBucketLogging', 's3:GetBucketLogging', 'server access logging'),
  p('s3', GetBucketTaggingCommand, 'GetBucketTagging', 's3:GetBucketTagging', 'tags (classification)'),
  // KMS
  p('kms', DescribeKeyCommand, 'DescribeKey', 'kms:DescribeKey', 'key spec and state'),
  p(
    'kms',
    GetKeyRotationStatusCommand,
    'GetKeyRotationStatus',
    'kms:GetKeyRotationStatus',
    'automatic rotation and its period',
  ),
  p('kms', GetKeyPolicyCommand, 'GetKeyPolicy', 'kms:GetKeyPolicy', 'key policy'),
  p('kms', ListResourceTagsCommand, 'ListResourceTags', 'kms:ListResourceTags', 'tags (classification)'),
  // EC2
  p(
    'ec2',
    DescribeSecurityGroupsCommand,
    'DescribeSecurityGroups',
    'ec2:DescribeSecurityGroups',
    'security groups, and the default group of each VPC',
  ),
  p('ec2', DescribeVpcsCommand, 'DescribeVpcs', 'ec2:DescribeVpcs', 'VPCs'),
  p('ec2', DescribeFlowLogsCommand, 'DescribeFlowLogs', 'ec2:DescribeFlowLogs', 'flow logs of VPCs'),
  p('ec2', DescribeSubnetsCommand, 'DescribeSubnets', 'ec2:DescribeSubnets', 'public IP on launch'),
  p('ec2', DescribeVolumesCommand, 'DescribeVolumes', 'ec2:DescribeVolumes', 'volume encryption'),
  p(
    'ec2',
    GetEbsEncryptionByDefaultCommand,
    'GetEbsEncryptionByDefault',
    'ec2:GetEbsEncryptionByDefault',
    'EBS encryption by default (account and region)',
  ),
  // CloudTrail
  p('cloudtrail', GetTrailCommand, 'GetTrail', 'cloudtrail:GetTrail', 'trail settings'),
  p(
    'cloudtrail',
    GetTrailStatusCommand,
    'GetTrailStatus',
    'cloudtrail:GetTrailStatus',
    'whether the trail is logging',
  ),
  p(
    'cloudtrail',
    GetEventSelectorsCommand,
    'GetEventSelectors',
    'cloudtrail:GetEventSelectors',
    'data events captured',
  ),
  p('cloudtrail', CloudTrailListTagsCommand, 'ListTags', 'cloudtrail:ListTags', 'tags'),
  // CloudWatch Logs
  p(
    'logs',
    DescribeLogGroupsCommand,
    'DescribeLogGroups',
    'logs:DescribeLogGroups',
    'retention, KMS key, data protection status',
  ),
  p(
    'logs',
    GetDataProtectionPolicyCommand,
    'GetDataProtectionPolicy',
    'logs:GetDataProtectionPolicy',
    'data protection (masking) policy',
  ),
  p(
    'logs',
    LogsListTagsForResourceCommand,
    'ListTagsForResource',
    'logs:ListTagsForResource',
    'tags (classification)',
  ),
  // DynamoDB
  p(
    'dynamodb',
    DescribeTableCommand,
    'DescribeTable',
    'dynamodb:DescribeTable',
    'encryption, deletion protection',
  ),
  p(
    'dynamodb',
    DescribeContinuousBackupsCommand,
    'DescribeContinuousBackups',
    'dynamodb:DescribeContinuousBackups',
    'point-in-time recovery',
  ),
  p(
    'dynamodb',
    DescribeTimeToLiveCommand,
    'DescribeTimeToLive',
    'dynamodb:DescribeTimeToLive',
    'item expiry (TTL)',
  ),
  p(
    'dynamodb',
    ListTagsOfResourceCommand,
    'ListTagsOfResource',
    'dynamodb:ListTagsOfResource',
    'tags (classification)',
  ),
  // RDS
  p(
    'rds',
    DescribeDBInstancesCommand,
    'DescribeDBInstances',
    'rds:DescribeDBInstances',
    'encryption, public access, backups, deletion protection',
  ),
  p(
    'rds',
    DescribeDBClustersCommand,
    'DescribeDBClusters',
    'rds:DescribeDBClusters',
    'encryption, backups, deletion protection',
  ),
  // Elastic Load Balancing v2
  p(
    'elbv2',
    DescribeListenersCommand,
    'DescribeListeners',
    'elasticloadbalancing:DescribeListeners',
    'listener protocol, TLS policy, default actions',
  ),
  p(
    'elbv2',
    DescribeLoadBalancersCommand,
    'DescribeLoadBalancers',
    'elasticloadbalancing:DescribeLoadBalancers',
    'load balancer type',
  ),
  p(
    'elbv2',
    DescribeLoadBalancerAttributesCommand,
    'DescribeLoadBalancerAttributes',
    'elasticloadbalancing:DescribeLoadBalancerAttributes',
    'access logs',
  ),
  p('elbv2', Elbv2DescribeTagsCommand, 'DescribeTags', 'elasticloadbalancing:DescribeTags', 'tags'),
  // AWS Backup
  p(
    'backup',
    DescribeBackupVaultCommand,
    'DescribeBackupVault',
    'backup:DescribeBackupVault',
    'vault lock and key',
  ),
  p('backup', GetBackupPlanCommand, 'GetBackupPlan', 'backup:GetBackupPlan', 'plan rules'),
  p(
    'backup',
    ListBackupSelectionsCommand,
    'ListBackupSelections',
    'backup:ListBackupSelections',
    'what a plan selects',
  ),
  p(
    'backup',
    GetBackupSelectionCommand,
    'GetBackupSelection',
    'backup:GetBackupSelection',
    'what a plan selects',
  ),
  p('backup', BackupListTagsCommand, 'ListTags', 'backup:ListTags', 'tags'),
  // Posture
  p('guardduty', GetDetectorCommand, 'GetDetector', 'guardduty:GetDetector', 'detector status and features'),
  p(
    'securityhub',
    DescribeHubCommand,
    'DescribeHub',
    'securityhub:DescribeHub',
    'whether Security Hub is enabled',
  ),
  p(
    'securityhub',
    GetEnabledStandardsCommand,
    'GetEnabledStandards',
    'securityhub:GetEnabledStandards',
    'enabled standards',
  ),
  p(
    'config',
    DescribeConfigurationRecordersCommand,
    'DescribeConfigurationRecorders',
    'config:DescribeConfigurationRecorders',
    'recording scope',
  ),
  p(
    'config',
    DescribeConfigurationRecorderStatusCommand,
    'DescribeConfigurationRecorderStatus',
    'config:DescribeConfigurationRecorderStatus',
    'whether the recorder is recording',
  ),
];

/** The table entry of a command instance, or undefined when the drift code may not send it. */
export function permissionFor(command: object): DriftPermission | undefined {
  return DRIFT_PERMISSIONS.find((e) => command instanceof e.command);
}

/** Verbs of the read-only actions the policy may contain. */
export const READ_ONLY_ACTION = /^[a-z0-9-]+:(Describe|Get|List)[A-Za-z0-9]*$/;

/** An IAM policy document. */
export interface IamPolicyDocument {
  readonly Version: '2012-10-17';
  readonly Statement: readonly {
    readonly Sid: string;
    readonly Effect: 'Allow';
    readonly Action: readonly string[];
    readonly Resource: '*';
  }[];
}

/** The IAM actions of the table, sorted and unique. */
export function driftActions(): string[] {
  return [...new Set(DRIFT_PERMISSIONS.map((e) => e.action))].sort();
}

/**
 * The least-privilege policy a drift run needs: exactly the actions of {@link DRIFT_PERMISSIONS},
 * all of them reads. Resources are `*`: the resources are only known once the stacks are listed,
 * and several of these actions support no resource-level permissions.
 */
export function driftIamPolicy(): IamPolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [{ Sid: 'BulwarkDriftReadOnly', Effect: 'Allow', Action: driftActions(), Resource: '*' }],
  };
}
