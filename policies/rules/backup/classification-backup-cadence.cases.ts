import { Duration, Tags } from 'aws-cdk-lib';
import type { Stack } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import { ClassifiedBackup } from '../../../lib/aws/backup';
import { Classification } from '../../../lib/classification';
import { defineCases } from '../../../lib/engine/cases';
import rule from './classification-backup-cadence';
import { tfBackupPlan } from '../../../test/support/terraform-backup';
import {
  backupVault,
  blobBackupInstance,
  blobBackupPolicy,
  storageAccount,
} from '../../../test/support/azure-native';
import { classified, tfTable } from '../../../test/support/terraform-stores';

const HOURLY = events.Schedule.cron({ minute: '0' });
const COPY_VAULT = 'arn:aws:backup:eu-central-1:111122223333:backup-vault:dr';

interface PlanOptions {
  readonly level: string;
  readonly schedule?: events.Schedule;
  readonly continuous?: boolean;
  readonly lock?: backup.LockConfiguration;
  readonly copy?: boolean;
  /** What the selection takes in instead of the level's tag (a `CfnBackupSelection` of the plan). */
  readonly select?: Omit<
    backup.CfnBackupSelection.BackupSelectionResourceTypeProperty,
    'iamRoleArn' | 'selectionName'
  >;
}

function plan(stack: Stack, o: PlanOptions): void {
  const vault = new backup.BackupVault(stack, 'Vault', { lockConfiguration: o.lock });
  const p = new backup.BackupPlan(stack, 'Plan', { backupVault: vault });
  p.addRule(
    new backup.BackupPlanRule({
      ruleName: 'Main',
      scheduleExpression: o.schedule ?? events.Schedule.cron({ minute: '0', hour: '5' }),
      enableContinuousBackup: o.continuous,
      deleteAfter: Duration.days(30),
      copyActions: o.copy
        ? [{ destinationBackupVault: backup.BackupVault.fromBackupVaultArn(stack, 'Dr', COPY_VAULT) }]
        : undefined,
    }),
  );
  if (o.select)
    new backup.CfnBackupSelection(stack, 'Selection', {
      backupPlanId: p.backupPlanId,
      backupSelection: {
        selectionName: 'selection',
        iamRoleArn: 'arn:aws:iam::111122223333:role/backup',
        ...o.select,
      },
    });
  else
    p.addSelection('Selection', {
      resources: [backup.BackupResource.fromTag('data-classification', o.level)],
    });
}

/** DynamoDB tables `Reports` (INTERNAL) and `Orders` (CONFIDENTIAL). */
function tables(stack: Stack): dynamodb.Table[] {
  return (
    [
      ['Reports', 'internal'],
      ['Orders', 'confidential'],
    ] as const
  ).map(([id, level]) => {
    const t = new dynamodb.Table(stack, id, {
      partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
    });
    Tags.of(t).add('data-classification', level);
    return t;
  });
}

const notClassified = (op: 'StringNotEquals' | 'StringNotLike', value: string) => ({
  resources: ['*'],
  conditions: { [op]: [{ ConditionKey: 'aws:ResourceTag/data-classification', ConditionValue: value }] },
});

const governance = { minRetention: Duration.days(7) };
const compliance = { minRetention: Duration.days(7), changeableFor: Duration.days(3) };

export default defineCases(rule, [
  {
    name: 'internal data backed up daily',
    build: (stack) => plan(stack, { level: 'internal' }),
    target: 'Plan',
    expect: 'pass',
  },
  {
    name: 'internal data backed up weekly',
    build: (stack) =>
      plan(stack, {
        level: 'internal',
        schedule: events.Schedule.cron({ minute: '0', hour: '5', weekDay: 'SAT' }),
      }),
    target: 'Plan',
    expect: 'fail',
    message: /`Plan` backs up INTERNAL data less than daily; the level requires daily backups/,
  },
  {
    name: 'confidential data backed up daily with point-in-time recovery into a governance-locked vault',
    build: (stack) => plan(stack, { level: 'confidential', continuous: true, lock: governance }),
    target: 'Plan',
    expect: 'pass',
  },
  {
    name: 'confidential data without continuous backups',
    build: (stack) => plan(stack, { level: 'confidential', lock: governance }),
    target: 'Plan',
    expect: 'fail',
    message: /`Plan` takes no continuous backups of CONFIDENTIAL data/,
  },
  {
    name: 'confidential data in a vault without a lock',
    build: (stack) => plan(stack, { level: 'confidential', continuous: true }),
    target: 'Plan',
    expect: 'fail',
    message:
      /`Plan` keeps CONFIDENTIAL backups in `Vault`, locked not at all; the level requires a governance-mode lock/,
  },
  {
    name: 'restricted data backed up hourly and continuously, copied, in a compliance-locked vault',
    build: (stack) =>
      plan(stack, { level: 'restricted', schedule: HOURLY, continuous: true, lock: compliance, copy: true }),
    target: 'Plan',
    expect: 'pass',
  },
  {
    name: 'restricted data backed up daily only',
    build: (stack) => plan(stack, { level: 'restricted', continuous: true, lock: compliance, copy: true }),
    target: 'Plan',
    expect: 'fail',
    message: /`Plan` backs up RESTRICTED data every 24 hours; the level requires hourly backups/,
  },
  {
    name: 'restricted data in a governance-locked vault',
    build: (stack) =>
      plan(stack, { level: 'restricted', schedule: HOURLY, continuous: true, lock: governance, copy: true }),
    target: 'Plan',
    expect: 'fail',
    message: /locked in governance mode; the level requires a compliance-mode lock/,
  },
  {
    name: 'restricted data never copied to another vault',
    build: (stack) =>
      plan(stack, { level: 'restricted', schedule: HOURLY, continuous: true, lock: compliance }),
    target: 'Plan',
    expect: 'fail',
    message: /`Plan` copies no RESTRICTED recovery point to another vault/,
  },
  {
    name: 'plan naming a confidential table, backed up weekly',
    build: (stack) => {
      const table = new dynamodb.Table(stack, 'Orders', {
        partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
      });
      Tags.of(table).add('data-classification', 'confidential');
      const p = new backup.BackupPlan(stack, 'Plan');
      p.addRule(backup.BackupPlanRule.weekly());
      p.addSelection('Selection', { resources: [backup.BackupResource.fromDynamoDbTable(table)] });
    },
    target: 'Plan',
    expect: 'fail',
    message: /`Plan` backs up CONFIDENTIAL data less than daily/,
  },
  {
    name: 'plan selecting only unclassified resources',
    build: (stack) => {
      const p = backup.BackupPlan.daily35DayRetention(stack, 'Plan');
      p.addSelection('Selection', { resources: [backup.BackupResource.fromTag('team', 'payments')] });
    },
    target: 'Plan',
    expect: 'not_applicable',
  },
  {
    name: 'Bulwark ClassifiedBackup for RESTRICTED data',
    build: (stack) => {
      new ClassifiedBackup(stack, 'Backups', {
        classification: Classification.RESTRICTED,
        copyDestinationVaultArn: COPY_VAULT,
      });
    },
    target: 'Backups/Plan',
    expect: 'pass',
  },
  {
    name: 'terraform: internal data backed up daily',
    source: 'cdktf',
    build: (stack) => tfBackupPlan(stack, { level: 'internal', deleteAfter: 30 }),
    target: 'Plan',
    expect: 'pass',
  },
  {
    name: 'terraform: internal data backed up weekly',
    source: 'cdktf',
    build: (stack) => tfBackupPlan(stack, { level: 'internal', schedule: 'cron(0 5 ? * SAT *)' }),
    target: 'Plan',
    expect: 'fail',
    message: /`Plan` backs up INTERNAL data less than daily; the level requires daily backups/,
  },
  {
    name: 'terraform: confidential data without continuous backups',
    source: 'cdktf',
    build: (stack) => tfBackupPlan(stack, { level: 'confidential', lock: 'governance' }),
    target: 'Plan',
    expect: 'fail',
    message: /`Plan` takes no continuous backups of CONFIDENTIAL data/,
  },
  {
    name: 'terraform: confidential data backed up daily and continuously into a governance-locked vault',
    source: 'cdktf',
    build: (stack) => tfBackupPlan(stack, { level: 'confidential', continuous: true, lock: 'governance' }),
    target: 'Plan',
    expect: 'pass',
  },
  {
    name: 'terraform: confidential data in a vault without an aws_backup_vault_lock_configuration',
    source: 'cdktf',
    build: (stack) => tfBackupPlan(stack, { level: 'confidential', continuous: true }),
    target: 'Plan',
    expect: 'fail',
    message: /keeps CONFIDENTIAL backups in `Vault`, locked not at all/,
  },
  {
    name: 'Pulumi: confidential blobs backed up daily to a locked vault, and continuously',
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
    name: 'Pulumi: restricted blobs backed up daily (the shortest vaulted blob schedule), continuously, to a locked geo-redundant vault',
    source: 'pulumi',
    build: () => {
      const vault = backupVault('vault');
      const account = storageAccount('evidence', { tags: { 'data-classification': 'restricted' } });
      blobBackupInstance('evidence-backup', vault, blobBackupPolicy('plan', vault), account);
    },
    target: 'plan',
    expect: 'pass',
  },
  {
    name: 'Pulumi: confidential blob policy without an operational tier takes no continuous backups',
    source: 'pulumi',
    build: () => {
      const vault = backupVault('vault');
      const policy = blobBackupPolicy('plan', vault, { operationalRetention: null });
      blobBackupInstance('documents-backup', vault, policy, storageAccount('documents'));
    },
    target: 'plan',
    expect: 'fail',
    message: /`plan` takes no continuous backups of CONFIDENTIAL data/,
  },
  {
    name: 'Pulumi: confidential blobs backed up weekly',
    source: 'pulumi',
    build: () => {
      const vault = backupVault('vault');
      const policy = blobBackupPolicy('plan', vault, { schedule: ['R/2026-01-04T02:00:00+00:00/P1W'] });
      blobBackupInstance('documents-backup', vault, policy, storageAccount('documents'));
    },
    target: 'plan',
    expect: 'fail',
    message: /`plan` backs up CONFIDENTIAL data every 168 hours/,
  },
  {
    name: 'Pulumi: restricted blobs kept in a locally redundant vault have no copy in another region',
    source: 'pulumi',
    build: () => {
      const vault = backupVault('vault', {
        storageSettings: [{ datastoreType: 'VaultStore', type: 'LocallyRedundant' }],
      });
      const account = storageAccount('evidence', { tags: { 'data-classification': 'restricted' } });
      blobBackupInstance('evidence-backup', vault, blobBackupPolicy('plan', vault), account);
    },
    target: 'plan',
    expect: 'fail',
    message: /`plan` copies no RESTRICTED recovery point to another vault/,
  },
  {
    name: 'Pulumi: confidential blobs in a vault whose immutability is off',
    source: 'pulumi',
    build: () => {
      const vault = backupVault('vault', {
        securitySettings: { immutabilitySettings: { state: 'Disabled' } },
      });
      blobBackupInstance(
        'documents-backup',
        vault,
        blobBackupPolicy('plan', vault),
        storageAccount('documents'),
      );
    },
    target: 'plan',
    expect: 'fail',
    message: /keeps CONFIDENTIAL backups in `vault`, locked not at all/,
  },
  {
    name: 'daily plan over every resource not classified confidential, beside an internal and a confidential table',
    build: (stack) => {
      tables(stack);
      plan(stack, { level: 'internal', select: notClassified('StringNotEquals', 'confidential') });
    },
    target: 'Plan',
    expect: 'pass',
  },
  {
    name: 'daily plan over every resource whose classification is not like `conf*`, beside an internal and a confidential table',
    build: (stack) => {
      tables(stack);
      plan(stack, { level: 'internal', select: notClassified('StringNotLike', 'conf*') });
    },
    target: 'Plan',
    expect: 'pass',
  },
  {
    name: 'daily plan over every resource not classified internal takes in the confidential table without continuous backups',
    build: (stack) => {
      tables(stack);
      plan(stack, { level: 'internal', select: notClassified('StringNotEquals', 'internal') });
    },
    target: 'Plan',
    expect: 'fail',
    message: /`Plan` takes no continuous backups of CONFIDENTIAL data/,
  },
  {
    name: 'daily plan over every resource but the confidential table, excluded by its ARN',
    build: (stack) => {
      const [, orders] = tables(stack);
      plan(stack, { level: 'internal', select: { resources: ['*'], notResources: [orders!.tableArn] } });
    },
    target: 'Plan',
    expect: 'pass',
  },
  {
    name: 'daily plan over every resource but those matching an ARN pattern, beside a confidential table',
    build: (stack) => {
      tables(stack);
      plan(stack, {
        level: 'internal',
        select: { resources: ['*'], notResources: ['arn:aws:dynamodb:*:*:table/*'] },
      });
    },
    target: 'Plan',
    expect: 'unknown',
    message:
      /whether `Plan` takes in CONFIDENTIAL data cannot be told \(the selection is not read whole: it excludes resources by `arn:aws:dynamodb:\*:\*:table\/\*`, which is not matched here\); if it does: `Plan` takes no continuous backups of CONFIDENTIAL data/,
  },
  {
    name: 'terraform: daily plan over every resource not classified confidential, beside an internal and a confidential table',
    source: 'cdktf',
    build: (stack) => {
      tfTable(stack, 'Reports', classified('internal'));
      tfTable(stack, 'Orders', classified('confidential'));
      tfBackupPlan(stack, {
        level: 'internal',
        select: {
          resources: ['*'],
          condition: [
            { stringNotEquals: [{ key: 'aws:ResourceTag/data-classification', value: 'confidential' }] },
          ],
        },
      });
    },
    target: 'Plan',
    expect: 'pass',
  },
  {
    name: 'terraform: daily plan over every resource not classified internal takes in the confidential table',
    source: 'cdktf',
    build: (stack) => {
      tfTable(stack, 'Reports', classified('internal'));
      tfTable(stack, 'Orders', classified('confidential'));
      tfBackupPlan(stack, {
        level: 'internal',
        select: {
          resources: ['*'],
          condition: [{ stringNotLike: [{ key: 'aws:ResourceTag/data-classification', value: 'int*' }] }],
        },
      });
    },
    target: 'Plan',
    expect: 'fail',
    message: /`Plan` takes no continuous backups of CONFIDENTIAL data/,
  },
  {
    name: 'terraform: daily plan over every resource but those matching an ARN pattern, beside a confidential table',
    source: 'cdktf',
    build: (stack) => {
      tfTable(stack, 'Orders', classified('confidential'));
      tfBackupPlan(stack, {
        level: 'internal',
        select: { resources: ['*'], notResources: ['arn:aws:dynamodb:*:*:table/*'] },
      });
    },
    target: 'Plan',
    expect: 'unknown',
    message:
      /whether `Plan` takes in CONFIDENTIAL data cannot be told \(the selection is not read whole: it excludes resources by `arn:aws:dynamodb:\*:\*:table\/\*`, which is not matched here\)/,
  },
  {
    name: 'daily plan whose selection names no resource and no tag, which takes in every resource, beside a confidential table',
    build: (stack) => {
      tables(stack);
      plan(stack, { level: 'internal', select: {} });
    },
    target: 'Plan',
    expect: 'fail',
    message: /`Plan` takes no continuous backups of CONFIDENTIAL data/,
  },
  {
    name: 'weekly plan selecting by a team tag that a confidential table carries',
    build: (stack) => {
      const [, orders] = tables(stack);
      Tags.of(orders!).add('team', 'payments');
      const p = new backup.BackupPlan(stack, 'Plan');
      p.addRule(backup.BackupPlanRule.weekly());
      p.addSelection('Selection', { resources: [backup.BackupResource.fromTag('team', 'payments')] });
    },
    target: 'Plan',
    expect: 'fail',
    message: /`Plan` backs up CONFIDENTIAL data less than daily/,
  },
  {
    name: 'daily plan selecting by a team tag that only an internal table carries',
    build: (stack) => {
      const [reports] = tables(stack);
      Tags.of(reports!).add('team', 'payments');
      backup.BackupPlan.daily35DayRetention(stack, 'Plan').addSelection('Selection', {
        resources: [backup.BackupResource.fromTag('team', 'payments')],
      });
    },
    target: 'Plan',
    expect: 'pass',
  },
  {
    name: 'terraform: plan selecting by a team tag that a confidential table carries, without continuous backups',
    source: 'cdktf',
    build: (stack) => {
      tfTable(stack, 'Orders', { tags: { 'data-classification': 'confidential', team: 'payments' } });
      tfBackupPlan(stack, {
        level: 'internal',
        select: { selectionTag: [{ type: 'STRINGEQUALS', key: 'team', value: 'payments' }] },
      });
    },
    target: 'Plan',
    expect: 'fail',
    message: /`Plan` takes no continuous backups of CONFIDENTIAL data/,
  },
]);
