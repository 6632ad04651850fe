import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { defineCases } from '../../../lib/engine/cases';
import rule from './object-store-tls-only';

export default defineCases(rule, [
  {
    name: 'bucket with enforceSSL',
    build: (stack) => {
      new s3.Bucket(stack, 'Data', { enforceSSL: true });
    },
    target: 'Data',
    expect: 'pass',
  },
  {
    name: 'bucket without a TLS-only policy',
    build: (stack) => {
      new s3.Bucket(stack, 'Data');
    },
    target: 'Data',
    expect: 'fail',
    message: /`Data` accepts requests without TLS/,
  },
  {
    name: 'bucket policy that only allows reads does not deny plain HTTP',
    build: (stack) => {
      const b = new s3.Bucket(stack, 'Data');
      b.addToResourcePolicy(
        new iam.PolicyStatement({
          actions: ['s3:GetObject'],
          resources: [b.arnForObjects('*')],
          principals: [new iam.AccountRootPrincipal()],
        }),
      );
    },
    target: 'Data',
    expect: 'fail',
    message: /`Data` accepts requests without TLS/,
  },
]);
