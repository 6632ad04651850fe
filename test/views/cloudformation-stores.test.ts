import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, CfnCondition, CfnParameter, Duration, Fn, Size, Stack, Tags } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Unknown } from '../../lib/graph/values';
import { loadInput } from '../../lib/sources';
import { cloudFormationAdapters } from '../../lib/views/cloudformation';
import type { ViewKind, ViewOf } from '../../lib/views/kinds';
import { ViewSet } from '../../lib/views/registry';

/** Synthesize one stack and return a lookup of views by construct id below the stack. */
function views(build: (stack: Stack) => void): <K extends ViewKind>(id: string, kind: K) => ViewOf<K> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-views-'));
  try {
    const app = new App({ outdir, builtinCloudFormationValidation: false });
    build(new Stack(app, 'S'));
    app.synth();
    const { graph } = loadInput([outdir]);
    const set = new ViewSet(graph, cloudFormationAdapters());
    const all = set.all();
    expect(set.errors).toEqual([]);
    return <K extends ViewKind>(id: string, kind: K): ViewOf<K> => {
      const v = all.find(
        (x) => x.kind === kind && (x.resource.path === `S/${id}/Resource` || x.resource.path === `S/${id}`),
      );
      if (!v) throw new Error(`no ${kind} view for ${id}`);
      return v as ViewOf<K>;
    };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

const pk = { name: 'id', type: dynamodb.AttributeType.STRING };

describe('CloudFormation data-store adapters', () => {
  test('a key from a parameter without default, or behind an unresolved Fn::If, is Unknown', () => {
    const view = views((stack) => {
      const keyArn = new CfnParameter(stack, 'KeyArn');
      const useKey = new CfnCondition(stack, 'UseKey', { expression: Fn.conditionEquals(keyArn, '') });
      new sqs.CfnQueue(stack, 'Param', { kmsMasterKeyId: keyArn.valueAsString });
      const key = new kms.Key(stack, 'Key');
      new dynamodb.CfnTable(stack, 'Cond', {
        keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
        attributeDefinitions: [{ attributeName: 'id', attributeType: 'S' }],
        billingMode: 'PAY_PER_REQUEST',
        sseSpecification: {
          sseEnabled: true,
          kmsMasterKeyId: Fn.conditionIf(useKey.logicalId, key.keyArn, 'alias/other').toString(),
        },
        pointInTimeRecoverySpecification: {
          pointInTimeRecoveryEnabled: Fn.conditionIf(useKey.logicalId, true, false) as unknown as boolean,
        },
      });
    });
    const param = view('Param', 'data-store').encryption.atRest;
    expect(param).toBeInstanceOf(Unknown);
    expect((param as Unknown).reason).toMatch(/parameter `KeyArn` has no default/);
    const cond = view('Cond', 'data-store');
    expect(cond.encryption.atRest).toBeInstanceOf(Unknown);
    expect((cond.encryption.atRest as Unknown).reason).toMatch(/condition `UseKey`/);
    expect(cond.pointInTimeRecovery).toBeInstanceOf(Unknown);
  });

  test('DynamoDB: AWS owned key by default, KMS key, point-in-time recovery, TTL', () => {
    const view = views((stack) => {
      const key = new kms.Key(stack, 'Key');
      new dynamodb.Table(stack, 'Plain', { partitionKey: pk });
      new dynamodb.Table(stack, 'Managed', {
        partitionKey: pk,
        encryption: dynamodb.TableEncryption.AWS_MANAGED,
      });
      new dynamodb.Table(stack, 'Cmk', {
        partitionKey: pk,
        encryptionKey: key,
        encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
        pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true, recoveryPeriodInDays: 7 },
        deletionProtection: true,
        timeToLiveAttribute: 'expires',
      });
    });
    const plain = view('Plain', 'data-store');
    expect(plain.encryption.atRest).toBe('provider');
    expect(plain.pointInTimeRecovery).toBe(false);
    expect(plain.dataRetentionDays).toBeNull();
    expect(view('Managed', 'data-store').encryption.atRest).toBe('kms-provider-key');
    const cmk = view('Cmk', 'data-store');
    expect(cmk.encryption).toEqual({
      atRest: 'customer-key',
      key: { address: view('Key', 'key').resource.address },
    });
    expect(cmk.pointInTimeRecovery).toBe(true);
    expect(cmk.backupRetentionDays).toBe(7);
    expect(cmk.deletionProtection).toBe(true);
    expect((cmk.dataRetentionDays as Unknown).reason).toMatch(/TTL attribute `expires`/);
  });

  test('RDS: StorageEncrypted, and an Aurora instance takes encryption from its cluster', () => {
    const view = views((stack) => {
      const vpc = new ec2.Vpc(stack, 'Vpc', {
        natGateways: 0,
        subnetConfiguration: [{ name: 'db', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
      });
      const vpcSubnets = { subnetType: ec2.SubnetType.PRIVATE_ISOLATED };
      const engine = rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 });
      new rds.DatabaseInstance(stack, 'Plain', { engine, vpc, vpcSubnets });
      new rds.DatabaseInstance(stack, 'Encrypted', {
        engine,
        vpc,
        vpcSubnets,
        storageEncrypted: true,
        backupRetention: Duration.days(7),
      });
      new rds.DatabaseCluster(stack, 'Cluster', {
        engine: rds.DatabaseClusterEngine.auroraPostgres({
          version: rds.AuroraPostgresEngineVersion.VER_16_4,
        }),
        vpc,
        vpcSubnets,
        writer: rds.ClusterInstance.provisioned('Writer'),
        storageEncryptionKey: new kms.Key(stack, 'Key'),
      });
    });
    expect(view('Plain', 'data-store').encryption.atRest).toBe('none');
    const enc = view('Encrypted', 'data-store');
    expect(enc.encryption.atRest).toBe('kms-provider-key');
    expect(enc.backupRetentionDays).toBe(7);
    expect(enc.publicNetworkAccess).toBe(false);
    expect(enc.privateEndpoint).toBe(true);
    const cluster = view('Cluster', 'data-store');
    expect(cluster.storeType).toBe('database-cluster');
    expect(cluster.encryption.atRest).toBe('customer-key');
    expect(cluster.publicNetworkAccess).toBeUndefined();
    expect(cluster.privateEndpoint).toBe(true);
    const writer = view('Cluster/Writer', 'data-store');
    expect(writer.encryption).toEqual(cluster.encryption);
    expect(writer.publicNetworkAccess).toBe(false);
    expect(writer.backupRetentionDays).toBeUndefined();
  });

  test('SQS and log groups: managed encryption, TLS from the queue policy, retention and masking', () => {
    const view = views((stack) => {
      new sqs.Queue(stack, 'Default');
      new sqs.Queue(stack, 'Off', { encryption: sqs.QueueEncryption.UNENCRYPTED });
      new sqs.Queue(stack, 'Tls', {
        encryption: sqs.QueueEncryption.KMS_MANAGED,
        enforceSSL: true,
        retentionPeriod: Duration.days(2),
      });
      new logs.LogGroup(stack, 'Forever', { retention: logs.RetentionDays.INFINITE });
      new logs.LogGroup(stack, 'Masked', {
        retention: logs.RetentionDays.ONE_YEAR,
        dataProtectionPolicy: new logs.DataProtectionPolicy({
          identifiers: [logs.DataIdentifier.EMAILADDRESS],
        }),
      });
    });
    const def = view('Default', 'data-store');
    expect(def.encryption.atRest).toBe('provider');
    expect(def.tlsOnly).toBe(false);
    expect(def.dataRetentionDays).toBe(4);
    expect(view('Off', 'data-store').encryption.atRest).toBe('none');
    const tls = view('Tls', 'data-store');
    expect(tls.encryption.atRest).toBe('kms-provider-key');
    expect(tls.tlsOnly).toBe(true);
    expect(tls.dataRetentionDays).toBe(2);
    const forever = view('Forever', 'data-store');
    expect(forever.encryption.atRest).toBe('provider');
    expect(forever.dataRetentionDays).toBeNull();
    expect(forever.piiMasking).toBe(false);
    const masked = view('Masked', 'data-store');
    expect(masked.dataRetentionDays).toBe(365);
    expect(masked.piiMasking).toBe(true);
  });

  test('keys, backup vaults and plans, trails', () => {
    const view = views((stack) => {
      const key = new kms.Key(stack, 'Key', { enableKeyRotation: true, rotationPeriod: Duration.days(90) });
      new kms.Key(stack, 'Default', { enableKeyRotation: true });
      new kms.Key(stack, 'Signing', {
        keySpec: kms.KeySpec.ECC_NIST_P256,
        keyUsage: kms.KeyUsage.SIGN_VERIFY,
      });
      const vault = new backup.BackupVault(stack, 'Compliance', {
        encryptionKey: key,
        lockConfiguration: { minRetention: Duration.days(7), changeableFor: Duration.days(3) },
      });
      new backup.BackupVault(stack, 'Governance', { lockConfiguration: { minRetention: Duration.days(7) } });
      const plan = new backup.BackupPlan(stack, 'Plan', { backupVault: vault });
      plan.addRule(new backup.BackupPlanRule({ ruleName: 'Daily', deleteAfter: Duration.days(35) }));
      plan.addSelection('Selection', { resources: [backup.BackupResource.fromTag('backup', 'daily')] });
      const trail = new cloudtrail.Trail(stack, 'Trail', { encryptionKey: key });
      trail.addS3EventSelector([{ bucket: new s3.Bucket(stack, 'Data') }], {
        readWriteType: cloudtrail.ReadWriteType.READ_ONLY,
      });
    });
    expect(view('Key', 'key')).toMatchObject({
      symmetric: true,
      rotationEnabled: true,
      rotationPeriodDays: 90,
    });
    expect(view('Default', 'key').rotationPeriodDays).toBe(365);
    expect(view('Signing', 'key')).toMatchObject({ symmetric: false, rotationEnabled: false });
    expect(view('Compliance', 'backup-vault')).toMatchObject({
      encryption: { atRest: 'customer-key' },
      lock: { mode: 'compliance', minRetentionDays: 7 },
    });
    expect(view('Governance', 'backup-vault')).toMatchObject({
      encryption: { atRest: 'kms-provider-key' },
      lock: { mode: 'governance' },
    });
    const plan = view('Plan', 'backup-plan');
    expect(plan.rules).toEqual([
      expect.objectContaining({
        name: 'Daily',
        deleteAfterDays: 35,
        continuous: false,
        vault: view('Compliance', 'backup-vault').resource.address,
      }),
    ]);
    expect(plan.selections[0]?.tags).toEqual([{ key: 'backup', value: 'daily' }]);
    const trail = view('Trail', 'audit-trail');
    expect(trail).toMatchObject({
      logging: true,
      multiRegion: true,
      integrityValidation: true,
      encryption: { atRest: 'customer-key' },
      dataEvents: 'read',
    });
    expect(trail.sinkStore).toBe(view('Trail/S3', 'data-store').resource.address);
  });

  test('a backup selection names the stores BackupResource.fromConstruct finds, by the ARNs it builds', () => {
    const view = views((stack) => {
      const vpc = new ec2.Vpc(stack, 'Vpc', { natGateways: 0 });
      const orders = new dynamodb.Table(stack, 'Orders', {
        partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
      });
      const db = new rds.DatabaseInstance(stack, 'Db', {
        engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),
        vpc,
        vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
      });
      const volume = new ec2.Volume(stack, 'Volume', {
        availabilityZone: 'us-east-1a',
        size: Size.gibibytes(8),
      });
      const plan = backup.BackupPlan.daily35DayRetention(stack, 'Plan');
      for (const c of [orders, db, volume])
        plan.addSelection(`Of${c.node.id}`, { resources: [backup.BackupResource.fromConstruct(c)] });
    });
    const plan = view('Plan', 'backup-plan');
    expect(plan.selections.map((s) => s.resources)).toEqual([
      [view('Orders', 'data-store').resource.address],
      [view('Db', 'data-store').resource.address],
      [view('Volume', 'data-store').resource.address],
    ]);
  });

  test('a backup selection of every resource not classified confidential takes in the other levels only', () => {
    const view = views((stack) => {
      for (const [id, level] of [
        ['Reports', 'internal'],
        ['Orders', 'confidential'],
        ['Payroll', 'restricted'],
      ] as const) {
        const t = new dynamodb.Table(stack, id, {
          partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
        });
        Tags.of(t).add('data-classification', level);
      }
      const condition = (value: string) => ({
        ConditionKey: 'aws:ResourceTag/data-classification',
        ConditionValue: value,
      });
      const plan = backup.BackupPlan.daily35DayRetention(stack, 'Plan');
      new backup.CfnBackupSelection(stack, 'NotConfidential', {
        backupPlanId: plan.backupPlanId,
        backupSelection: {
          selectionName: 'not-confidential',
          iamRoleArn: 'arn:aws:iam::111122223333:role/backup',
          resources: ['*'],
          conditions: { StringNotEquals: [condition('confidential')] },
        },
      });
      new backup.CfnBackupSelection(stack, 'NoTables', {
        backupPlanId: plan.backupPlanId,
        backupSelection: {
          selectionName: 'no-tables',
          iamRoleArn: 'arn:aws:iam::111122223333:role/backup',
          resources: ['*'],
          notResources: ['arn:aws:dynamodb:*:*:table/*'],
          conditions: { StringLike: [condition('restr*')] },
        },
      });
      new backup.CfnBackupSelection(stack, 'AllButRestricted', {
        backupPlanId: plan.backupPlanId,
        backupSelection: {
          selectionName: 'all-but-restricted',
          iamRoleArn: 'arn:aws:iam::111122223333:role/backup',
          resources: ['*'],
          conditions: { StringLike: [condition('*')], StringNotEquals: [condition('restricted')] },
        },
      });
    });
    const [notConfidential, noTables, allButRestricted] = view('Plan', 'backup-plan').selections;
    expect(allButRestricted?.selectsClassification).toEqual([
      'PUBLIC',
      'INTERNAL',
      'CONFIDENTIAL',
      'TOP_SECRET',
    ]);
    expect(allButRestricted?.maySelectClassification).toEqual([
      {
        level: 'RESTRICTED',
        reason: expect.objectContaining({
          reason:
            'it takes in stores whose `data-classification` is written `RESTRICTED`, and none of the input is',
        }),
      },
    ]);
    expect(notConfidential?.selectsClassification).toEqual(['INTERNAL', 'RESTRICTED']);
    expect(notConfidential?.maySelectClassification).toBeUndefined();
    expect(noTables?.selectsClassification).toEqual([]);
    expect(noTables?.maySelectClassification).toEqual([{ level: 'RESTRICTED', reason: expect.any(Unknown) }]);
  });
});
