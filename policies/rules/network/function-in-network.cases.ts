import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Tags, type Stack } from 'aws-cdk-lib';
import { defineCases } from '../../../lib/engine/cases';
import rule from './function-in-network';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';

function fn(stack: Stack, level: string | undefined, inVpc: boolean): void {
  const f = new lambda.Function(stack, 'Fn', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({})'),
    vpc: inVpc ? new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 1 }) : undefined,
  });
  if (level) Tags.of(f).add('data-classification', level);
}

const tfFunction = {
  functionName: 'app',
  role: 'arn:aws:iam::123456789012:role/app',
  handler: 'index.handler',
  runtime: 'nodejs22.x',
  filename: 'app.zip',
};

export default defineCases(rule, [
  {
    name: 'CONFIDENTIAL function in private subnets',
    build: (stack) => fn(stack, 'confidential', true),
    target: 'Fn',
    expect: 'pass',
  },
  {
    name: 'RESTRICTED function outside any VPC',
    build: (stack) => fn(stack, 'restricted', false),
    target: 'Fn',
    expect: 'fail',
    message: '`Fn` handles RESTRICTED data and runs outside any VPC',
  },
  {
    name: 'INTERNAL function may run outside a VPC',
    build: (stack) => fn(stack, 'internal', false),
    target: 'Fn',
    expect: 'not_applicable',
  },
  {
    name: 'untagged function',
    build: (stack) => fn(stack, undefined, false),
    target: 'Fn',
    expect: 'not_applicable',
  },
  {
    name: 'terraform: confidential function without vpc_config',
    source: 'cdktf',
    build: (stack) =>
      void new LambdaFunction(stack, 'Fn', {
        ...tfFunction,
        tags: { 'data-classification': 'confidential' },
      }),
    target: 'Fn',
    expect: 'fail',
    message: /`Fn` handles CONFIDENTIAL data and runs outside any VPC/,
  },
  {
    name: 'terraform: confidential function attached to subnets',
    source: 'cdktf',
    build: (stack) =>
      void new LambdaFunction(stack, 'Fn', {
        ...tfFunction,
        tags: { 'data-classification': 'confidential' },
        vpcConfig: { subnetIds: ['subnet-0a1b2c3d'], securityGroupIds: ['sg-0a1b2c3d'] },
      }),
    target: 'Fn',
    expect: 'pass',
  },
  {
    name: 'Terraform 1.11 plan: confidential function without vpc_config',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-compute/plan.json',
    target: 'aws_lambda_function.bad',
    expect: 'fail',
    message: /runs outside any VPC/,
  },
  {
    name: 'Terraform 1.11 plan: confidential function in a private subnet',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-compute/plan.json',
    target: 'aws_lambda_function.good',
    expect: 'pass',
  },
]);
