import * as s3 from 'aws-cdk-lib/aws-s3';
import { defineCases } from '../../../lib/engine/cases';
import { blobService, storageAccount } from '../../../test/support/azure-native';
import rule from './object-store-soft-delete';
import { azurermAccount } from '../../../test/support/terraform-azurerm';

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
    name: 'terraform: azurerm account keeping deleted blobs and containers for 30 days',
    source: 'cdktf',
    provider: 'azurerm',
    build: (stack) =>
      void azurermAccount(stack, 'Data', {
        blob_properties: {
          delete_retention_policy: { days: 30 },
          container_delete_retention_policy: { days: 30 },
        },
      }),
    target: 'Data',
    expect: 'pass',
  },
  {
    name: 'terraform: azurerm blob_properties without container_delete_retention_policy (the provider turns it off)',
    source: 'cdktf',
    provider: 'azurerm',
    build: (stack) =>
      void azurermAccount(stack, 'Data', { blob_properties: { delete_retention_policy: { days: 30 } } }),
    target: 'Data',
    expect: 'fail',
    message: 'deletes containers at once (soft delete of containers is off)',
  },
  {
    name: 'terraform: azurerm blob_properties with versioning only (both soft deletes off)',
    source: 'cdktf',
    provider: 'azurerm',
    build: (stack) => void azurermAccount(stack, 'Data', { blob_properties: { versioning_enabled: true } }),
    target: 'Data',
    expect: 'fail',
    message: 'deletes blobs at once (soft delete of blobs is off)',
  },
  {
    name: 'terraform plan: azurerm account without blob_properties (left to the service, no documented default)',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/regula__azure-storage-secure-transfer.json',
    target: 'azurerm_storage_account.validstorageaccount1',
    expect: 'unknown',
    message: /soft delete of blobs cannot be resolved \(`blob_properties` is not set/,
  },
  {
    name: 'S3 bucket: no soft-delete setting (versioning keeps deleted objects)',
    build: (stack) => void new s3.Bucket(stack, 'Data', { versioned: true }),
    target: 'Data',
    expect: 'not_applicable',
  },
]);
