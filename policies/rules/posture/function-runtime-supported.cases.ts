import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Stack } from 'aws-cdk-lib';
import { defineCases } from '../../../lib/engine/cases';
import rule from './function-runtime-supported';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';

function fn(stack: Stack, runtime: lambda.Runtime): void {
  new lambda.Function(stack, 'Fn', {
    runtime,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({})'),
  });
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
  {
    name: 'terraform: function on nodejs16.x',
    source: 'cdktf',
    build: (stack) => void new LambdaFunction(stack, 'Fn', { ...tfFunction, runtime: 'nodejs16.x' }),
    target: 'Fn',
    expect: 'fail',
    message: /`Fn` runs on deprecated runtime `nodejs16.x`/,
  },
  {
    name: 'terraform: function on nodejs22.x',
    source: 'cdktf',
    build: (stack) => void new LambdaFunction(stack, 'Fn', tfFunction),
    target: 'Fn',
    expect: 'pass',
  },
  {
    name: 'terraform: container image function has no runtime to judge',
    source: 'cdktf',
    build: (stack) =>
      void new LambdaFunction(stack, 'Fn', {
        functionName: 'app',
        role: 'arn:aws:iam::123456789012:role/app',
        packageType: 'Image',
        imageUri: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1',
      }),
    target: 'Fn',
    expect: 'not_applicable',
  },
  {
    name: 'Terraform plan: function on python3.7 (terraform-compliance)',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/terraform-compliance__aws-alb-https-listener-tls-policy-stack.json',
    target: 'module.lambda_TFUpgradeTest.aws_lambda_function.lambda',
    expect: 'fail',
    message: /runs on deprecated runtime `python3.7`/,
  },
  {
    name: 'cdk.tf.json: function on nodejs14.x (regula)',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/cdktf/regula__aws-lambda-apigw-dynamodb-posts-dev.cdk.tf.json',
    target: 'aws_lambda_function.posts_api_7D5242CA',
    expect: 'fail',
    message: /runs on deprecated runtime `nodejs14.x`/,
  },
  {
    name: 'Terraform 1.11 plan: function on nodejs16.x',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-compute/plan.json',
    target: 'aws_lambda_function.bad',
    expect: 'fail',
    message: /deprecated runtime `nodejs16.x`/,
  },
  {
    name: 'Terraform 1.11 plan: function on nodejs22.x',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-compute/plan.json',
    target: 'aws_lambda_function.good',
    expect: 'pass',
  },
]);
