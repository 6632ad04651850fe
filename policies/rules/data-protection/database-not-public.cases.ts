import type { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import { defineCases } from '../../../lib/engine/cases';
import { redshiftCluster } from '../../../test/support/data-services';
import { sqlServer } from '../../../test/support/azure-native';
import rule from './database-not-public';
import { DbInstance } from '@cdktf/provider-aws/lib/db-instance';
import { RdsCluster } from '@cdktf/provider-aws/lib/rds-cluster';
import { RdsClusterInstance } from '@cdktf/provider-aws/lib/rds-cluster-instance';

function vpc(stack: Stack): ec2.Vpc {
  return new ec2.Vpc(stack, 'Vpc', {
    natGateways: 0,
    subnetConfiguration: [
      { name: 'db', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      { name: 'public', subnetType: ec2.SubnetType.PUBLIC },
    ],
  });
}

const engine = rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 });
const isolated = { subnetType: ec2.SubnetType.PRIVATE_ISOLATED };

export default defineCases(rule, [
  {
    name: 'instance in isolated subnets',
    build: (stack) => {
      new rds.DatabaseInstance(stack, 'Db', { engine, vpc: vpc(stack), vpcSubnets: isolated });
    },
    target: 'Db/Resource',
    expect: 'pass',
  },
  {
    name: 'instance made publicly accessible in public subnets',
    build: (stack) => {
      new rds.DatabaseInstance(stack, 'Db', {
        engine,
        vpc: vpc(stack),
        vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
        publiclyAccessible: true,
      });
    },
    target: 'Db/Resource',
    expect: 'fail',
    message: /`Db` has a public endpoint/,
  },
  {
    name: 'Aurora writer in isolated subnets',
    build: (stack) => {
      new rds.DatabaseCluster(stack, 'Cluster', {
        engine: rds.DatabaseClusterEngine.auroraPostgres({
          version: rds.AuroraPostgresEngineVersion.VER_16_4,
        }),
        vpc: vpc(stack),
        vpcSubnets: isolated,
        writer: rds.ClusterInstance.provisioned('Writer'),
      });
    },
    target: 'Cluster/Writer',
    expect: 'pass',
  },
  {
    name: 'instance without PubliclyAccessible is left to the VPC',
    build: (stack) => {
      new rds.CfnDBInstance(stack, 'Db', {
        dbInstanceClass: 'db.t3.micro',
        engine: 'postgres',
        allocatedStorage: '20',
        storageEncrypted: true,
      });
    },
    target: 'Db',
    expect: 'unknown',
    message: /`PubliclyAccessible` is not set/,
  },
  {
    name: 'public Redshift cluster: asserted by BW-DP-027, not by the RDS control',
    build: (stack) => void redshiftCluster(stack, 'Warehouse', { publiclyAccessible: true }),
    target: 'Warehouse',
    expect: 'not_applicable',
  },
  // Terraform (CDKTF): `publicly_accessible` defaults to false in the AWS provider.
  {
    name: 'terraform: DB instance without publicly_accessible is private',
    source: 'cdktf',
    build: (stack) => {
      new DbInstance(stack, 'Db', { engine: 'postgres', instanceClass: 'db.t3.micro', allocatedStorage: 20 });
    },
    target: 'Db',
    expect: 'pass',
  },
  {
    name: 'terraform: DB instance with publicly_accessible = true',
    source: 'cdktf',
    build: (stack) => {
      new DbInstance(stack, 'Db', {
        engine: 'postgres',
        instanceClass: 'db.t3.micro',
        allocatedStorage: 20,
        publiclyAccessible: true,
      });
    },
    target: 'Db',
    expect: 'fail',
  },
  {
    name: 'terraform: Aurora instance with publicly_accessible = true',
    source: 'cdktf',
    build: (stack) => {
      const cluster = new RdsCluster(stack, 'Cluster', {
        engine: 'aurora-mysql',
        clusterIdentifier: 'orders',
        storageEncrypted: true,
      });
      new RdsClusterInstance(stack, 'Reader', {
        clusterIdentifier: cluster.id,
        instanceClass: 'db.r6g.large',
        engine: 'aurora-mysql',
        publiclyAccessible: true,
      });
    },
    target: 'Reader',
    expect: 'fail',
  },
  {
    name: 'terraform plan: azurerm_sql_server, whose endpoint is always public',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/regula__azure-sql-firewall-rules.json',
    target: 'azurerm_sql_server.example',
    expect: 'fail',
    message: /has a public endpoint/,
  },
  {
    name: 'pulumi: SQL server with publicNetworkAccess Disabled',
    source: 'pulumi',
    build: () => sqlServer('payments'),
    target: 'payments',
    expect: 'pass',
  },
  {
    name: 'pulumi: SQL server with publicNetworkAccess Enabled',
    source: 'pulumi',
    build: () => sqlServer('payments', { publicNetworkAccess: 'Enabled' }),
    target: 'payments',
    expect: 'fail',
    message: /`payments` has a public endpoint/,
  },
  {
    name: 'pulumi: SQL server without publicNetworkAccess (no documented default)',
    source: 'pulumi',
    build: () => sqlServer('payments', { publicNetworkAccess: undefined }),
    target: 'payments',
    expect: 'unknown',
    message: /`publicNetworkAccess` is not set/,
  },
]);
