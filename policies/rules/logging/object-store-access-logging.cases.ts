import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { defineCases } from '../../../lib/engine/cases';
import rule from './object-store-access-logging';
import { S3BucketLoggingA } from '@cdktf/provider-aws/lib/s3-bucket-logging';
import { tfAlbLoggingTo, tfBucket } from '../../../test/support/terraform-stores';
import * as pulumi from '@pulumi/pulumi';
import { diagnostics, storageAccount } from '../../../test/support/azure-native';

export default defineCases(rule, [
  {
    name: 'bucket logging requests to a log bucket',
    build: (stack) => {
      const logs = new s3.Bucket(stack, 'AccessLogs');
      new s3.Bucket(stack, 'Data', { serverAccessLogsBucket: logs, serverAccessLogsPrefix: 'data/' });
    },
    target: 'Data',
    expect: 'pass',
  },
  {
    name: 'bucket on the S3 default (no access logs)',
    build: (stack) => {
      new s3.Bucket(stack, 'Data');
    },
    target: 'Data',
    expect: 'fail',
    message: /`Data` records no server access logs/,
  },
  {
    name: 'log bucket holding the server access logs of another bucket',
    build: (stack) => {
      const logs = new s3.Bucket(stack, 'AccessLogs');
      new s3.Bucket(stack, 'Data', { serverAccessLogsBucket: logs, serverAccessLogsPrefix: 'data/' });
    },
    target: 'AccessLogs',
    expect: 'not_applicable',
  },
  {
    name: 'log bucket holding application load balancer access logs',
    build: (stack) => {
      const logs = new s3.Bucket(stack, 'LbLogs');
      new elbv2.CfnLoadBalancer(stack, 'Lb', {
        subnets: ['subnet-12345678', 'subnet-87654321'],
        loadBalancerAttributes: [
          { key: 'access_logs.s3.enabled', value: 'true' },
          { key: 'access_logs.s3.bucket', value: logs.bucketName },
        ],
      });
    },
    target: 'LbLogs',
    expect: 'not_applicable',
  },
  {
    name: 'terraform: bucket without aws_s3_bucket_logging',
    source: 'cdktf',
    build: (stack) => void tfBucket(stack, 'Data'),
    target: 'Data',
    expect: 'fail',
    message: '`Data` records no server access logs',
  },
  {
    name: 'terraform: bucket logging to a log bucket through aws_s3_bucket_logging',
    source: 'cdktf',
    build: (stack) => {
      const logs = tfBucket(stack, 'Logs');
      new S3BucketLoggingA(stack, 'DataLogging', {
        bucket: tfBucket(stack, 'Data').id,
        targetBucket: logs.id,
        targetPrefix: 'data/',
      });
    },
    target: 'Data',
    expect: 'pass',
  },
  {
    name: 'terraform: the log bucket holding server access logs of another bucket',
    source: 'cdktf',
    build: (stack) => {
      const logs = tfBucket(stack, 'Logs');
      new S3BucketLoggingA(stack, 'DataLogging', {
        bucket: tfBucket(stack, 'Data').id,
        targetBucket: logs.id,
        targetPrefix: 'data/',
      });
    },
    target: 'Logs',
    expect: 'not_applicable',
  },
  {
    name: 'terraform: bucket receiving application load balancer access logs',
    source: 'cdktf',
    build: (stack) => void tfAlbLoggingTo(stack, tfBucket(stack, 'Logs')),
    target: 'Logs',
    expect: 'not_applicable',
  },
  {
    name: 'Pulumi: storage account whose blob service sends all its logs to the workspace',
    source: 'pulumi',
    build: () => {
      const a = storageAccount('documents');
      diagnostics('documents-blobs', pulumi.interpolate`${a.id}/blobServices/default`);
    },
    target: 'documents',
    expect: 'pass',
  },
  {
    name: 'Pulumi: storage account logging blob writes only: reads and deletes are not recorded',
    source: 'pulumi',
    build: () => {
      const a = storageAccount('documents');
      diagnostics('documents-blobs', pulumi.interpolate`${a.id}/blobServices/default`, [
        { category: 'StorageWrite', enabled: true },
      ]);
    },
    target: 'documents',
    expect: 'fail',
    message: '`documents` records no server access logs',
  },
]);
