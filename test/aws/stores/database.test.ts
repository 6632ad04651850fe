import type { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { ClassifiedDatabase } from '../../../lib/aws/stores';
import { ALL_LEVELS, Classification, evaluate, only, openOnStore, show, stack } from './support';

function vpc(s: Stack): ec2.Vpc {
  return new ec2.Vpc(s, 'Vpc', {
    subnetConfiguration: [
      { name: 'app', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      { name: 'data', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      { name: 'ingress', subnetType: ec2.SubnetType.PUBLIC },
    ],
  });
}

function database(
  level: Classification,
  extra: Partial<ConstructorParameters<typeof ClassifiedDatabase>[2]> = {},
) {
  const s = stack();
  const c = new ClassifiedDatabase(s, 'Db', { classification: level, vpc: vpc(s), ...extra });
  return { s, c, t: Template.fromStack(s) };
}

/** The table's cells for relational databases, one row a level. */
const CELLS = {
  [Classification.PUBLIC]: {
    rotation: undefined,
    tls: 'TLSv1.2',
    backup: 1,
    protect: false,
    deletion: 'Snapshot',
    logDays: 365,
    masking: false,
    tag: 'public',
  },
  [Classification.INTERNAL]: {
    rotation: undefined,
    tls: 'TLSv1.2',
    backup: 35,
    protect: true,
    deletion: 'Retain',
    logDays: 545,
    masking: false,
    tag: 'internal',
  },
  [Classification.CONFIDENTIAL]: {
    rotation: 365,
    tls: 'TLSv1.2',
    backup: 35,
    protect: true,
    deletion: 'Retain',
    logDays: 365,
    masking: true,
    tag: 'confidential',
  },
  [Classification.RESTRICTED]: {
    rotation: 180,
    tls: 'TLSv1.3',
    backup: 35,
    protect: true,
    deletion: 'Retain',
    logDays: 180,
    masking: true,
    tag: 'restricted',
  },
  [Classification.TOP_SECRET]: {
    rotation: 90,
    tls: 'TLSv1.3',
    backup: 30,
    protect: true,
    deletion: 'Retain',
    logDays: 30,
    masking: true,
    tag: 'top-secret',
  },
} as const;

describe('ClassifiedDatabase', () => {
  describe.each(ALL_LEVELS)('%s', (level) => {
    const cell = CELLS[level];

    test('storage and master secret encrypted with the level key', () => {
      const { s, c, t } = database(level);
      const cluster = only(t, 'AWS::RDS::DBCluster').Properties;
      expect(cluster.StorageEncrypted).toBe(true);
      expect(cluster.ManageMasterUserPassword).toBe(true);
      if (cell.rotation === undefined) {
        expect(c.encryptionKey).toBeUndefined();
        expect(cluster.KmsKeyId).toBeUndefined();
        expect(cluster.MasterUserSecret).toBeUndefined();
      } else {
        const keyId = s.getLogicalId(c.encryptionKey!.node.defaultChild as kms.CfnKey);
        expect(cluster.KmsKeyId).toEqual({ 'Fn::GetAtt': [keyId, 'Arn'] });
        expect(cluster.MasterUserSecret).toEqual({ KmsKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] } });
        expect(t.toJSON().Resources[keyId].Properties).toMatchObject({
          EnableKeyRotation: true,
          RotationPeriodInDays: cell.rotation,
        });
      }
    });

    test('TLS required, minimum version by level', () => {
      const { t } = database(level);
      t.hasResourceProperties('AWS::RDS::DBClusterParameterGroup', {
        Family: 'aurora-postgresql17',
        Parameters: { 'rds.force_ssl': '1', ssl_min_protocol_version: cell.tls },
      });
    });

    test('isolated subnets, never publicly accessible, no open security group', () => {
      const { t } = database(level);
      const group = only(t, 'AWS::RDS::DBSubnetGroup').Properties.SubnetIds as { Ref: string }[];
      expect(group.map((r) => r.Ref).every((id) => /Vpcdata/.test(id))).toBe(true);
      for (const i of Object.values(t.findResources('AWS::RDS::DBInstance')))
        expect(i.Properties.PubliclyAccessible).toBe(false);
      const sg = Object.entries(t.findResources('AWS::EC2::SecurityGroup')).find(([id]) =>
        id.startsWith('DbSecurityGroup'),
      )!;
      expect(sg[1].Properties.SecurityGroupIngress).toBeUndefined();
      expect(JSON.stringify(sg[1].Properties.SecurityGroupEgress)).not.toContain('0.0.0.0/0');
    });

    test('backups never outlive the data; deletion protection; retain or snapshot; IAM auth; tag', () => {
      const { t } = database(level);
      const cluster = only(t, 'AWS::RDS::DBCluster');
      expect(cluster.Properties).toMatchObject({
        BackupRetentionPeriod: cell.backup,
        DeletionProtection: cell.protect,
        EnableIAMDatabaseAuthentication: true,
        CopyTagsToSnapshot: true,
        Tags: [{ Key: 'data-classification', Value: cell.tag }],
      });
      expect(cluster.DeletionPolicy).toBe(cell.deletion);
    });

    test('PostgreSQL logs go to a classified log group created first', () => {
      const { t } = database(level);
      const cluster = only(t, 'AWS::RDS::DBCluster');
      expect(cluster.Properties.EnableCloudwatchLogsExports).toEqual(['postgresql']);
      const [logId, log] = Object.entries(t.findResources('AWS::Logs::LogGroup'))[0]!;
      expect(log.Properties.LogGroupName).toBe(
        `/aws/rds/cluster/${cluster.Properties.DBClusterIdentifier}/postgresql`,
      );
      expect(log.Properties.RetentionInDays).toBe(cell.logDays);
      expect(log.Properties.DataProtectionPolicy !== undefined).toBe(cell.masking);
      expect((cluster as { DependsOn?: string[] }).DependsOn).toContain(logId);
    });

    test('the engine finds no gating result; open: only what the table does not ask', () => {
      const run = evaluate((s) => {
        new ClassifiedDatabase(s, 'Db', { classification: level, vpc: vpc(s) });
      }, 'Db');
      expect(run.viewErrors).toEqual([]);
      expect(run.results.length).toBeGreaterThan(0);
      expect(show(run.gating)).toEqual([]);
      expect(show(openOnStore(run))).toEqual(
        // CIS 2.2.4 asks for a second instance in another zone; the construct creates the writer only.
        ['BW-BR-007: `Db/Cluster` has a single instance: nothing to fail over to in another zone'],
      );
    });
  });

  test('grants: IAM database connect and the master secret with its key', () => {
    const s = stack();
    const role = new iam.Role(s, 'App', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    const c = new ClassifiedDatabase(s, 'Db', { classification: Classification.CONFIDENTIAL, vpc: vpc(s) });
    c.grantConnect(role, 'app');
    c.grantReadMasterCredentials(role);
    const text = JSON.stringify(only(Template.fromStack(s), 'AWS::IAM::Policy').Properties.PolicyDocument);
    expect(text).toContain('rds-db:connect');
    expect(text).toContain(':dbuser:');
    expect(text).toContain('MasterUserSecret.SecretArn');
    expect(text).toContain('kms:Decrypt');
  });

  test('from RESTRICTED up a grant admits only cleared principals', () => {
    const s = stack();
    const role = new iam.Role(s, 'App', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    new ClassifiedDatabase(s, 'Db', { classification: Classification.TOP_SECRET, vpc: vpc(s) }).grantConnect(
      role,
      'app',
    );
    const doc = only(Template.fromStack(s), 'AWS::IAM::Policy').Properties.PolicyDocument as {
      Statement: Record<string, unknown>[];
    };
    expect(doc.Statement[0]).toMatchObject({
      Action: 'rds-db:connect',
      Condition: { StringEquals: { 'aws:PrincipalTag/clearance': ['top-secret'] } },
    });
  });

  test('readers and capacity', () => {
    const { t } = database(Classification.INTERNAL, { readers: 2, capacity: { min: 1, max: 8 } });
    t.resourceCountIs('AWS::RDS::DBInstance', 3);
    t.hasResourceProperties('AWS::RDS::DBCluster', {
      ServerlessV2ScalingConfiguration: { MinCapacity: 1, MaxCapacity: 8 },
    });
  });

  describe('validation', () => {
    test('RESTRICTED with a given key names both props', () => {
      const s = stack();
      expect(
        () =>
          new ClassifiedDatabase(s, 'Db', {
            classification: Classification.RESTRICTED,
            vpc: vpc(s),
            encryptionKey: new kms.Key(s, 'K'),
          }),
      ).toThrow(
        /`classification` RESTRICTED requires a customer-managed key dedicated.*remove `encryptionKey`.*BULWARK_DEDICATED_KEY/,
      );
    });

    test('capacity range and cluster identifier', () => {
      const s = stack();
      expect(
        () =>
          new ClassifiedDatabase(s, 'Db', {
            classification: Classification.INTERNAL,
            vpc: vpc(s),
            capacity: { min: 4, max: 1 },
            clusterIdentifier: 'Bad_Name',
          }),
      ).toThrow(/2 problems:[\s\S]*BULWARK_CAPACITY_RANGE[\s\S]*BULWARK_CLUSTER_IDENTIFIER/);
    });
  });
});
