import { Tags, type Stack } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import { defineCases } from '../../../lib/engine/cases';
import { docdbCluster, neptuneCluster, redshiftCluster } from '../../../test/support/data-services';
import rule from './store-deletion-protection';
import { tfDocdbCluster, tfNeptuneCluster } from '../../../test/support/terraform-data-services';
import { DbInstance } from '@cdktf/provider-aws/lib/db-instance';
import { tfTable } from '../../../test/support/terraform-stores';

const partitionKey = { name: 'id', type: dynamodb.AttributeType.STRING };

function network(stack: Stack): Pick<rds.DatabaseInstanceProps, 'vpc' | 'vpcSubnets'> {
  const vpc = new ec2.Vpc(stack, 'Vpc', {
    natGateways: 0,
    subnetConfiguration: [{ name: 'db', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
  });
  return { vpc, vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED } };
}

export default defineCases(rule, [
  {
    name: 'table with deletion protection',
    build: (stack) => {
      new dynamodb.Table(stack, 'Orders', { partitionKey, deletionProtection: true });
    },
    target: 'Orders',
    expect: 'pass',
  },
  {
    name: 'table on the DynamoDB default',
    build: (stack) => {
      new dynamodb.Table(stack, 'Orders', { partitionKey });
    },
    target: 'Orders',
    expect: 'fail',
    message: /`Orders` has deletion protection off/,
  },
  {
    name: 'public table on the DynamoDB default: the classification table asks no deletion protection of PUBLIC',
    build: (stack) => {
      const table = new dynamodb.Table(stack, 'Catalog', { partitionKey });
      Tags.of(table).add('data-classification', 'public');
    },
    target: 'Catalog',
    expect: 'not_applicable',
  },
  {
    name: 'internal table on the DynamoDB default',
    build: (stack) => {
      const table = new dynamodb.Table(stack, 'Orders', { partitionKey });
      Tags.of(table).add('data-classification', 'internal');
    },
    target: 'Orders',
    expect: 'fail',
    message: /`Orders` has deletion protection off/,
  },
  {
    name: 'database instance with deletion protection turned off',
    build: (stack) => {
      new rds.DatabaseInstance(stack, 'Db', {
        engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),
        ...network(stack),
        deletionProtection: false,
      });
    },
    target: 'Db/Resource',
    expect: 'fail',
    message: /`Db` has deletion protection off/,
  },
  {
    name: 'Aurora cluster with deletion protection',
    build: (stack) => {
      new rds.DatabaseCluster(stack, 'Cluster', {
        engine: rds.DatabaseClusterEngine.auroraPostgres({
          version: rds.AuroraPostgresEngineVersion.VER_16_4,
        }),
        ...network(stack),
        writer: rds.ClusterInstance.provisioned('Writer'),
        deletionProtection: true,
      });
    },
    target: 'Cluster/Resource',
    expect: 'pass',
  },
  {
    name: 'Neptune cluster with deletion protection',
    build: (stack) => void neptuneCluster(stack),
    target: 'Graph',
    expect: 'pass',
  },
  {
    name: 'DocumentDB cluster on the service default (deletion protection off)',
    build: (stack) => void docdbCluster(stack, 'Docs', { deletionProtection: undefined }),
    target: 'Docs',
    expect: 'fail',
    message: /`Docs` has deletion protection off/,
  },
  {
    name: 'Redshift cluster: the service has no deletion protection',
    build: (stack) => void redshiftCluster(stack),
    target: 'Warehouse',
    expect: 'not_applicable',
  },
  // Terraform (CDKTF)
  {
    name: 'terraform: Neptune cluster with deletion_protection = true',
    source: 'cdktf',
    build: (stack) => void tfNeptuneCluster(stack),
    target: 'Graph',
    expect: 'pass',
  },
  {
    name: 'terraform: Neptune cluster with deletion_protection = false',
    source: 'cdktf',
    build: (stack) => void tfNeptuneCluster(stack, 'Graph', { deletionProtection: false }),
    target: 'Graph',
    expect: 'fail',
    message: /`Graph` has deletion protection off/,
  },
  {
    name: 'terraform: DocumentDB cluster leaving deletion_protection unset',
    source: 'cdktf',
    build: (stack) => void tfDocdbCluster(stack, 'Docs', { deletionProtection: undefined }),
    target: 'Docs',
    expect: 'fail',
    message: /`Docs` has deletion protection off/,
  },
  {
    name: 'terraform plan: Neptune cluster with deletion protection',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-data-services/plan.json',
    target: 'aws_neptune_cluster.good',
    expect: 'pass',
  },
  {
    name: 'terraform plan: Neptune cluster on defaults',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-data-services/plan.json',
    target: 'aws_neptune_cluster.bare',
    expect: 'fail',
    message: /deletion protection off/,
  },
  {
    name: 'terraform: table without deletion_protection_enabled',
    source: 'cdktf',
    build: (stack) => void tfTable(stack, 'Orders'),
    target: 'Orders',
    expect: 'fail',
    message: '`Orders` has deletion protection off',
  },
  {
    name: 'terraform: table with deletion_protection_enabled = true',
    source: 'cdktf',
    build: (stack) => void tfTable(stack, 'Orders', { deletionProtectionEnabled: true }),
    target: 'Orders',
    expect: 'pass',
  },
  {
    name: 'terraform: DB instance with deletion_protection = true',
    source: 'cdktf',
    build: (stack) => {
      new DbInstance(stack, 'Db', {
        engine: 'postgres',
        instanceClass: 'db.t3.micro',
        allocatedStorage: 20,
        deletionProtection: true,
      });
    },
    target: 'Db',
    expect: 'pass',
  },
  {
    name: 'terraform: DB instance on the provider default (deletion_protection false)',
    source: 'cdktf',
    build: (stack) => {
      new DbInstance(stack, 'Db', { engine: 'postgres', instanceClass: 'db.t3.micro', allocatedStorage: 20 });
    },
    target: 'Db',
    expect: 'fail',
    message: '`Db` has deletion protection off',
  },
  {
    name: 'terraform: protected table whose replica has deletion protection off',
    source: 'cdktf',
    build: (stack) =>
      void tfTable(stack, 'Orders', {
        deletionProtectionEnabled: true,
        streamEnabled: true,
        streamViewType: 'NEW_AND_OLD_IMAGES',
        replica: [{ regionName: 'eu-central-1' }],
      }),
    target: 'Orders',
    expect: 'fail',
    message: '`Orders` has deletion protection off',
  },
  {
    name: 'terraform: table and replica both with deletion protection',
    source: 'cdktf',
    build: (stack) =>
      void tfTable(stack, 'Orders', {
        deletionProtectionEnabled: true,
        streamEnabled: true,
        streamViewType: 'NEW_AND_OLD_IMAGES',
        replica: [{ regionName: 'eu-central-1', deletionProtectionEnabled: true }],
      }),
    target: 'Orders',
    expect: 'pass',
  },
]);
