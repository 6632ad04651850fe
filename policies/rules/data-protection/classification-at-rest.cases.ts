import { Tags } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { defineCases } from '../../../lib/engine/cases';
import { logBucket } from '../../../test/support/log-buckets';
import { memcachedCluster, replicationGroup } from '../../../test/support/data-services';
import { storageAccount } from '../../../test/support/azure-native';
import rule from './classification-at-rest';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { classified, tfAlbLoggingTo, tfBucket, tfKey } from '../../../test/support/terraform-stores';
import { DynamodbTable } from '@cdktf/provider-aws/lib/dynamodb-table';

const partitionKey = { name: 'id', type: dynamodb.AttributeType.STRING };
const classify = (c: IConstruct, level: string) => Tags.of(c).add('data-classification', level);

export default defineCases(rule, [
  {
    name: 'confidential table with a customer-managed key',
    build: (stack) => {
      const t = new dynamodb.Table(stack, 'Orders', {
        partitionKey,
        encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
        encryptionKey: new kms.Key(stack, 'Key'),
      });
      classify(t, 'confidential');
    },
    target: 'Orders',
    expect: 'pass',
  },
  {
    name: 'confidential table on the AWS managed key',
    build: (stack) => {
      classify(
        new dynamodb.Table(stack, 'Orders', {
          partitionKey,
          encryption: dynamodb.TableEncryption.AWS_MANAGED,
        }),
        'confidential',
      );
    },
    target: 'Orders',
    expect: 'fail',
    message:
      /`Orders` is CONFIDENTIAL and uses kms-provider-key encryption; the level requires a customer-managed KMS key/,
  },
  {
    name: 'internal queue on the AWS managed SQS key',
    build: (stack) => {
      classify(new sqs.Queue(stack, 'Jobs', { encryption: sqs.QueueEncryption.KMS_MANAGED }), 'internal');
    },
    target: 'Jobs',
    expect: 'pass',
  },
  {
    name: 'internal queue on SQS-owned keys',
    build: (stack) => {
      classify(new sqs.Queue(stack, 'Jobs', { encryption: sqs.QueueEncryption.SQS_MANAGED }), 'internal');
    },
    target: 'Jobs',
    expect: 'fail',
    message: /`Jobs` is INTERNAL and uses provider encryption; the level requires a KMS key/,
  },
  {
    name: 'top-secret bucket with dual-layer encryption',
    build: (stack) => {
      const b = new s3.Bucket(stack, 'Vault', {
        encryption: s3.BucketEncryption.DSSE,
        encryptionKey: new kms.Key(stack, 'Key'),
      });
      classify(b, 'top-secret');
    },
    target: 'Vault',
    expect: 'pass',
  },
  {
    name: 'top-secret bucket with a single KMS layer',
    build: (stack) => {
      const b = new s3.Bucket(stack, 'Vault', {
        encryption: s3.BucketEncryption.KMS,
        encryptionKey: new kms.Key(stack, 'Key'),
      });
      classify(b, 'top-secret');
    },
    target: 'Vault',
    expect: 'fail',
    message: /`Vault` is TOP_SECRET and uses customer-key encryption; the level requires two layers/,
  },
  {
    name: 'unclassified store is left to BW-DP-011',
    build: (stack) => {
      new sqs.Queue(stack, 'Jobs', { encryption: sqs.QueueEncryption.SQS_MANAGED });
    },
    target: 'Jobs',
    expect: 'not_applicable',
  },
  {
    name: 'internal bucket on SSE-S3 receiving application load balancer access logs, which take no KMS key',
    build: (stack) => classify(logBucket(stack, 'application'), 'internal'),
    target: 'Logs',
    expect: 'not_applicable',
  },
  {
    name: 'internal bucket on SSE-S3 receiving network load balancer access logs, which accept a KMS key',
    build: (stack) => classify(logBucket(stack, 'network'), 'internal'),
    target: 'Logs',
    expect: 'fail',
    message: '`Logs` is INTERNAL and uses provider encryption; the level requires a KMS key',
  },
  {
    name: 'confidential Memcached cluster: data in memory only, no key to hold',
    build: (stack) => {
      Tags.of(memcachedCluster(stack)).add('data-classification', 'confidential');
    },
    target: 'Memcached',
    expect: 'not_applicable',
  },
  {
    name: 'confidential ElastiCache replication group encrypted with a key ElastiCache owns',
    build: (stack) => {
      Tags.of(replicationGroup(stack)).add('data-classification', 'confidential');
    },
    target: 'Cache',
    expect: 'fail',
    message: /`Cache` is CONFIDENTIAL and uses provider encryption/,
  },
  {
    name: 'terraform: confidential bucket on SSE-S3 (AES256)',
    source: 'cdktf',
    build: (stack) => void tfBucket(stack, 'Data', { sse: 'AES256', level: 'confidential' }),
    target: 'Data',
    expect: 'fail',
    message:
      '`Data` is CONFIDENTIAL and uses provider encryption; the level requires a customer-managed KMS key',
  },
  {
    name: 'terraform: confidential queue on a customer-managed key',
    source: 'cdktf',
    build: (stack) => {
      new SqsQueue(stack, 'Jobs', {
        name: 'jobs',
        kmsMasterKeyId: tfKey(stack, 'Key').arn,
        ...classified('confidential'),
      });
    },
    target: 'Jobs',
    expect: 'pass',
  },
  {
    name: 'terraform: top-secret bucket on aws:kms with a customer key (one layer)',
    source: 'cdktf',
    build: (stack) =>
      void tfBucket(stack, 'Data', { sse: 'aws:kms', key: tfKey(stack, 'Key'), level: 'top-secret' }),
    target: 'Data',
    expect: 'fail',
    message: /`Data` is TOP_SECRET and uses customer-key encryption; the level requires two layers/,
  },
  {
    name: 'terraform: top-secret bucket on aws:kms:dsse with a customer key',
    source: 'cdktf',
    build: (stack) =>
      void tfBucket(stack, 'Data', { sse: 'aws:kms:dsse', key: tfKey(stack, 'Key'), level: 'top-secret' }),
    target: 'Data',
    expect: 'pass',
  },
  {
    name: 'terraform: internal SSE-S3 bucket receiving application load balancer access logs',
    source: 'cdktf',
    build: (stack) =>
      void tfAlbLoggingTo(stack, tfBucket(stack, 'Logs', { sse: 'AES256', level: 'internal' })),
    target: 'Logs',
    expect: 'not_applicable',
  },
  {
    name: 'terraform: confidential table on a customer key whose replica takes the AWS managed key',
    source: 'cdktf',
    build: (stack) => {
      new DynamodbTable(stack, 'Orders', {
        name: 'orders',
        hashKey: 'id',
        attribute: [{ name: 'id', type: 'S' }],
        billingMode: 'PAY_PER_REQUEST',
        streamEnabled: true,
        streamViewType: 'NEW_AND_OLD_IMAGES',
        serverSideEncryption: { enabled: true, kmsKeyArn: tfKey(stack, 'Key').arn },
        replica: [{ regionName: 'eu-central-1' }],
        ...classified('confidential'),
      });
    },
    target: 'Orders',
    expect: 'fail',
    message: '`Orders` is CONFIDENTIAL and uses kms-provider-key encryption',
  },
  {
    name: 'terraform: confidential table whose replica names its own customer key',
    source: 'cdktf',
    build: (stack) => {
      new DynamodbTable(stack, 'Orders', {
        name: 'orders',
        hashKey: 'id',
        attribute: [{ name: 'id', type: 'S' }],
        billingMode: 'PAY_PER_REQUEST',
        streamEnabled: true,
        streamViewType: 'NEW_AND_OLD_IMAGES',
        serverSideEncryption: { enabled: true, kmsKeyArn: tfKey(stack, 'Key').arn },
        replica: [{ regionName: 'eu-central-1', kmsKeyArn: tfKey(stack, 'ReplicaKey').arn }],
        ...classified('confidential'),
      });
    },
    target: 'Orders',
    expect: 'pass',
  },
  {
    name: 'pulumi: CONFIDENTIAL storage account with a Key Vault key and infrastructure encryption',
    source: 'pulumi',
    build: () => storageAccount('data'),
    target: 'data',
    expect: 'pass',
  },
  {
    name: 'pulumi: CONFIDENTIAL storage account with infrastructure encryption on Microsoft-managed keys',
    source: 'pulumi',
    build: () =>
      storageAccount('data', {
        encryption: { keySource: 'Microsoft.Storage', requireInfrastructureEncryption: true },
      }),
    target: 'data',
    expect: 'fail',
    message:
      '`data` is CONFIDENTIAL and uses two layers of encryption on provider-managed keys; the level requires a customer-managed key in Key Vault',
  },
  {
    name: 'pulumi: CONFIDENTIAL storage account on Microsoft-managed keys',
    source: 'pulumi',
    build: () => storageAccount('data', { encryption: { keySource: 'Microsoft.Storage' } }),
    target: 'data',
    expect: 'fail',
    message:
      '`data` is CONFIDENTIAL and uses provider encryption; the level requires a customer-managed key in Key Vault',
  },
  {
    name: 'pulumi: INTERNAL storage account with infrastructure encryption on Microsoft-managed keys',
    source: 'pulumi',
    build: () =>
      storageAccount('data', {
        encryption: { keySource: 'Microsoft.Storage', requireInfrastructureEncryption: true },
        tags: { 'data-classification': 'internal' },
      }),
    target: 'data',
    expect: 'pass',
  },
]);
