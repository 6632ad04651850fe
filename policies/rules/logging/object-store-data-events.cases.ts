import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AuditLogSink } from '../../../lib/aws/audit';
import { IncidentRouting } from '../../../lib/aws/incident';
import { defineCases } from '../../../lib/engine/cases';
import rule from './object-store-data-events';
import type { TerraformStack } from 'cdktf';
import { Cloudtrail, type CloudtrailEventSelector } from '@cdktf/provider-aws/lib/cloudtrail';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';

/** An `aws_cloudtrail` with the given `event_selector` blocks, writing to a bucket of another configuration. */
function tfTrail(stack: TerraformStack, eventSelector: CloudtrailEventSelector[]): Cloudtrail {
  return new Cloudtrail(stack, 'Trail', { name: 'audit', s3BucketName: 'org-audit-logs', eventSelector });
}

export default defineCases(rule, [
  {
    name: 'trail recording read and write events of all buckets',
    build: (stack) => {
      new s3.Bucket(stack, 'Data');
      new cloudtrail.Trail(stack, 'Trail').logAllS3DataEvents();
    },
    target: 'Data',
    expect: 'pass',
  },
  {
    name: 'trail recording read and write events of the bucket',
    build: (stack) => {
      const bucket = new s3.Bucket(stack, 'Data');
      new cloudtrail.Trail(stack, 'Trail').addS3EventSelector([{ bucket }]);
    },
    target: 'Data',
    expect: 'pass',
  },
  {
    name: 'trail recording management events only',
    build: (stack) => {
      new s3.Bucket(stack, 'Data');
      new cloudtrail.Trail(stack, 'Trail');
    },
    target: 'Data',
    expect: 'fail',
    message: /`Data`: no trail records write data events of its objects \(CIS 3\.8\)/,
  },
  {
    name: 'trail recording write events only',
    build: (stack) => {
      const bucket = new s3.Bucket(stack, 'Data');
      new cloudtrail.Trail(stack, 'Trail').addS3EventSelector([{ bucket }], {
        readWriteType: cloudtrail.ReadWriteType.WRITE_ONLY,
      });
    },
    target: 'Data',
    expect: 'fail',
    message: /`Data`: no trail records read data events of its objects \(CIS 3\.9\)/,
  },
  {
    name: 'trail recording one prefix of the bucket only',
    build: (stack) => {
      const bucket = new s3.Bucket(stack, 'Data');
      new cloudtrail.Trail(stack, 'Trail').addS3EventSelector([{ bucket, objectPrefix: 'uploads/' }]);
    },
    target: 'Data',
    expect: 'unknown',
    message: /whether a trail records write data events cannot be told/,
  },
  {
    name: 'no trail in the input: one unknown on the first bucket, naming every bucket',
    build: (stack) => {
      new s3.Bucket(stack, 'Data');
      new s3.Bucket(stack, 'Assets');
    },
    target: 'Data',
    expect: 'unknown',
    message:
      /^no trail in the input .*: whether a trail records object-level read and write events .* of the 2 buckets `Data`, `Assets` cannot be told/,
  },
  {
    name: 'no trail in the input: the other buckets point to the one finding',
    build: (stack) => {
      new s3.Bucket(stack, 'Data');
      new s3.Bucket(stack, 'Assets');
    },
    target: 'Assets',
    expect: 'not_applicable',
  },
  {
    name: 'the bucket the trail delivers to: recording its data events would record each delivery again',
    build: (stack) => {
      const logs = new s3.Bucket(stack, 'TrailLogs');
      new cloudtrail.Trail(stack, 'Trail', { bucket: logs });
    },
    target: 'TrailLogs',
    expect: 'not_applicable',
  },
  {
    name: "audit log sink: the trail's bucket and the bucket of its server access logs",
    build: (stack) => {
      new AuditLogSink(stack, 'Audit', { alarmTopics: new IncidentRouting(stack, 'Incidents').topics });
    },
    target: 'Audit',
    expect: 'not_applicable',
  },
  {
    name: 'bucket holding the server access logs of an ordinary bucket is still judged',
    build: (stack) => {
      const accessLogs = new s3.Bucket(stack, 'AccessLogs');
      new s3.Bucket(stack, 'Data', { serverAccessLogsBucket: accessLogs });
      new cloudtrail.Trail(stack, 'Trail');
    },
    target: 'AccessLogs',
    expect: 'fail',
    message: /`AccessLogs`: no trail records write data events of its objects/,
  },
  {
    name: 'terraform plan: azurerm storage account (data access is recorded in its resource logs)',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/regula__azure-storage-secure-transfer.json',
    target: 'azurerm_storage_account.validstorageaccount1',
    expect: 'not_applicable',
  },
  {
    name: 'terraform: event_selector recording read and write events of all buckets',
    source: 'cdktf',
    build: (stack) => {
      new S3Bucket(stack, 'Data', { bucket: 'data' });
      tfTrail(stack, [
        { readWriteType: 'All', dataResource: [{ type: 'AWS::S3::Object', values: ['arn:aws:s3'] }] },
      ]);
    },
    target: 'Data',
    expect: 'pass',
  },
  {
    name: 'terraform: event_selector recording read and write events of the bucket',
    source: 'cdktf',
    build: (stack) => {
      const bucket = new S3Bucket(stack, 'Data', { bucket: 'data' });
      tfTrail(stack, [{ dataResource: [{ type: 'AWS::S3::Object', values: [`${bucket.arn}/`] }] }]);
    },
    target: 'Data',
    expect: 'pass',
  },
  {
    name: 'terraform: advanced_event_selector recording data events of every bucket',
    source: 'cdktf',
    build: (stack) => {
      new S3Bucket(stack, 'Data', { bucket: 'data' });
      new Cloudtrail(stack, 'Trail', {
        name: 'audit',
        s3BucketName: 'org-audit-logs',
        advancedEventSelector: [
          {
            name: 'S3 data events',
            fieldSelector: [
              { field: 'eventCategory', equalTo: ['Data'] },
              { field: 'resources.type', equalTo: ['AWS::S3::Object'] },
            ],
          },
        ],
      });
    },
    target: 'Data',
    expect: 'pass',
  },
  {
    name: 'terraform: trail recording management events only',
    source: 'cdktf',
    build: (stack) => {
      new S3Bucket(stack, 'Data', { bucket: 'data' });
      tfTrail(stack, []);
    },
    target: 'Data',
    expect: 'fail',
    message: /`Data`: no trail records write data events of its objects \(CIS 3\.8\)/,
  },
  {
    name: 'terraform: event_selector recording write events only',
    source: 'cdktf',
    build: (stack) => {
      const bucket = new S3Bucket(stack, 'Data', { bucket: 'data' });
      tfTrail(stack, [
        {
          readWriteType: 'WriteOnly',
          dataResource: [{ type: 'AWS::S3::Object', values: [`${bucket.arn}/`] }],
        },
      ]);
    },
    target: 'Data',
    expect: 'fail',
    message: /`Data`: no trail records read data events of its objects \(CIS 3\.9\)/,
  },
  {
    name: 'terraform: the bucket the trail delivers to',
    source: 'cdktf',
    build: (stack) => {
      const bucket = new S3Bucket(stack, 'AuditLogs', { bucket: 'audit-logs' });
      new Cloudtrail(stack, 'Trail', { name: 'audit', s3BucketName: bucket.id });
    },
    target: 'AuditLogs',
    expect: 'not_applicable',
  },
  {
    name: "terraform plan: bucket named in a trail's event_selector with its ARN",
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-posture-logging/plan.json',
    target: 'aws_s3_bucket.data',
    expect: 'pass',
  },
  {
    name: 'terraform plan: the bucket the trail delivers to',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-posture-logging/plan.json',
    target: 'aws_s3_bucket.trail',
    expect: 'not_applicable',
  },
]);
