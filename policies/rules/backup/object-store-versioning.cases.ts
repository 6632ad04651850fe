import { CfnCondition, CfnParameter, Fn, Tags } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { defineCases } from '../../../lib/engine/cases';
import rule from './object-store-versioning';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';

export default defineCases(rule, [
  {
    name: 'versioned bucket',
    build: (stack) => void new s3.Bucket(stack, 'Data', { versioned: true }),
    target: 'Data',
    expect: 'pass',
  },
  {
    name: 'bucket left without versioning',
    build: (stack) => void new s3.Bucket(stack, 'Data'),
    target: 'Data',
    expect: 'fail',
    message: '`Data` keeps no previous versions (versioning is not enabled)',
  },
  {
    name: 'versioning suspended',
    build: (stack) =>
      void new s3.CfnBucket(stack, 'Data', { versioningConfiguration: { status: 'Suspended' } }),
    target: 'Data',
    expect: 'fail',
  },
  {
    name: 'versioning that depends on a deploy-time condition',
    build: (stack) => {
      const env = new CfnParameter(stack, 'Env', { type: 'String' });
      const prod = new CfnCondition(stack, 'IsProd', {
        expression: Fn.conditionEquals(env.valueAsString, 'prod'),
      });
      new s3.CfnBucket(stack, 'Data', {
        versioningConfiguration: {
          status: Fn.conditionIf(prod.logicalId, 'Enabled', 'Suspended').toString(),
        },
      });
    },
    target: 'Data',
    expect: 'fail',
    message: /^when condition `IsProd` is false: `Data` keeps no previous versions/,
  },
  {
    name: 'public website bucket without versioning is exempt',
    build: (stack) => {
      const b = new s3.Bucket(stack, 'Site');
      Tags.of(b).add('data-classification', 'public');
    },
    target: 'Site',
    expect: 'not_applicable',
  },
  {
    name: 'Terraform: aws_s3_bucket_versioning with status Enabled',
    source: 'cdktf',
    build: (stack) => {
      const b = new S3Bucket(stack, 'Bucket', { bucket: 'data' });
      new S3BucketVersioningA(stack, 'Versioning', {
        bucket: b.id,
        versioningConfiguration: { status: 'Enabled' },
      });
    },
    target: 'Bucket',
    expect: 'pass',
  },
  {
    name: 'Terraform: aws_s3_bucket_versioning with status Suspended',
    source: 'cdktf',
    build: (stack) => {
      const b = new S3Bucket(stack, 'Bucket', { bucket: 'data' });
      new S3BucketVersioningA(stack, 'Versioning', {
        bucket: b.id,
        versioningConfiguration: { status: 'Suspended' },
      });
    },
    target: 'Bucket',
    expect: 'fail',
    message: /`Bucket` keeps no previous versions/,
  },
  {
    name: 'Terraform: inline versioning { enabled = true } (provider v3)',
    source: 'cdktf',
    build: (stack) => {
      new S3Bucket(stack, 'Bucket', { bucket: 'data', versioning: { enabled: true } });
    },
    target: 'Bucket',
    expect: 'pass',
  },
  {
    name: 'terraform plan: azurerm storage account without blob_properties versioning',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/regula__azure-storage-secure-transfer.json',
    target: 'azurerm_storage_account.validstorageaccount1',
    expect: 'fail',
    message: /keeps no previous versions/,
  },
]);
