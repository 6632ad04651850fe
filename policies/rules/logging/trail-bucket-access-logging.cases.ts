import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { defineCases } from '../../../lib/engine/cases';
import rule from './trail-bucket-access-logging';

export default defineCases(rule, [
  {
    name: 'trail writing to a bucket with server access logging',
    build: (stack) => {
      const accessLogs = new s3.Bucket(stack, 'AccessLogs');
      const bucket = new s3.Bucket(stack, 'TrailLogs', { serverAccessLogsBucket: accessLogs });
      new cloudtrail.Trail(stack, 'Trail', { bucket });
    },
    target: 'Trail',
    expect: 'pass',
  },
  {
    name: 'trail writing to the bucket the CDK creates (no access logging)',
    build: (stack) => {
      new cloudtrail.Trail(stack, 'Trail');
    },
    target: 'Trail',
    expect: 'fail',
    message: /`Trail` writes to `Trail\/S3`, which records no server access logs/,
  },
  {
    name: 'trail writing to an imported bucket',
    build: (stack) => {
      new cloudtrail.Trail(stack, 'Trail', {
        bucket: s3.Bucket.fromBucketName(stack, 'Central', 'central-trail-logs'),
      });
    },
    target: 'Trail',
    expect: 'unknown',
    message: /`Trail` writes to a bucket outside the input/,
  },
]);
