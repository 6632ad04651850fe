/**
 * Compliant baselines of the managed data services, as L1 CloudFormation constructs, for rule cases: each
 * builder takes overrides so a case changes one thing.
 */
import type { Stack } from 'aws-cdk-lib';
import * as dms from 'aws-cdk-lib/aws-dms';
import * as docdb from 'aws-cdk-lib/aws-docdb';
import * as elasticache from 'aws-cdk-lib/aws-elasticache';
import * as emr from 'aws-cdk-lib/aws-emr';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import * as firehose from 'aws-cdk-lib/aws-kinesisfirehose';
import * as msk from 'aws-cdk-lib/aws-msk';
import * as neptune from 'aws-cdk-lib/aws-neptune';
import * as opensearch from 'aws-cdk-lib/aws-opensearchservice';
import * as redshift from 'aws-cdk-lib/aws-redshift';

export function neptuneCluster(
  stack: Stack,
  id = 'Graph',
  props: Partial<neptune.CfnDBClusterProps> = {},
): neptune.CfnDBCluster {
  return new neptune.CfnDBCluster(stack, id, {
    storageEncrypted: true,
    iamAuthEnabled: true,
    backupRetentionPeriod: 7,
    deletionProtection: true,
    ...props,
  });
}

export function docdbCluster(
  stack: Stack,
  id = 'Docs',
  props: Partial<docdb.CfnDBClusterProps> = {},
): docdb.CfnDBCluster {
  return new docdb.CfnDBCluster(stack, id, {
    masterUsername: 'admin',
    masterUserPassword: '{{resolve:secretsmanager:docs-admin}}',
    storageEncrypted: true,
    backupRetentionPeriod: 7,
    deletionProtection: true,
    ...props,
  });
}

/** A DocumentDB cluster parameter group setting `tls`. */
export function docdbParameters(
  stack: Stack,
  tls: string,
  id = 'DocsParams',
): docdb.CfnDBClusterParameterGroup {
  return new docdb.CfnDBClusterParameterGroup(stack, id, {
    description: 'cluster parameters',
    family: 'docdb5.0',
    parameters: { tls },
  });
}

/** A Redshift cluster parameter group setting `require_ssl`. */
export function redshiftParameters(
  stack: Stack,
  requireSsl: string,
  id = 'WarehouseParams',
): redshift.CfnClusterParameterGroup {
  return new redshift.CfnClusterParameterGroup(stack, id, {
    description: 'cluster parameters',
    parameterGroupFamily: 'redshift-1.0',
    parameters: [{ parameterName: 'require_ssl', parameterValue: requireSsl }],
  });
}

export function redshiftCluster(
  stack: Stack,
  id = 'Warehouse',
  props: Partial<redshift.CfnClusterProps> = {},
): redshift.CfnCluster {
  const params =
    'clusterParameterGroupName' in props
      ? props.clusterParameterGroupName
      : redshiftParameters(stack, 'true', `${id}Params`).ref;
  return new redshift.CfnCluster(stack, id, {
    clusterType: 'single-node',
    dbName: 'analytics',
    masterUsername: 'admin',
    masterUserPassword: '{{resolve:secretsmanager:warehouse-admin}}',
    nodeType: 'ra3.xlplus',
    encrypted: true,
    publiclyAccessible: false,
    automatedSnapshotRetentionPeriod: 7,
    ...props,
    clusterParameterGroupName: params,
  });
}

export function replicationGroup(
  stack: Stack,
  id = 'Cache',
  props: Partial<elasticache.CfnReplicationGroupProps> = {},
): elasticache.CfnReplicationGroup {
  return new elasticache.CfnReplicationGroup(stack, id, {
    replicationGroupDescription: 'sessions',
    engine: 'valkey',
    cacheNodeType: 'cache.t4g.small',
    numCacheClusters: 2,
    atRestEncryptionEnabled: true,
    transitEncryptionEnabled: true,
    authToken: '{{resolve:secretsmanager:cache-token}}',
    ...props,
  });
}

export function memcachedCluster(
  stack: Stack,
  id = 'Memcached',
  props: Partial<elasticache.CfnCacheClusterProps> = {},
): elasticache.CfnCacheCluster {
  return new elasticache.CfnCacheCluster(stack, id, {
    engine: 'memcached',
    cacheNodeType: 'cache.t4g.small',
    numCacheNodes: 1,
    ...props,
  });
}

export function searchDomain(
  stack: Stack,
  id = 'Search',
  props: Partial<opensearch.CfnDomainProps> = {},
): opensearch.CfnDomain {
  return new opensearch.CfnDomain(stack, id, {
    engineVersion: 'OpenSearch_2.13',
    encryptionAtRestOptions: { enabled: true },
    nodeToNodeEncryptionOptions: { enabled: true },
    domainEndpointOptions: { enforceHttps: true, tlsSecurityPolicy: 'Policy-Min-TLS-1-2-PFS-2023-10' },
    vpcOptions: { subnetIds: ['subnet-0a1b2c3d'], securityGroupIds: ['sg-0a1b2c3d'] },
    ...props,
  });
}

export function kafkaCluster(
  stack: Stack,
  id = 'Kafka',
  props: Partial<msk.CfnClusterProps> = {},
): msk.CfnCluster {
  return new msk.CfnCluster(stack, id, {
    clusterName: 'events',
    kafkaVersion: '3.6.0',
    numberOfBrokerNodes: 3,
    brokerNodeGroupInfo: {
      clientSubnets: ['subnet-0a1b2c3d', 'subnet-1a1b2c3d', 'subnet-2a1b2c3d'],
      instanceType: 'kafka.m7g.large',
    },
    clientAuthentication: { sasl: { iam: { enabled: true } } },
    ...props,
  });
}

export function kinesisStream(
  stack: Stack,
  id = 'Events',
  props: Partial<kinesis.CfnStreamProps> = {},
): kinesis.CfnStream {
  return new kinesis.CfnStream(stack, id, {
    shardCount: 1,
    streamEncryption: { encryptionType: 'KMS', keyId: 'alias/aws/kinesis' },
    ...props,
  });
}

export function deliveryStream(
  stack: Stack,
  id = 'Delivery',
  props: Partial<firehose.CfnDeliveryStreamProps> = {},
): firehose.CfnDeliveryStream {
  return new firehose.CfnDeliveryStream(stack, id, {
    deliveryStreamType: 'DirectPut',
    deliveryStreamEncryptionConfigurationInput: { keyType: 'AWS_OWNED_CMK' },
    s3DestinationConfiguration: {
      bucketArn: 'arn:aws:s3:::archive-bucket',
      roleArn: 'arn:aws:iam::123456789012:role/firehose',
    },
    ...props,
  });
}

/** An EMR security configuration with the given `EncryptionConfiguration`. */
export function emrSecurity(
  stack: Stack,
  encryption: Record<string, unknown>,
  id = 'ClusterSecurity',
): emr.CfnSecurityConfiguration {
  return new emr.CfnSecurityConfiguration(stack, id, {
    securityConfiguration: { EncryptionConfiguration: encryption },
  });
}

/** Encryption at rest (KMS on local disks and S3) and in transit (TLS between nodes). */
export const EMR_ENCRYPTED = {
  EnableAtRestEncryption: true,
  EnableInTransitEncryption: true,
  AtRestEncryptionConfiguration: {
    S3EncryptionConfiguration: { EncryptionMode: 'SSE-KMS', AwsKmsKey: 'alias/aws/s3' },
    LocalDiskEncryptionConfiguration: { EncryptionKeyProviderType: 'AwsKms', AwsKmsKey: 'alias/emr-disks' },
  },
  InTransitEncryptionConfiguration: {
    TLSCertificateConfiguration: { CertificateProviderType: 'PEM', S3Object: 's3://certs/emr.zip' },
  },
};

export function emrCluster(stack: Stack, id = 'Spark', securityConfiguration?: string): emr.CfnCluster {
  return new emr.CfnCluster(stack, id, {
    name: 'spark',
    releaseLabel: 'emr-7.1.0',
    jobFlowRole: 'EMR_EC2_DefaultRole',
    serviceRole: 'EMR_DefaultRole',
    instances: {
      masterInstanceGroup: { instanceCount: 1, instanceType: 'm7g.xlarge' },
      coreInstanceGroup: { instanceCount: 2, instanceType: 'm7g.xlarge' },
    },
    securityConfiguration,
  });
}

export function dmsEndpoint(
  stack: Stack,
  id = 'Source',
  props: Partial<dms.CfnEndpointProps> = {},
): dms.CfnEndpoint {
  return new dms.CfnEndpoint(stack, id, {
    endpointType: 'source',
    engineName: 'postgres',
    serverName: 'orders.example.internal',
    port: 5432,
    databaseName: 'orders',
    username: 'replicator',
    password: '{{resolve:secretsmanager:orders-replicator}}',
    sslMode: 'verify-full',
    ...props,
  });
}
