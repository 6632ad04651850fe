import { Duration, Tags } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import { defineCases } from '../../../lib/engine/cases';
import rule from './vault-lock';
import { BackupVault } from '@cdktf/provider-aws/lib/backup-vault';
import { BackupVaultLockConfiguration } from '@cdktf/provider-aws/lib/backup-vault-lock-configuration';

export default defineCases(rule, [
  {
    name: 'vault locked in governance mode',
    build: (stack) => {
      new backup.BackupVault(stack, 'Vault', { lockConfiguration: { minRetention: Duration.days(7) } });
    },
    target: 'Vault',
    expect: 'pass',
  },
  {
    name: 'vault locked in compliance mode',
    build: (stack) => {
      new backup.BackupVault(stack, 'Vault', {
        lockConfiguration: { minRetention: Duration.days(7), changeableFor: Duration.days(3) },
      });
    },
    target: 'Vault',
    expect: 'pass',
  },
  {
    name: 'vault without a lock',
    build: (stack) => {
      new backup.BackupVault(stack, 'Vault');
    },
    target: 'Vault',
    expect: 'fail',
    message: /`Vault` has no vault lock/,
  },
  {
    name: 'internal vault without a lock: the classification table locks vaults from CONFIDENTIAL up',
    build: (stack) => {
      Tags.of(new backup.BackupVault(stack, 'Vault')).add('data-classification', 'internal');
    },
    target: 'Vault',
    expect: 'not_applicable',
  },
  {
    name: 'confidential vault without a lock',
    build: (stack) => {
      Tags.of(new backup.BackupVault(stack, 'Vault')).add('data-classification', 'confidential');
    },
    target: 'Vault',
    expect: 'fail',
    message: /`Vault` has no vault lock/,
  },
  {
    name: 'Terraform: aws_backup_vault_lock_configuration names the vault',
    source: 'cdktf',
    build: (stack) => {
      const vault = new BackupVault(stack, 'Vault', { name: 'vault' });
      new BackupVaultLockConfiguration(stack, 'Lock', { backupVaultName: vault.name, minRetentionDays: 7 });
    },
    target: 'Vault',
    expect: 'pass',
  },
  {
    name: 'Terraform: aws_backup_vault without a lock configuration',
    source: 'cdktf',
    build: (stack) => {
      new BackupVault(stack, 'Vault', { name: 'vault' });
    },
    target: 'Vault',
    expect: 'fail',
    message: /`Vault` has no vault lock/,
  },
]);
