import type { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as rds from 'aws-cdk-lib/aws-rds';
import { defineCases } from '../../../lib/engine/cases';
import * as sql from '@pulumi/azure-native/sql';
import { sqlServer } from '../../../test/support/azure-native';
import rule from './database-encrypted-at-rest';
import { DbInstance } from '@cdktf/provider-aws/lib/db-instance';
import { RdsCluster } from '@cdktf/provider-aws/lib/rds-cluster';
import { RdsClusterInstance } from '@cdktf/provider-aws/lib/rds-cluster-instance';

function network(stack: Stack): Pick<rds.DatabaseInstanceProps, 'vpc' | 'vpcSubnets'> {
  const vpc = new ec2.Vpc(stack, 'Vpc', {
    natGateways: 0,
    subnetConfiguration: [{ name: 'db', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
  });
  return { vpc, vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED } };
}

const engine = rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 });
const aurora = rds.DatabaseClusterEngine.auroraPostgres({
  version: rds.AuroraPostgresEngineVersion.VER_16_4,
});

/** A main database and a read replica of it (`SourceDBInstanceIdentifier: !Ref Main`), as hand-written templates declare them. */
function mainAndReplica(
  stack: Stack,
  main: Partial<rds.CfnDBInstanceProps>,
  replica: Partial<rds.CfnDBInstanceProps> = {},
): void {
  const db = new rds.CfnDBInstance(stack, 'Main', {
    dbInstanceClass: 'db.t3.micro',
    engine: 'mysql',
    masterUsername: 'admin',
    manageMasterUserPassword: true,
    allocatedStorage: '20',
    ...main,
  });
  new rds.CfnDBInstance(stack, 'Replica', {
    dbInstanceClass: 'db.t3.micro',
    sourceDbInstanceIdentifier: db.ref,
    ...replica,
  });
}

export default defineCases(rule, [
  {
    name: 'instance with storage encryption',
    build: (stack) => {
      new rds.DatabaseInstance(stack, 'Db', { engine, ...network(stack), storageEncrypted: true });
    },
    target: 'Db/Resource',
    expect: 'pass',
  },
  {
    name: 'instance left on the unencrypted default',
    build: (stack) => {
      new rds.DatabaseInstance(stack, 'Db', { engine, ...network(stack) });
    },
    target: 'Db/Resource',
    expect: 'fail',
    message: /`Db` is not encrypted at rest/,
  },
  {
    name: 'Aurora cluster and its writer encrypted with a customer key',
    build: (stack) => {
      new rds.DatabaseCluster(stack, 'Cluster', {
        engine: aurora,
        ...network(stack),
        writer: rds.ClusterInstance.provisioned('Writer'),
        storageEncryptionKey: new kms.Key(stack, 'Key'),
      });
    },
    target: 'Cluster/Writer',
    expect: 'pass',
  },
  {
    name: 'writer of an unencrypted Aurora cluster',
    build: (stack) => {
      new rds.DatabaseCluster(stack, 'Cluster', {
        engine: aurora,
        ...network(stack),
        writer: rds.ClusterInstance.provisioned('Writer'),
        storageEncrypted: false,
      });
    },
    target: 'Cluster/Writer',
    expect: 'fail',
    message: /`Cluster\/Writer` is not encrypted at rest/,
  },
  {
    name: 'instance restored from a snapshot inherits its encryption',
    build: (stack) => {
      new rds.CfnDBInstance(stack, 'Restored', {
        dbInstanceClass: 'db.t3.micro',
        engine: 'postgres',
        dbSnapshotIdentifier: 'arn:aws:rds:us-east-1:111122223333:snapshot:nightly',
      });
    },
    target: 'Restored',
    expect: 'unknown',
    message: /inherited from `DBSnapshotIdentifier`/,
  },
  {
    name: 'read replica of an encrypted database inherits its encryption',
    build: (stack) => mainAndReplica(stack, { storageEncrypted: true }),
    target: 'Replica',
    expect: 'pass',
  },
  {
    name: 'read replica of an unencrypted database is unencrypted',
    build: (stack) => mainAndReplica(stack, { storageEncrypted: false }),
    target: 'Replica',
    expect: 'fail',
    message: '`Replica` is not encrypted at rest',
  },
  {
    name: 'read replica of a database outside the template',
    build: (stack) => {
      new rds.CfnDBInstance(stack, 'Replica', {
        dbInstanceClass: 'db.t3.micro',
        sourceDbInstanceIdentifier: 'arn:aws:rds:us-east-1:111122223333:db:main',
      });
    },
    target: 'Replica',
    expect: 'unknown',
    message: /inherited from `SourceDBInstanceIdentifier`/,
  },
  // From real templates: StorageEncrypted true meets CIS AWS 2.2.1 / MCSB DP-4.
  {
    name: 'real template: MySQL primary with StorageEncrypted true',
    source: 'cloudformation-template',
    template: 'test/fixtures/real-world/aws-cloudformation-templates/rds-mysql-read-replica.yaml',
    target: 'MainDB',
    expect: 'pass',
  },
  {
    name: 'real template: Aurora PostgreSQL cluster restored from a snapshot with StorageEncrypted true',
    source: 'cloudformation-template',
    template: 'test/fixtures/real-world/aws-cloudformation-templates/dms-aurora-to-s3.yaml',
    target: 'AuroraCluster',
    expect: 'pass',
  },
  // Terraform (CDKTF): `storage_encrypted` defaults to false in the AWS provider.
  {
    name: 'terraform: DB instance without storage_encrypted',
    source: 'cdktf',
    build: (stack) => {
      new DbInstance(stack, 'Db', { engine: 'postgres', instanceClass: 'db.t3.micro', allocatedStorage: 20 });
    },
    target: 'Db',
    expect: 'fail',
    message: /`Db` is not encrypted at rest/,
  },
  {
    name: 'terraform: DB instance with storage_encrypted = true',
    source: 'cdktf',
    build: (stack) => {
      new DbInstance(stack, 'Db', {
        engine: 'postgres',
        instanceClass: 'db.t3.micro',
        allocatedStorage: 20,
        storageEncrypted: true,
      });
    },
    target: 'Db',
    expect: 'pass',
  },
  {
    name: 'terraform: Aurora instance of an unencrypted cluster',
    source: 'cdktf',
    build: (stack) => {
      const cluster = new RdsCluster(stack, 'Cluster', {
        engine: 'aurora-postgresql',
        clusterIdentifier: 'orders',
      });
      new RdsClusterInstance(stack, 'Writer', {
        clusterIdentifier: cluster.id,
        instanceClass: 'db.r6g.large',
        engine: 'aurora-postgresql',
      });
    },
    target: 'Writer',
    expect: 'fail',
    message: /`Writer` is not encrypted at rest/,
  },
  {
    name: 'terraform: Aurora instance of an encrypted cluster',
    source: 'cdktf',
    build: (stack) => {
      const cluster = new RdsCluster(stack, 'Cluster', {
        engine: 'aurora-postgresql',
        clusterIdentifier: 'orders',
        storageEncrypted: true,
      });
      new RdsClusterInstance(stack, 'Writer', {
        clusterIdentifier: cluster.id,
        instanceClass: 'db.r6g.large',
        engine: 'aurora-postgresql',
      });
    },
    expect: 'pass',
  },
  {
    name: 'terraform plan: DB instance without storage_encrypted',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/snyk-policy-engine__aws-rds-db-instance-sensitive.json',
    target: 'aws_db_instance.default',
    expect: 'fail',
    message: /is not encrypted at rest/,
  },
  {
    name: 'terraform plan: azurerm_sql_server (transparent data encryption)',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/regula__azure-sql-firewall-rules.json',
    target: 'azurerm_sql_server.example',
    expect: 'pass',
  },
  {
    name: 'pulumi: SQL server and database with transparent data encryption (the service default)',
    source: 'pulumi',
    build: () => {
      const server = sqlServer('payments');
      new sql.Database('ledger', { resourceGroupName: 'rg-cases', serverName: server.name });
    },
    target: 'payments',
    expect: 'pass',
  },
  {
    name: 'pulumi: SQL database whose transparent data encryption is Disabled',
    source: 'pulumi',
    build: () => {
      const server = sqlServer('payments');
      const db = new sql.Database('ledger', { resourceGroupName: 'rg-cases', serverName: server.name });
      new sql.TransparentDataEncryption('ledger-tde', {
        resourceGroupName: 'rg-cases',
        serverName: server.name,
        databaseName: db.name,
        tdeName: 'current',
        state: 'Disabled',
      });
    },
    target: 'payments',
    expect: 'fail',
    message: /`payments` is not encrypted at rest/,
  },
]);
