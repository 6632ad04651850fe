import * as s3 from 'aws-cdk-lib/aws-s3';
import { defineCases } from '../../../lib/engine/cases';
import { blobService, storageAccount } from '../../../test/support/azure-native';
import rule from './object-store-soft-delete';

export default defineCases(rule, [
  {
    name: 'pulumi: account keeping deleted blobs and containers for 30 days',
    source: 'pulumi',
    build: () => void blobService(storageAccount('data'), 'data'),
    target: 'data',
    expect: 'pass',
  },
  {
    name: 'pulumi: account with blob soft delete turned off',
    source: 'pulumi',
    build: () =>
      void blobService(storageAccount('data'), 'data', {
        deleteRetentionPolicy: { enabled: false },
      }),
    target: 'data',
    expect: 'fail',
    message: '`data` deletes blobs at once (soft delete of blobs is off)',
  },
  {
    name: 'pulumi: account with container soft delete turned off',
    source: 'pulumi',
    build: () =>
      void blobService(storageAccount('data'), 'data', {
        containerDeleteRetentionPolicy: { enabled: false },
      }),
    target: 'data',
    expect: 'fail',
    message: '`data` deletes containers at once (soft delete of containers is off)',
  },
  {
    name: 'pulumi: blob service properties that leave container soft delete out (no documented default)',
    source: 'pulumi',
    build: () =>
      void blobService(storageAccount('data'), 'data', { containerDeleteRetentionPolicy: undefined }),
    target: 'data',
    expect: 'unknown',
    message: /soft delete of containers cannot be resolved/,
  },
  {
    name: 'pulumi: account without blob service properties (no documented default)',
    source: 'pulumi',
    build: () => void storageAccount('data'),
    target: 'data',
    expect: 'unknown',
    message: /soft delete of blobs cannot be resolved/,
  },
  {
    name: 'pulumi: public account without soft delete',
    source: 'pulumi',
    build: () =>
      void blobService(storageAccount('data', { tags: { 'data-classification': 'public' } }), 'data', {
        deleteRetentionPolicy: { enabled: false },
        containerDeleteRetentionPolicy: { enabled: false },
      }),
    target: 'data',
    expect: 'not_applicable',
  },
  {
    name: 'S3 bucket: no soft-delete setting (versioning keeps deleted objects)',
    build: (stack) => void new s3.Bucket(stack, 'Data', { versioned: true }),
    target: 'Data',
    expect: 'not_applicable',
  },
]);
