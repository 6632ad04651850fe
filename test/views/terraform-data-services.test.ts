import { DocdbCluster } from '@cdktf/provider-aws/lib/docdb-cluster';
import { DocdbClusterParameterGroup } from '@cdktf/provider-aws/lib/docdb-cluster-parameter-group';
import { EcrRegistryScanningConfiguration } from '@cdktf/provider-aws/lib/ecr-registry-scanning-configuration';
import { EcrRepository } from '@cdktf/provider-aws/lib/ecr-repository';
import { ElasticacheCluster } from '@cdktf/provider-aws/lib/elasticache-cluster';
import { ElasticacheReplicationGroup } from '@cdktf/provider-aws/lib/elasticache-replication-group';
import { ElasticsearchDomain } from '@cdktf/provider-aws/lib/elasticsearch-domain';
import { KinesisFirehoseDeliveryStream } from '@cdktf/provider-aws/lib/kinesis-firehose-delivery-stream';
import { KinesisStream } from '@cdktf/provider-aws/lib/kinesis-stream';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { MskCluster } from '@cdktf/provider-aws/lib/msk-cluster';
import { NeptuneCluster } from '@cdktf/provider-aws/lib/neptune-cluster';
import { OpensearchDomain } from '@cdktf/provider-aws/lib/opensearch-domain';
import { OpensearchDomainPolicy } from '@cdktf/provider-aws/lib/opensearch-domain-policy';
import { RedshiftCluster } from '@cdktf/provider-aws/lib/redshift-cluster';
import { RedshiftParameterGroup } from '@cdktf/provider-aws/lib/redshift-parameter-group';
import { Unknown } from '../../lib/graph/values';
import type { DataStoreView, PostureView } from '../../lib/views/kinds';
import { tfViews } from './terraform-support';

function store(t: ReturnType<typeof tfViews>, id: string): DataStoreView {
  const v = t.views.viewOf(t.byId(id).address, 'data-store');
  if (!v) throw new Error(`no data-store view of ${id}`);
  return v;
}

function posture(t: ReturnType<typeof tfViews>, id: string): PostureView {
  const v = t.views.viewOf(t.byId(id).address, 'posture');
  if (!v) throw new Error(`no posture view of ${id}`);
  return v;
}

const reason = (v: unknown): string => (v as Unknown).reason;

const brokers = {
  instanceType: 'kafka.m5.large',
  clientSubnets: ['subnet-1', 'subnet-2'],
  securityGroups: ['sg-1'],
};

describe('Terraform adapters of managed data services', () => {
  test('Neptune and DocumentDB clusters without settings: unencrypted, 1-day backups, no deletion protection', () => {
    const t = tfViews((s) => {
      new NeptuneCluster(s, 'Graph', { clusterIdentifier: 'graph' });
      new DocdbCluster(s, 'Docs', { clusterIdentifier: 'docs', masterUsername: 'u', masterPassword: 'p' });
    });
    const graph = store(t, 'Graph');
    expect(graph.storeType).toBe('graph-database');
    expect(graph.encryption.atRest).toBe('none');
    expect(graph.backupRetentionDays).toBe(1);
    expect(graph.deletionProtection).toBe(false);
    expect(graph.clientAuthentication).toEqual(['unauthenticated']);
    expect(graph.minTls).toBe('1.2');
    const docs = store(t, 'Docs');
    expect(docs.encryption.atRest).toBe('none');
    expect(docs.tlsOnly).toBe(true);
  });

  test('Neptune with a customer key and IAM auth; DocumentDB with `tls` disabled in its parameter group', () => {
    const t = tfViews((s) => {
      const key = new KmsKey(s, 'Key', { enableKeyRotation: true });
      new NeptuneCluster(s, 'Graph', {
        storageEncrypted: true,
        kmsKeyArn: key.arn,
        iamDatabaseAuthenticationEnabled: true,
        backupRetentionPeriod: 7,
        deletionProtection: true,
      });
      const group = new DocdbClusterParameterGroup(s, 'Params', {
        family: 'docdb5.0',
        name: 'docs-params',
        parameter: [{ name: 'tls', value: 'disabled' }],
      });
      new DocdbCluster(s, 'Docs', { storageEncrypted: true, dbClusterParameterGroupName: group.name });
      new DocdbCluster(s, 'Restored', { snapshotIdentifier: 'docs-snap' });
    });
    const graph = store(t, 'Graph');
    expect(graph.encryption.atRest).toBe('customer-key');
    expect(graph.encryption.key?.address).toBe(t.byId('Key').address);
    expect(graph.clientAuthentication).toEqual(['cloud-identity']);
    expect(graph.backupRetentionDays).toBe(7);
    expect(graph.deletionProtection).toBe(true);
    const docs = store(t, 'Docs');
    expect(docs.encryption.atRest).toBe('kms-provider-key');
    expect(docs.tlsOnly).toBe(false);
    expect(reason(store(t, 'Restored').encryption.atRest)).toMatch(/inherited from `snapshot_identifier`/);
  });

  test('Redshift: defaults that changed with the provider version stay Unknown, a restore inherits; explicit values are read', () => {
    const t = tfViews((s) => {
      new RedshiftCluster(s, 'Bare', { clusterIdentifier: 'bare', nodeType: 'ra3.xlplus' });
      new RedshiftCluster(s, 'Restored', {
        clusterIdentifier: 'restored',
        nodeType: 'ra3.xlplus',
        encrypted: 'false',
        snapshotIdentifier: 'dw-snap',
      });
      const group = new RedshiftParameterGroup(s, 'Params', {
        name: 'dw-params',
        family: 'redshift-1.0',
        parameter: [{ name: 'require_ssl', value: 'true' }],
      });
      new RedshiftCluster(s, 'Set', {
        clusterIdentifier: 'set',
        nodeType: 'ra3.xlplus',
        encrypted: 'true',
        publiclyAccessible: false,
        clusterParameterGroupName: group.name,
        automatedSnapshotRetentionPeriod: 0,
      });
    });
    const restored = store(t, 'Restored');
    expect(reason(restored.encryption.atRest)).toMatch(/inherited from `snapshot_identifier`/);
    const bare = store(t, 'Bare');
    expect(reason(bare.encryption.atRest)).toMatch(/provider version/);
    expect(reason(bare.publicNetworkAccess)).toMatch(/provider version/);
    expect(reason(bare.tlsOnly)).toMatch(/default parameter group/);
    const set = store(t, 'Set');
    expect(set.encryption.atRest).toBe('kms-provider-key');
    expect(set.publicNetworkAccess).toBe(false);
    expect(set.tlsOnly).toBe(true);
    expect(set.backupRetentionDays).toBe(0);
  });

  test('ElastiCache: Redis OSS group off by default, Valkey encrypted at rest by default; members take the group', () => {
    const t = tfViews((s) => {
      new ElasticacheReplicationGroup(s, 'Redis', { replicationGroupId: 'redis', description: 'r' });
      const valkey = new ElasticacheReplicationGroup(s, 'Valkey', {
        replicationGroupId: 'valkey',
        description: 'v',
        engine: 'valkey',
        transitEncryptionEnabled: true,
        authToken: 'token-from-a-secret-manager-000',
      });
      new ElasticacheCluster(s, 'Member', { clusterId: 'member', replicationGroupId: valkey.id });
      new ElasticacheCluster(s, 'Memcached', {
        clusterId: 'mc',
        engine: 'memcached',
        nodeType: 'cache.t3.micro',
      });
    });
    const redis = store(t, 'Redis');
    expect(redis.encryption.atRest).toBe('none');
    expect(redis.tlsOnly).toBe(false);
    expect(redis.clientAuthentication).toEqual(['unauthenticated']);
    const valkey = store(t, 'Valkey');
    expect(valkey.encryption.atRest).toBe('provider');
    expect(valkey.tlsOnly).toBe(true);
    expect(valkey.nodeToNodeEncryption).toBe(true);
    expect(valkey.clientAuthentication).toEqual(['shared-secret']);
    const member = store(t, 'Member');
    expect(member.encryption.atRest).toBe('provider');
    expect(member.tlsOnly).toBeUndefined();
    const mc = store(t, 'Memcached');
    expect(mc.memoryOnly).toBe(true);
    expect(mc.tlsOnly).toBe(false);
  });

  test('OpenSearch: a bare domain is public, plaintext and unencrypted; a configured one is not', () => {
    const t = tfViews((s) => {
      const bare = new OpensearchDomain(s, 'Bare', { domainName: 'bare' });
      new OpensearchDomainPolicy(s, 'Open', {
        domainName: bare.domainName,
        accessPolicies: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: '*', Action: 'es:*', Resource: '*' }],
        }),
      });
      new OpensearchDomain(s, 'Set', {
        domainName: 'set',
        encryptAtRest: { enabled: true },
        nodeToNodeEncryption: { enabled: true },
        domainEndpointOptions: { tlsSecurityPolicy: 'Policy-Min-TLS-1-2-PFS-2023-10' },
        vpcOptions: { subnetIds: ['subnet-1'] },
      });
      new ElasticsearchDomain(s, 'Legacy', {
        domainName: 'legacy',
        domainEndpointOptions: { enforceHttps: false },
      });
    });
    const bare = store(t, 'Bare');
    expect(bare.encryption.atRest).toBe('none');
    expect(bare.tlsOnly).toBe(false);
    expect(bare.minTls).toBe('1.0');
    expect(bare.nodeToNodeEncryption).toBe(false);
    expect(bare.publicNetworkAccess).toBe(true);
    expect(bare.privateEndpoint).toBe(false);
    expect(bare.policyAllowsPublic).toBe(true);
    const set = store(t, 'Set');
    expect(set.encryption.atRest).toBe('kms-provider-key');
    expect(set.tlsOnly).toBe(true);
    expect(set.minTls).toBe('1.2');
    expect(set.nodeToNodeEncryption).toBe(true);
    expect(set.publicNetworkAccess).toBe(false);
    expect(set.policyAllowsPublic).toBe(false);
    expect(store(t, 'Legacy').tlsOnly).toBe(false);
  });

  test('Kinesis, Firehose reading it, Firehose with its own key, MSK defaults and public brokers', () => {
    const t = tfViews((s) => {
      const key = new KmsKey(s, 'Key', { enableKeyRotation: true });
      const plain = new KinesisStream(s, 'Plain', { name: 'plain', shardCount: 1 });
      new KinesisStream(s, 'Keyed', {
        name: 'keyed',
        shardCount: 1,
        encryptionType: 'KMS',
        kmsKeyId: key.arn,
        retentionPeriod: 168,
      });
      new KinesisFirehoseDeliveryStream(s, 'FromPlain', {
        name: 'from-plain',
        destination: 'extended_s3',
        kinesisSourceConfiguration: { kinesisStreamArn: plain.arn, roleArn: 'arn:aws:iam::1:role/r' },
        extendedS3Configuration: { bucketArn: 'arn:aws:s3:::b', roleArn: 'arn:aws:iam::1:role/r' },
      });
      new KinesisFirehoseDeliveryStream(s, 'Direct', {
        name: 'direct',
        destination: 'extended_s3',
        serverSideEncryption: { enabled: true, keyType: 'CUSTOMER_MANAGED_CMK', keyArn: key.arn },
        extendedS3Configuration: { bucketArn: 'arn:aws:s3:::b', roleArn: 'arn:aws:iam::1:role/r' },
      });
      new MskCluster(s, 'Kafka', {
        clusterName: 'kafka',
        kafkaVersion: '3.6.0',
        numberOfBrokerNodes: 2,
        brokerNodeGroupInfo: brokers,
      });
      new MskCluster(s, 'Open', {
        clusterName: 'open',
        kafkaVersion: '3.6.0',
        numberOfBrokerNodes: 2,
        brokerNodeGroupInfo: {
          ...brokers,
          connectivityInfo: { publicAccess: { type: 'SERVICE_PROVIDED_EIPS' } },
        },
        encryptionInfo: { encryptionInTransit: { clientBroker: 'TLS_PLAINTEXT', inCluster: false } },
        clientAuthentication: { sasl: { iam: true }, unauthenticated: true },
      });
    });
    const plain = store(t, 'Plain');
    expect(plain.encryption.atRest).toBe('none');
    expect(plain.dataRetentionDays).toBe(1);
    const keyed = store(t, 'Keyed');
    expect(keyed.encryption.atRest).toBe('customer-key');
    expect(keyed.dataRetentionDays).toBe(7);
    expect(store(t, 'FromPlain').encryption.atRest).toBe('none');
    expect(store(t, 'Direct').encryption.atRest).toBe('customer-key');
    const kafka = store(t, 'Kafka');
    expect(kafka.encryption.atRest).toBe('kms-provider-key');
    expect(kafka.tlsOnly).toBe(true);
    expect(kafka.nodeToNodeEncryption).toBe(true);
    expect(kafka.publicNetworkAccess).toBe(false);
    expect(kafka.clientAuthentication).toEqual(['unauthenticated']);
    const open = store(t, 'Open');
    expect(open.tlsOnly).toBe(false);
    expect(open.nodeToNodeEncryption).toBe(false);
    expect(open.publicNetworkAccess).toBe(true);
    expect(open.clientAuthentication).toEqual(['cloud-identity', 'unauthenticated']);
  });

  test('ECR: scan on push, registry scanning by filter, tag mutability', () => {
    const t = tfViews((s) => {
      new EcrRepository(s, 'Bare', { name: 'bare' });
      new EcrRepository(s, 'Pushed', {
        name: 'pushed',
        imageTagMutability: 'IMMUTABLE',
        imageScanningConfiguration: { scanOnPush: true },
      });
      new EcrRepository(s, 'Matched', { name: 'apps-web' });
      new EcrRegistryScanningConfiguration(s, 'Scanning', {
        scanType: 'ENHANCED',
        rule: [
          {
            scanFrequency: 'CONTINUOUS_SCAN',
            repositoryFilter: [{ filter: 'apps-*', filterType: 'WILDCARD' }],
          },
        ],
      });
    });
    const bare = posture(t, 'Bare');
    expect(bare.enabled).toBe(false);
    expect(bare.immutableTags).toBe(false);
    expect(bare.detectors).toEqual([expect.objectContaining({ scope: 'container-images', enabled: false })]);
    const pushed = posture(t, 'Pushed');
    expect(pushed.enabled).toBe(true);
    expect(pushed.immutableTags).toBe(true);
    expect(posture(t, 'Matched').enabled).toBe(true);
    expect(posture(t, 'Scanning').scanning?.enhanced).toBe(true);
  });
});
