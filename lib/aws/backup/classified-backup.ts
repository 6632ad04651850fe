import { Arn, ArnFormat, Duration, Names, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { CLASSIFICATION_TAG, requirementsFor, tagValue, type BackupCadence } from '../../classification';
import {
  customerKeyFor,
  removalPolicyFor,
  tagClassification,
  type ClassifiedProps,
} from '../common/classified';
import { PropsValidator } from '../common/validation';

/** Longest retention AWS Backup allows for continuous (point-in-time) backups. */
export const CONTINUOUS_BACKUP_MAX_DAYS = 35;

/** Grace period of a compliance-mode vault lock before it becomes immutable (AWS minimum: 3 days). */
export const COMPLIANCE_LOCK_GRACE = Duration.days(3);

/** Daily at 05:00 UTC. */
export const DAILY_SCHEDULE = 'cron(0 5 ? * * *)';
/** Every hour, on the hour. */
export const HOURLY_SCHEDULE = 'cron(0 * ? * * *)';

/** Props of {@link ClassifiedBackup}. */
export interface ClassifiedBackupProps extends ClassifiedProps {
  /**
   * How long recovery points are kept. Never longer than the level's data retention (backups never
   * outlive the data), and at most 35 days where the level takes continuous backups (AWS limit).
   * @default the level's backup retention: 35 days, 30 at TOP_SECRET
   * @see classification:BACKUP-LIFETIME, mcsb-v1:BR-1
   */
  readonly retention?: Duration;

  /**
   * ARN of a backup vault in another region that receives a copy of every recovery point. Required
   * from RESTRICTED; optional below.
   * @default - no copy (below RESTRICTED)
   * @see classification:BACKUP, mcsb-v1:BR-2, nist-csf-2.0:PR.DS-11
   */
  readonly copyDestinationVaultArn?: string;

  /**
   * Name of the backup vault.
   * @default - generated
   */
  readonly backupVaultName?: string;

  /**
   * Topic notified when a backup, copy or restore job of this vault fails, is aborted or expires,
   * through an EventBridge rule on `aws.backup` events (e.g. `IncidentRouting.topicFor('high')`).
   * Without it failures reach no one and BW-BR-008 reports the vault.
   * @default - failures are not routed
   * @see mcsb-v1:BR-3
   */
  readonly failureTopic?: sns.ITopic;
}

/**
 * Backups of one classification level: a vault encrypted with a customer-managed key and locked as
 * the level requires (governance at CONFIDENTIAL, compliance from RESTRICTED, its maximum retention
 * capped at the level's data retention), a plan whose rule takes the level's cadence (daily; daily
 * plus point-in-time; hourly plus point-in-time; continuous), and a selection of every resource
 * tagged `data-classification` with the level. From RESTRICTED each recovery point is copied to a
 * vault in another region. PUBLIC data takes no backups.
 *
 * @see classification:BACKUP, classification:BACKUP-LIFETIME, mcsb-v1:BR-1, mcsb-v1:BR-2, nist-csf-2.0:PR.DS-11
 */
export class ClassifiedBackup extends Construct {
  /** The vault. */
  readonly vault: backup.BackupVault;
  /** The key encrypting the vault. */
  readonly key: kms.Key;
  /** The plan. */
  readonly plan: backup.BackupPlan;
  /** The selection of resources tagged with the level. */
  readonly selection: backup.BackupSelection;
  /** Days recovery points are kept. */
  readonly retentionDays: number;

  constructor(scope: Construct, id: string, props: ClassifiedBackupProps) {
    super(scope, id);
    const level = props.classification;
    const req = requirementsFor(level);
    const continuous = takesContinuous(req.backup.cadence);
    const retention = props.retention ?? Duration.days(req.backup.retentionDays ?? 0);
    const days = retention.isUnresolved() ? undefined : retention.toDays({ integral: false });
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
    if (days !== undefined) {
      v.check(
        days >= 1 && Number.isInteger(days),
        'BULWARK_BACKUP_RETENTION',
        '`retention` must be a whole number of days, at least 1',
      );
      v.check(
        cap === undefined || days <= cap,
        'BULWARK_BACKUP_RETENTION',
        `\`retention\` of ${days} days outlives the data: \`classification\` ${level} keeps data ${cap} days`,
      );
      v.check(
        !continuous || days <= CONTINUOUS_BACKUP_MAX_DAYS,
        'BULWARK_BACKUP_RETENTION',
        `\`retention\` of ${days} days is longer than the ${CONTINUOUS_BACKUP_MAX_DAYS} days AWS Backup keeps ` +
          `the continuous backups that \`classification\` ${level} requires`,
      );
    }
    v.check(
      !req.backup.crossRegionCopy || props.copyDestinationVaultArn !== undefined,
      'BULWARK_BACKUP_COPY_REQUIRED',
      `\`classification\` ${level} requires a cross-region copy: set \`copyDestinationVaultArn\``,
    );
    const copyRegion = regionOf(props.copyDestinationVaultArn);
    const region = Stack.of(this).region;
    v.check(
      copyRegion === undefined || Token.isUnresolved(region) || copyRegion !== region,
      'BULWARK_BACKUP_COPY_REGION',
      `\`copyDestinationVaultArn\` is in ${region}, the vault's own region: \`classification\` ${level} ` +
        'requires a copy in another region',
    );
    v.throwIfAny();

    this.retentionDays = days ?? req.backup.retentionDays ?? 0;
    const deleteAfter = days !== undefined ? Duration.days(days) : retention;

    this.key =
      customerKeyFor(this, 'Key', level, `Encrypts ${level} backups`) ??
      new kms.Key(this, 'Key', {
        description: `Encrypts ${level} backups`,
        enableKeyRotation: true,
        removalPolicy: RemovalPolicy.RETAIN,
      });
    tagClassification(this.key, level);

    this.vault = new backup.BackupVault(this, 'Vault', {
      backupVaultName: props.backupVaultName,
      encryptionKey: this.key,
      removalPolicy: removalPolicyFor(level),
      blockRecoveryPointDeletion: true,
      lockConfiguration: lockFor(req.backup.vaultLock, deleteAfter, cap),
    });
    tagClassification(this.vault, level);
    if (props.failureTopic) {
      // Backup and copy jobs of this vault that fail, are aborted or expire reach the topic.
      const failed = ['FAILED', 'ABORTED', 'EXPIRED'];
      const target = new targets.SnsTopic(props.failureTopic);
      new events.Rule(this, 'BackupJobFailures', {
        description: `Failed ${level} backup jobs`,
        eventPattern: {
          source: ['aws.backup'],
          detailType: ['Backup Job State Change'],
          detail: { state: failed, backupVaultName: [this.vault.backupVaultName] },
        },
        targets: [target],
      });
      new events.Rule(this, 'CopyJobFailures', {
        description: `Failed ${level} copy jobs`,
        eventPattern: {
          source: ['aws.backup'],
          detailType: ['Copy Job State Change'],
          detail: { state: failed, sourceBackupVaultArn: [this.vault.backupVaultArn] },
        },
        targets: [target],
      });
    }

    const copy = props.copyDestinationVaultArn
      ? backup.BackupVault.fromBackupVaultArn(this, 'CopyDestination', props.copyDestinationVaultArn)
      : undefined;
    this.plan = new backup.BackupPlan(this, 'Plan', {
      backupPlanName: Names.uniqueResourceName(this, { maxLength: 50 }),
      backupVault: this.vault,
    });
    this.plan.addRule(
      new backup.BackupPlanRule({
        ruleName: RULE_NAMES[req.backup.cadence],
        scheduleExpression: events.Schedule.expression(
          req.backup.cadence === 'daily' || req.backup.cadence === 'daily-pitr'
            ? DAILY_SCHEDULE
            : HOURLY_SCHEDULE,
        ),
        enableContinuousBackup: continuous,
        deleteAfter,
        copyActions: copy ? [{ destinationBackupVault: copy, deleteAfter }] : undefined,
        recoveryPointTags: { [CLASSIFICATION_TAG]: tagValue(level) },
      }),
    );

    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('backup.amazonaws.com'),
      description: `Backs up and restores resources tagged ${CLASSIFICATION_TAG}=${tagValue(level)}`,
      managedPolicies: [
        'service-role/AWSBackupServiceRolePolicyForBackup',
        'service-role/AWSBackupServiceRolePolicyForRestores',
        'AWSBackupServiceRolePolicyForS3Backup',
        'AWSBackupServiceRolePolicyForS3Restore',
      ].map((name) => iam.ManagedPolicy.fromAwsManagedPolicyName(name)),
    });
    this.selection = this.plan.addSelection('Selection', {
      role,
      disableDefaultBackupPolicy: true,
      resources: [backup.BackupResource.fromTag(CLASSIFICATION_TAG, tagValue(level))],
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
 * The vault lock of a level: none; governance (no `changeableFor`: removable by principals allowed
 * to); compliance (`changeableFor` 3 days, then immutable, root included). Recovery points must be
 * kept at most the level's data retention and at least the plan's retention; where the two are
 * equal the minimum is one day less, since a lock's maximum must exceed its minimum.
 */
function lockFor(
  mode: 'none' | 'governance' | 'compliance',
  retention: Duration,
  capDays: number | undefined,
): backup.LockConfiguration | undefined {
  if (mode === 'none') return undefined;
  const days = retention.isUnresolved() ? undefined : retention.toDays();
  const min =
    days !== undefined && capDays !== undefined && days >= capDays ? Duration.days(capDays - 1) : retention;
  return {
    minRetention: min,
    maxRetention: capDays !== undefined ? Duration.days(capDays) : undefined,
    changeableFor: mode === 'compliance' ? COMPLIANCE_LOCK_GRACE : undefined,
  };
}

/** The region of a vault ARN when it is written out, else undefined. */
function regionOf(arn: string | undefined): string | undefined {
  if (arn === undefined || Token.isUnresolved(arn)) return undefined;
  const region = Arn.split(arn, ArnFormat.COLON_RESOURCE_NAME).region;
  return region && !Token.isUnresolved(region) ? region : undefined;
}
