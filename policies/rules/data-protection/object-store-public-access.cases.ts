import * as s3 from 'aws-cdk-lib/aws-s3';
import { defineCases } from '../../../lib/engine/cases';
import * as storage from '@pulumi/azure-native/storage';
import { storageAccount } from '../../../test/support/azure-native';
import rule from './object-store-public-access';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';

export default defineCases(rule, [
  {
    name: 'bucket with all four block settings',
    build: (stack) => {
      new s3.Bucket(stack, 'Data', { blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL });
    },
    target: 'Data',
    expect: 'pass',
  },
  {
    name: 'bucket on the S3 default (public access blocked on new buckets)',
    build: (stack) => {
      new s3.Bucket(stack, 'Data');
    },
    target: 'Data',
    expect: 'pass',
  },
  {
    name: 'bucket that blocks ACLs only',
    build: (stack) => {
      new s3.Bucket(stack, 'Data', { blockPublicAccess: s3.BlockPublicAccess.BLOCK_ACLS_ONLY });
    },
    target: 'Data',
    expect: 'fail',
    message: /`Data` does not block public access \(public access block: partially-blocked\)/,
  },
  {
    name: 'bucket with every block setting off',
    build: (stack) => {
      new s3.Bucket(stack, 'Data', {
        blockPublicAccess: new s3.BlockPublicAccess({
          blockPublicAcls: false,
          blockPublicPolicy: false,
          ignorePublicAcls: false,
          restrictPublicBuckets: false,
        }),
      });
    },
    target: 'Data',
    expect: 'fail',
    message: /public access block: open/,
  },
  {
    name: 'Terraform: aws_s3_bucket_public_access_block with all four settings on',
    source: 'cdktf',
    build: (stack) => {
      const b = new S3Bucket(stack, 'Bucket', { bucket: 'data' });
      new S3BucketPublicAccessBlock(stack, 'Block', {
        bucket: b.id,
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
      });
    },
    target: 'Bucket',
    expect: 'pass',
  },
  {
    name: 'Terraform: aws_s3_bucket_public_access_block leaves block_public_policy off',
    source: 'cdktf',
    build: (stack) => {
      const b = new S3Bucket(stack, 'Bucket', { bucket: 'data' });
      new S3BucketPublicAccessBlock(stack, 'Block', {
        bucket: b.id,
        blockPublicAcls: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
      });
    },
    target: 'Bucket',
    expect: 'fail',
    message: /`Bucket` does not block public access \(public access block: partially-blocked\)/,
  },
  {
    name: 'terraform plan: azurerm storage account with allow_blob_public_access false',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/terraform-compliance__azure-storage-accounts.json',
    target: 'azurerm_storage_account.private',
    expect: 'pass',
  },
  {
    name: 'terraform plan: azurerm storage account with allow_blob_public_access true',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/terraform-compliance__azure-storage-accounts.json',
    target: 'azurerm_storage_account.example',
    expect: 'fail',
    message: /does not block public access/,
  },
  {
    name: 'terraform plan: a container declared public in an azurerm storage account that refuses public containers',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/regula__azure-storage-container-access.json',
    target: 'azurerm_storage_account.example',
    expect: 'pass',
  },
  {
    name: 'pulumi: storage account with allowBlobPublicAccess false',
    source: 'pulumi',
    build: () => storageAccount('data'),
    target: 'data',
    expect: 'pass',
  },
  {
    name: 'pulumi: storage account without allowBlobPublicAccess (the API reads it as false)',
    source: 'pulumi',
    build: () => storageAccount('data', { allowBlobPublicAccess: undefined }),
    target: 'data',
    expect: 'pass',
  },
  {
    name: 'pulumi: storage account with allowBlobPublicAccess true and a container open to anonymous reads',
    source: 'pulumi',
    build: () => {
      const account = storageAccount('data', { allowBlobPublicAccess: true });
      new storage.BlobContainer('site', {
        resourceGroupName: 'rg-cases',
        accountName: account.name,
        publicAccess: 'Blob',
      });
    },
    target: 'data',
    expect: 'fail',
    message: '`data` does not block public access (anonymous access to its containers is allowed)',
  },
]);
