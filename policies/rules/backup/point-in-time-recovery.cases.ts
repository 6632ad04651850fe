import { Duration, Tags } from 'aws-cdk-lib';
import type { Stack } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import { DbInstance } from '@cdktf/provider-aws/lib/db-instance';
import { DynamodbTable } from '@cdktf/provider-aws/lib/dynamodb-table';
import { defineCases } from '../../../lib/engine/cases';
import rule from './point-in-time-recovery';
import { tfTable } from '../../../test/support/terraform-stores';

const partitionKey = { name: 'id', type: dynamodb.AttributeType.STRING };

function network(stack: Stack): Pick<rds.DatabaseInstanceProps, 'vpc' | 'vpcSubnets'> {
  const vpc = new ec2.Vpc(stack, 'Vpc', {
    natGateways: 0,
    subnetConfiguration: [{ name: 'db', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
  });
  return { vpc, vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED } };
}

const engine = rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 });

export default defineCases(rule, [
  {
    name: 'table with point-in-time recovery',
    build: (stack) => {
      new dynamodb.Table(stack, 'Orders', {
        partitionKey,
        pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      });
    },
    target: 'Orders',
    expect: 'pass',
  },
  {
    name: 'table on the DynamoDB default (no point-in-time recovery)',
    build: (stack) => {
      new dynamodb.Table(stack, 'Orders', { partitionKey });
    },
    target: 'Orders',
    expect: 'fail',
    message: /`Orders` has no point-in-time recovery/,
  },
  {
    name: 'public table needs no backups',
    build: (stack) => {
      Tags.of(new dynamodb.Table(stack, 'Orders', { partitionKey })).add('data-classification', 'public');
    },
    target: 'Orders',
    expect: 'not_applicable',
  },
  {
    name: 'database with seven days of automated backups',
    build: (stack) => {
      new rds.DatabaseInstance(stack, 'Db', { engine, ...network(stack), backupRetention: Duration.days(7) });
    },
    target: 'Db/Resource',
    expect: 'pass',
  },
  {
    name: 'database with automated backups turned off',
    build: (stack) => {
      new rds.DatabaseInstance(stack, 'Db', { engine, ...network(stack), backupRetention: Duration.days(0) });
    },
    target: 'Db/Resource',
    expect: 'fail',
    message: /`Db` has no point-in-time recovery \(automated backups are off\)/,
  },
  {
    name: 'Aurora instance is backed up by its cluster',
    build: (stack) => {
      new rds.DatabaseCluster(stack, 'Cluster', {
        engine: rds.DatabaseClusterEngine.auroraPostgres({
          version: rds.AuroraPostgresEngineVersion.VER_16_4,
        }),
        ...network(stack),
        writer: rds.ClusterInstance.provisioned('Writer'),
      });
    },
    target: 'Cluster/Writer',
    expect: 'not_applicable',
  },
  {
    name: 'read replica without a retention of its own is backed up through its source',
    build: (stack) => {
      const main = new rds.CfnDBInstance(stack, 'Main', {
        dbInstanceClass: 'db.t3.micro',
        engine: 'mysql',
        masterUsername: 'admin',
        manageMasterUserPassword: true,
        allocatedStorage: '20',
        backupRetentionPeriod: 7,
      });
      new rds.CfnDBInstance(stack, 'Replica', {
        dbInstanceClass: 'db.t3.micro',
        sourceDbInstanceIdentifier: main.ref,
      });
    },
    target: 'Replica',
    expect: 'not_applicable',
  },
  {
    name: 'terraform: table without a point_in_time_recovery block',
    source: 'cdktf',
    build: (stack) => {
      new DynamodbTable(stack, 'Orders', {
        name: 'orders',
        hashKey: 'id',
        attribute: [{ name: 'id', type: 'S' }],
        billingMode: 'PAY_PER_REQUEST',
      });
    },
    target: 'Orders',
    expect: 'fail',
    message: /`Orders` has no point-in-time recovery/,
  },
  {
    name: 'terraform: table with point_in_time_recovery enabled',
    source: 'cdktf',
    build: (stack) => {
      new DynamodbTable(stack, 'Orders', {
        name: 'orders',
        hashKey: 'id',
        attribute: [{ name: 'id', type: 'S' }],
        billingMode: 'PAY_PER_REQUEST',
        pointInTimeRecovery: { enabled: true },
      });
    },
    target: 'Orders',
    expect: 'pass',
  },
  {
    name: 'terraform: DB instance with backup_retention_period = 0',
    source: 'cdktf',
    build: (stack) => {
      new DbInstance(stack, 'Db', {
        engine: 'postgres',
        instanceClass: 'db.t3.micro',
        allocatedStorage: 20,
        storageEncrypted: true,
        backupRetentionPeriod: 0,
      });
    },
    target: 'Db',
    expect: 'fail',
    message: /automated backups are off/,
  },
  {
    name: "terraform: DB instance without backup_retention_period keeps RDS's one-day default",
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
    name: 'terraform: table with point-in-time recovery whose replica has none (the replica default)',
    source: 'cdktf',
    build: (stack) =>
      void tfTable(stack, 'Orders', {
        pointInTimeRecovery: { enabled: true },
        streamEnabled: true,
        streamViewType: 'NEW_AND_OLD_IMAGES',
        replica: [{ regionName: 'eu-central-1' }],
      }),
    target: 'Orders',
    expect: 'fail',
    message: /`Orders` has no point-in-time recovery/,
  },
  {
    name: 'terraform: table and its replica with point-in-time recovery',
    source: 'cdktf',
    build: (stack) =>
      void tfTable(stack, 'Orders', {
        pointInTimeRecovery: { enabled: true },
        streamEnabled: true,
        streamViewType: 'NEW_AND_OLD_IMAGES',
        replica: [{ regionName: 'eu-central-1', pointInTimeRecovery: true }],
      }),
    target: 'Orders',
    expect: 'pass',
  },
]);
