import type { TerraformStack } from 'cdktf';
import { BackupPlan } from '@cdktf/provider-aws/lib/backup-plan';
import { BackupSelection, type BackupSelectionConfig } from '@cdktf/provider-aws/lib/backup-selection';
import { BackupVault } from '@cdktf/provider-aws/lib/backup-vault';
import { BackupVaultLockConfiguration } from '@cdktf/provider-aws/lib/backup-vault-lock-configuration';

/** What a Terraform backup plan of the cases does. */
export interface TfPlanOptions {
  /** The `data-classification` value its selection takes in by tag. */
  readonly level: string;
  /** @default 'cron(0 5 * * ? *)' */
  readonly schedule?: string;
  readonly continuous?: boolean;
  /** `lifecycle { delete_after }` of the rule; unset keeps recovery points forever. */
  readonly deleteAfter?: number;
  /** Vault lock: governance (no `changeable_for_days`) or compliance; none when unset. */
  readonly lock?: 'governance' | 'compliance';
  /** `min_retention_days` of the lock. @default 7 */
  readonly minRetention?: number;
  /**
   * What the selection takes in instead of the level's tag (`resources`, `not_resources`, `condition`).
   * @default a `selection_tag` of the level
   */
  readonly select?: Omit<BackupSelectionConfig, 'name' | 'planId' | 'iamRoleArn'>;
}

/**
 * An `aws_backup_vault` (with its lock), an `aws_backup_plan` of one rule `daily` into it, and an
 * `aws_backup_selection` of every resource tagged `data-classification` with the level.
 */
export function tfBackupPlan(stack: TerraformStack, o: TfPlanOptions): void {
  const vault = new BackupVault(stack, 'Vault', { name: 'vault' });
  if (o.lock)
    new BackupVaultLockConfiguration(stack, 'Lock', {
      backupVaultName: vault.name,
      minRetentionDays: o.minRetention ?? 7,
      ...(o.lock === 'compliance' ? { changeableForDays: 3 } : {}),
    });
  const plan = new BackupPlan(stack, 'Plan', {
    name: 'plan',
    rule: [
      {
        ruleName: 'daily',
        targetVaultName: vault.name,
        schedule: o.schedule ?? 'cron(0 5 * * ? *)',
        enableContinuousBackup: o.continuous,
        lifecycle: o.deleteAfter === undefined ? undefined : { deleteAfter: o.deleteAfter },
      },
    ],
  });
  new BackupSelection(stack, 'Selection', {
    name: o.level,
    planId: plan.id,
    iamRoleArn: 'arn:aws:iam::111122223333:role/backup',
    ...(o.select ?? {
      selectionTag: [{ type: 'STRINGEQUALS', key: 'data-classification', value: o.level }],
    }),
  });
}
