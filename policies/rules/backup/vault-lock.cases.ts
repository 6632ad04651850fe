import { Duration, Tags } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import { defineCases } from '../../../lib/engine/cases';
import rule from './vault-lock';

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
]);
