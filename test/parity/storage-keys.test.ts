import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
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
import type { Construct } from 'constructs';
import { evaluate } from '../../lib/engine/evaluate';
import { definePack } from '../../lib/engine/pack';
import type { ResourceGraph } from '../../lib/graph/graph';
import { adaptersForAll, loadInput } from '../../lib/sources';
import { RULES } from '../../policies/rules';
import { tfViews } from '../views/terraform-support';

// The same misconfiguration written in CDK (CloudFormation) and in CDK for Terraform fails the same
// rules, with the same controls, on the resource it is about.

const everything = definePack({
  id: 'parity',
  title: 'parity',
  description: 'every rule mandatory',
  select: () => true,
  bySeverity: { low: 'mandatory', medium: 'mandatory', high: 'mandatory', critical: 'mandatory' },
});

const TAGS = { 'data-classification': 'confidential' };

/** Failing rule ids with their controls (`BW-DP-010 cis-aws-5.0:3.6 ...`) on the resource at construct path `path`. */
function failing(graph: ResourceGraph, match: (p: string | undefined) => boolean): string[] {
  const ev = evaluate({ graph, adapters: adaptersForAll(), rules: RULES, pack: everything });
  return [
    ...new Set(
      ev.results
        .filter((r) => r.outcome === 'fail' && match(r.resource.path))
        .map((r) => [r.rule.id, ...[...r.rule.controls].sort()].join(' ')),
    ),
  ].sort();
}

function cdkFailing(build: (stack: Stack) => void, id: string): string[] {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-parity-'));
  try {
    const app = new App({ outdir });
    build(new Stack(app, 'Parity'));
    app.synth();
    const { graph } = loadInput([outdir]);
    return failing(graph, (p) => p === `Parity/${id}` || p?.startsWith(`Parity/${id}/`) === true);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

function tfFailing(build: (stack: Construct) => void, id: string): string[] {
  return failing(tfViews(build).graph, (p) => p === `test/${id}`);
}

const pairs: {
  name: string;
  id: string;
  cdk: (stack: Stack) => void;
  tf: (stack: Construct) => void;
  expected: string;
}[] = [
  {
    name: 'KMS key without rotation',
    id: 'Key',
    cdk: (s) => {
      new kms.CfnKey(s, 'Key', { enableKeyRotation: false });
    },
    tf: (s) => new KmsKey(s, 'Key', { enableKeyRotation: false }),
    expected: 'BW-DP-010',
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
    tf: (s) => new S3Bucket(s, 'Bucket', { bucket: 'data', tags: TAGS }),
    expected: 'BW-BR-009',
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
    tf: (s) => {
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
    expected: 'BW-DP-008',
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
    tf: (s) => new SecretsmanagerSecret(s, 'Secret', { name: 'db', tags: TAGS }),
    expected: 'BW-DP-020',
  },
  {
    name: 'backup vault without a lock',
    id: 'Vault',
    cdk: (s) => {
      new backup.CfnBackupVault(s, 'Vault', { backupVaultName: 'vault', backupVaultTags: TAGS });
    },
    tf: (s) => new BackupVault(s, 'Vault', { name: 'vault', tags: TAGS }),
    expected: 'BW-BR-001',
  },
];

describe.each(pairs)('$name', ({ id, cdk, tf, expected }) => {
  test('fails the same rules with the same controls in CDK and in CDKTF', () => {
    const fromCdk = cdkFailing(cdk, id);
    const fromTf = tfFailing(tf, id);
    expect(fromCdk.some((f) => f.startsWith(`${expected} `))).toBe(true);
    expect(fromTf).toEqual(fromCdk);
  });
});
