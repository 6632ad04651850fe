import * as backup from 'aws-cdk-lib/aws-backup';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as sns from 'aws-cdk-lib/aws-sns';
import { defineCases } from '../../../lib/engine/cases';
import rule from './vault-failure-notifications';

export default defineCases(rule, [
  {
    name: 'vault notifying failed backup jobs to a topic',
    build: (stack) => {
      new backup.BackupVault(stack, 'Vault', {
        notificationTopic: new sns.Topic(stack, 'Ops'),
        notificationEvents: [backup.BackupVaultEvents.BACKUP_JOB_FAILED],
      });
    },
    target: 'Vault',
    expect: 'pass',
  },
  {
    name: 'vault without notifications, backup job events routed by an event rule',
    build: (stack) => {
      new backup.BackupVault(stack, 'Vault');
      new events.Rule(stack, 'BackupEvents', {
        eventPattern: { source: ['aws.backup'], detailType: ['Backup Job State Change'] },
        targets: [new targets.SnsTopic(new sns.Topic(stack, 'Ops'))],
      });
    },
    target: 'Vault',
    expect: 'pass',
  },
  {
    name: 'vault notifying only started jobs',
    build: (stack) => {
      new backup.BackupVault(stack, 'Vault', {
        notificationTopic: new sns.Topic(stack, 'Ops'),
        notificationEvents: [backup.BackupVaultEvents.BACKUP_JOB_STARTED],
      });
    },
    target: 'Vault',
    expect: 'fail',
    message: /`Vault` reports no failed backup jobs/,
  },
  {
    name: 'vault on the CDK default (no notifications)',
    build: (stack) => {
      new backup.BackupVault(stack, 'Vault');
    },
    target: 'Vault',
    expect: 'fail',
    message: /`Vault` reports no failed backup jobs/,
  },
]);
