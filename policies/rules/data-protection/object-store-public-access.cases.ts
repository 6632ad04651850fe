import * as s3 from 'aws-cdk-lib/aws-s3';
import { defineCases } from '../../../lib/engine/cases';
import rule from './object-store-public-access';

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
]);
