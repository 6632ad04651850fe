import { Tags } from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { IConstruct } from 'constructs';
import { AuditLogSink } from '../../../lib/aws/audit';
import { IncidentRouting } from '../../../lib/aws/incident';
import { defineCases } from '../../../lib/engine/cases';
import rule from './classification-data-events';
import { Cloudtrail } from '@cdktf/provider-aws/lib/cloudtrail';
import type { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import type { TerraformStack } from 'cdktf';
import { tfBucket } from '../../../test/support/terraform-stores';
import * as pulumi from '@pulumi/pulumi';
import { diagnostics, storageAccount } from '../../../test/support/azure-native';

/** A Terraform trail with one advanced selector of S3 object data events on `bucket`, read-only or all when unset. */
function tfAdvancedTrail(stack: TerraformStack, bucket: S3Bucket, readOnly?: string): void {
  new Cloudtrail(stack, 'Trail', {
    name: 'trail',
    s3BucketName: tfBucket(stack, 'TrailLogs').id,
    advancedEventSelector: [
      {
        name: 'objects',
        fieldSelector: [
          { field: 'eventCategory', equalTo: ['Data'] },
          { field: 'resources.type', equalTo: ['AWS::S3::Object'] },
          { field: 'resources.ARN', startsWith: [`${bucket.arn}/`] },
          ...(readOnly === undefined ? [] : [{ field: 'readOnly', equalTo: [readOnly] }]),
        ],
      },
    ],
  });
}

/** A Terraform trail recording the object data events of `buckets` with `readWrite`, or management events only. */
function tfTrail(stack: TerraformStack, buckets: S3Bucket[], readWrite = 'All'): void {
  new Cloudtrail(stack, 'Trail', {
    name: 'trail',
    s3BucketName: tfBucket(stack, 'TrailLogs').id,
    eventSelector:
      buckets.length === 0
        ? undefined
        : [
            {
              readWriteType: readWrite,
              dataResource: [{ type: 'AWS::S3::Object', values: buckets.map((b) => `${b.arn}/`) }],
            },
          ],
  });
}

const classify = <T extends IConstruct>(c: T, level: string): T => {
  Tags.of(c).add('data-classification', level);
  return c;
};

export default defineCases(rule, [
  {
    name: 'audit log sink: its CONFIDENTIAL trail bucket and access-log bucket are not recorded by their own trail',
    build: (stack) => {
      new AuditLogSink(stack, 'Audit', { alarmTopics: new IncidentRouting(stack, 'Incidents').topics });
    },
    target: 'Audit',
    expect: 'not_applicable',
  },
  {
    name: 'confidential bucket the trail delivers to, left out of the data events',
    build: (stack) => {
      const logs = classify(new s3.Bucket(stack, 'TrailLogs'), 'confidential');
      new cloudtrail.Trail(stack, 'Trail', { bucket: logs });
    },
    target: 'TrailLogs',
    expect: 'not_applicable',
  },
  {
    name: 'confidential bucket whose writes a trail records',
    build: (stack) => {
      const bucket = classify(new s3.Bucket(stack, 'Data'), 'confidential');
      new cloudtrail.Trail(stack, 'Trail').addS3EventSelector([{ bucket }], {
        readWriteType: cloudtrail.ReadWriteType.WRITE_ONLY,
      });
    },
    target: 'Data',
    expect: 'pass',
  },
  {
    name: 'confidential bucket with no trail recording data events',
    build: (stack) => {
      classify(new s3.Bucket(stack, 'Data'), 'confidential');
      new cloudtrail.Trail(stack, 'Trail');
    },
    target: 'Data',
    expect: 'fail',
    message: /`Data` is CONFIDENTIAL and no trail records its write data events/,
  },
  {
    name: 'restricted bucket whose writes only a trail records',
    build: (stack) => {
      const bucket = classify(new s3.Bucket(stack, 'Data'), 'restricted');
      new cloudtrail.Trail(stack, 'Trail').addS3EventSelector([{ bucket }], {
        readWriteType: cloudtrail.ReadWriteType.WRITE_ONLY,
      });
    },
    target: 'Data',
    expect: 'fail',
    message: /`Data` is RESTRICTED and no trail records its read data events/,
  },
  {
    name: 'top-secret bucket covered by a trail recording all buckets',
    build: (stack) => {
      classify(new s3.Bucket(stack, 'Data'), 'top-secret');
      new cloudtrail.Trail(stack, 'Trail').logAllS3DataEvents();
    },
    target: 'Data',
    expect: 'pass',
  },
  {
    name: 'internal bucket needs management events only',
    build: (stack) => {
      classify(new s3.Bucket(stack, 'Data'), 'internal');
    },
    target: 'Data',
    expect: 'not_applicable',
  },
  {
    name: 'restricted table with an advanced selector on its data events',
    build: (stack) => {
      const table = classify(
        new dynamodb.Table(stack, 'Orders', {
          partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
        }),
        'restricted',
      );
      const trail = new cloudtrail.Trail(stack, 'Trail');
      (trail.node.defaultChild as cloudtrail.CfnTrail).advancedEventSelectors = [
        {
          fieldSelectors: [
            { field: 'eventCategory', equalTo: ['Data'] },
            { field: 'resources.type', equalTo: ['AWS::DynamoDB::Table'] },
            { field: 'resources.ARN', equalTo: [table.tableArn] },
          ],
        },
      ];
    },
    target: 'Orders',
    expect: 'pass',
  },
  {
    name: 'restricted table and no trail in the input',
    build: (stack) => {
      classify(
        new dynamodb.Table(stack, 'Orders', {
          partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
        }),
        'restricted',
      );
    },
    target: 'Orders',
    expect: 'unknown',
    message:
      /^no trail in the input .*: whether a trail records the data events .* for the store `Orders` cannot be told/,
  },
  {
    name: 'no trail in the input: an internal bucket before the restricted table is not concerned',
    build: (stack) => {
      classify(new s3.Bucket(stack, 'Assets'), 'internal');
      classify(
        new dynamodb.Table(stack, 'Orders', {
          partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
        }),
        'restricted',
      );
      classify(new s3.Bucket(stack, 'Exports'), 'confidential');
    },
    target: 'Orders',
    expect: 'unknown',
    message: /for the 2 stores `Orders`, `Exports` cannot be told/,
  },
  {
    name: 'no trail in the input: the second store concerned points to the first',
    build: (stack) => {
      classify(
        new dynamodb.Table(stack, 'Orders', {
          partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
        }),
        'restricted',
      );
      classify(new s3.Bucket(stack, 'Exports'), 'confidential');
    },
    target: 'Exports',
    expect: 'not_applicable',
  },
  {
    name: 'terraform: confidential bucket, trail with management events only',
    source: 'cdktf',
    build: (stack) => {
      tfBucket(stack, 'Data', { level: 'confidential' });
      tfTrail(stack, []);
    },
    target: 'Data',
    expect: 'fail',
    message: /`Data` is CONFIDENTIAL and no trail records its write data events/,
  },
  {
    name: 'terraform: restricted bucket whose object data events a trail records (read and write)',
    source: 'cdktf',
    build: (stack) => tfTrail(stack, [tfBucket(stack, 'Data', { level: 'restricted' })]),
    target: 'Data',
    expect: 'pass',
  },
  {
    name: 'terraform: restricted bucket whose trail records write events only',
    source: 'cdktf',
    build: (stack) => tfTrail(stack, [tfBucket(stack, 'Data', { level: 'restricted' })], 'WriteOnly'),
    target: 'Data',
    expect: 'fail',
    message: /`Data` is RESTRICTED and no trail records its read data events/,
  },
  {
    name: 'terraform: restricted bucket whose object data events an advanced_event_selector records',
    source: 'cdktf',
    build: (stack) => tfAdvancedTrail(stack, tfBucket(stack, 'Data', { level: 'restricted' })),
    target: 'Data',
    expect: 'pass',
  },
  {
    name: 'terraform: restricted bucket whose advanced_event_selector records writes only (readOnly false)',
    source: 'cdktf',
    build: (stack) => tfAdvancedTrail(stack, tfBucket(stack, 'Data', { level: 'restricted' }), 'false'),
    target: 'Data',
    expect: 'fail',
    message: /`Data` is RESTRICTED and no trail records its read data events/,
  },
  {
    name: 'Pulumi: confidential storage account whose blob service sends all its logs to the workspace',
    source: 'pulumi',
    build: () => {
      const a = storageAccount('documents');
      diagnostics('documents-blobs', pulumi.interpolate`${a.id}/blobServices/default`);
    },
    target: 'documents',
    expect: 'pass',
  },
  {
    name: 'Pulumi: restricted storage account logging only StorageWrite: its reads are not recorded',
    source: 'pulumi',
    build: () => {
      const a = storageAccount('evidence', { tags: { 'data-classification': 'restricted' } });
      diagnostics('evidence-blobs', pulumi.interpolate`${a.id}/blobServices/default`, [
        { category: 'StorageWrite', enabled: true },
      ]);
    },
    target: 'evidence',
    expect: 'fail',
    message:
      /`evidence` is RESTRICTED and no diagnostic setting sends its read data events to a workspace or store/,
  },
  {
    name: 'Pulumi: confidential storage account without a diagnostic setting (no trail is asked for)',
    source: 'pulumi',
    build: () => void storageAccount('documents'),
    target: 'documents',
    expect: 'fail',
    message: /`documents` is CONFIDENTIAL and no diagnostic setting sends its write data events/,
  },
]);
