import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Stack } from 'aws-cdk-lib';
import { defineCases } from '../../../lib/engine/cases';
import rule from './cdn-origin-access-control';

function distribution(stack: Stack, origin: (b: s3.Bucket) => cloudfront.IOrigin): void {
  const bucket = new s3.Bucket(stack, 'Content');
  new cloudfront.Distribution(stack, 'Cdn', { defaultBehavior: { origin: origin(bucket) } });
}

export default defineCases(rule, [
  {
    name: 'bucket origin with origin access control',
    build: (stack) => distribution(stack, (b) => origins.S3BucketOrigin.withOriginAccessControl(b)),
    target: 'Cdn',
    expect: 'pass',
  },
  {
    name: 'bucket origin with a legacy origin access identity',
    build: (stack) => distribution(stack, (b) => origins.S3BucketOrigin.withOriginAccessIdentity(b)),
    target: 'Cdn',
    expect: 'fail',
    message: /`Cdn` reaches origin `[^`]+` with a legacy origin access identity/,
  },
  {
    name: 'bucket origin with unsigned requests',
    build: (stack) => distribution(stack, (b) => origins.S3BucketOrigin.withBucketDefaults(b)),
    target: 'Cdn',
    expect: 'fail',
    message: /with unsigned requests/,
  },
  {
    name: 'custom origin only',
    build: (stack) => {
      new cloudfront.Distribution(stack, 'Cdn', {
        defaultBehavior: { origin: new origins.HttpOrigin('origin.example.com') },
      });
    },
    target: 'Cdn',
    expect: 'not_applicable',
  },
]);
