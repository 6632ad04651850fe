import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import { defineCases } from '../../../lib/engine/cases';
import { kafkaCluster, redshiftCluster, searchDomain } from '../../../test/support/data-services';
import { aiAccount, storageAccount, vault } from '../../../test/support/azure-native';
import rule from './data-service-not-public';
import {
  PUBLIC_BROKERS,
  tfKafkaCluster,
  tfRedshiftCluster,
  tfSearchDomain,
} from '../../../test/support/terraform-data-services';

export default defineCases(rule, [
  {
    name: 'Redshift cluster with publiclyAccessible false',
    build: (stack) => void redshiftCluster(stack),
    target: 'Warehouse',
    expect: 'pass',
  },
  {
    name: 'Redshift cluster with publiclyAccessible true',
    build: (stack) => void redshiftCluster(stack, 'Warehouse', { publiclyAccessible: true }),
    target: 'Warehouse',
    expect: 'fail',
    message: /`Warehouse` has a public endpoint/,
  },
  {
    name: 'Redshift cluster that leaves publiclyAccessible to the service default',
    build: (stack) => void redshiftCluster(stack, 'Warehouse', { publiclyAccessible: undefined }),
    target: 'Warehouse',
    expect: 'unknown',
    message: /`PubliclyAccessible` is not set/,
  },
  {
    name: 'OpenSearch domain in a VPC',
    build: (stack) => void searchDomain(stack),
    target: 'Search',
    expect: 'pass',
  },
  {
    name: 'OpenSearch domain without VPC options (public endpoint)',
    build: (stack) => void searchDomain(stack, 'Search', { vpcOptions: undefined }),
    target: 'Search',
    expect: 'fail',
    message: /`Search` has a public endpoint/,
  },
  {
    name: 'MSK cluster with private brokers (the default)',
    build: (stack) => void kafkaCluster(stack),
    target: 'Kafka',
    expect: 'pass',
  },
  {
    name: 'MSK cluster with public broker addresses',
    build: (stack) =>
      void kafkaCluster(stack, 'Kafka', {
        brokerNodeGroupInfo: {
          clientSubnets: ['subnet-0a1b2c3d', 'subnet-1a1b2c3d', 'subnet-2a1b2c3d'],
          instanceType: 'kafka.m7g.large',
          connectivityInfo: { publicAccess: { type: 'SERVICE_PROVIDED_EIPS' } },
        },
      }),
    target: 'Kafka',
    expect: 'fail',
    message: /`Kafka` has a public endpoint/,
  },
  {
    name: 'public RDS instance: asserted by BW-DP-009',
    build: (stack) => {
      const vpc = new ec2.Vpc(stack, 'Vpc', { natGateways: 0 });
      new rds.DatabaseInstance(stack, 'Db', {
        engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),
        vpc,
        vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
        publiclyAccessible: true,
      });
    },
    target: 'Db/Resource',
    expect: 'not_applicable',
  },
  // Terraform (CDKTF)
  {
    name: 'terraform: Redshift cluster with publicly_accessible = false',
    source: 'cdktf',
    build: (stack) => void tfRedshiftCluster(stack),
    target: 'Warehouse',
    expect: 'pass',
  },
  {
    name: 'terraform: Redshift cluster with publicly_accessible = true',
    source: 'cdktf',
    build: (stack) => void tfRedshiftCluster(stack, 'Warehouse', { publiclyAccessible: true }),
    target: 'Warehouse',
    expect: 'fail',
    message: /`Warehouse` has a public endpoint/,
  },
  {
    name: 'terraform: Redshift cluster leaving publicly_accessible to the provider version',
    source: 'cdktf',
    build: (stack) => void tfRedshiftCluster(stack, 'Warehouse', { publiclyAccessible: undefined }),
    target: 'Warehouse',
    expect: 'unknown',
    message: /provider version/,
  },
  {
    name: 'terraform: OpenSearch domain in a VPC',
    source: 'cdktf',
    build: (stack) => void tfSearchDomain(stack),
    target: 'Search',
    expect: 'pass',
  },
  {
    name: 'terraform: OpenSearch domain without vpc_options',
    source: 'cdktf',
    build: (stack) => void tfSearchDomain(stack, 'Search', { vpcOptions: undefined }),
    target: 'Search',
    expect: 'fail',
    message: /`Search` has a public endpoint/,
  },
  {
    name: 'terraform: MSK cluster with private brokers',
    source: 'cdktf',
    build: (stack) => void tfKafkaCluster(stack),
    target: 'Kafka',
    expect: 'pass',
  },
  {
    name: 'terraform: MSK cluster with SERVICE_PROVIDED_EIPS public access',
    source: 'cdktf',
    build: (stack) => void tfKafkaCluster(stack, 'Kafka', { brokerNodeGroupInfo: PUBLIC_BROKERS }),
    target: 'Kafka',
    expect: 'fail',
    message: /`Kafka` has a public endpoint/,
  },
  {
    name: 'terraform plan: Redshift cluster on provider 5 defaults (publicly_accessible true)',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-data-services/plan.json',
    target: 'aws_redshift_cluster.bare',
    expect: 'fail',
    message: /has a public endpoint/,
  },
  {
    name: 'terraform plan: Redshift cluster with publicly_accessible = false',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-data-services/plan.json',
    target: 'aws_redshift_cluster.good',
    expect: 'pass',
  },
  {
    name: 'terraform plan: OpenSearch domain without vpc_options',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-data-services/plan.json',
    target: 'aws_opensearch_domain.bare',
    expect: 'fail',
    message: /has a public endpoint/,
  },
  {
    name: 'terraform plan: MSK cluster without connectivity_info (computed in the plan)',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-data-services/plan.json',
    target: 'aws_msk_cluster.bare',
    expect: 'pass',
  },
  {
    name: 'terraform plan: azurerm storage account whose network rules deny by default, allowing one address',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/regula__azure-storage-network-rules-deny.json',
    target: 'azurerm_storage_account.validstorageaccount1',
    expect: 'pass',
  },
  {
    name: 'terraform plan: azurerm storage account whose network rules deny by default',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/regula__azure-storage-network-rules-deny.json',
    target: 'azurerm_storage_account.validstorageaccount2',
    expect: 'pass',
  },
  {
    name: 'terraform plan: azurerm storage account whose network rules allow by default',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/regula__azure-storage-network-rules-deny.json',
    target: 'azurerm_storage_account.invalidstorageaccount1',
    expect: 'fail',
    message: /has a public endpoint/,
  },
  {
    name: 'terraform plan: azurerm storage account without network rules',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/regula__azure-storage-network-rules-deny.json',
    target: 'azurerm_storage_account.invalidstorageaccount2',
    expect: 'fail',
    message: /has a public endpoint/,
  },
  {
    name: 'pulumi: storage account with publicNetworkAccess Disabled',
    source: 'pulumi',
    build: () => storageAccount('data'),
    target: 'data',
    expect: 'pass',
  },
  {
    name: 'pulumi: storage account with public network access whose network rules deny by default',
    source: 'pulumi',
    build: () =>
      storageAccount('data', {
        publicNetworkAccess: 'Enabled',
        networkRuleSet: { defaultAction: 'Deny', ipRules: [{ iPAddressOrRange: '203.0.113.0/24' }] },
      }),
    target: 'data',
    expect: 'pass',
  },
  {
    name: 'pulumi: storage account with public network access and no network rule set',
    source: 'pulumi',
    build: () => storageAccount('data', { publicNetworkAccess: 'Enabled', networkRuleSet: undefined }),
    target: 'data',
    expect: 'fail',
    message: /`data` has a public endpoint/,
  },
  {
    name: 'pulumi: storage account whose network rules allow by default',
    source: 'pulumi',
    build: () =>
      storageAccount('data', { publicNetworkAccess: undefined, networkRuleSet: { defaultAction: 'Allow' } }),
    target: 'data',
    expect: 'fail',
    message: /`data` has a public endpoint/,
  },
  {
    name: 'pulumi: AI account with publicNetworkAccess Enabled',
    source: 'pulumi',
    build: () => aiAccount('assistant', { publicNetworkAccess: 'Enabled' }),
    target: 'assistant',
    expect: 'fail',
    message: /`assistant` has a public endpoint/,
  },
  {
    name: 'pulumi: Key Vault with publicNetworkAccess Disabled',
    source: 'pulumi',
    build: () => vault('keys'),
    target: 'keys',
    expect: 'pass',
  },
  {
    name: 'pulumi: Key Vault with public network access whose network ACLs deny by default',
    source: 'pulumi',
    build: () =>
      vault('keys', {
        publicNetworkAccess: 'Enabled',
        networkAcls: { defaultAction: 'Deny', ipRules: [{ value: '203.0.113.0/24' }] },
      }),
    target: 'keys',
    expect: 'pass',
  },
  {
    name: 'pulumi: Key Vault with neither publicNetworkAccess nor network ACLs (azure-native sends enabled)',
    source: 'pulumi',
    build: () => vault('keys', { publicNetworkAccess: undefined, networkAcls: undefined }),
    target: 'keys',
    expect: 'fail',
    message: /`keys` has a public endpoint/,
  },
  {
    name: 'pulumi: Key Vault whose network ACLs allow by default',
    source: 'pulumi',
    build: () => vault('keys', { publicNetworkAccess: 'Enabled', networkAcls: { defaultAction: 'Allow' } }),
    target: 'keys',
    expect: 'fail',
    message: /`keys` has a public endpoint/,
  },
]);
