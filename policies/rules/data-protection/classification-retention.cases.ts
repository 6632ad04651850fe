import { Duration, Tags } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { IConstruct } from 'constructs';
import { defineCases } from '../../../lib/engine/cases';
import { kinesisStream } from '../../../test/support/data-services';
import rule from './classification-retention';
import * as storage from '@pulumi/azure-native/storage';
import { storageAccount } from '../../../test/support/azure-native';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { classified, tfBucket, tfTable } from '../../../test/support/terraform-stores';

const classify = <T extends IConstruct>(c: T, level: string): T => {
  Tags.of(c).add('data-classification', level);
  return c;
};

/** A lifecycle policy of `account` deleting blobs of `blobTypes` after `days`, and previous versions after `versionDays`. */
function lifecycle(
  account: storage.StorageAccount,
  days: number,
  options: { blobTypes?: string[]; versionDays?: number } = {},
): storage.ManagementPolicy {
  return new storage.ManagementPolicy('lifecycle', {
    resourceGroupName: 'rg-cases',
    accountName: account.name,
    managementPolicyName: 'default',
    policy: {
      rules: [
        {
          name: 'classification-expiry',
          enabled: true,
          type: 'Lifecycle',
          definition: {
            filters: { blobTypes: options.blobTypes ?? ['blockBlob', 'appendBlob'] },
            actions: {
              baseBlob: { delete: { daysAfterModificationGreaterThan: days } },
              ...(options.versionDays === undefined
                ? {}
                : { version: { delete: { daysAfterCreationGreaterThan: options.versionDays } } }),
            },
          },
        },
      ],
    },
  });
}

/** A CONFIDENTIAL account keeping blob versions (versioning on in its blob service). */
function versionedAccount(name: string): storage.StorageAccount {
  const account = storageAccount(name);
  new storage.BlobServiceProperties(`${name}-blobs`, {
    resourceGroupName: 'rg-cases',
    accountName: account.name,
    blobServicesName: 'default',
    isVersioningEnabled: true,
  });
  return account;
}

export default defineCases(rule, [
  {
    name: 'confidential bucket expiring objects after a year',
    build: (stack) => {
      classify(
        new s3.Bucket(stack, 'Data', { lifecycleRules: [{ expiration: Duration.days(365) }] }),
        'confidential',
      );
    },
    target: 'Data',
    expect: 'pass',
  },
  {
    name: 'confidential bucket without a lifecycle rule',
    build: (stack) => {
      classify(new s3.Bucket(stack, 'Data'), 'confidential');
    },
    target: 'Data',
    expect: 'fail',
    message: /`Data` keeps CONFIDENTIAL data without expiry; the level requires expiry within 365 days/,
  },
  {
    name: 'restricted bucket expiring objects after a year, beyond its 180 days',
    build: (stack) => {
      classify(
        new s3.Bucket(stack, 'Data', { lifecycleRules: [{ expiration: Duration.days(365) }] }),
        'restricted',
      );
    },
    target: 'Data',
    expect: 'fail',
    message: /`Data` keeps RESTRICTED data 365 days, more than the level's 180/,
  },
  {
    name: 'versioned internal bucket expiring current objects but keeping old versions',
    build: (stack) => {
      classify(
        new s3.Bucket(stack, 'Data', {
          versioned: true,
          lifecycleRules: [{ expiration: Duration.days(730) }],
        }),
        'internal',
      );
    },
    target: 'Data',
    expect: 'fail',
    message: /`Data` keeps noncurrent versions of INTERNAL data forever/,
  },
  {
    name: 'versioned internal bucket expiring current objects and old versions',
    build: (stack) => {
      classify(
        new s3.Bucket(stack, 'Data', {
          versioned: true,
          lifecycleRules: [
            { expiration: Duration.days(730), noncurrentVersionExpiration: Duration.days(35) },
          ],
        }),
        'internal',
      );
    },
    target: 'Data',
    expect: 'pass',
  },
  {
    name: 'bucket expiring only one prefix',
    build: (stack) => {
      classify(
        new s3.Bucket(stack, 'Data', { lifecycleRules: [{ prefix: 'tmp/', expiration: Duration.days(30) }] }),
        'top-secret',
      );
    },
    target: 'Data',
    expect: 'fail',
    message: /`Data` keeps TOP_SECRET data without expiry/,
  },
  {
    name: 'public bucket may keep its data',
    build: (stack) => {
      classify(new s3.Bucket(stack, 'Site'), 'public');
    },
    target: 'Site',
    expect: 'not_applicable',
  },
  {
    name: 'top-secret queue keeping messages four days (SQS default)',
    build: (stack) => {
      classify(new sqs.Queue(stack, 'Jobs'), 'top-secret');
    },
    target: 'Jobs',
    expect: 'pass',
  },
  {
    name: 'confidential table without TTL',
    build: (stack) => {
      classify(
        new dynamodb.Table(stack, 'Orders', {
          partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
        }),
        'confidential',
      );
    },
    target: 'Orders',
    expect: 'fail',
    message: /`Orders` keeps CONFIDENTIAL data without expiry/,
  },
  {
    name: 'confidential table expiring items by TTL, at times the application writes',
    build: (stack) => {
      classify(
        new dynamodb.Table(stack, 'Orders', {
          partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
          timeToLiveAttribute: 'expiresAt',
        }),
        'confidential',
      );
    },
    target: 'Orders',
    expect: 'pass',
  },
  {
    name: 'restricted Kinesis stream keeping records the default 24 hours',
    build: (stack) => {
      Tags.of(kinesisStream(stack)).add('data-classification', 'restricted');
    },
    target: 'Events',
    expect: 'pass',
  },
  {
    name: 'restricted Kinesis stream keeping records a year',
    build: (stack) => {
      Tags.of(kinesisStream(stack, 'Events', { retentionPeriodHours: 8760 })).add(
        'data-classification',
        'restricted',
      );
    },
    target: 'Events',
    expect: 'fail',
    message: /`Events` keeps RESTRICTED data 365 days, more than the level's 180/,
  },
  {
    name: 'terraform: confidential bucket without a lifecycle configuration',
    source: 'cdktf',
    build: (stack) => void tfBucket(stack, 'Data', { level: 'confidential' }),
    target: 'Data',
    expect: 'fail',
    message: '`Data` keeps CONFIDENTIAL data without expiry; the level requires expiry within 365 days',
  },
  {
    name: 'terraform: confidential bucket expiring objects after 365 days',
    source: 'cdktf',
    build: (stack) => {
      const b = tfBucket(stack, 'Data', { level: 'confidential' });
      new S3BucketLifecycleConfiguration(stack, 'Expiry', {
        bucket: b.id,
        rule: [{ id: 'expire', status: 'Enabled', filter: [{}], expiration: [{ days: 365 }] }],
      });
    },
    target: 'Data',
    expect: 'pass',
  },
  {
    name: 'terraform: restricted bucket expiring objects after 400 days',
    source: 'cdktf',
    build: (stack) => {
      const b = tfBucket(stack, 'Data', { level: 'restricted' });
      new S3BucketLifecycleConfiguration(stack, 'Expiry', {
        bucket: b.id,
        rule: [{ id: 'expire', status: 'Enabled', filter: [{}], expiration: [{ days: 400 }] }],
      });
    },
    target: 'Data',
    expect: 'fail',
    message: "`Data` keeps RESTRICTED data 400 days, more than the level's 180",
  },
  {
    name: 'terraform: internal table expiring items by TTL',
    source: 'cdktf',
    build: (stack) =>
      void tfTable(stack, 'Orders', {
        ttl: { attributeName: 'expires', enabled: true },
        ...classified('internal'),
      }),
    target: 'Orders',
    expect: 'pass',
    message: /expires INTERNAL items by TTL on attribute `expires`/,
  },
  {
    name: 'Pulumi: confidential storage account whose lifecycle deletes blobs after 365 days and versions after 14',
    source: 'pulumi',
    build: () => void lifecycle(versionedAccount('documents'), 365, { versionDays: 14 }),
    target: 'documents',
    expect: 'pass',
  },
  {
    name: 'Pulumi: confidential storage account without a lifecycle policy',
    source: 'pulumi',
    build: () => void storageAccount('documents'),
    target: 'documents',
    expect: 'fail',
    message: /`documents` keeps CONFIDENTIAL data without expiry; the level requires expiry within 365 days/,
  },
  {
    name: 'Pulumi: lifecycle deletes block blobs only: append blobs never expire',
    source: 'pulumi',
    build: () => void lifecycle(storageAccount('documents'), 365, { blobTypes: ['blockBlob'] }),
    target: 'documents',
    expect: 'fail',
    message: /`documents` keeps CONFIDENTIAL data without expiry/,
  },
  {
    name: 'Pulumi: lifecycle deletes blobs after 730 days',
    source: 'pulumi',
    build: () => void lifecycle(storageAccount('documents'), 730),
    target: 'documents',
    expect: 'fail',
    message: /`documents` keeps CONFIDENTIAL data 730 days, more than the level's 365/,
  },
  {
    name: 'Pulumi: versioned account whose lifecycle never deletes previous versions',
    source: 'pulumi',
    build: () => void lifecycle(versionedAccount('documents'), 365),
    target: 'documents',
    expect: 'fail',
    message: /`documents` keeps noncurrent versions of CONFIDENTIAL data forever/,
  },
]);
