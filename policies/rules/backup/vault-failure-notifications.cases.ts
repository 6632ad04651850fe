import * as backup from 'aws-cdk-lib/aws-backup';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as sns from 'aws-cdk-lib/aws-sns';
import { defineCases } from '../../../lib/engine/cases';
import rule from './vault-failure-notifications';
import { BackupVault } from '@cdktf/provider-aws/lib/backup-vault';
import { BackupVaultNotifications } from '@cdktf/provider-aws/lib/backup-vault-notifications';
import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';

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
  {
    name: 'terraform: aws_backup_vault_notifications sending BACKUP_JOB_FAILED to a topic',
    source: 'cdktf',
    build: (stack) => {
      const vault = new BackupVault(stack, 'Vault', { name: 'main' });
      new BackupVaultNotifications(stack, 'Notify', {
        backupVaultName: vault.name,
        snsTopicArn: new SnsTopic(stack, 'Ops', { name: 'ops' }).arn,
        backupVaultEvents: ['BACKUP_JOB_STARTED', 'BACKUP_JOB_FAILED'],
      });
    },
    target: 'Vault',
    expect: 'pass',
  },
  {
    name: 'terraform: vault notifying only started jobs',
    source: 'cdktf',
    build: (stack) => {
      const vault = new BackupVault(stack, 'Vault', { name: 'main' });
      new BackupVaultNotifications(stack, 'Notify', {
        backupVaultName: vault.name,
        snsTopicArn: new SnsTopic(stack, 'Ops', { name: 'ops' }).arn,
        backupVaultEvents: ['BACKUP_JOB_STARTED'],
      });
    },
    target: 'Vault',
    expect: 'fail',
    message: /`Vault` reports no failed backup jobs/,
  },
  {
    name: 'terraform: vault without notifications, aws.backup events routed by an event rule with a target',
    source: 'cdktf',
    build: (stack) => {
      new BackupVault(stack, 'Vault', { name: 'main' });
      const rule = new CloudwatchEventRule(stack, 'BackupEvents', {
        name: 'backup-events',
        eventPattern: JSON.stringify({ source: ['aws.backup'], 'detail-type': ['Backup Job State Change'] }),
      });
      new CloudwatchEventTarget(stack, 'ToOps', {
        rule: rule.name,
        arn: new SnsTopic(stack, 'Ops', { name: 'ops' }).arn,
      });
    },
    target: 'Vault',
    expect: 'pass',
  },
  {
    name: 'terraform: event rule on aws.backup without any aws_cloudwatch_event_target',
    source: 'cdktf',
    build: (stack) => {
      new BackupVault(stack, 'Vault', { name: 'main' });
      new CloudwatchEventRule(stack, 'BackupEvents', {
        name: 'backup-events',
        eventPattern: JSON.stringify({ source: ['aws.backup'] }),
      });
    },
    target: 'Vault',
    expect: 'fail',
    message: /no event rule on `aws.backup`/,
  },
  {
    name: 'terraform: disabled event rule on aws.backup does not count',
    source: 'cdktf',
    build: (stack) => {
      new BackupVault(stack, 'Vault', { name: 'main' });
      const rule = new CloudwatchEventRule(stack, 'BackupEvents', {
        name: 'backup-events',
        state: 'DISABLED',
        eventPattern: JSON.stringify({ source: ['aws.backup'] }),
      });
      new CloudwatchEventTarget(stack, 'ToOps', {
        rule: rule.name,
        arn: new SnsTopic(stack, 'Ops', { name: 'ops' }).arn,
      });
    },
    target: 'Vault',
    expect: 'fail',
  },
]);
