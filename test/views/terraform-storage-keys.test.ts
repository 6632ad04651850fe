import * as path from 'node:path';
import { Fn } from 'cdktf';
import { BackupPlan } from '@cdktf/provider-aws/lib/backup-plan';
import { BackupSelection } from '@cdktf/provider-aws/lib/backup-selection';
import { BackupVault } from '@cdktf/provider-aws/lib/backup-vault';
import { BackupVaultLockConfiguration } from '@cdktf/provider-aws/lib/backup-vault-lock-configuration';
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import { SecretsmanagerSecret } from '@cdktf/provider-aws/lib/secretsmanager-secret';
import { SecretsmanagerSecretRotation } from '@cdktf/provider-aws/lib/secretsmanager-secret-rotation';
import { Unknown } from '../../lib/graph/values';
import { adaptersForAll, loadInput } from '../../lib/sources';
import type { BackupPlanView, BackupVaultView, DataStoreView, KeyView } from '../../lib/views/kinds';
import { ViewSet } from '../../lib/views/registry';
import { tfViews } from './terraform-support';

function store(t: ReturnType<typeof tfViews>, id: string): DataStoreView {
  const v = t.views.viewOf(t.byId(id).address, 'data-store');
  if (!v) throw new Error(`no data-store view of ${id}`);
  return v;
}

const TLS_DENY = (bucket: S3Bucket) => ({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: [bucket.arn, `${bucket.arn}/*`],
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    },
  ],
});

describe('Terraform S3 buckets', () => {
  test('a bucket without settings: provider encryption, S3 blocks public access, no versioning, no TLS deny', () => {
    const t = tfViews((s) => new S3Bucket(s, 'Data', { bucket: 'data' }));
    const v = store(t, 'Data');
    expect(v.encryption.atRest).toBe('provider');
    expect(v.publicAccess).toBe('blocked');
    expect(v.versioning).toBe(false);
    expect(v.tlsOnly).toBe(false);
    expect(v.accessLogging).toBe(false);
    expect(v.immutability).toEqual({ mode: 'none' });
  });

  test('split resources configure the bucket by reference: KMS key (through an alias), versioning, public access block, lifecycle', () => {
    const t = tfViews((s) => {
      const b = new S3Bucket(s, 'Data', { bucket: 'data' });
      const key = new KmsKey(s, 'Key', { enableKeyRotation: true });
      const alias = new KmsAlias(s, 'Alias', { name: 'alias/data', targetKeyId: key.keyId });
      new S3BucketServerSideEncryptionConfigurationA(s, 'Sse', {
        bucket: b.id,
        rule: [
          { applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: alias.arn } },
        ],
      });
      new S3BucketVersioningA(s, 'Ver', { bucket: b.bucket, versioningConfiguration: { status: 'Enabled' } });
      new S3BucketPublicAccessBlock(s, 'Pab', {
        bucket: b.id,
        blockPublicAcls: true,
        blockPublicPolicy: true,
      });
      new S3BucketLifecycleConfiguration(s, 'Life', {
        bucket: b.id,
        rule: [
          { id: 'all', status: 'Enabled', filter: [{}], expiration: [{ days: 30 }] },
          { id: 'logs', status: 'Enabled', filter: [{ prefix: 'logs/' }], expiration: [{ days: 1 }] },
        ],
      });
    });
    const v = store(t, 'Data');
    expect(v.encryption).toEqual({ atRest: 'customer-key', key: { address: t.byId('Key').address } });
    expect(v.versioning).toBe(true);
    expect(v.publicAccess).toBe('partially-blocked');
    expect(v.dataRetentionDays).toBe(30);
    expect(v.noncurrentVersionRetentionDays).toBeNull();
  });

  test('a split resource naming the bucket by its literal name configures it; two of one kind make the fact unknown', () => {
    const t = tfViews((s) => {
      new S3Bucket(s, 'Data', { bucket: 'data-literal' });
      new S3BucketVersioningA(s, 'Ver', {
        bucket: 'data-literal',
        versioningConfiguration: { status: 'Enabled' },
      });
      new S3BucketPublicAccessBlock(s, 'Pab1', { bucket: 'data-literal', blockPublicAcls: true });
      new S3BucketPublicAccessBlock(s, 'Pab2', { bucket: 'data-literal', blockPublicPolicy: true });
    });
    const v = store(t, 'Data');
    expect(v.versioning).toBe(true);
    expect(v.publicAccess).toBeInstanceOf(Unknown);
    expect((v.publicAccess as Unknown).reason).toMatch(
      /several `aws_s3_bucket_public_access_block` configure `Data`/,
    );
  });

  test('a TLS deny read from a JSON policy with interpolations and from an aws_iam_policy_document', () => {
    const t = tfViews((s) => {
      const a = new S3Bucket(s, 'A', { bucket: 'a' });
      new S3BucketPolicy(s, 'APolicy', { bucket: a.id, policy: JSON.stringify(TLS_DENY(a)) });
      const b = new S3Bucket(s, 'B', { bucket: 'b' });
      const doc = new DataAwsIamPolicyDocument(s, 'BDoc', {
        statement: [
          {
            effect: 'Deny',
            actions: ['s3:*'],
            resources: [b.arn, `${b.arn}/*`],
            principals: [{ type: '*', identifiers: ['*'] }],
            condition: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] }],
          },
        ],
      });
      new S3BucketPolicy(s, 'BPolicy', { bucket: b.id, policy: doc.json });
      const c = new S3Bucket(s, 'C', { bucket: 'c' });
      new S3BucketPolicy(s, 'CPolicy', { bucket: c.id, policy: Fn.jsonencode(TLS_DENY(c)) });
    });
    expect(store(t, 'A').tlsOnly).toBe(true);
    expect(store(t, 'B').tlsOnly).toBe(true);
    // `jsonencode(...)` is a function the source does not evaluate: unknown, never a pass or a fail.
    expect(store(t, 'C').tlsOnly).toBeInstanceOf(Unknown);
  });

  test('inline (provider v3) arguments: versioning, logging, SSE and a public policy', () => {
    const t = tfViews((s) => {
      new S3Bucket(s, 'Logs', { bucket: 'logs' });
      new S3Bucket(s, 'Data', {
        bucket: 'data',
        versioning: { enabled: true },
        logging: { targetBucket: 'logs' },
        serverSideEncryptionConfiguration: {
          rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms' } },
        },
        policy: JSON.stringify({
          Statement: [
            { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::data/*' },
          ],
        }),
      });
    });
    const v = store(t, 'Data');
    expect(v.versioning).toBe(true);
    expect(v.accessLogging).toBe(true);
    expect(v.encryption.atRest).toBe('kms-provider-key');
    expect(v.policyAllowsPublic).toBe(true);
    expect(store(t, 'Logs').receivesAccessLogsOf).toEqual([t.byId('Data').address]);
  });
});

describe('Terraform KMS keys and secrets', () => {
  test('key defaults and settings', () => {
    const t = tfViews((s) => {
      new KmsKey(s, 'Plain', {});
      new KmsKey(s, 'Rotated', { enableKeyRotation: true, rotationPeriodInDays: 90 });
      new KmsKey(s, 'Signing', { customerMasterKeySpec: 'ECC_NIST_P256', keyUsage: 'SIGN_VERIFY' });
    });
    const key = (id: string) => t.views.viewOf(t.byId(id).address, 'key') as KeyView;
    expect(key('Plain')).toMatchObject({
      rotationEnabled: false,
      symmetric: true,
      enabled: true,
      policy: undefined,
    });
    expect(key('Rotated')).toMatchObject({ rotationEnabled: true, rotationPeriodDays: 90 });
    expect(key('Signing').symmetric).toBe(false);
  });

  test('a secret is rotated when an aws_secretsmanager_secret_rotation names it', () => {
    const t = tfViews((s) => {
      const key = new KmsKey(s, 'Key', {});
      const rotated = new SecretsmanagerSecret(s, 'Rotated', { name: 'rotated', kmsKeyId: key.arn });
      new SecretsmanagerSecretRotation(s, 'Rotation', {
        secretId: rotated.id,
        rotationLambdaArn: 'arn:aws:lambda:eu-west-1:111122223333:function:rotate',
        rotationRules: { automaticallyAfterDays: 30 },
      });
      new SecretsmanagerSecret(s, 'Static', { name: 'static' });
    });
    expect(store(t, 'Rotated')).toMatchObject({ storeType: 'secret', rotation: true });
    expect(store(t, 'Rotated').encryption.atRest).toBe('customer-key');
    expect(store(t, 'Static')).toMatchObject({ rotation: false, encryption: { atRest: 'kms-provider-key' } });
  });
});

describe('Terraform AWS Backup', () => {
  test('a vault locked in compliance mode, a plan with its rule and a tag selection', () => {
    const t = tfViews((s) => {
      const vault = new BackupVault(s, 'Vault', {
        name: 'vault',
        tags: { 'data-classification': 'confidential' },
      });
      new BackupVault(s, 'Open', { name: 'open' });
      new BackupVaultLockConfiguration(s, 'Lock', {
        backupVaultName: vault.name,
        minRetentionDays: 7,
        maxRetentionDays: 365,
        changeableForDays: 3,
      });
      const plan = new BackupPlan(s, 'Plan', {
        name: 'plan',
        rule: [
          {
            ruleName: 'daily',
            targetVaultName: vault.name,
            schedule: 'cron(0 5 * * ? *)',
            lifecycle: { deleteAfter: 35 },
          },
        ],
      });
      new BackupSelection(s, 'Selection', {
        name: 'confidential',
        planId: plan.id,
        iamRoleArn: 'arn:aws:iam::111122223333:role/backup',
        selectionTag: [{ type: 'STRINGEQUALS', key: 'data-classification', value: 'confidential' }],
      });
    });
    const vault = t.views.viewOf(t.byId('Vault').address, 'backup-vault') as BackupVaultView;
    expect(vault.lock).toEqual({ mode: 'compliance', minRetentionDays: 7, maxRetentionDays: 365 });
    expect(vault.encryption.atRest).toBe('kms-provider-key');
    expect((t.views.viewOf(t.byId('Open').address, 'backup-vault') as BackupVaultView).lock).toEqual({
      mode: 'none',
    });
    const plan = t.views.viewOf(t.byId('Plan').address, 'backup-plan') as BackupPlanView;
    expect(plan.rules).toEqual([
      expect.objectContaining({
        name: 'daily',
        vault: t.byId('Vault').address,
        schedule: 'cron(0 5 * * ? *)',
        deleteAfterDays: 35,
        continuous: false,
      }),
    ]);
    expect(plan.selections).toEqual([
      expect.objectContaining({
        address: t.byId('Selection').address,
        selectsClassification: ['CONFIDENTIAL'],
      }),
    ]);
  });
});

describe('Terraform plans', () => {
  const plan = (name: string) => {
    const { graph } = loadInput([path.join(__dirname, '../fixtures/terraform/terraform-plans', name)]);
    const views = new ViewSet(graph, adaptersForAll());
    return (address: string) => views.viewOf(address, 'data-store')!;
  };

  test('format 0.1 plan with inline SSE: AES256, a KMS key of the plan, none', () => {
    const v = plan('regula__aws-s3-bucket-sse-inline.json');
    expect(v('aws_s3_bucket.aes_encrypted').encryption.atRest).toBe('provider');
    expect(v('aws_s3_bucket.kms_encrypted').encryption).toMatchObject({ atRest: 'customer-key' });
    expect(v('aws_s3_bucket.unencrypted').encryption.atRest).toBe('provider');
  });

  test('provider v4 plan: the computed inline SSE block is not a setting; the split resource is', () => {
    const v = plan('snyk-policy-engine__aws-s3-kms-sse-config-provider-v4.json');
    expect(v('aws_s3_bucket.bucket1').encryption.atRest).toBe('provider');
    expect(v('aws_s3_bucket.bucket2').encryption).toEqual({
      atRest: 'customer-key',
      key: { address: 'aws_kms_key.key' },
    });
  });
});
