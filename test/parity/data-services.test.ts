import * as docdb from 'aws-cdk-lib/aws-docdb';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as elasticache from 'aws-cdk-lib/aws-elasticache';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import * as firehose from 'aws-cdk-lib/aws-kinesisfirehose';
import * as msk from 'aws-cdk-lib/aws-msk';
import * as neptune from 'aws-cdk-lib/aws-neptune';
import * as opensearch from 'aws-cdk-lib/aws-opensearchservice';
import * as redshift from 'aws-cdk-lib/aws-redshift';
import { DocdbCluster } from '@cdktf/provider-aws/lib/docdb-cluster';
import { EcrRepository } from '@cdktf/provider-aws/lib/ecr-repository';
import { ElasticacheReplicationGroup } from '@cdktf/provider-aws/lib/elasticache-replication-group';
import { KinesisFirehoseDeliveryStream } from '@cdktf/provider-aws/lib/kinesis-firehose-delivery-stream';
import { KinesisStream } from '@cdktf/provider-aws/lib/kinesis-stream';
import { MskCluster } from '@cdktf/provider-aws/lib/msk-cluster';
import { NeptuneCluster } from '@cdktf/provider-aws/lib/neptune-cluster';
import { OpensearchDomain } from '@cdktf/provider-aws/lib/opensearch-domain';
import { RedshiftCluster } from '@cdktf/provider-aws/lib/redshift-cluster';
import { describeParity, type ParityPair } from '../support/parity';

// The same misconfiguration of a managed data service written with aws-cdk-lib (L1 resources, so both sides
// set the same arguments) and with CDK for Terraform fails the same rules, with the same controls.

const SUBNETS = ['subnet-0a1b2c3d', 'subnet-1a2b3c4d'];
const ROLE = 'arn:aws:iam::111122223333:role/delivery';
const BUCKET = 'arn:aws:s3:::delivery-bucket';

const PAIRS: readonly ParityPair[] = [
  {
    name: 'replication group encrypted at rest without TLS or authentication',
    id: 'Cache',
    cdk: (s) => {
      new elasticache.CfnReplicationGroup(s, 'Cache', {
        replicationGroupDescription: 'cache',
        engine: 'valkey',
        cacheNodeType: 'cache.t4g.micro',
        atRestEncryptionEnabled: true,
        transitEncryptionEnabled: false,
      });
    },
    cdktf: (s) => {
      new ElasticacheReplicationGroup(s, 'Cache', {
        replicationGroupId: 'cache',
        description: 'cache',
        engine: 'valkey',
        nodeType: 'cache.t4g.micro',
        atRestEncryptionEnabled: 'true',
        transitEncryptionEnabled: false,
      });
    },
    fails: ['BW-DP-026', 'BW-IM-007'],
  },
  {
    name: 'search domain without encryption, HTTPS or a VPC',
    id: 'Search',
    cdk: (s) => {
      new opensearch.CfnDomain(s, 'Search', { domainName: 'search' });
    },
    cdktf: (s) => {
      new OpensearchDomain(s, 'Search', { domainName: 'search' });
    },
    fails: ['BW-DP-003', 'BW-DP-026', 'BW-DP-027'],
  },
  {
    name: 'warehouse encrypted but publicly accessible',
    id: 'Warehouse',
    cdk: (s) => {
      new redshift.CfnCluster(s, 'Warehouse', {
        clusterType: 'single-node',
        dbName: 'dw',
        masterUsername: 'admin',
        manageMasterPassword: true,
        nodeType: 'ra3.xlplus',
        encrypted: true,
        publiclyAccessible: true,
      });
    },
    cdktf: (s) => {
      new RedshiftCluster(s, 'Warehouse', {
        clusterIdentifier: 'warehouse',
        databaseName: 'dw',
        masterUsername: 'admin',
        manageMasterPassword: true,
        nodeType: 'ra3.xlplus',
        encrypted: 'true',
        publiclyAccessible: true,
      });
    },
    fails: ['BW-DP-027'],
  },
  {
    name: 'graph database without encryption or IAM authentication',
    id: 'Graph',
    cdk: (s) => {
      new neptune.CfnDBCluster(s, 'Graph', {});
    },
    cdktf: (s) => {
      new NeptuneCluster(s, 'Graph', {});
    },
    fails: ['BW-DP-003', 'BW-IM-007', 'BW-BR-006'],
  },
  {
    name: 'document database without encryption or deletion protection',
    id: 'Docs',
    cdk: (s) => {
      new docdb.CfnDBCluster(s, 'Docs', { masterUsername: 'docs', manageMasterUserPassword: true });
    },
    cdktf: (s) => {
      new DocdbCluster(s, 'Docs', { masterUsername: 'docs', manageMasterUserPassword: true });
    },
    fails: ['BW-DP-003', 'BW-BR-006'],
  },
  {
    name: 'stream without server-side encryption',
    id: 'Events',
    cdk: (s) => {
      new kinesis.CfnStream(s, 'Events', { name: 'events', shardCount: 1 });
    },
    cdktf: (s) => {
      new KinesisStream(s, 'Events', { name: 'events', shardCount: 1 });
    },
    fails: ['BW-DP-003'],
  },
  {
    name: 'broker with plaintext clients and public addresses',
    id: 'Kafka',
    cdk: (s) => {
      new msk.CfnCluster(s, 'Kafka', {
        clusterName: 'kafka',
        kafkaVersion: '3.6.0',
        numberOfBrokerNodes: 2,
        brokerNodeGroupInfo: {
          clientSubnets: SUBNETS,
          instanceType: 'kafka.m5.large',
          connectivityInfo: { publicAccess: { type: 'SERVICE_PROVIDED_EIPS' } },
        },
        encryptionInfo: { encryptionInTransit: { clientBroker: 'TLS_PLAINTEXT' } },
      });
    },
    cdktf: (s) => {
      new MskCluster(s, 'Kafka', {
        clusterName: 'kafka',
        kafkaVersion: '3.6.0',
        numberOfBrokerNodes: 2,
        brokerNodeGroupInfo: {
          clientSubnets: SUBNETS,
          instanceType: 'kafka.m5.large',
          securityGroups: [],
          connectivityInfo: { publicAccess: { type: 'SERVICE_PROVIDED_EIPS' } },
        },
        encryptionInfo: { encryptionInTransit: { clientBroker: 'TLS_PLAINTEXT' } },
      });
    },
    fails: ['BW-DP-026', 'BW-DP-027', 'BW-IM-007'],
  },
  {
    name: 'delivery stream fed directly without server-side encryption',
    id: 'Delivery',
    cdk: (s) => {
      new firehose.CfnDeliveryStream(s, 'Delivery', {
        deliveryStreamName: 'delivery',
        extendedS3DestinationConfiguration: { bucketArn: BUCKET, roleArn: ROLE },
      });
    },
    cdktf: (s) => {
      new KinesisFirehoseDeliveryStream(s, 'Delivery', {
        name: 'delivery',
        destination: 'extended_s3',
        extendedS3Configuration: { bucketArn: BUCKET, roleArn: ROLE },
      });
    },
    fails: ['BW-DP-003'],
  },
  {
    name: 'image repository with mutable tags and no scanning',
    id: 'Images',
    cdk: (s) => {
      new ecr.CfnRepository(s, 'Images', { repositoryName: 'images' });
    },
    cdktf: (s) => {
      new EcrRepository(s, 'Images', { name: 'images' });
    },
    fails: ['BW-PV-002', 'BW-DS-006'],
  },
];

describeParity(
  'data services: the same misconfiguration in CDK and CDKTF fails the same rules and controls',
  PAIRS,
);
