import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as efs from 'aws-cdk-lib/aws-efs';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { App as TfApp, TerraformStack } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { DbInstance } from '@cdktf/provider-aws/lib/db-instance';
import { DynamodbTable } from '@cdktf/provider-aws/lib/dynamodb-table';
import { EbsVolume } from '@cdktf/provider-aws/lib/ebs-volume';
import { EfsFileSystem } from '@cdktf/provider-aws/lib/efs-file-system';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { evaluate } from '../../lib/engine/evaluate';
import { definePack } from '../../lib/engine/pack';
import { adaptersForAll, loadInput } from '../../lib/sources';
import { RULES } from '../../policies/rules';

// The same data-store misconfiguration written with aws-cdk-lib (L1 resources, so both sides set the
// same arguments) and with CDK for Terraform fails the same rules, with the same controls.

const pack = definePack({
  id: 'parity',
  title: 'parity',
  description: 'every rule mandatory',
  select: () => true,
  bySeverity: { low: 'mandatory', medium: 'mandatory', high: 'mandatory', critical: 'mandatory' },
});

interface Pair {
  readonly name: string;
  /** Builds the CDK side; the resource judged has construct id `id`. */
  readonly cdk: (stack: Stack) => void;
  /** Builds the CDKTF side; the resource judged has construct id `id`. */
  readonly cdktf: (stack: TerraformStack) => void;
  readonly id: string;
  /** Rule ids the misconfiguration must fail (a subset of what both sides fail). */
  readonly fails: readonly string[];
}

const PAIRS: readonly Pair[] = [
  {
    name: 'DB instance without storage encryption',
    id: 'Db',
    cdk: (s) => {
      new rds.CfnDBInstance(s, 'Db', {
        engine: 'postgres',
        dbInstanceClass: 'db.t3.micro',
        allocatedStorage: '20',
        publiclyAccessible: false,
      });
    },
    cdktf: (s) => {
      new DbInstance(s, 'Db', { engine: 'postgres', instanceClass: 'db.t3.micro', allocatedStorage: 20 });
    },
    fails: ['BW-DP-004'],
  },
  {
    name: 'DB instance publicly accessible',
    id: 'Db',
    cdk: (s) => {
      new rds.CfnDBInstance(s, 'Db', {
        engine: 'postgres',
        dbInstanceClass: 'db.t3.micro',
        allocatedStorage: '20',
        storageEncrypted: true,
        publiclyAccessible: true,
      });
    },
    cdktf: (s) => {
      new DbInstance(s, 'Db', {
        engine: 'postgres',
        instanceClass: 'db.t3.micro',
        allocatedStorage: 20,
        storageEncrypted: true,
        publiclyAccessible: true,
      });
    },
    fails: ['BW-DP-009'],
  },
  {
    name: 'topic without a KMS key',
    id: 'Alerts',
    cdk: (s) => {
      new sns.CfnTopic(s, 'Alerts', { topicName: 'alerts' });
    },
    cdktf: (s) => {
      new SnsTopic(s, 'Alerts', { name: 'alerts' });
    },
    fails: ['BW-DP-003', 'BW-DP-007'],
  },
  {
    name: 'queue with SQS-managed encryption turned off',
    id: 'Jobs',
    cdk: (s) => {
      new sqs.CfnQueue(s, 'Jobs', { queueName: 'jobs', sqsManagedSseEnabled: false });
    },
    cdktf: (s) => {
      new SqsQueue(s, 'Jobs', { name: 'jobs', sqsManagedSseEnabled: false });
    },
    fails: ['BW-DP-003', 'BW-DP-007'],
  },
  {
    name: 'file system without encryption',
    id: 'Share',
    cdk: (s) => {
      new efs.CfnFileSystem(s, 'Share', {});
    },
    cdktf: (s) => {
      new EfsFileSystem(s, 'Share', {});
    },
    fails: ['BW-DP-005'],
  },
  {
    name: 'volume with encryption turned off',
    id: 'Disk',
    cdk: (s) => {
      new ec2.CfnVolume(s, 'Disk', { availabilityZone: 'eu-west-1a', size: 10, encrypted: false });
    },
    cdktf: (s) => {
      new EbsVolume(s, 'Disk', { availabilityZone: 'eu-west-1a', size: 10, encrypted: false });
    },
    fails: ['BW-DP-003'],
  },
  {
    name: 'table without point-in-time recovery',
    id: 'Orders',
    cdk: (s) => {
      new dynamodb.CfnTable(s, 'Orders', {
        keySchema: [{ attributeName: 'pk', keyType: 'HASH' }],
        attributeDefinitions: [{ attributeName: 'pk', attributeType: 'S' }],
        billingMode: 'PAY_PER_REQUEST',
      });
    },
    cdktf: (s) => {
      new DynamodbTable(s, 'Orders', {
        name: 'orders',
        hashKey: 'pk',
        attribute: [{ name: 'pk', type: 'S' }],
        billingMode: 'PAY_PER_REQUEST',
      });
    },
    fails: ['BW-BR-002'],
  },
  {
    name: 'log group kept forever without a key',
    id: 'Audit',
    cdk: (s) => {
      new logs.CfnLogGroup(s, 'Audit', { logGroupName: 'audit' });
    },
    cdktf: (s) => {
      new CloudwatchLogGroup(s, 'Audit', { name: 'audit' });
    },
    fails: ['BW-DP-011'],
  },
];

/** Failing (rule id, control) pairs on the resources whose construct path lies under `stack/id`. */
function failures(file: string, stackName: string, id: string): string[] {
  const { graph } = loadInput([file]);
  const ev = evaluate({ graph, adapters: adaptersForAll(), rules: [...RULES], pack });
  const out = new Set<string>();
  for (const r of ev.results) {
    const p = r.resource.path;
    // CDK apps built in tests carry no path metadata: an L1 resource at a stack's root keeps its id as logical id.
    const mine =
      p === undefined
        ? r.resource.logicalId === id
        : p === `${stackName}/${id}` || p.startsWith(`${stackName}/${id}/`);
    if (r.outcome !== 'fail' || !mine) continue;
    for (const c of r.rule.controls) out.add(`${r.rule.id} ${c}`);
  }
  return [...out].sort();
}

describe('stores: the same misconfiguration in CDK and CDKTF fails the same rules and controls', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-parity-stores-'));
  const cdkApp = new App({ outdir: path.join(dir, 'cdk'), builtinCloudFormationValidation: false });
  const tfApp = new TfApp({ outdir: path.join(dir, 'cdktf') });
  PAIRS.forEach((pair, i) => {
    pair.cdk(new Stack(cdkApp, `Pair${i}`));
    const tf = new TerraformStack(tfApp, `Pair${i}`);
    new AwsProvider(tf, 'aws', { region: 'eu-west-1' });
    pair.cdktf(tf);
  });
  cdkApp.synth();
  tfApp.synth();
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test.each(PAIRS.map((p, i) => [p.name, i] as const))('%s', (_name, i) => {
    const pair = PAIRS[i]!;
    const cdk = failures(path.join(dir, 'cdk', `Pair${i}.template.json`), `Pair${i}`, pair.id);
    const tf = failures(path.join(dir, 'cdktf', 'stacks', `Pair${i}`, 'cdk.tf.json'), `Pair${i}`, pair.id);
    expect(tf).toEqual(cdk);
    const ids = new Set(tf.map((f) => f.split(' ')[0]));
    for (const id of pair.fails) expect(ids).toContain(id);
  });
});
