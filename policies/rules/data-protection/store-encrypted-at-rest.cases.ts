import { Aws, CfnCondition, CfnParameter, Fn, Size, type Stack } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as efs from 'aws-cdk-lib/aws-efs';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { defineCases } from '../../../lib/engine/cases';
import * as elasticache from 'aws-cdk-lib/aws-elasticache';
import {
  EMR_ENCRYPTED,
  deliveryStream,
  dmsEndpoint,
  docdbCluster,
  emrCluster,
  emrSecurity,
  kafkaCluster,
  kinesisStream,
  memcachedCluster,
  neptuneCluster,
  redshiftCluster,
  replicationGroup,
  searchDomain,
} from '../../../test/support/data-services';
import rule from './store-encrypted-at-rest';
import { EbsEncryptionByDefault } from '@cdktf/provider-aws/lib/ebs-encryption-by-default';
import { EbsVolume } from '@cdktf/provider-aws/lib/ebs-volume';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import {
  tfKinesisStream,
  tfNeptuneCluster,
  tfRedshiftCluster,
  tfReplicationGroup,
  tfSearchDomain,
} from '../../../test/support/terraform-data-services';

const volume = { availabilityZone: 'us-east-1a', size: Size.gibibytes(10) };

/** A key's ARN when a deploy-time condition holds, else no key at all (`AWS::NoValue`). */
function keyIfWanted(stack: Stack): string {
  const wanted = new CfnParameter(stack, 'UseKey');
  const useKey = new CfnCondition(stack, 'WithKey', {
    expression: Fn.conditionEquals(wanted.valueAsString, 'yes'),
  });
  return Fn.conditionIf(useKey.logicalId, new kms.Key(stack, 'Key').keyArn, Aws.NO_VALUE).toString();
}

export default defineCases(rule, [
  {
    name: 'queue encrypted with the AWS managed SQS key',
    build: (stack) => {
      new sqs.Queue(stack, 'Jobs', { encryption: sqs.QueueEncryption.KMS_MANAGED });
    },
    target: 'Jobs',
    expect: 'pass',
  },
  {
    name: 'queue with encryption turned off',
    build: (stack) => {
      new sqs.Queue(stack, 'Jobs', { encryption: sqs.QueueEncryption.UNENCRYPTED });
    },
    target: 'Jobs',
    expect: 'fail',
    message: /`Jobs` is not encrypted at rest/,
  },
  {
    name: 'table on the AWS owned key is encrypted',
    build: (stack) => {
      new dynamodb.Table(stack, 'Orders', {
        partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
      });
    },
    target: 'Orders',
    expect: 'pass',
  },
  {
    name: 'topic with a KMS key',
    build: (stack) => {
      new sns.Topic(stack, 'Alerts', { masterKey: new kms.Key(stack, 'Key') });
    },
    target: 'Alerts',
    expect: 'pass',
  },
  {
    name: 'topic without a key (SNS does not encrypt by default)',
    build: (stack) => {
      new sns.Topic(stack, 'Alerts');
    },
    target: 'Alerts',
    expect: 'fail',
    message: /`Alerts` is not encrypted at rest/,
  },
  {
    name: 'volume with encryption on',
    build: (stack) => {
      new ec2.Volume(stack, 'Disk', { ...volume, encrypted: true });
    },
    target: 'Disk',
    expect: 'pass',
  },
  {
    name: 'volume without Encrypted depends on the account default',
    build: (stack) => {
      new ec2.Volume(stack, 'Disk', volume);
    },
    target: 'Disk',
    expect: 'unknown',
    message: /EBS encryption by default/,
  },
  {
    name: 'file systems are left to BW-DP-005',
    build: (stack) => {
      const vpc = new ec2.Vpc(stack, 'Vpc', {
        natGateways: 0,
        subnetConfiguration: [{ name: 'private', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
      });
      new efs.FileSystem(stack, 'Files', { vpc, encrypted: false });
    },
    target: 'Files',
    expect: 'not_applicable',
  },
  {
    name: 'Neptune cluster with storage encryption',
    build: (stack) => void neptuneCluster(stack),
    target: 'Graph',
    expect: 'pass',
  },
  {
    name: 'Neptune cluster on the service default (storage not encrypted)',
    build: (stack) => void neptuneCluster(stack, 'Graph', { storageEncrypted: undefined }),
    target: 'Graph',
    expect: 'fail',
    message: /`Graph` is not encrypted at rest/,
  },
  {
    name: 'DocumentDB cluster with storage encryption',
    build: (stack) => void docdbCluster(stack),
    target: 'Docs',
    expect: 'pass',
  },
  {
    name: 'DocumentDB cluster on the service default (storage not encrypted)',
    build: (stack) => void docdbCluster(stack, 'Docs', { storageEncrypted: undefined }),
    target: 'Docs',
    expect: 'fail',
    message: /`Docs` is not encrypted at rest/,
  },
  {
    name: 'Redshift cluster with Encrypted true',
    build: (stack) => void redshiftCluster(stack),
    target: 'Warehouse',
    expect: 'pass',
  },
  {
    name: 'Redshift cluster with Encrypted false',
    build: (stack) => void redshiftCluster(stack, 'Warehouse', { encrypted: false }),
    target: 'Warehouse',
    expect: 'fail',
    message: /`Warehouse` is not encrypted at rest/,
  },
  {
    name: 'Redshift cluster that leaves Encrypted to the service default',
    build: (stack) => void redshiftCluster(stack, 'Warehouse', { encrypted: undefined }),
    target: 'Warehouse',
    expect: 'unknown',
    message: /`Encrypted` is not set/,
  },
  {
    name: 'ElastiCache replication group with at-rest encryption',
    build: (stack) => void replicationGroup(stack),
    target: 'Cache',
    expect: 'pass',
  },
  {
    name: 'ElastiCache replication group on the service default (no at-rest encryption)',
    build: (stack) => void replicationGroup(stack, 'Cache', { atRestEncryptionEnabled: undefined }),
    target: 'Cache',
    expect: 'fail',
    message: /`Cache` is not encrypted at rest/,
  },
  {
    name: 'single-node Redis OSS cache cluster, whose snapshots cannot be encrypted',
    build: (stack) => {
      new elasticache.CfnCacheCluster(stack, 'Single', {
        engine: 'redis',
        cacheNodeType: 'cache.t4g.small',
        numCacheNodes: 1,
      });
    },
    target: 'Single',
    expect: 'fail',
    message: /`Single` is not encrypted at rest/,
  },
  {
    name: 'Memcached cluster: data in memory only, nothing at rest',
    build: (stack) => void memcachedCluster(stack),
    target: 'Memcached',
    expect: 'not_applicable',
  },
  {
    name: 'OpenSearch domain with encryption at rest',
    build: (stack) => void searchDomain(stack),
    target: 'Search',
    expect: 'pass',
  },
  {
    name: 'OpenSearch domain on the service default (no encryption at rest)',
    build: (stack) => void searchDomain(stack, 'Search', { encryptionAtRestOptions: undefined }),
    target: 'Search',
    expect: 'fail',
    message: /`Search` is not encrypted at rest/,
  },
  {
    name: 'MSK cluster: brokers always encrypt their storage',
    build: (stack) => void kafkaCluster(stack),
    target: 'Kafka',
    expect: 'pass',
  },
  {
    name: 'Kinesis stream with KMS server-side encryption',
    build: (stack) => void kinesisStream(stack),
    target: 'Events',
    expect: 'pass',
  },
  {
    name: 'Kinesis stream without server-side encryption',
    build: (stack) => void kinesisStream(stack, 'Events', { streamEncryption: undefined }),
    target: 'Events',
    expect: 'fail',
    message: /`Events` is not encrypted at rest/,
  },
  {
    name: 'Firehose delivery stream with server-side encryption',
    build: (stack) => void deliveryStream(stack),
    target: 'Delivery',
    expect: 'pass',
  },
  {
    name: 'Firehose delivery stream fed by PutRecord without server-side encryption',
    build: (stack) =>
      void deliveryStream(stack, 'Delivery', { deliveryStreamEncryptionConfigurationInput: undefined }),
    target: 'Delivery',
    expect: 'fail',
    message: /`Delivery` is not encrypted at rest/,
  },
  {
    name: 'Firehose delivery stream reading an unencrypted Kinesis stream',
    build: (stack) => {
      const source = kinesisStream(stack, 'Events', { streamEncryption: undefined });
      deliveryStream(stack, 'Delivery', {
        deliveryStreamType: 'KinesisStreamAsSource',
        deliveryStreamEncryptionConfigurationInput: undefined,
        kinesisStreamSourceConfiguration: {
          kinesisStreamArn: source.attrArn,
          roleArn: 'arn:aws:iam::123456789012:role/firehose',
        },
      });
    },
    target: 'Delivery',
    expect: 'fail',
    message: /`Delivery` is not encrypted at rest/,
  },
  {
    name: 'EMR cluster whose security configuration encrypts local disks and S3 with KMS',
    build: (stack) => void emrCluster(stack, 'Spark', emrSecurity(stack, EMR_ENCRYPTED).ref),
    target: 'Spark',
    expect: 'pass',
  },
  {
    name: 'EMR cluster without a security configuration: local disks follow the account EBS default',
    build: (stack) => void emrCluster(stack),
    target: 'Spark',
    expect: 'unknown',
    message: /EBS encryption by default/,
  },
  {
    name: 'DMS endpoint: connection settings encrypted with the aws/dms key',
    build: (stack) => void dmsEndpoint(stack),
    target: 'Source',
    expect: 'pass',
  },
  {
    name: 'secret with a key only when a condition holds (the AWS managed key otherwise)',
    build: (stack) => void new secretsmanager.CfnSecret(stack, 'Token', { kmsKeyId: keyIfWanted(stack) }),
    target: 'Token',
    expect: 'pass',
  },
  {
    name: 'log group with a key only when a condition holds (a service key otherwise)',
    build: (stack) => void new logs.CfnLogGroup(stack, 'Audit', { kmsKeyId: keyIfWanted(stack) }),
    target: 'Audit',
    expect: 'pass',
  },
  // From real templates: an SNS topic is encrypted at rest only with KmsMasterKeyId (MCSB DP-4).
  {
    name: 'real template: AWS Config delivery topic without KmsMasterKeyId',
    source: 'cloudformation-template',
    template: 'test/fixtures/real-world/aws-cloudformation-templates/config.yaml',
    target: 'ConfigTopic',
    expect: 'fail',
    message: '`ConfigTopic` is not encrypted at rest',
  },
  {
    name: 'real template: replication source bucket encrypted with its own KMS key',
    source: 'cloudformation-template',
    template:
      'test/fixtures/real-world/aws-cloudformation-templates/s3-cross-account-replication-kms-source.yaml',
    target: 'S3BucketSource',
    expect: 'pass',
  },
  // Terraform (CDKTF): the provider's defaults, not CloudFormation's.
  {
    name: 'terraform: queue without encryption arguments is encrypted with SSE-SQS',
    source: 'cdktf',
    build: (stack) => {
      new SqsQueue(stack, 'Jobs', { name: 'jobs' });
    },
    target: 'Jobs',
    expect: 'pass',
  },
  {
    name: 'terraform: queue with sqs_managed_sse_enabled = false and no key',
    source: 'cdktf',
    build: (stack) => {
      new SqsQueue(stack, 'Jobs', { name: 'jobs', sqsManagedSseEnabled: false });
    },
    target: 'Jobs',
    expect: 'fail',
    message: /`Jobs` is not encrypted at rest/,
  },
  {
    name: 'terraform: topic without kms_master_key_id',
    source: 'cdktf',
    build: (stack) => {
      new SnsTopic(stack, 'Alerts', { name: 'alerts' });
    },
    target: 'Alerts',
    expect: 'fail',
    message: /`Alerts` is not encrypted at rest/,
  },
  {
    name: 'terraform: topic encrypted with a customer key',
    source: 'cdktf',
    build: (stack) => {
      const key = new KmsKey(stack, 'Key', { enableKeyRotation: true });
      new SnsTopic(stack, 'Alerts', { name: 'alerts', kmsMasterKeyId: key.arn });
    },
    target: 'Alerts',
    expect: 'pass',
  },
  {
    name: 'terraform: volume with encrypted = false',
    source: 'cdktf',
    build: (stack) => {
      new EbsVolume(stack, 'Disk', { availabilityZone: 'eu-west-1a', size: 10, encrypted: false });
    },
    target: 'Disk',
    expect: 'fail',
    message: /`Disk` is not encrypted at rest/,
  },
  {
    name: 'terraform: volume without encrypted depends on the account default',
    source: 'cdktf',
    build: (stack) => {
      new EbsVolume(stack, 'Disk', { availabilityZone: 'eu-west-1a', size: 10 });
    },
    target: 'Disk',
    expect: 'unknown',
    message: /EBS encryption by default/,
  },
  {
    name: 'terraform: volume without encrypted in a configuration that turns on EBS encryption by default',
    source: 'cdktf',
    build: (stack) => {
      new EbsEncryptionByDefault(stack, 'EbsDefault', { enabled: true });
      new EbsVolume(stack, 'Disk', { availabilityZone: 'eu-west-1a', size: 10 });
    },
    target: 'Disk',
    expect: 'pass',
  },
  {
    name: 'terraform plan: volume with encrypted = false',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/regula__aws-ebs-volume-encryption.json',
    target: 'aws_ebs_volume.bad',
    expect: 'fail',
    message: /`aws_ebs_volume.bad` is not encrypted at rest/,
  },
  {
    name: 'terraform plan: volume with encrypted = true and the default key',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/regula__aws-ebs-volume-encryption.json',
    target: 'aws_ebs_volume.good',
    expect: 'pass',
  },
  {
    name: 'terraform plan: volume without encrypted depends on the account default',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/regula__aws-ebs-volume-encryption.json',
    target: 'aws_ebs_volume.missing',
    expect: 'unknown',
  },
  // Terraform (CDKTF)
  {
    name: 'terraform: Redis OSS replication group leaving at_rest_encryption_enabled unset',
    source: 'cdktf',
    build: (stack) =>
      void tfReplicationGroup(stack, 'Cache', {
        engine: 'redis',
        atRestEncryptionEnabled: undefined,
        kmsKeyId: undefined,
      }),
    target: 'Cache',
    expect: 'fail',
    message: /`Cache` is not encrypted at rest/,
  },
  {
    name: 'terraform: Valkey replication group leaving at_rest_encryption_enabled unset (Valkey encrypts)',
    source: 'cdktf',
    build: (stack) =>
      void tfReplicationGroup(stack, 'Cache', { atRestEncryptionEnabled: undefined, kmsKeyId: undefined }),
    target: 'Cache',
    expect: 'pass',
  },
  {
    name: 'terraform: Neptune cluster without storage_encrypted',
    source: 'cdktf',
    build: (stack) =>
      void tfNeptuneCluster(stack, 'Graph', { storageEncrypted: undefined, kmsKeyArn: undefined }),
    target: 'Graph',
    expect: 'fail',
    message: /`Graph` is not encrypted at rest/,
  },
  {
    name: 'terraform: OpenSearch domain without encrypt_at_rest',
    source: 'cdktf',
    build: (stack) => void tfSearchDomain(stack, 'Search', { encryptAtRest: undefined }),
    target: 'Search',
    expect: 'fail',
    message: /`Search` is not encrypted at rest/,
  },
  {
    name: 'terraform: OpenSearch domain encrypted with a customer key',
    source: 'cdktf',
    build: (stack) => void tfSearchDomain(stack),
    target: 'Search',
    expect: 'pass',
  },
  {
    name: 'terraform: Kinesis stream without encryption_type',
    source: 'cdktf',
    build: (stack) =>
      void tfKinesisStream(stack, 'Stream', { encryptionType: undefined, kmsKeyId: undefined }),
    target: 'Stream',
    expect: 'fail',
    message: /`Stream` is not encrypted at rest/,
  },
  {
    name: 'terraform: Redshift cluster leaving encrypted to the provider version',
    source: 'cdktf',
    build: (stack) =>
      void tfRedshiftCluster(stack, 'Warehouse', { encrypted: undefined, kmsKeyId: undefined }),
    target: 'Warehouse',
    expect: 'unknown',
    message: /provider version/,
  },
  {
    name: 'terraform plan: Kinesis stream with encryption_type NONE',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-data-services/plan.json',
    target: 'aws_kinesis_stream.bare',
    expect: 'fail',
    message: /is not encrypted at rest/,
  },
  {
    name: 'terraform plan: Kinesis stream encrypted with a customer key',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-data-services/plan.json',
    target: 'aws_kinesis_stream.good',
    expect: 'pass',
  },
  {
    name: 'terraform plan: delivery stream reading an unencrypted Kinesis stream',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-data-services/plan.json',
    target: 'aws_kinesis_firehose_delivery_stream.from_bare',
    expect: 'fail',
    message: /is not encrypted at rest/,
  },
  {
    name: 'terraform plan: Redis OSS replication group on defaults (at_rest_encryption_enabled computed)',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-data-services/plan.json',
    target: 'aws_elasticache_replication_group.bare',
    expect: 'fail',
    message: /is not encrypted at rest/,
  },
  {
    name: 'terraform plan: Redshift cluster on provider 5 defaults (encrypted false)',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-data-services/plan.json',
    target: 'aws_redshift_cluster.bare',
    expect: 'fail',
    message: /is not encrypted at rest/,
  },
  {
    name: 'terraform plan: azurerm storage account (always encrypted)',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/regula__azure-storage-secure-transfer.json',
    target: 'azurerm_storage_account.validstorageaccount1',
    expect: 'pass',
  },
]);
