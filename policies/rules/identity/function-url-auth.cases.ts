import * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Stack } from 'aws-cdk-lib';
import { defineCases } from '../../../lib/engine/cases';
import rule from './function-url-auth';
import * as sam from 'aws-cdk-lib/aws-sam';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { LambdaFunctionUrl } from '@cdktf/provider-aws/lib/lambda-function-url';

function fn(stack: Stack): lambda.Function {
  return new lambda.Function(stack, 'Fn', {
    runtime: lambda.Runtime.NODEJS_22_X,
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
    name: 'function URL with IAM auth',
    build: (stack) => void fn(stack).addFunctionUrl({ authType: lambda.FunctionUrlAuthType.AWS_IAM }),
    target: 'Fn',
    expect: 'pass',
  },
  {
    name: 'function URL open to anyone',
    build: (stack) => void fn(stack).addFunctionUrl({ authType: lambda.FunctionUrlAuthType.NONE }),
    target: 'Fn',
    expect: 'fail',
    message: /`Fn` has a public function URL `FnFunctionUrl[^`]*` \(auth type `NONE`\)/,
  },
  {
    name: 'function without a URL',
    build: (stack) => void fn(stack),
    target: 'Fn',
    expect: 'not_applicable',
  },
  {
    name: 'SAM function URL with AuthType NONE',
    build: (stack) => {
      new sam.CfnFunction(stack, 'Fn', {
        codeUri: 's3://artifacts/app.zip',
        handler: 'index.handler',
        runtime: 'nodejs20.x',
        functionUrlConfig: { authType: 'NONE' },
      });
    },
    target: 'Fn',
    expect: 'fail',
  },
  {
    name: 'SAM function URL with AuthType AWS_IAM',
    build: (stack) => {
      new sam.CfnFunction(stack, 'Fn', {
        codeUri: 's3://artifacts/app.zip',
        handler: 'index.handler',
        runtime: 'nodejs20.x',
        functionUrlConfig: { authType: 'AWS_IAM' },
      });
    },
    target: 'Fn',
    expect: 'pass',
  },
  {
    name: 'terraform: function URL with authorization_type NONE',
    source: 'cdktf',
    build: (stack) => {
      const fn = new LambdaFunction(stack, 'Fn', tfFunction);
      new LambdaFunctionUrl(stack, 'Url', { functionName: fn.functionName, authorizationType: 'NONE' });
    },
    target: 'Fn',
    expect: 'fail',
    message: /`Fn` has a public function URL `aws_lambda_function_url\.Url` \(auth type `NONE`\)/,
  },
  {
    name: 'terraform: function URL with authorization_type AWS_IAM',
    source: 'cdktf',
    build: (stack) => {
      const fn = new LambdaFunction(stack, 'Fn', tfFunction);
      new LambdaFunctionUrl(stack, 'Url', { functionName: fn.functionName, authorizationType: 'AWS_IAM' });
    },
    target: 'Fn',
    expect: 'pass',
  },
  {
    name: 'Terraform 1.11 plan: function URL with authorization_type NONE',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-compute/plan.json',
    target: 'aws_lambda_function.bad',
    expect: 'fail',
    message: /public function URL `aws_lambda_function_url.bad`/,
  },
  {
    name: 'Terraform 1.11 plan: function URL with authorization_type AWS_IAM',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-compute/plan.json',
    target: 'aws_lambda_function.good',
    expect: 'pass',
  },
]);
