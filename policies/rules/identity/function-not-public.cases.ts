import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Stack } from 'aws-cdk-lib';
import { defineCases } from '../../../lib/engine/cases';
import rule from './function-not-public';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission';

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
    name: 'invoke granted to one account',
    build: (stack) => void fn(stack).grantInvoke(new iam.AccountPrincipal('111111111111')),
    expect: 'not_applicable',
  },
  {
    name: 'invoke granted to everyone in the organization',
    build: (stack) =>
      fn(stack).addPermission('Org', {
        principal: new iam.AnyPrincipal(),
        organizationId: 'o-abc123def4',
      }),
    target: 'Fn/Org',
    expect: 'pass',
  },
  {
    name: 'invoke granted to everyone',
    build: (stack) => void fn(stack).grantInvoke(new iam.AnyPrincipal()),
    expect: 'fail',
    message: /lets everyone \(`\*`\) call `lambda:InvokeFunction` on `Fn`$/,
  },
  {
    name: 'public function URL (auth type NONE)',
    build: (stack) => void fn(stack).addFunctionUrl({ authType: lambda.FunctionUrlAuthType.NONE }),
    expect: 'fail',
    message:
      /lets everyone \(`\*`\) call `lambda:InvokeFunctionUrl` on `Fn` through its function URL without authentication/,
  },
  {
    name: 'public function URL: the invoke permission CDK adds beside it',
    build: (stack) => void fn(stack).addFunctionUrl({ authType: lambda.FunctionUrlAuthType.NONE }),
    expect: 'fail',
    message:
      /lets everyone \(`\*`\) call `lambda:InvokeFunction` on `Fn` through its function URL \(`lambda:InvokedViaFunctionUrl`\)$/,
  },
  {
    name: 'hand-written permission for `*` limited to callers from one source account',
    build: (stack) =>
      new lambda.CfnPermission(stack, 'SameAccount', {
        action: 'lambda:InvokeFunction',
        functionName: fn(stack).functionName,
        principal: '*',
        sourceAccount: '111111111111',
      }),
    target: 'SameAccount',
    expect: 'pass',
  },
  {
    name: 'hand-written permission for `*` on every Lambda action',
    build: (stack) =>
      new lambda.CfnPermission(stack, 'Open', {
        action: 'lambda:*',
        functionName: fn(stack).functionName,
        principal: '*',
      }),
    target: 'Open',
    expect: 'fail',
    message: '`Open` lets everyone (`*`) call `lambda:*` on `Fn`',
  },
  {
    name: 'terraform: permission lets everyone (`*`) invoke the function',
    source: 'cdktf',
    build: (stack) => {
      const fn = new LambdaFunction(stack, 'Fn', tfFunction);
      new LambdaPermission(stack, 'Open', {
        action: 'lambda:InvokeFunction',
        functionName: fn.functionName,
        principal: '*',
      });
    },
    target: 'Open',
    expect: 'fail',
    message: /`Open` lets everyone \(`\*`\) call `lambda:InvokeFunction` on `Fn`/,
  },
  {
    name: 'terraform: `*` limited to one organization with principal_org_id',
    source: 'cdktf',
    build: (stack) => {
      const fn = new LambdaFunction(stack, 'Fn', tfFunction);
      new LambdaPermission(stack, 'Org', {
        action: 'lambda:InvokeFunction',
        functionName: fn.functionName,
        principal: '*',
        principalOrgId: 'o-a1b2c3d4e5',
      });
    },
    target: 'Org',
    expect: 'pass',
  },
  {
    name: 'Terraform 1.11 plan: permission for principal * on a function named by ARN',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-compute/plan.json',
    target: 'aws_lambda_permission.everyone',
    expect: 'fail',
    message: /lets everyone \(`\*`\) call `lambda:InvokeFunction` on `aws_lambda_function.bad`/,
  },
  {
    name: 'Terraform 1.11 plan: permission for a service, not everyone',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-compute/plan.json',
    target: 'aws_lambda_permission.good',
    expect: 'not_applicable',
  },
]);
