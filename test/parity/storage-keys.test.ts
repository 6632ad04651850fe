import * as backup from 'aws-cdk-lib/aws-backup';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { BackupVault } from '@cdktf/provider-aws/lib/backup-vault';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import { SecretsmanagerSecret } from '@cdktf/provider-aws/lib/secretsmanager-secret';
import { describeParity, type ParityPair } from '../support/parity';

// The same misconfiguration written in CDK (CloudFormation) and in CDK for Terraform fails the same
// rules, with the same controls, on the resource it is about.

const TAGS = { 'data-classification': 'confidential' };

const PAIRS: readonly ParityPair[] = [
  {
    name: 'KMS key without rotation',
    id: 'Key',
    cdk: (s) => {
      new kms.CfnKey(s, 'Key', { enableKeyRotation: false });
    },
    cdktf: (s) => new KmsKey(s, 'Key', { enableKeyRotation: false }),
    fails: ['BW-DP-010'],
  },
  {
    name: 'bucket without versioning',
    id: 'Bucket',
    cdk: (s) => {
      new s3.CfnBucket(s, 'Bucket', {
        bucketName: 'data',
        tags: [{ key: 'data-classification', value: 'confidential' }],
      });
    },
    cdktf: (s) => new S3Bucket(s, 'Bucket', { bucket: 'data', tags: TAGS }),
    fails: ['BW-BR-009'],
  },
  {
    name: 'bucket whose public access block leaves public policies allowed',
    id: 'Bucket',
    cdk: (s) => {
      new s3.CfnBucket(s, 'Bucket', {
        bucketName: 'data',
        tags: [{ key: 'data-classification', value: 'confidential' }],
        versioningConfiguration: { status: 'Enabled' },
        publicAccessBlockConfiguration: {
          blockPublicAcls: true,
          blockPublicPolicy: false,
          ignorePublicAcls: true,
          restrictPublicBuckets: true,
        },
      });
    },
    cdktf: (s) => {
      const b = new S3Bucket(s, 'Bucket', { bucket: 'data', tags: TAGS });
      new S3BucketVersioningA(s, 'Versioning', {
        bucket: b.id,
        versioningConfiguration: { status: 'Enabled' },
      });
      new S3BucketPublicAccessBlock(s, 'Block', {
        bucket: b.id,
        blockPublicAcls: true,
        blockPublicPolicy: false,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
      });
    },
    fails: ['BW-DP-008'],
  },
  {
    name: 'secret without rotation',
    id: 'Secret',
    cdk: (s) => {
      new secretsmanager.CfnSecret(s, 'Secret', {
        name: 'db',
        tags: [{ key: 'data-classification', value: 'confidential' }],
      });
    },
    cdktf: (s) => new SecretsmanagerSecret(s, 'Secret', { name: 'db', tags: TAGS }),
    fails: ['BW-DP-020'],
  },
  {
    name: 'backup vault without a lock',
    id: 'Vault',
    cdk: (s) => {
      new backup.CfnBackupVault(s, 'Vault', { backupVaultName: 'vault', backupVaultTags: TAGS });
    },
    cdktf: (s) => new BackupVault(s, 'Vault', { name: 'vault', tags: TAGS }),
    fails: ['BW-BR-001'],
  },
];

describeParity(
  'storage and keys: the same misconfiguration in CDK and CDKTF fails the same rules and controls',
  PAIRS,
);
