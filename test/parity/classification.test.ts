import { CfnDeletionPolicy } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { BackupVault } from '@cdktf/provider-aws/lib/backup-vault';
import { DbInstance } from '@cdktf/provider-aws/lib/db-instance';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { tfBackupPlan } from '../support/terraform-backup';
import { classified, tfBucket, tfKey, tfTable } from '../support/terraform-stores';
import { describeParity, type ParityPair } from '../support/parity';

// The same misconfiguration of a classified store, a database, a backup vault or plan, written with
// aws-cdk-lib (L1 resources, so both sides set the same arguments) and with CDK for Terraform, fails
// the same rules, with the same controls.

const tag = (level: string) => [{ key: 'data-classification', value: level }];

const PAIRS: readonly ParityPair[] = [
  {
    name: 'confidential bucket on SSE-S3, without expiry or access logs',
    id: 'Data',
    cdk: (s) => {
      new s3.CfnBucket(s, 'Data', {
        bucketEncryption: {
          serverSideEncryptionConfiguration: [{ serverSideEncryptionByDefault: { sseAlgorithm: 'AES256' } }],
        },
        tags: tag('confidential'),
      });
    },
    cdktf: (s) => void tfBucket(s, 'Data', { sse: 'AES256', level: 'confidential' }),
    fails: ['BW-DP-002', 'BW-DP-012', 'BW-DP-016', 'BW-DP-017', 'BW-LT-008'],
  },
  {
    name: 'untagged bucket',
    id: 'Data',
    cdk: (s) => void new s3.CfnBucket(s, 'Data'),
    cdktf: (s) => void tfBucket(s, 'Data'),
    fails: ['BW-DP-011'],
  },
  {
    name: 'internal table neither retained nor protected from deletion',
    id: 'Orders',
    cdk: (s) => {
      new dynamodb.CfnTable(s, 'Orders', {
        keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
        attributeDefinitions: [{ attributeName: 'id', attributeType: 'S' }],
        billingMode: 'PAY_PER_REQUEST',
        tags: tag('internal'),
      }).cfnOptions.deletionPolicy = CfnDeletionPolicy.DELETE;
    },
    cdktf: (s) => void tfTable(s, 'Orders', classified('internal')),
    fails: ['BW-DP-017', 'BW-DP-021'],
  },
  {
    name: 'single-AZ DB instance keeping backups 3 days',
    id: 'Db',
    cdk: (s) => {
      new rds.CfnDBInstance(s, 'Db', {
        engine: 'postgres',
        dbInstanceClass: 'db.t3.micro',
        allocatedStorage: '20',
        storageEncrypted: true,
        backupRetentionPeriod: 3,
      });
    },
    cdktf: (s) => {
      new DbInstance(s, 'Db', {
        engine: 'postgres',
        instanceClass: 'db.t3.micro',
        allocatedStorage: 20,
        storageEncrypted: true,
        backupRetentionPeriod: 3,
      });
    },
    fails: ['BW-BR-006', 'BW-BR-007', 'BW-DP-021'],
  },
  {
    name: 'restricted queue whose key rotates yearly and whose policy checks no clearance',
    id: 'Jobs',
    cdk: (s) => {
      const key = new kms.CfnKey(s, 'Key', { enableKeyRotation: true });
      new sqs.CfnQueue(s, 'Jobs', { kmsMasterKeyId: key.attrArn, tags: tag('restricted') });
    },
    cdktf: (s) => {
      new SqsQueue(s, 'Jobs', {
        name: 'jobs',
        kmsMasterKeyId: tfKey(s, 'Key').arn,
        ...classified('restricted'),
      });
    },
    fails: ['BW-DP-013', 'BW-DP-025'],
  },
  {
    name: 'backup vault without notifications or lock',
    id: 'Vault',
    cdk: (s) => void new backup.CfnBackupVault(s, 'Vault', { backupVaultName: 'vault' }),
    cdktf: (s) => void new BackupVault(s, 'Vault', { name: 'vault' }),
    fails: ['BW-BR-008'],
  },
  {
    name: 'plan backing up confidential data without continuous backups or expiry, into an unlocked vault',
    id: 'Plan',
    cdk: (s) => {
      const vault = new backup.CfnBackupVault(s, 'Vault', { backupVaultName: 'vault' });
      const plan = new backup.CfnBackupPlan(s, 'Plan', {
        backupPlan: {
          backupPlanName: 'plan',
          backupPlanRule: [
            {
              ruleName: 'daily',
              targetBackupVault: vault.ref,
              scheduleExpression: 'cron(0 5 * * ? *)',
            },
          ],
        },
      });
      new backup.CfnBackupSelection(s, 'Selection', {
        backupPlanId: plan.attrBackupPlanId,
        backupSelection: {
          selectionName: 'confidential',
          iamRoleArn: 'arn:aws:iam::111122223333:role/backup',
          listOfTags: [
            {
              conditionType: 'STRINGEQUALS',
              conditionKey: 'data-classification',
              conditionValue: 'confidential',
            },
          ],
        },
      });
    },
    cdktf: (s) => tfBackupPlan(s, { level: 'confidential' }),
    fails: ['BW-BR-003', 'BW-BR-004'],
  },
];

describeParity(
  'classification: the same misconfiguration in CDK and CDKTF fails the same rules and controls',
  PAIRS,
);
