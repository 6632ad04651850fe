import { BackupPlan } from '@cdktf/provider-aws/lib/backup-plan';
import { BackupSelection } from '@cdktf/provider-aws/lib/backup-selection';
import { BackupVault } from '@cdktf/provider-aws/lib/backup-vault';
import { BackupVaultLockConfiguration } from '@cdktf/provider-aws/lib/backup-vault-lock-configuration';
import { BackupVaultPolicy } from '@cdktf/provider-aws/lib/backup-vault-policy';
import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { Construct } from 'constructs';
import {
  CLASSIFICATION_TAG,
  requirementsFor,
  tagValue,
  type BackupCadence,
  type VaultLock,
} from '../classification';
import { PropsValidator } from '../aws/common/validation';
import { awsContext, classificationTags, lifecycleFor, resourceName, type ClassifiedProps } from './common';
import { ClassifiedKey } from './kms-key';
import { ANYONE, assumeRolePolicy, policyJson } from './policy';

/** Longest retention AWS Backup allows for continuous (point-in-time) backups, in days. */
export const CONTINUOUS_BACKUP_MAX_DAYS = 35;
/** Grace period of a compliance-mode vault lock before it becomes immutable (AWS minimum), in days. */
export const COMPLIANCE_LOCK_GRACE_DAYS = 3;
/** Daily at 05:00 UTC. */
export const DAILY_SCHEDULE = 'cron(0 5 ? * * *)';
/** Every hour, on the hour. */
export const HOURLY_SCHEDULE = 'cron(0 * ? * * *)';

/** AWS managed policies of the role AWS Backup uses for the selection. */
const BACKUP_ROLE_POLICIES = [
  'service-role/AWSBackupServiceRolePolicyForBackup',
  'service-role/AWSBackupServiceRolePolicyForRestores',
  'AWSBackupServiceRolePolicyForS3Backup',
  'AWSBackupServiceRolePolicyForS3Restore',
];

/** Props of {@link ClassifiedBackup}. */
export interface ClassifiedBackupProps extends ClassifiedProps {
  /**
   * Days recovery points are kept. Never longer than the level's data retention (backups never outlive
   * the data), and at most 35 where the level takes continuous backups (AWS limit).
   * @default the level's backup retention: 35 days, 30 at TOP_SECRET
   * @see classification:BACKUP-LIFETIME, mcsb-v1:BR-1
   */
  readonly retentionDays?: number;
  /**
   * ARN of a backup vault in another region that receives a copy of every recovery point. Required
   * from RESTRICTED; optional below.
   * @default - no copy (below RESTRICTED)
   * @see classification:BACKUP, mcsb-v1:BR-2, nist-csf-2.0:PR.DS-11
   */
  readonly copyDestinationVaultArn?: string;
  /**
   * Name of the backup vault.
   * @default - the construct path's ids joined by `-`
   */
  readonly backupVaultName?: string;
  /**
   * ARN of an SNS topic notified when a backup or copy job of this vault fails, is aborted or expires
   * (EventBridge rules on `aws.backup` events). Without it failures reach no one.
   * @default - failures are not routed
   * @see mcsb-v1:BR-3
   */
  readonly failureTopicArn?: string;
}

/**
 * Backups of one classification level, as the CDK `ClassifiedBackup`: a vault encrypted with a
 * customer-managed key, recovery points protected from deletion by the vault policy, the vault
 * locked as the level requires (governance at CONFIDENTIAL, compliance from RESTRICTED, the maximum
 * retention capped at the level's data retention), a plan whose rule takes the level's cadence, and
 * a selection of every resource tagged `data-classification` with the level. From RESTRICTED each
 * recovery point is copied to a vault in another region. PUBLIC data takes no backups.
 *
 * @see classification:BACKUP, classification:BACKUP-LIFETIME, mcsb-v1:BR-1, mcsb-v1:BR-2, nist-csf-2.0:PR.DS-11
 */
export class ClassifiedBackup extends Construct {
  /** The vault. */
  readonly vault: BackupVault;
  /** The key encrypting the vault. */
  readonly key: ClassifiedKey;
  /** The plan. */
  readonly plan: BackupPlan;
  /** The selection of resources tagged with the level. */
  readonly selection: BackupSelection;
  /** The vault lock, where the level asks for one. */
  readonly vaultLock?: BackupVaultLockConfiguration;
  /** Days recovery points are kept. */
  readonly retentionDays: number;

  constructor(scope: Construct, id: string, props: ClassifiedBackupProps) {
    super(scope, id);
    const level = props.classification;
    const req = requirementsFor(level);
    const continuous = takesContinuous(req.backup.cadence);
    const days = props.retentionDays ?? req.backup.retentionDays ?? 0;
    const cap = req.dataRetentionDays;

    const v = new PropsValidator(this);
    if (req.backup.cadence === 'none') {
      v.check(
        false,
        'BULWARK_BACKUP_PUBLIC',
        `\`classification\` ${level} requires no backups: back up stores of INTERNAL and above only`,
      );
      v.throwIfAny();
    }
    v.check(
      days >= 1 && Number.isInteger(days),
      'BULWARK_BACKUP_RETENTION',
      '`retentionDays` must be a whole number of days, at least 1',
    );
    v.check(
      cap === undefined || days <= cap,
      'BULWARK_BACKUP_RETENTION',
      `\`retentionDays\` of ${days} days outlives the data: \`classification\` ${level} keeps data ${cap} days`,
    );
    v.check(
      !continuous || days <= CONTINUOUS_BACKUP_MAX_DAYS,
      'BULWARK_BACKUP_RETENTION',
      `\`retentionDays\` of ${days} days is longer than the ${CONTINUOUS_BACKUP_MAX_DAYS} days AWS Backup keeps ` +
        `the continuous backups that \`classification\` ${level} requires`,
    );
    v.check(
      !req.backup.crossRegionCopy || props.copyDestinationVaultArn !== undefined,
      'BULWARK_BACKUP_COPY_REQUIRED',
      `\`classification\` ${level} requires a cross-region copy: set \`copyDestinationVaultArn\``,
    );
    v.throwIfAny();
    this.retentionDays = days;
    const ctx = awsContext(this);
    const name = props.backupVaultName ?? resourceName(this, 50);

    this.key = new ClassifiedKey(this, 'Key', {
      classification: level,
      description: `Encrypts ${level} backups`,
    });
    this.vault = new BackupVault(this, 'Vault', {
      name,
      kmsKeyArn: this.key.arn,
      forceDestroy: false,
      tags: classificationTags(level),
      lifecycle: lifecycleFor(level),
    });
    // Recovery points cannot be deleted or have their lifecycle shortened by anyone but AWS Backup's own expiry.
    new BackupVaultPolicy(this, 'VaultPolicy', {
      backupVaultName: this.vault.name,
      policy: policyJson([
        {
          Sid: 'DenyRecoveryPointDeletion',
          Effect: 'Deny',
          Principal: ANYONE,
          Action: ['backup:DeleteRecoveryPoint', 'backup:UpdateRecoveryPointLifecycle'],
          Resource: '*',
        },
      ]),
    });
    const lock = lockFor(req.backup.vaultLock, days, cap);
    if (lock) {
      this.vaultLock = new BackupVaultLockConfiguration(this, 'VaultLock', {
        backupVaultName: this.vault.name,
        ...lock,
      });
    }
    if (props.failureTopicArn) {
      const failed = ['FAILED', 'ABORTED', 'EXPIRED'];
      const routes = [
        {
          id: 'BackupJobFailures',
          detailType: 'Backup Job State Change',
          detail: { backupVaultName: [this.vault.name] },
        },
        {
          id: 'CopyJobFailures',
          detailType: 'Copy Job State Change',
          detail: { sourceBackupVaultArn: [this.vault.arn] },
        },
      ];
      for (const r of routes) {
        const rule = new CloudwatchEventRule(this, r.id, {
          description: `Failed ${level} ${r.detailType.split(' ')[0]!.toLowerCase()} jobs`,
          eventPattern: JSON.stringify({
            source: ['aws.backup'],
            'detail-type': [r.detailType],
            detail: { state: failed, ...r.detail },
          }),
        });
        new CloudwatchEventTarget(this, `${r.id}Target`, { rule: rule.name, arn: props.failureTopicArn });
      }
    }

    this.plan = new BackupPlan(this, 'Plan', {
      name,
      rule: [
        {
          ruleName: RULE_NAMES[req.backup.cadence],
          targetVaultName: this.vault.name,
          schedule:
            req.backup.cadence === 'daily' || req.backup.cadence === 'daily-pitr'
              ? DAILY_SCHEDULE
              : HOURLY_SCHEDULE,
          enableContinuousBackup: continuous,
          lifecycle: { deleteAfter: days },
          recoveryPointTags: { [CLASSIFICATION_TAG]: tagValue(level) },
          copyAction: props.copyDestinationVaultArn
            ? [{ destinationVaultArn: props.copyDestinationVaultArn, lifecycle: { deleteAfter: days } }]
            : undefined,
        },
      ],
      tags: classificationTags(level),
    });

    const role = new IamRole(this, 'Role', {
      assumeRolePolicy: assumeRolePolicy('backup.amazonaws.com'),
      description: `Backs up and restores resources tagged ${CLASSIFICATION_TAG}=${tagValue(level)}`,
    });
    BACKUP_ROLE_POLICIES.forEach((policy, i) => {
      new IamRolePolicyAttachment(this, `RolePolicy${i + 1}`, {
        role: role.name,
        policyArn: `arn:${ctx.partition}:iam::aws:policy/${policy}`,
      });
    });
    this.selection = new BackupSelection(this, 'Selection', {
      name: `${tagValue(level)}-data`,
      planId: this.plan.id,
      iamRoleArn: role.arn,
      selectionTag: [{ type: 'STRINGEQUALS', key: CLASSIFICATION_TAG, value: tagValue(level) }],
    });
  }
}

const RULE_NAMES: Record<BackupCadence, string> = {
  none: 'None',
  daily: 'Daily',
  'daily-pitr': 'DailyAndPointInTime',
  'hourly-pitr': 'HourlyAndPointInTime',
  'continuous-pitr': 'Continuous',
};

function takesContinuous(cadence: BackupCadence): boolean {
  return cadence === 'daily-pitr' || cadence === 'hourly-pitr' || cadence === 'continuous-pitr';
}

/**
 * The vault lock of a level: none; governance (no `changeable_for_days`); compliance (3 days, then
 * immutable). Recovery points are kept at most the level's data retention and at least the plan's
 * retention; where the two are equal the minimum is one day less (a lock's maximum must exceed its
 * minimum).
 */
function lockFor(
  mode: VaultLock,
  days: number,
  capDays: number | undefined,
): { minRetentionDays: number; maxRetentionDays?: number; changeableForDays?: number } | undefined {
  if (mode === 'none') return undefined;
  const min = capDays !== undefined && days >= capDays ? capDays - 1 : days;
  return {
    minRetentionDays: min,
    ...(capDays !== undefined ? { maxRetentionDays: capDays } : {}),
    ...(mode === 'compliance' ? { changeableForDays: COMPLIANCE_LOCK_GRACE_DAYS } : {}),
  };
}
