import { Duration } from 'aws-cdk-lib';
import type { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import { defineCases } from '../../../lib/engine/cases';
import { docdbCluster, neptuneCluster, redshiftCluster } from '../../../test/support/data-services';
import rule from './database-backup-retention';
import { pitrPolicy, sqlDatabase, sqlServer } from '../../../test/support/azure-native';
import {
  tfDocdbCluster,
  tfNeptuneCluster,
  tfRedshiftCluster,
} from '../../../test/support/terraform-data-services';
import { DbInstance } from '@cdktf/provider-aws/lib/db-instance';
import { RdsCluster } from '@cdktf/provider-aws/lib/rds-cluster';

function network(stack: Stack): Pick<rds.DatabaseInstanceProps, 'vpc' | 'vpcSubnets'> {
  const vpc = new ec2.Vpc(stack, 'Vpc', {
    natGateways: 0,
    subnetConfiguration: [{ name: 'db', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
  });
  return { vpc, vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED } };
}

const engine = rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 });

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
    name: 'database keeping backups a week',
    build: (stack) => {
      new rds.DatabaseInstance(stack, 'Db', { engine, ...network(stack), backupRetention: Duration.days(7) });
    },
    target: 'Db/Resource',
    expect: 'pass',
  },
  {
    name: 'database on the one-day default',
    build: (stack) => {
      new rds.DatabaseInstance(stack, 'Db', { engine, ...network(stack) });
    },
    target: 'Db/Resource',
    expect: 'fail',
    message: /`Db` keeps automated backups 1 day, less than 7/,
  },
  {
    name: 'Aurora cluster keeping backups three days',
    build: (stack) => {
      new rds.DatabaseCluster(stack, 'Cluster', {
        engine: rds.DatabaseClusterEngine.auroraPostgres({
          version: rds.AuroraPostgresEngineVersion.VER_16_4,
        }),
        ...network(stack),
        writer: rds.ClusterInstance.provisioned('Writer'),
        backup: { retention: Duration.days(3) },
      });
    },
    target: 'Cluster/Resource',
    expect: 'fail',
    message: /`Cluster` keeps automated backups 3 days, less than 7/,
  },
  {
    name: 'read replica without a retention of its own is backed up through its source',
    build: (stack) => mainAndReplica(stack, { storageEncrypted: true, backupRetentionPeriod: 7 }),
    target: 'Replica',
    expect: 'not_applicable',
  },
  {
    name: 'read replica keeping its own backups one day',
    build: (stack) =>
      mainAndReplica(
        stack,
        { storageEncrypted: true, backupRetentionPeriod: 7 },
        { backupRetentionPeriod: 1 },
      ),
    target: 'Replica',
    expect: 'fail',
    message: '`Replica` keeps automated backups 1 day, less than 7',
  },
  {
    name: 'Neptune cluster keeping backups seven days',
    build: (stack) => void neptuneCluster(stack),
    target: 'Graph',
    expect: 'pass',
  },
  {
    name: 'DocumentDB cluster on the service default (one day)',
    build: (stack) => void docdbCluster(stack, 'Docs', { backupRetentionPeriod: undefined }),
    target: 'Docs',
    expect: 'fail',
    message: /`Docs` keeps automated backups 1 day, less than 7/,
  },
  {
    name: 'Redshift cluster keeping automated snapshots seven days',
    build: (stack) => void redshiftCluster(stack),
    target: 'Warehouse',
    expect: 'pass',
  },
  {
    name: 'Redshift cluster with automated snapshots turned off',
    build: (stack) => void redshiftCluster(stack, 'Warehouse', { automatedSnapshotRetentionPeriod: 0 }),
    target: 'Warehouse',
    expect: 'fail',
    message: /`Warehouse` keeps no automated backups/,
  },
  // Terraform (CDKTF)
  {
    name: 'terraform: Neptune cluster keeping backups 7 days',
    source: 'cdktf',
    build: (stack) => void tfNeptuneCluster(stack),
    target: 'Graph',
    expect: 'pass',
  },
  {
    name: 'terraform: DocumentDB cluster leaving backup_retention_period at its 1-day default',
    source: 'cdktf',
    build: (stack) => void tfDocdbCluster(stack, 'Docs', { backupRetentionPeriod: undefined }),
    target: 'Docs',
    expect: 'fail',
    message: /`Docs` keeps automated backups 1 day, less than 7/,
  },
  {
    name: 'terraform: Redshift cluster keeping snapshots 7 days',
    source: 'cdktf',
    build: (stack) => void tfRedshiftCluster(stack),
    target: 'Warehouse',
    expect: 'pass',
  },
  {
    name: 'terraform: Redshift cluster with automated_snapshot_retention_period = 0',
    source: 'cdktf',
    build: (stack) => void tfRedshiftCluster(stack, 'Warehouse', { automatedSnapshotRetentionPeriod: 0 }),
    target: 'Warehouse',
    expect: 'fail',
    message: /`Warehouse` keeps no automated backups/,
  },
  {
    name: 'terraform plan: DocumentDB cluster keeping backups 7 days',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-data-services/plan.json',
    target: 'aws_docdb_cluster.good',
    expect: 'pass',
  },
  {
    name: 'terraform plan: DocumentDB cluster on the 1-day default',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-data-services/plan.json',
    target: 'aws_docdb_cluster.bad',
    expect: 'fail',
    message: /1 day, less than 7/,
  },
  {
    name: 'terraform: DB instance keeping automated backups 3 days',
    source: 'cdktf',
    build: (stack) => {
      new DbInstance(stack, 'Db', {
        engine: 'postgres',
        instanceClass: 'db.t3.micro',
        allocatedStorage: 20,
        backupRetentionPeriod: 3,
      });
    },
    target: 'Db',
    expect: 'fail',
    message: '`Db` keeps automated backups 3 days, less than 7',
  },
  {
    name: "terraform: DB instance without backup_retention_period keeps RDS's one day",
    source: 'cdktf',
    build: (stack) => {
      new DbInstance(stack, 'Db', { engine: 'postgres', instanceClass: 'db.t3.micro', allocatedStorage: 20 });
    },
    target: 'Db',
    expect: 'fail',
    message: '`Db` keeps automated backups 1 day, less than 7',
  },
  {
    name: 'terraform: Aurora cluster keeping automated backups 14 days',
    source: 'cdktf',
    build: (stack) => {
      new RdsCluster(stack, 'Cluster', {
        engine: 'aurora-postgresql',
        masterUsername: 'admin',
        manageMasterUserPassword: true,
        backupRetentionPeriod: 14,
      });
    },
    target: 'Cluster',
    expect: 'pass',
  },
  {
    name: 'plan: DB instance whose backup_retention_period is left to RDS (1 day)',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/snyk-policy-engine__aws-rds-db-instance-sensitive.json',
    target: 'aws_db_instance.default',
    expect: 'fail',
    message: '`aws_db_instance.default` keeps automated backups 1 day, less than 7',
  },
  {
    name: 'pulumi: SQL database keeping point-in-time restore 35 days, as the component sets RESTRICTED',
    source: 'pulumi',
    build: () => {
      const server = sqlServer('sql');
      pitrPolicy(sqlDatabase('ledger', server), server, 35);
    },
    target: 'ledger',
    expect: 'pass',
  },
  {
    name: "pulumi: SQL database without a short-term retention policy keeps the service's seven days",
    source: 'pulumi',
    build: () => sqlDatabase('ledger', sqlServer('sql')),
    target: 'ledger',
    expect: 'pass',
  },
  {
    name: 'pulumi: SQL database keeping point-in-time restore 3 days',
    source: 'pulumi',
    build: () => {
      const server = sqlServer('sql');
      pitrPolicy(sqlDatabase('ledger', server), server, 3);
    },
    target: 'ledger',
    expect: 'fail',
    message: '`ledger` keeps automated backups 3 days, less than 7',
  },
  {
    name: 'pulumi: short-term retention policy that sets no retentionDays',
    source: 'pulumi',
    build: () => {
      const server = sqlServer('sql');
      pitrPolicy(sqlDatabase('ledger', server), server, undefined);
    },
    target: 'ledger',
    expect: 'unknown',
    message: /the short-term retention policy `pitr` sets no `retentionDays`/,
  },
  {
    name: 'pulumi: PUBLIC SQL database needs no backups',
    source: 'pulumi',
    build: () => {
      const server = sqlServer('sql');
      pitrPolicy(sqlDatabase('catalog', server, { tags: { 'data-classification': 'public' } }), server, 1);
    },
    target: 'catalog',
    expect: 'not_applicable',
  },
]);
