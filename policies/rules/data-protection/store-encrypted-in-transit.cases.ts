import * as elasticsearch from 'aws-cdk-lib/aws-elasticsearch';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { defineCases } from '../../../lib/engine/cases';
import {
  EMR_ENCRYPTED,
  dmsEndpoint,
  docdbCluster,
  docdbParameters,
  emrCluster,
  emrSecurity,
  kafkaCluster,
  memcachedCluster,
  neptuneCluster,
  redshiftCluster,
  redshiftParameters,
  replicationGroup,
  searchDomain,
} from '../../../test/support/data-services';
import { sqlServer } from '../../../test/support/azure-native';
import rule from './store-encrypted-in-transit';
import { DocdbClusterParameterGroup } from '@cdktf/provider-aws/lib/docdb-cluster-parameter-group';
import {
  tfDocdbCluster,
  tfKafkaCluster,
  tfRedshiftCluster,
  tfReplicationGroup,
  tfSearchDomain,
} from '../../../test/support/terraform-data-services';

export default defineCases(rule, [
  {
    name: 'Neptune cluster: the service accepts only TLS 1.2 and later',
    build: (stack) => void neptuneCluster(stack),
    target: 'Graph',
    expect: 'pass',
  },
  {
    name: 'DocumentDB cluster on the default parameter group (tls enabled)',
    build: (stack) => void docdbCluster(stack),
    target: 'Docs',
    expect: 'pass',
  },
  {
    name: 'DocumentDB cluster whose parameter group sets tls disabled',
    build: (stack) => {
      const params = docdbParameters(stack, 'disabled');
      docdbCluster(stack, 'Docs', { dbClusterParameterGroupName: params.ref });
    },
    target: 'Docs',
    expect: 'fail',
    message: /`Docs` accepts client connections without TLS/,
  },
  {
    name: 'Redshift cluster whose parameter group sets require_ssl true',
    build: (stack) => void redshiftCluster(stack),
    target: 'Warehouse',
    expect: 'pass',
  },
  {
    name: 'Redshift cluster whose parameter group sets require_ssl false',
    build: (stack) => {
      redshiftCluster(stack, 'Warehouse', {
        clusterParameterGroupName: redshiftParameters(stack, 'false').ref,
      });
    },
    target: 'Warehouse',
    expect: 'fail',
    message: /`Warehouse` accepts client connections without TLS/,
  },
  {
    name: 'Redshift cluster on the default parameter group: require_ssl depends on when it is created',
    build: (stack) => void redshiftCluster(stack, 'Warehouse', { clusterParameterGroupName: undefined }),
    target: 'Warehouse',
    expect: 'unknown',
    message: /default parameter group/,
  },
  {
    name: 'ElastiCache replication group with in-transit encryption (mode required by default)',
    build: (stack) => void replicationGroup(stack),
    target: 'Cache',
    expect: 'pass',
  },
  {
    name: 'ElastiCache replication group on the service default (no in-transit encryption)',
    build: (stack) =>
      void replicationGroup(stack, 'Cache', { transitEncryptionEnabled: undefined, authToken: undefined }),
    target: 'Cache',
    expect: 'fail',
    message: /`Cache` accepts client connections without TLS/,
  },
  {
    name: 'ElastiCache replication group in transit mode preferred, which also accepts plaintext clients',
    build: (stack) => void replicationGroup(stack, 'Cache', { transitEncryptionMode: 'preferred' }),
    target: 'Cache',
    expect: 'fail',
    message: /`Cache` accepts client connections without TLS/,
  },
  {
    name: 'Memcached cluster without TLS',
    build: (stack) => void memcachedCluster(stack),
    target: 'Memcached',
    expect: 'fail',
    message: /`Memcached` accepts client connections without TLS/,
  },
  {
    name: 'Memcached cluster with transitEncryptionEnabled',
    build: (stack) => void memcachedCluster(stack, 'Memcached', { transitEncryptionEnabled: true }),
    target: 'Memcached',
    expect: 'pass',
  },
  {
    name: 'OpenSearch domain enforcing HTTPS with TLS 1.2, node-to-node encryption on',
    build: (stack) => void searchDomain(stack),
    target: 'Search',
    expect: 'pass',
  },
  {
    name: 'OpenSearch domain on the default TLS policy, which accepts TLS 1.0',
    build: (stack) => void searchDomain(stack, 'Search', { domainEndpointOptions: { enforceHttps: true } }),
    target: 'Search',
    expect: 'fail',
    message: /`Search` accepts TLS 1\.0; TLS 1\.2 or later is required/,
  },
  {
    name: 'OpenSearch domain without node-to-node encryption',
    build: (stack) => void searchDomain(stack, 'Search', { nodeToNodeEncryptionOptions: { enabled: false } }),
    target: 'Search',
    expect: 'fail',
    message: /`Search` sends data between its nodes unencrypted/,
  },
  {
    name: 'Elasticsearch domain that does not enforce HTTPS',
    build: (stack) => {
      new elasticsearch.CfnDomain(stack, 'Legacy', {
        elasticsearchVersion: '7.10',
        encryptionAtRestOptions: { enabled: true },
        nodeToNodeEncryptionOptions: { enabled: true },
        domainEndpointOptions: { tlsSecurityPolicy: 'Policy-Min-TLS-1-2-2019-07' },
      });
    },
    target: 'Legacy',
    expect: 'fail',
    message: /`Legacy` accepts client connections without TLS/,
  },
  {
    name: 'MSK cluster on the defaults (clients TLS only, brokers encrypt between them)',
    build: (stack) => void kafkaCluster(stack),
    target: 'Kafka',
    expect: 'pass',
  },
  {
    name: 'MSK cluster accepting TLS and plaintext clients',
    build: (stack) =>
      void kafkaCluster(stack, 'Kafka', {
        encryptionInfo: { encryptionInTransit: { clientBroker: 'TLS_PLAINTEXT' } },
      }),
    target: 'Kafka',
    expect: 'fail',
    message: /`Kafka` accepts client connections without TLS/,
  },
  {
    name: 'MSK cluster with encryption between brokers turned off',
    build: (stack) =>
      void kafkaCluster(stack, 'Kafka', { encryptionInfo: { encryptionInTransit: { inCluster: false } } }),
    target: 'Kafka',
    expect: 'fail',
    message: /`Kafka` sends data between its nodes unencrypted/,
  },
  {
    name: 'EMR cluster with a security configuration enabling in-transit encryption',
    build: (stack) => void emrCluster(stack, 'Spark', emrSecurity(stack, EMR_ENCRYPTED).ref),
    target: 'Spark',
    expect: 'pass',
  },
  {
    name: 'EMR cluster without a security configuration',
    build: (stack) => void emrCluster(stack),
    target: 'Spark',
    expect: 'fail',
    message: /`Spark` sends data between its nodes unencrypted/,
  },
  {
    name: 'DMS endpoint verifying the database certificate',
    build: (stack) => void dmsEndpoint(stack),
    target: 'Source',
    expect: 'pass',
  },
  {
    name: 'DMS PostgreSQL endpoint without SslMode (none)',
    build: (stack) => void dmsEndpoint(stack, 'Source', { sslMode: undefined }),
    target: 'Source',
    expect: 'fail',
    message: /`Source` connects to its database without TLS/,
  },
  {
    name: 'Kinesis stream: no in-transit setting of its own',
    build: (stack) => void new kinesis.CfnStream(stack, 'Events', { shardCount: 1 }),
    target: 'Events',
    expect: 'not_applicable',
  },
  {
    name: 'bucket: S3 accepts no TLS version below 1.2 (refusing plaintext is asserted by BW-DP-006)',
    build: (stack) => void new s3.Bucket(stack, 'Data'),
    target: 'Data',
    expect: 'pass',
  },
  // Terraform (CDKTF)
  {
    name: 'terraform: replication group with transit encryption required',
    source: 'cdktf',
    build: (stack) => void tfReplicationGroup(stack),
    target: 'Cache',
    expect: 'pass',
  },
  {
    name: 'terraform: replication group without transit_encryption_enabled',
    source: 'cdktf',
    build: (stack) => void tfReplicationGroup(stack, 'Cache', { transitEncryptionEnabled: undefined }),
    target: 'Cache',
    expect: 'fail',
    message: /`Cache` accepts client connections without TLS/,
  },
  {
    name: 'terraform: replication group with transit_encryption_mode = "preferred"',
    source: 'cdktf',
    build: (stack) => void tfReplicationGroup(stack, 'Cache', { transitEncryptionMode: 'preferred' }),
    target: 'Cache',
    expect: 'fail',
    message: /`Cache` accepts client connections without TLS/,
  },
  {
    name: 'terraform: OpenSearch domain with HTTPS, TLS 1.2 and node-to-node encryption',
    source: 'cdktf',
    build: (stack) => void tfSearchDomain(stack),
    target: 'Search',
    expect: 'pass',
  },
  {
    name: 'terraform: OpenSearch domain with the TLS 1.0 security policy',
    source: 'cdktf',
    build: (stack) =>
      void tfSearchDomain(stack, 'Search', {
        domainEndpointOptions: { enforceHttps: true, tlsSecurityPolicy: 'Policy-Min-TLS-1-0-2019-07' },
      }),
    target: 'Search',
    expect: 'fail',
    message: /`Search` accepts TLS 1.0/,
  },
  {
    name: 'terraform: OpenSearch domain without node_to_node_encryption',
    source: 'cdktf',
    build: (stack) => void tfSearchDomain(stack, 'Search', { nodeToNodeEncryption: undefined }),
    target: 'Search',
    expect: 'fail',
    message: /`Search` sends data between its nodes unencrypted/,
  },
  {
    name: 'terraform: MSK cluster with client_broker = "TLS_PLAINTEXT"',
    source: 'cdktf',
    build: (stack) =>
      void tfKafkaCluster(stack, 'Kafka', {
        encryptionInfo: { encryptionInTransit: { clientBroker: 'TLS_PLAINTEXT' } },
      }),
    target: 'Kafka',
    expect: 'fail',
    message: /`Kafka` accepts client connections without TLS/,
  },
  {
    name: 'terraform: Redshift cluster whose parameter group sets require_ssl',
    source: 'cdktf',
    build: (stack) => void tfRedshiftCluster(stack),
    target: 'Warehouse',
    expect: 'pass',
  },
  {
    name: 'terraform: Redshift cluster on the default parameter group',
    source: 'cdktf',
    build: (stack) => void tfRedshiftCluster(stack, 'Warehouse', { clusterParameterGroupName: undefined }),
    target: 'Warehouse',
    expect: 'unknown',
    message: /default parameter group/,
  },
  {
    name: 'terraform: DocumentDB cluster whose parameter group disables tls',
    source: 'cdktf',
    build: (stack) => {
      const group = new DocdbClusterParameterGroup(stack, 'Params', {
        family: 'docdb5.0',
        name: 'docs-params',
        parameter: [{ name: 'tls', value: 'disabled' }],
      });
      tfDocdbCluster(stack, 'Docs', { dbClusterParameterGroupName: group.name });
    },
    target: 'Docs',
    expect: 'fail',
    message: /`Docs` accepts client connections without TLS/,
  },
  {
    name: 'terraform plan: OpenSearch domain without endpoint or node-to-node settings (computed in the plan)',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-data-services/plan.json',
    target: 'aws_opensearch_domain.bare',
    expect: 'fail',
    message: /accepts client connections without TLS/,
  },
  {
    name: 'terraform plan: OpenSearch domain with HTTPS, TLS 1.2 and node-to-node encryption',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-data-services/plan.json',
    target: 'aws_opensearch_domain.good',
    expect: 'pass',
  },
  {
    name: 'terraform plan: Redshift cluster on the default parameter group',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-data-services/plan.json',
    target: 'aws_redshift_cluster.bare',
    expect: 'unknown',
    message: /default parameter group/,
  },
  {
    name: 'terraform plan: Redshift cluster whose parameter group sets require_ssl',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-data-services/plan.json',
    target: 'aws_redshift_cluster.good',
    expect: 'pass',
  },
  {
    name: 'terraform plan: DocumentDB cluster whose parameter group disables tls',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-data-services/plan.json',
    target: 'aws_docdb_cluster.bad',
    expect: 'fail',
    message: /accepts client connections without TLS/,
  },
  {
    name: 'terraform plan: azurerm storage account with min_tls_version TLS1_0',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/regula__azure-storage-secure-transfer.json',
    target: 'azurerm_storage_account.validstorageaccount1',
    expect: 'fail',
    message: /accepts TLS 1.0; TLS 1.2 or later is required/,
  },
  {
    name: 'terraform plan: azurerm_sql_server, which sets no minimum TLS version',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/regula__azure-sql-firewall-rules.json',
    target: 'azurerm_sql_server.example',
    expect: 'unknown',
    message: /sets no minimum TLS version/,
  },
  {
    name: 'pulumi: SQL server with minimalTlsVersion 1.2',
    source: 'pulumi',
    build: () => sqlServer('payments'),
    target: 'payments',
    expect: 'pass',
  },
  {
    name: 'pulumi: SQL server with minimalTlsVersion None',
    source: 'pulumi',
    build: () => sqlServer('payments', { minimalTlsVersion: 'None' }),
    target: 'payments',
    expect: 'fail',
    message: /`payments` accepts TLS 1.0; TLS 1.2 or later is required/,
  },
  {
    name: 'pulumi: SQL server without minimalTlsVersion',
    source: 'pulumi',
    build: () => sqlServer('payments', { minimalTlsVersion: undefined }),
    target: 'payments',
    expect: 'unknown',
    message: /`minimalTlsVersion` is not set/,
  },
]);
