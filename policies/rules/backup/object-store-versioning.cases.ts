import { CfnCondition, CfnParameter, Fn, Tags } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { defineCases } from '../../../lib/engine/cases';
import rule from './object-store-versioning';

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
]);
