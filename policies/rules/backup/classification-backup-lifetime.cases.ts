import { Duration, Tags } from 'aws-cdk-lib';
import type { Stack } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
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
import { classified, tfTable } from '../../../test/support/terraform-stores';

interface PlanOptions {
  readonly level: string;
  readonly deleteAfter?: Duration;
  readonly copyDeleteAfter?: Duration;
  readonly lock?: backup.LockConfiguration;
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

/** DynamoDB tables `Reports` (INTERNAL, data kept 730 days) and `Payroll` (RESTRICTED, 180 days). */
function tables(stack: Stack): void {
  for (const [id, level] of [
    ['Reports', 'internal'],
    ['Payroll', 'restricted'],
  ] as const) {
    const t = new dynamodb.Table(stack, id, {
      partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
    });
    Tags.of(t).add('data-classification', level);
  }
}

const notRestricted = {
  resources: ['*'],
  conditions: {
    StringNotEquals: [{ ConditionKey: 'aws:ResourceTag/data-classification', ConditionValue: 'restricted' }],
  },
};

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
  {
    name: 'backups kept a year by a plan over every resource not classified restricted, beside an internal and a restricted table',
    build: (stack) => {
      tables(stack);
      plan(stack, { level: 'internal', deleteAfter: Duration.days(365), select: notRestricted });
    },
    target: 'Plan',
    expect: 'pass',
  },
  {
    name: 'backups kept 800 days by a plan over every resource not classified restricted take in the internal table',
    build: (stack) => {
      tables(stack);
      plan(stack, { level: 'internal', deleteAfter: Duration.days(800), select: notRestricted });
    },
    target: 'Plan',
    expect: 'fail',
    message: /keeps recovery points of rule `Daily` of INTERNAL data 800 days, more than the level's 730/,
  },
  {
    name: 'backups kept a year by a plan over every resource but those matching an ARN pattern, beside a restricted table',
    build: (stack) => {
      tables(stack);
      plan(stack, {
        level: 'internal',
        deleteAfter: Duration.days(365),
        select: { resources: ['*'], notResources: ['arn:aws:dynamodb:*:*:table/*'] },
      });
    },
    target: 'Plan',
    expect: 'unknown',
    message:
      /whether `Plan` takes in RESTRICTED data cannot be told \(the selection is not read whole: it excludes resources by `arn:aws:dynamodb:\*:\*:table\/\*`, which is not matched here\); if it does: `Plan` keeps recovery points of rule `Daily` of RESTRICTED data 365 days, more than the level's 180/,
  },
  {
    name: 'terraform: backups kept a year by a plan over every resource not classified like `restr*`, beside an internal and a restricted table',
    source: 'cdktf',
    build: (stack) => {
      tfTable(stack, 'Reports', classified('internal'));
      tfTable(stack, 'Payroll', classified('restricted'));
      tfBackupPlan(stack, {
        level: 'internal',
        deleteAfter: 365,
        select: {
          resources: ['*'],
          condition: [{ stringNotLike: [{ key: 'aws:ResourceTag/data-classification', value: 'restr*' }] }],
        },
      });
    },
    target: 'Plan',
    expect: 'pass',
  },
  {
    name: 'terraform: backups kept a year by a plan over every resource not classified internal take in the restricted table',
    source: 'cdktf',
    build: (stack) => {
      tfTable(stack, 'Reports', classified('internal'));
      tfTable(stack, 'Payroll', classified('restricted'));
      tfBackupPlan(stack, {
        level: 'internal',
        deleteAfter: 365,
        select: {
          resources: ['*'],
          condition: [
            { stringNotEquals: [{ key: 'aws:ResourceTag/data-classification', value: 'internal' }] },
          ],
        },
      });
    },
    target: 'Plan',
    expect: 'fail',
    message: /keeps recovery points of rule `daily` of RESTRICTED data 365 days, more than the level's 180/,
  },
  {
    name: 'terraform: backups kept a year by a plan over every resource but those matching an ARN pattern, beside a restricted table',
    source: 'cdktf',
    build: (stack) => {
      tfTable(stack, 'Payroll', classified('restricted'));
      tfBackupPlan(stack, {
        level: 'internal',
        deleteAfter: 365,
        select: { resources: ['*'], notResources: ['arn:aws:dynamodb:*:*:table/*'] },
      });
    },
    target: 'Plan',
    expect: 'unknown',
    message:
      /whether `Plan` takes in RESTRICTED data cannot be told \(the selection is not read whole: it excludes resources by `arn:aws:dynamodb:\*:\*:table\/\*`/,
  },
]);
