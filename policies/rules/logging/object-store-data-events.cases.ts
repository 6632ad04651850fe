import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { defineCases } from '../../../lib/engine/cases';
import rule from './object-store-data-events';

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
    name: 'no trail at all',
    build: (stack) => {
      new s3.Bucket(stack, 'Data');
    },
    target: 'Data',
    expect: 'fail',
    message: /no trail records read data events/,
  },
]);
