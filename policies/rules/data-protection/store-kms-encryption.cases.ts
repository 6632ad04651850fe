import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Tags } from 'aws-cdk-lib';
import { defineCases } from '../../../lib/engine/cases';
import { logBucket } from '../../../test/support/log-buckets';
import { memcachedCluster } from '../../../test/support/data-services';
import { aiAccount, storageAccount } from '../../../test/support/azure-native';
import rule from './store-kms-encryption';
import * as sam from 'aws-cdk-lib/aws-sam';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { tfAlbLoggingTo, tfBucket, tfKey } from '../../../test/support/terraform-stores';

export default defineCases(rule, [
  {
    name: 'bucket encrypted with a customer-managed KMS key',
    build: (stack) => {
      new s3.Bucket(stack, 'Data', {
        encryption: s3.BucketEncryption.KMS,
        encryptionKey: new kms.Key(stack, 'Key'),
      });
    },
    target: 'Data',
    expect: 'pass',
  },
  {
    name: 'bucket encrypted with the AWS managed aws/s3 key',
    build: (stack) => {
      new s3.Bucket(stack, 'Data', { encryption: s3.BucketEncryption.KMS_MANAGED });
    },
    target: 'Data',
    expect: 'pass',
  },
  {
    name: 'bucket left on the SSE-S3 default',
    build: (stack) => {
      new s3.Bucket(stack, 'Data');
    },
    target: 'Data',
    expect: 'fail',
    message: /`Data` uses service-managed encryption/,
  },
  {
    name: 'bucket with explicit SSE-S3',
    build: (stack) => {
      new s3.Bucket(stack, 'Data', { encryption: s3.BucketEncryption.S3_MANAGED });
    },
    target: 'Data',
    expect: 'fail',
  },
  {
    name: 'public bucket on SSE-S3 is not held to KMS',
    build: (stack) => {
      const b = new s3.Bucket(stack, 'Site', { encryption: s3.BucketEncryption.S3_MANAGED });
      Tags.of(b).add('data-classification', 'public');
    },
    target: 'Site',
    expect: 'not_applicable',
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
    name: 'bucket on SSE-S3 receiving classic load balancer access logs, which take no KMS key',
    build: (stack) => void logBucket(stack, 'classic'),
    target: 'Logs',
    expect: 'not_applicable',
  },
  {
    name: 'bucket on SSE-S3 receiving application load balancer access logs, which take no KMS key',
    build: (stack) => void logBucket(stack, 'application', s3.BucketEncryption.S3_MANAGED),
    target: 'Logs',
    expect: 'not_applicable',
  },
  {
    name: 'bucket on SSE-S3 receiving network load balancer access logs, which accept a KMS key',
    build: (stack) => void logBucket(stack, 'network'),
    target: 'Logs',
    expect: 'fail',
    message: /`Logs` uses service-managed encryption/,
  },
  {
    name: 'Memcached cluster: data in memory only, no key to hold',
    build: (stack) => void memcachedCluster(stack),
    target: 'Memcached',
    expect: 'not_applicable',
  },
  {
    name: 'SAM simple table without SSESpecification',
    build: (stack) => {
      new sam.CfnSimpleTable(stack, 'Orders', {});
    },
    target: 'Orders',
    expect: 'fail',
    message: /`Orders` uses service-managed encryption, not a KMS key/,
  },
  {
    name: 'SAM simple table with SSE enabled (AWS managed KMS key)',
    build: (stack) => {
      new sam.CfnSimpleTable(stack, 'Orders', { sseSpecification: { sseEnabled: true } });
    },
    target: 'Orders',
    expect: 'pass',
  },
  {
    name: 'terraform: queue encrypted with a customer-managed key (kms_master_key_id)',
    source: 'cdktf',
    build: (stack) => {
      new SqsQueue(stack, 'Jobs', { name: 'jobs', kmsMasterKeyId: tfKey(stack, 'Key').arn });
    },
    target: 'Jobs',
    expect: 'pass',
  },
  {
    name: 'terraform: queue on SSE-SQS (no kms_master_key_id)',
    source: 'cdktf',
    build: (stack) => {
      new SqsQueue(stack, 'Jobs', { name: 'jobs' });
    },
    target: 'Jobs',
    expect: 'fail',
    message: '`Jobs` uses service-managed encryption, not a KMS key',
  },
  {
    name: 'terraform: bucket on SSE-S3 (sse_algorithm AES256)',
    source: 'cdktf',
    build: (stack) => void tfBucket(stack, 'Data', { sse: 'AES256' }),
    target: 'Data',
    expect: 'fail',
    message: '`Data` uses service-managed encryption, not a KMS key',
  },
  {
    name: 'terraform: bucket on aws:kms with a customer-managed key',
    source: 'cdktf',
    build: (stack) => void tfBucket(stack, 'Data', { sse: 'aws:kms', key: tfKey(stack, 'Key') }),
    target: 'Data',
    expect: 'pass',
  },
  {
    name: 'terraform: SSE-S3 bucket receiving application load balancer access logs',
    source: 'cdktf',
    build: (stack) => void tfAlbLoggingTo(stack, tfBucket(stack, 'Logs', { sse: 'AES256' })),
    target: 'Logs',
    expect: 'not_applicable',
  },
  {
    name: 'pulumi: storage account encrypted with a Key Vault key',
    source: 'pulumi',
    build: () => storageAccount('data'),
    target: 'data',
    expect: 'pass',
  },
  {
    name: 'pulumi: storage account without an encryption block (Microsoft-managed keys)',
    source: 'pulumi',
    build: () => storageAccount('data', { encryption: undefined }),
    target: 'data',
    expect: 'fail',
    message: '`data` uses service-managed encryption, not a customer-managed key',
  },
  {
    name: 'pulumi: AI account with keySource Microsoft.CognitiveServices',
    source: 'pulumi',
    build: () => aiAccount('assistant', { encryption: { keySource: 'Microsoft.CognitiveServices' } }),
    target: 'assistant',
    expect: 'fail',
    message: /`assistant` uses service-managed encryption/,
  },
]);
