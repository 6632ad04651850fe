import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Stack } from 'aws-cdk-lib';
import { defineCases } from '../../../lib/engine/cases';
import rule from './function-runtime-supported';

function fn(stack: Stack, runtime: lambda.Runtime): void {
  new lambda.Function(stack, 'Fn', {
    runtime,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({})'),
  });
}

export default defineCases(rule, [
  {
    name: 'Node.js 22',
    build: (stack) => fn(stack, lambda.Runtime.NODEJS_22_X),
    target: 'Fn',
    expect: 'pass',
  },
  {
    name: 'Node.js 16, deprecated',
    build: (stack) => fn(stack, lambda.Runtime.NODEJS_16_X),
    target: 'Fn',
    expect: 'fail',
    message: '`Fn` runs on deprecated runtime `nodejs16.x`',
  },
  {
    name: 'Python 3.8, deprecated',
    build: (stack) => fn(stack, lambda.Runtime.PYTHON_3_8),
    target: 'Fn',
    expect: 'fail',
    message: /`python3\.8`/,
  },
  {
    name: 'container image function has no managed runtime',
    build: (stack) => {
      new lambda.DockerImageFunction(stack, 'Fn', {
        code: lambda.DockerImageCode.fromEcr(ecr.Repository.fromRepositoryName(stack, 'Repo', 'app')),
      });
    },
    target: 'Fn',
    expect: 'not_applicable',
  },
]);
