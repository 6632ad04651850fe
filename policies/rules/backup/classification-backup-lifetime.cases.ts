import { Duration } from 'aws-cdk-lib';
import type { Stack } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import { ClassifiedBackup } from '../../../lib/aws/backup';
import { Classification } from '../../../lib/classification';
import { defineCases } from '../../../lib/engine/cases';
import rule from './classification-backup-lifetime';
import { tfBackupPlan } from '../../../test/support/terraform-backup';
import {
  backupVault,
  blobBackupInstance,
  blobBackupPolicy,
  storageAccount,
} from '../../../test/support/azure-native';

interface PlanOptions {
  readonly level: string;
  readonly deleteAfter?: Duration;
  readonly copyDeleteAfter?: Duration;
  readonly lock?: backup.LockConfiguration;
}

function plan(stack: Stack, o: PlanOptions): void {
  const vault = new backup.BackupVault(stack, 'Vault', { lockConfiguration: o.lock });
  const p = new backup.BackupPlan(stack, 'Plan', { backupVault: vault });
  p.addRule(
    new backup.BackupPlanRule({
      ruleName: 'Daily',
      deleteAfter: o.deleteAfter,
      copyActions: o.copyDeleteAfter
        ? [
            {
              destinationBackupVault: backup.BackupVault.fromBackupVaultArn(
                stack,
                'Dr',
                'arn:aws:backup:eu-central-1:111122223333:backup-vault:dr',
              ),
              deleteAfter: o.copyDeleteAfter,
            },
          ]
        : undefined,
    }),
  );
  p.addSelection('Selection', { resources: [backup.BackupResource.fromTag('data-classification', o.level)] });
}

export default defineCases(rule, [
  {
    name: 'confidential backups kept 35 days',
    build: (stack) => plan(stack, { level: 'confidential', deleteAfter: Duration.days(35) }),
    target: 'Plan',
    expect: 'pass',
  },
  {
    name: 'confidential backups kept forever (no deleteAfter)',
    build: (stack) => plan(stack, { level: 'confidential' }),
    target: 'Plan',
    expect: 'fail',
    message:
      /`Plan` keeps recovery points of rule `Daily` of CONFIDENTIAL data forever; the level keeps data 365 days/,
  },
  {
    name: 'top-secret backups kept 35 days, beyond the 30 days its data lives',
    build: (stack) => plan(stack, { level: 'top-secret', deleteAfter: Duration.days(35) }),
    target: 'Plan',
    expect: 'fail',
    message: /keeps recovery points of rule `Daily` of TOP_SECRET data 35 days, more than the level's 30/,
  },
  {
    name: 'restricted backups copied to a vault that keeps them a year',
    build: (stack) =>
      plan(stack, {
        level: 'restricted',
        deleteAfter: Duration.days(35),
        copyDeleteAfter: Duration.days(365),
      }),
    target: 'Plan',
    expect: 'fail',
    message: /keeps copies of rule `Daily` of RESTRICTED data 365 days, more than the level's 180/,
  },
  {
    name: 'restricted backups in a vault whose lock keeps them at least a year',
    build: (stack) =>
      plan(stack, {
        level: 'restricted',
        deleteAfter: Duration.days(35),
        lock: { minRetention: Duration.days(365), changeableFor: Duration.days(3) },
      }),
    target: 'Plan',
    expect: 'fail',
    message: /whose lock keeps recovery points at least 365 days, more than the level's 180/,
  },
  {
    name: 'public data sets no lifetime',
    build: (stack) => plan(stack, { level: 'public' }),
    target: 'Plan',
    expect: 'not_applicable',
  },
  {
    name: 'Bulwark ClassifiedBackup for TOP_SECRET data',
    build: (stack) => {
      new ClassifiedBackup(stack, 'Backups', {
        classification: Classification.TOP_SECRET,
        copyDestinationVaultArn: 'arn:aws:backup:eu-central-1:111122223333:backup-vault:dr',
      });
    },
    target: 'Backups/Plan',
    expect: 'pass',
  },
  {
    name: 'terraform: confidential recovery points without lifecycle.delete_after',
    source: 'cdktf',
    build: (stack) => tfBackupPlan(stack, { level: 'confidential' }),
    target: 'Plan',
    expect: 'fail',
    message: /`Plan` keeps recovery points of rule `daily` of CONFIDENTIAL data forever/,
  },
  {
    name: 'terraform: confidential recovery points deleted after 35 days',
    source: 'cdktf',
    build: (stack) => tfBackupPlan(stack, { level: 'confidential', deleteAfter: 35 }),
    target: 'Plan',
    expect: 'pass',
  },
  {
    name: 'terraform: restricted backups in a vault whose lock keeps them at least 400 days',
    source: 'cdktf',
    build: (stack) =>
      tfBackupPlan(stack, { level: 'restricted', deleteAfter: 90, lock: 'compliance', minRetention: 400 }),
    target: 'Plan',
    expect: 'fail',
    message: /whose lock keeps recovery points at least 400 days, more than the level's 180/,
  },
  {
    name: 'Pulumi: confidential blob backups kept 35 days in the vault and the account',
    source: 'pulumi',
    build: () => {
      const vault = backupVault('vault');
      blobBackupInstance(
        'documents-backup',
        vault,
        blobBackupPolicy('plan', vault),
        storageAccount('documents'),
      );
    },
    target: 'plan',
    expect: 'pass',
  },
  {
    name: 'Pulumi: restricted blob backups kept a year in the vault',
    source: 'pulumi',
    build: () => {
      const vault = backupVault('vault');
      const account = storageAccount('evidence', { tags: { 'data-classification': 'restricted' } });
      const policy = blobBackupPolicy('plan', vault, { vaultRetention: 'P1Y' });
      blobBackupInstance('evidence-backup', vault, policy, account);
    },
    target: 'plan',
    expect: 'fail',
    message:
      /`plan` keeps recovery points of rule `BackupDaily` of RESTRICTED data 366 days, more than the level's 180/,
  },
]);
