import { CfnParameter, Fn, Tags } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { IConstruct } from 'constructs';
import { ClassifiedBackup } from '../../../lib/aws/backup';
import { Classification } from '../../../lib/classification';
import { defineCases } from '../../../lib/engine/cases';
import { neptuneCluster } from '../../../test/support/data-services';
import rule from './classified-store-backup-plan';
import { BackupPlan } from '@cdktf/provider-aws/lib/backup-plan';
import { BackupSelection } from '@cdktf/provider-aws/lib/backup-selection';
import { TerraformVariable } from 'cdktf';
import { tfBackupPlan } from '../../../test/support/terraform-backup';
import { classified, tfTable } from '../../../test/support/terraform-stores';
import {
  backupVault,
  blobBackupInstance,
  blobBackupPolicy,
  storageAccount,
} from '../../../test/support/azure-native';

const classify = <T extends IConstruct>(c: T, level: string): T => {
  Tags.of(c).add('data-classification', level);
  return c;
};
const partitionKey = { name: 'id', type: dynamodb.AttributeType.STRING };

export default defineCases(rule, [
  {
    name: 'internal table selected by its classification tag',
    build: (stack) => {
      classify(new dynamodb.Table(stack, 'Orders', { partitionKey }), 'internal');
      backup.BackupPlan.daily35DayRetention(stack, 'Plan').addSelection('Selection', {
        resources: [backup.BackupResource.fromTag('data-classification', 'internal')],
      });
    },
    target: 'Orders',
    expect: 'pass',
  },
  {
    name: 'no backup plan in the input: one unknown on the first classified store, naming each',
    build: (stack) => {
      classify(new s3.Bucket(stack, 'Site'), 'public');
      classify(new dynamodb.Table(stack, 'Orders', { partitionKey }), 'confidential');
      classify(new s3.Bucket(stack, 'Exports'), 'internal');
    },
    target: 'Orders',
    expect: 'unknown',
    message:
      /^no backup plan in the input .*: whether a backup plan selects the 2 stores `Orders`, `Exports` cannot be told/,
  },
  {
    name: 'no backup plan in the input: the other stores point to the one finding',
    build: (stack) => {
      classify(new dynamodb.Table(stack, 'Orders', { partitionKey }), 'confidential');
      classify(new s3.Bucket(stack, 'Exports'), 'internal');
    },
    target: 'Exports',
    expect: 'not_applicable',
  },
  {
    name: 'confidential table while the plan selects restricted data only',
    build: (stack) => {
      classify(new dynamodb.Table(stack, 'Orders', { partitionKey }), 'confidential');
      backup.BackupPlan.daily35DayRetention(stack, 'Plan').addSelection('Selection', {
        resources: [backup.BackupResource.fromTag('data-classification', 'restricted')],
      });
    },
    target: 'Orders',
    expect: 'fail',
    message: /no backup plan selects it/,
  },
  {
    name: 'confidential table carrying the tier tag a plan selects by a value given at deploy time',
    build: (stack) => {
      const table = classify(new dynamodb.Table(stack, 'Orders', { partitionKey }), 'confidential');
      Tags.of(table).add('backup-tier', 'gold');
      const tier = new CfnParameter(stack, 'Tier');
      backup.BackupPlan.daily35DayRetention(stack, 'Plan').addSelection('Selection', {
        resources: [backup.BackupResource.fromTag('backup-tier', tier.valueAsString)],
      });
    },
    target: 'Orders',
    expect: 'unknown',
    message: /`Orders`: whether a backup plan selects it cannot be told \(parameter `Tier` has no default\)/,
  },
  {
    name: 'confidential table while the plan names a resource imported from another stack',
    build: (stack) => {
      classify(new dynamodb.Table(stack, 'Orders', { partitionKey }), 'confidential');
      backup.BackupPlan.daily35DayRetention(stack, 'Plan').addSelection('Selection', {
        resources: [backup.BackupResource.fromArn(Fn.importValue('shared-table-arn'))],
      });
    },
    target: 'Orders',
    expect: 'unknown',
    message: /whether a backup plan selects it cannot be told \(imported value `shared-table-arn`/,
  },
  {
    name: 'confidential table carrying the tier tag a plan selects',
    build: (stack) => {
      const table = classify(new dynamodb.Table(stack, 'Orders', { partitionKey }), 'confidential');
      Tags.of(table).add('backup-tier', 'gold');
      backup.BackupPlan.daily35DayRetention(stack, 'Plan').addSelection('Selection', {
        resources: [backup.BackupResource.fromTag('backup-tier', 'gold')],
      });
    },
    target: 'Orders',
    expect: 'pass',
  },
  {
    name: 'confidential table without the tier tag a plan selects by a value given at deploy time',
    build: (stack) => {
      classify(new dynamodb.Table(stack, 'Orders', { partitionKey }), 'confidential');
      const tier = new CfnParameter(stack, 'Tier');
      backup.BackupPlan.daily35DayRetention(stack, 'Plan').addSelection('Selection', {
        resources: [backup.BackupResource.fromTag('backup-tier', tier.valueAsString)],
      });
    },
    target: 'Orders',
    expect: 'fail',
    message: /`Orders` is CONFIDENTIAL and no backup plan selects it/,
  },
  {
    name: 'confidential table carrying the tier tag, while the plan selects another tier',
    build: (stack) => {
      const table = classify(new dynamodb.Table(stack, 'Orders', { partitionKey }), 'confidential');
      Tags.of(table).add('backup-tier', 'bronze');
      backup.BackupPlan.daily35DayRetention(stack, 'Plan').addSelection('Selection', {
        resources: [backup.BackupResource.fromTag('backup-tier', 'gold')],
      });
    },
    target: 'Orders',
    expect: 'fail',
    message: /`Orders` is CONFIDENTIAL and no backup plan selects it/,
  },
  {
    name: 'confidential table selected by BackupResource.fromConstruct of its stack',
    build: (stack) => {
      classify(new dynamodb.Table(stack, 'Orders', { partitionKey }), 'confidential');
      backup.BackupPlan.daily35DayRetention(stack, 'Plan').addSelection('Selection', {
        resources: [backup.BackupResource.fromConstruct(stack)],
      });
    },
    target: 'Orders',
    expect: 'pass',
  },
  {
    name: 'confidential table while the plan selects another table by BackupResource.fromConstruct',
    build: (stack) => {
      classify(new dynamodb.Table(stack, 'Orders', { partitionKey }), 'confidential');
      const audit = new dynamodb.Table(stack, 'Audit', { partitionKey });
      backup.BackupPlan.daily35DayRetention(stack, 'Plan').addSelection('Selection', {
        resources: [backup.BackupResource.fromConstruct(audit)],
      });
    },
    target: 'Orders',
    expect: 'fail',
    message: /`Orders` is CONFIDENTIAL and no backup plan selects it/,
  },
  {
    name: 'confidential table while a plan takes in every resource not classified confidential',
    build: (stack) => {
      classify(new dynamodb.Table(stack, 'Orders', { partitionKey }), 'confidential');
      new backup.CfnBackupSelection(stack, 'Selection', {
        backupPlanId: backup.BackupPlan.daily35DayRetention(stack, 'Plan').backupPlanId,
        backupSelection: {
          selectionName: 'all-but-confidential',
          iamRoleArn: 'arn:aws:iam::111122223333:role/backup',
          resources: ['*'],
          conditions: {
            StringNotEquals: [
              { ConditionKey: 'aws:ResourceTag/data-classification', ConditionValue: 'confidential' },
            ],
          },
        },
      });
    },
    target: 'Orders',
    expect: 'unknown',
    message: /the selection is not read whole: its `StringNotEquals` conditions/,
  },
  {
    name: 'confidential table while a plan selects by a tag condition whose type is given at deploy time',
    build: (stack) => {
      classify(new dynamodb.Table(stack, 'Orders', { partitionKey }), 'confidential');
      new backup.CfnBackupSelection(stack, 'Selection', {
        backupPlanId: backup.BackupPlan.daily35DayRetention(stack, 'Plan').backupPlanId,
        backupSelection: {
          selectionName: 'confidential',
          iamRoleArn: 'arn:aws:iam::111122223333:role/backup',
          listOfTags: [
            {
              conditionType: new CfnParameter(stack, 'ConditionType').valueAsString,
              conditionKey: 'data-classification',
              conditionValue: 'confidential',
            },
          ],
        },
      });
    },
    target: 'Orders',
    expect: 'unknown',
    message: /a tag condition whose type cannot be resolved \(parameter `ConditionType` has no default\)/,
  },
  {
    name: 'restricted bucket named by a plan',
    build: (stack) => {
      const bucket = classify(new s3.Bucket(stack, 'Data'), 'restricted');
      backup.BackupPlan.daily35DayRetention(stack, 'Plan').addSelection('Selection', {
        resources: [backup.BackupResource.fromArn(bucket.bucketArn)],
      });
    },
    target: 'Data',
    expect: 'pass',
  },
  {
    name: 'confidential bucket backed up by Bulwark ClassifiedBackup',
    build: (stack) => {
      classify(new s3.Bucket(stack, 'Data'), 'confidential');
      new ClassifiedBackup(stack, 'Backups', { classification: Classification.CONFIDENTIAL });
    },
    target: 'Data',
    expect: 'pass',
  },
  {
    name: 'public bucket needs no backups',
    build: (stack) => {
      classify(new s3.Bucket(stack, 'Site'), 'public');
    },
    target: 'Site',
    expect: 'not_applicable',
  },
  {
    name: 'internal Neptune cluster that no backup plan selects',
    build: (stack) => {
      Tags.of(neptuneCluster(stack)).add('data-classification', 'internal');
      backup.BackupPlan.daily35DayRetention(stack, 'Plan').addSelection('Selection', {
        resources: [backup.BackupResource.fromTag('data-classification', 'restricted')],
      });
    },
    target: 'Graph',
    expect: 'fail',
    message: /`Graph` is INTERNAL and no backup plan selects it/,
  },
  {
    name: 'terraform: internal table selected by its classification tag',
    source: 'cdktf',
    build: (stack) => {
      tfTable(stack, 'Orders', classified('internal'));
      tfBackupPlan(stack, { level: 'internal' });
    },
    target: 'Orders',
    expect: 'pass',
  },
  {
    name: 'terraform: confidential table while the plan selects restricted data only',
    source: 'cdktf',
    build: (stack) => {
      tfTable(stack, 'Orders', classified('confidential'));
      tfBackupPlan(stack, { level: 'restricted' });
    },
    target: 'Orders',
    expect: 'fail',
    message: /`Orders` is CONFIDENTIAL and no backup plan selects it/,
  },
  {
    name: 'terraform: restricted table named by the ARN in an aws_backup_selection',
    source: 'cdktf',
    build: (stack) => {
      const table = tfTable(stack, 'Orders', classified('restricted'));
      const plan = new BackupPlan(stack, 'Plan', {
        name: 'plan',
        rule: [{ ruleName: 'daily', targetVaultName: 'vault', schedule: 'cron(0 5 * * ? *)' }],
      });
      new BackupSelection(stack, 'Selection', {
        name: 'orders',
        planId: plan.id,
        iamRoleArn: 'arn:aws:iam::111122223333:role/backup',
        resources: [table.arn],
      });
    },
    target: 'Orders',
    expect: 'pass',
  },
  {
    name: 'terraform: confidential table carrying the tier tag an aws_backup_selection selects by a variable',
    source: 'cdktf',
    build: (stack) => {
      tfTable(stack, 'Orders', { tags: { 'data-classification': 'confidential', 'backup-tier': 'gold' } });
      const plan = new BackupPlan(stack, 'Plan', {
        name: 'plan',
        rule: [{ ruleName: 'daily', targetVaultName: 'vault', schedule: 'cron(0 5 * * ? *)' }],
      });
      new BackupSelection(stack, 'Selection', {
        name: 'tier',
        planId: plan.id,
        iamRoleArn: 'arn:aws:iam::111122223333:role/backup',
        selectionTag: [
          {
            type: 'STRINGEQUALS',
            key: 'backup-tier',
            value: new TerraformVariable(stack, 'tier', { type: 'string' }).stringValue,
          },
        ],
      });
    },
    target: 'Orders',
    expect: 'unknown',
    message: /`Orders`: whether a backup plan selects it cannot be told \(variable `tier` has no default\)/,
  },
  {
    name: 'terraform: confidential table while an aws_backup_selection takes in every resource not tagged confidential',
    source: 'cdktf',
    build: (stack) => {
      tfTable(stack, 'Orders', classified('confidential'));
      const plan = new BackupPlan(stack, 'Plan', {
        name: 'plan',
        rule: [{ ruleName: 'daily', targetVaultName: 'vault', schedule: 'cron(0 5 * * ? *)' }],
      });
      new BackupSelection(stack, 'Selection', {
        name: 'all-but-confidential',
        planId: plan.id,
        iamRoleArn: 'arn:aws:iam::111122223333:role/backup',
        resources: ['*'],
        condition: [
          {
            stringNotEquals: [{ key: 'aws:ResourceTag/data-classification', value: 'confidential' }],
          },
        ],
      });
    },
    target: 'Orders',
    expect: 'unknown',
    message: /the selection is not read whole: its `StringNotEquals` conditions/,
  },
  {
    name: 'terraform: no backup plan in the configuration',
    source: 'cdktf',
    build: (stack) => void tfTable(stack, 'Orders', classified('confidential')),
    target: 'Orders',
    expect: 'unknown',
    message: /no backup plan in the input/,
  },
  {
    name: 'terraform plan: confidential database while the plan selects restricted data only',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-posture-logging/plan.json',
    target: 'aws_db_instance.bad',
    expect: 'fail',
    message: /is CONFIDENTIAL and no backup plan selects it/,
  },
  {
    name: 'Pulumi: confidential storage account enrolled by a backup instance in a blob backup policy',
    source: 'pulumi',
    build: () => {
      const account = storageAccount('documents');
      const vault = backupVault('vault');
      blobBackupInstance('documents-backup', vault, blobBackupPolicy('plan', vault), account);
    },
    target: 'documents',
    expect: 'pass',
  },
  {
    name: 'Pulumi: internal storage account no backup instance enrols, while another account is backed up',
    source: 'pulumi',
    build: () => {
      const documents = storageAccount('documents');
      storageAccount('reports', { tags: { 'data-classification': 'internal' } });
      const vault = backupVault('vault');
      blobBackupInstance('documents-backup', vault, blobBackupPolicy('plan', vault), documents);
    },
    target: 'reports',
    expect: 'fail',
    message: /`reports` is INTERNAL and no backup plan selects it/,
  },
]);
