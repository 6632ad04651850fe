import type { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import { defineCases } from '../../../lib/engine/cases';
import rule from './database-multi-az';
import { storageAccount } from '../../../test/support/azure-native';
import { azurermAccount } from '../../../test/support/terraform-azurerm';
import { DbInstance } from '@cdktf/provider-aws/lib/db-instance';
import { RdsCluster } from '@cdktf/provider-aws/lib/rds-cluster';
import { RdsClusterInstance } from '@cdktf/provider-aws/lib/rds-cluster-instance';
import type { TerraformStack } from 'cdktf';

/** A Terraform Aurora PostgreSQL cluster with `instances` cluster instances. */
function tfAurora(stack: TerraformStack, instances: number): void {
  const cluster = new RdsCluster(stack, 'Cluster', {
    engine: 'aurora-postgresql',
    masterUsername: 'admin',
    manageMasterUserPassword: true,
  });
  for (let i = 0; i < instances; i++)
    new RdsClusterInstance(stack, `Instance${i}`, {
      clusterIdentifier: cluster.id,
      engine: 'aurora-postgresql',
      instanceClass: 'db.r6g.large',
    });
}

function network(stack: Stack): Pick<rds.DatabaseInstanceProps, 'vpc' | 'vpcSubnets'> {
  const vpc = new ec2.Vpc(stack, 'Vpc', {
    natGateways: 0,
    subnetConfiguration: [{ name: 'db', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
  });
  return { vpc, vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED } };
}

const postgres = rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 });
const auroraPostgres = rds.DatabaseClusterEngine.auroraPostgres({
  version: rds.AuroraPostgresEngineVersion.VER_16_4,
});

export default defineCases(rule, [
  {
    name: 'Multi-AZ database instance',
    build: (stack) => {
      new rds.DatabaseInstance(stack, 'Db', { engine: postgres, multiAz: true, ...network(stack) });
    },
    target: 'Db/Resource',
    expect: 'pass',
  },
  {
    name: 'database instance on the RDS default (single AZ)',
    build: (stack) => {
      new rds.DatabaseInstance(stack, 'Db', { engine: postgres, ...network(stack) });
    },
    target: 'Db/Resource',
    expect: 'fail',
    message: /`Db` runs in a single availability zone \(Multi-AZ is off\)/,
  },
  {
    name: 'Aurora cluster with a writer and a reader',
    build: (stack) => {
      new rds.DatabaseCluster(stack, 'Cluster', {
        engine: auroraPostgres,
        writer: rds.ClusterInstance.provisioned('Writer'),
        readers: [rds.ClusterInstance.provisioned('Reader')],
        ...network(stack),
      });
    },
    target: 'Cluster/Resource',
    expect: 'pass',
  },
  {
    name: 'Aurora cluster with a writer only',
    build: (stack) => {
      new rds.DatabaseCluster(stack, 'Cluster', {
        engine: auroraPostgres,
        writer: rds.ClusterInstance.provisioned('Writer'),
        ...network(stack),
      });
    },
    target: 'Cluster/Resource',
    expect: 'fail',
    message: /`Cluster` has a single instance/,
  },
  {
    name: 'terraform: DB instance on the provider default (multi_az false)',
    source: 'cdktf',
    build: (stack) => {
      new DbInstance(stack, 'Db', { engine: 'postgres', instanceClass: 'db.t3.micro', allocatedStorage: 20 });
    },
    target: 'Db',
    expect: 'fail',
    message: '`Db` runs in a single availability zone (Multi-AZ is off)',
  },
  {
    name: 'terraform: DB instance with multi_az = true',
    source: 'cdktf',
    build: (stack) => {
      new DbInstance(stack, 'Db', {
        engine: 'postgres',
        instanceClass: 'db.t3.micro',
        allocatedStorage: 20,
        multiAz: true,
      });
    },
    target: 'Db',
    expect: 'pass',
  },
  {
    name: 'terraform: Aurora cluster with one aws_rds_cluster_instance',
    source: 'cdktf',
    build: (stack) => tfAurora(stack, 1),
    target: 'Cluster',
    expect: 'fail',
    message: '`Cluster` has a single instance',
  },
  {
    name: 'terraform: Aurora cluster with a writer and a reader',
    source: 'cdktf',
    build: (stack) => tfAurora(stack, 2),
    target: 'Cluster',
    expect: 'pass',
  },
  {
    name: 'plan: DB instance whose multi_az is left to the provider (single-AZ)',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/snyk-policy-engine__aws-rds-db-instance-sensitive.json',
    target: 'aws_db_instance.default',
    expect: 'fail',
    message: '`aws_db_instance.default` runs in a single availability zone (Multi-AZ is off)',
  },
  {
    name: 'pulumi: zone-redundant storage account (Standard_ZRS)',
    source: 'pulumi',
    build: () => void storageAccount('data'),
    target: 'data',
    expect: 'pass',
  },
  {
    name: 'pulumi: geo-zone-redundant storage account (Standard_RAGZRS)',
    source: 'pulumi',
    build: () => void storageAccount('data', { sku: { name: 'Standard_RAGZRS' } }),
    target: 'data',
    expect: 'pass',
  },
  {
    name: 'pulumi: locally redundant storage account (Standard_LRS)',
    source: 'pulumi',
    build: () => void storageAccount('data', { sku: { name: 'Standard_LRS' } }),
    target: 'data',
    expect: 'fail',
    message: '`data` keeps every copy of its data in one availability zone',
  },
  {
    name: 'pulumi: geo-redundant storage account: LRS in its primary region (Standard_GRS)',
    source: 'pulumi',
    build: () => void storageAccount('data', { sku: { name: 'Standard_GRS' } }),
    target: 'data',
    expect: 'fail',
    message: '`data` keeps every copy of its data in one availability zone',
  },
  {
    name: 'terraform: azurerm account with account_replication_type ZRS',
    source: 'cdktf',
    provider: 'azurerm',
    build: (stack) => void azurermAccount(stack, 'Data', { account_replication_type: 'ZRS' }),
    target: 'Data',
    expect: 'pass',
  },
  {
    name: 'terraform: azurerm account with account_replication_type GZRS',
    source: 'cdktf',
    provider: 'azurerm',
    build: (stack) => void azurermAccount(stack, 'Data', { account_replication_type: 'GZRS' }),
    target: 'Data',
    expect: 'pass',
  },
  {
    name: 'terraform plan: azurerm account with account_replication_type GRS (LRS in the primary region)',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/regula__azure-storage-secure-transfer.json',
    target: 'azurerm_storage_account.validstorageaccount1',
    expect: 'fail',
    message:
      '`azurerm_storage_account.validstorageaccount1` keeps every copy of its data in one availability zone',
  },
  {
    name: 'terraform plan: azurerm account with account_replication_type LRS',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/terraform-compliance__azure-storage-accounts.json',
    target: 'azurerm_storage_account.private',
    expect: 'fail',
    message: 'keeps every copy of its data in one availability zone',
  },
]);
