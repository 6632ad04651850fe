import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { defineCases } from '../../../lib/engine/cases';
import rule from './trail-bucket-not-public';

export default defineCases(rule, [
  {
    name: 'trail writing to the private bucket the CDK creates',
    build: (stack) => {
      new cloudtrail.Trail(stack, 'Trail');
    },
    target: 'Trail',
    expect: 'pass',
  },
  {
    name: 'trail writing to a bucket with public access unblocked',
    build: (stack) => {
      const bucket = new s3.Bucket(stack, 'TrailLogs', {
        blockPublicAccess: s3.BlockPublicAccess.BLOCK_ACLS,
      });
      new cloudtrail.Trail(stack, 'Trail', { bucket });
    },
    target: 'Trail',
    expect: 'fail',
    message: /`Trail` writes to `TrailLogs`, which does not block public access \(partially-blocked\)/,
  },
  {
    name: 'trail writing to a bucket whose policy lets everyone read',
    build: (stack) => {
      const bucket = new s3.Bucket(stack, 'TrailLogs');
      bucket.addToResourcePolicy(
        new iam.PolicyStatement({
          principals: [new iam.AnyPrincipal()],
          actions: ['s3:GetObject'],
          resources: [bucket.arnForObjects('*')],
        }),
      );
      new cloudtrail.Trail(stack, 'Trail', { bucket });
    },
    target: 'Trail',
    expect: 'fail',
    message: /`Trail` writes to `TrailLogs`, whose policy grants access to everyone/,
  },
]);
