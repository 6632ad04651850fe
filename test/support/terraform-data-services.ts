import { DocdbCluster, type DocdbClusterConfig } from '@cdktf/provider-aws/lib/docdb-cluster';
import { EcrRepository, type EcrRepositoryConfig } from '@cdktf/provider-aws/lib/ecr-repository';
import {
  ElasticacheReplicationGroup,
  type ElasticacheReplicationGroupConfig,
} from '@cdktf/provider-aws/lib/elasticache-replication-group';
import { KinesisStream, type KinesisStreamConfig } from '@cdktf/provider-aws/lib/kinesis-stream';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { MskCluster, type MskClusterConfig } from '@cdktf/provider-aws/lib/msk-cluster';
import { NeptuneCluster, type NeptuneClusterConfig } from '@cdktf/provider-aws/lib/neptune-cluster';
import { OpensearchDomain, type OpensearchDomainConfig } from '@cdktf/provider-aws/lib/opensearch-domain';
import { RedshiftCluster, type RedshiftClusterConfig } from '@cdktf/provider-aws/lib/redshift-cluster';
import { RedshiftParameterGroup } from '@cdktf/provider-aws/lib/redshift-parameter-group';
import { TerraformVariable } from 'cdktf';
import type { Construct } from 'constructs';

// Compliant baselines of the Terraform AWS provider's data services, written with CDKTF. A case changes one
// argument through `overrides`.

/** A KMS key with rotation, for stores that name a customer key. */
function key(scope: Construct, id: string): KmsKey {
  return new KmsKey(scope, `${id}Key`, { enableKeyRotation: true });
}

/** Valkey replication group: encrypted with a customer key, TLS required, an auth token. */
export function tfReplicationGroup(
  scope: Construct,
  id = 'Cache',
  overrides: Partial<ElasticacheReplicationGroupConfig> = {},
): ElasticacheReplicationGroup {
  return new ElasticacheReplicationGroup(scope, id, {
    replicationGroupId: 'cache',
    description: 'application cache',
    engine: 'valkey',
    nodeType: 'cache.t4g.micro',
    atRestEncryptionEnabled: 'true',
    kmsKeyId: key(scope, id).arn,
    transitEncryptionEnabled: true,
    authToken: new TerraformVariable(scope, `${id}Token`, { type: 'string', sensitive: true }).stringValue,
    ...overrides,
  });
}

/** Neptune cluster: encrypted with a customer key, IAM auth, 7-day backups, deletion protection. */
export function tfNeptuneCluster(
  scope: Construct,
  id = 'Graph',
  overrides: Partial<NeptuneClusterConfig> = {},
): NeptuneCluster {
  return new NeptuneCluster(scope, id, {
    clusterIdentifier: 'graph',
    storageEncrypted: true,
    kmsKeyArn: key(scope, id).arn,
    iamDatabaseAuthenticationEnabled: true,
    backupRetentionPeriod: 7,
    deletionProtection: true,
    ...overrides,
  });
}

/** DocumentDB cluster: encrypted with a customer key, 7-day backups, deletion protection, default TLS. */
export function tfDocdbCluster(
  scope: Construct,
  id = 'Docs',
  overrides: Partial<DocdbClusterConfig> = {},
): DocdbCluster {
  return new DocdbCluster(scope, id, {
    clusterIdentifier: 'docs',
    masterUsername: 'docs',
    manageMasterUserPassword: true,
    storageEncrypted: true,
    kmsKeyId: key(scope, id).arn,
    backupRetentionPeriod: 7,
    deletionProtection: true,
    ...overrides,
  });
}

/** Redshift cluster: encrypted with a customer key, private, `require_ssl`, 7-day snapshots. */
export function tfRedshiftCluster(
  scope: Construct,
  id = 'Warehouse',
  overrides: Partial<RedshiftClusterConfig> = {},
): RedshiftCluster {
  const params = new RedshiftParameterGroup(scope, `${id}Params`, {
    name: 'warehouse-params',
    family: 'redshift-2.0',
    parameter: [{ name: 'require_ssl', value: 'true' }],
  });
  return new RedshiftCluster(scope, id, {
    clusterIdentifier: 'warehouse',
    nodeType: 'ra3.xlplus',
    masterUsername: 'admin',
    manageMasterPassword: true,
    encrypted: 'true',
    kmsKeyId: key(scope, id).arn,
    publiclyAccessible: false,
    clusterParameterGroupName: params.name,
    automatedSnapshotRetentionPeriod: 7,
    ...overrides,
  });
}

/** OpenSearch domain: encrypted with a customer key, node-to-node TLS, HTTPS with TLS 1.2, in a VPC. */
export function tfSearchDomain(
  scope: Construct,
  id = 'Search',
  overrides: Partial<OpensearchDomainConfig> = {},
): OpensearchDomain {
  return new OpensearchDomain(scope, id, {
    domainName: 'search',
    engineVersion: 'OpenSearch_2.13',
    encryptAtRest: { enabled: true, kmsKeyId: key(scope, id).arn },
    nodeToNodeEncryption: { enabled: true },
    domainEndpointOptions: { enforceHttps: true, tlsSecurityPolicy: 'Policy-Min-TLS-1-2-PFS-2023-10' },
    vpcOptions: { subnetIds: ['subnet-0a1b2c3d'], securityGroupIds: ['sg-0a1b2c3d'] },
    ...overrides,
  });
}

/** Kinesis stream encrypted with a customer key. */
export function tfKinesisStream(
  scope: Construct,
  id = 'Stream',
  overrides: Partial<KinesisStreamConfig> = {},
): KinesisStream {
  return new KinesisStream(scope, id, {
    name: 'events',
    shardCount: 1,
    encryptionType: 'KMS',
    kmsKeyId: key(scope, id).arn,
    ...overrides,
  });
}

const BROKERS = {
  instanceType: 'kafka.m5.large',
  clientSubnets: ['subnet-0a1b2c3d', 'subnet-1a2b3c4d'],
  securityGroups: ['sg-0a1b2c3d'],
};

/** MSK cluster: IAM client authentication, TLS between clients and brokers and in the cluster, private brokers. */
export function tfKafkaCluster(
  scope: Construct,
  id = 'Kafka',
  overrides: Partial<MskClusterConfig> = {},
): MskCluster {
  return new MskCluster(scope, id, {
    clusterName: 'events',
    kafkaVersion: '3.6.0',
    numberOfBrokerNodes: 2,
    brokerNodeGroupInfo: BROKERS,
    encryptionInfo: {
      encryptionAtRestKmsKeyArn: key(scope, id).arn,
      encryptionInTransit: { clientBroker: 'TLS', inCluster: true },
    },
    clientAuthentication: { sasl: { iam: true } },
    ...overrides,
  });
}

/** Brokers with public addresses. */
export const PUBLIC_BROKERS = {
  ...BROKERS,
  connectivityInfo: { publicAccess: { type: 'SERVICE_PROVIDED_EIPS' } },
};

/** ECR repository scanning images on push, with immutable tags. */
export function tfRepository(
  scope: Construct,
  id = 'Images',
  overrides: Partial<EcrRepositoryConfig> = {},
): EcrRepository {
  return new EcrRepository(scope, id, {
    name: 'images',
    imageTagMutability: 'IMMUTABLE',
    imageScanningConfiguration: { scanOnPush: true },
    ...overrides,
  });
}
