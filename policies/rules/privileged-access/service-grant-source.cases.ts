import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import { CfnCondition, CfnParameter, Duration, Fn, type Stack } from 'aws-cdk-lib';
import { defineCases } from '../../../lib/engine/cases';
import rule from './service-grant-source';
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
    name: 'S3 may invoke the function for one bucket of the account',
    build: (stack) => {
      const bucket = new s3.Bucket(stack, 'Uploads');
      fn(stack).addPermission('FromUploads', {
        principal: new iam.ServicePrincipal('s3.amazonaws.com'),
        sourceArn: bucket.bucketArn,
        sourceAccount: stack.account,
      });
    },
    target: 'Fn/FromUploads',
    expect: 'pass',
  },
  {
    name: 'bucket notification to the function (CDK names the bucket and account)',
    build: (stack) =>
      new s3.Bucket(stack, 'Uploads').addObjectCreatedNotification(new s3n.LambdaDestination(fn(stack))),
    expect: 'pass',
  },
  {
    name: 'scheduled rule targeting the function (CDK names the rule)',
    build: (stack) =>
      new events.Rule(stack, 'Nightly', {
        schedule: events.Schedule.rate(Duration.days(1)),
        targets: [new targets.LambdaFunction(fn(stack))],
      }),
    expect: 'pass',
  },
  {
    name: 'S3 may invoke the function for any bucket of any account',
    build: (stack) =>
      fn(stack).addPermission('FromS3', { principal: new iam.ServicePrincipal('s3.amazonaws.com') }),
    target: 'Fn/FromS3',
    expect: 'fail',
    message:
      '`Fn/FromS3` lets `s3.amazonaws.com` call `lambda:InvokeFunction` on `Fn` for any account (no `aws:SourceArn` or `aws:SourceAccount` condition)',
  },
  {
    name: 'invoke granted to EventBridge without naming the rule',
    build: (stack) => void fn(stack).grantInvoke(new iam.ServicePrincipal('events.amazonaws.com')),
    expect: 'fail',
    message: /lets `events.amazonaws.com` call `lambda:InvokeFunction` on `Fn` for any account/,
  },
  {
    name: 'hand-written permission for SNS on a function ARN, source `*`',
    build: (stack) =>
      new lambda.CfnPermission(stack, 'SnsInvoke', {
        action: 'lambda:InvokeFunction',
        functionName: fn(stack).functionArn,
        principal: 'sns.amazonaws.com',
        sourceArn: '*',
      }),
    target: 'SnsInvoke',
    expect: 'fail',
    message: /`SnsInvoke` lets `sns.amazonaws.com` call `lambda:InvokeFunction` on `Fn`/,
  },
  {
    name: 'permission for a function outside the template, source account named',
    build: (stack) =>
      new lambda.CfnPermission(stack, 'External', {
        action: 'lambda:InvokeFunction',
        functionName: 'arn:aws:lambda:us-east-1:111111111111:function:ingest',
        principal: 'sqs.amazonaws.com',
        sourceAccount: '111111111111',
      }),
    target: 'External',
    expect: 'pass',
  },
  {
    name: 'source bucket named only when a template condition holds: the other branch grants any account',
    build: (stack) => {
      const scoped = new CfnCondition(stack, 'Scoped', {
        expression: Fn.conditionEquals(new CfnParameter(stack, 'Env').valueAsString, 'prod'),
      });
      new lambda.CfnPermission(stack, 'FromS3', {
        action: 'lambda:InvokeFunction',
        functionName: fn(stack).functionArn,
        principal: 's3.amazonaws.com',
        sourceArn: Fn.conditionIf(
          scoped.logicalId,
          'arn:aws:s3:::uploads',
          Fn.ref('AWS::NoValue'),
        ).toString(),
      });
    },
    target: 'FromS3',
    expect: 'fail',
    message:
      /^when condition `Scoped` is false: `FromS3` lets `s3.amazonaws.com` call `lambda:InvokeFunction` on `Fn` for any account/,
  },
  {
    name: 'invoke granted to another account (not a service)',
    build: (stack) => void fn(stack).grantInvoke(new iam.AccountPrincipal('111111111111')),
    expect: 'not_applicable',
  },
  {
    name: "invoke granted to the stack's own account",
    build: (stack) => void fn(stack).grantInvoke(new iam.AccountRootPrincipal()),
    expect: 'not_applicable',
  },
  {
    name: 'principal from a parameter',
    build: (stack) =>
      new lambda.CfnPermission(stack, 'FromParam', {
        action: 'lambda:InvokeFunction',
        functionName: fn(stack).functionArn,
        principal: new CfnParameter(stack, 'Caller').valueAsString,
      }),
    target: 'FromParam',
    expect: 'unknown',
    message: /`FromParam`: the principal of the grant on `Fn` cannot be told/,
  },
  {
    name: 'terraform: S3 may invoke the function for any bucket (no source_arn or source_account)',
    source: 'cdktf',
    build: (stack) => {
      const fn = new LambdaFunction(stack, 'Fn', tfFunction);
      new LambdaPermission(stack, 'FromS3', {
        action: 'lambda:InvokeFunction',
        functionName: fn.functionName,
        principal: 's3.amazonaws.com',
      });
    },
    target: 'FromS3',
    expect: 'fail',
    message: /`FromS3` lets `s3.amazonaws.com` call `lambda:InvokeFunction` on `Fn` for any account/,
  },
  {
    name: 'terraform: S3 may invoke the function for one bucket (source_arn)',
    source: 'cdktf',
    build: (stack) => {
      const fn = new LambdaFunction(stack, 'Fn', tfFunction);
      new LambdaPermission(stack, 'FromS3', {
        action: 'lambda:InvokeFunction',
        functionName: fn.functionName,
        principal: 's3.amazonaws.com',
        sourceArn: 'arn:aws:s3:::uploads',
        sourceAccount: '123456789012',
      });
    },
    target: 'FromS3',
    expect: 'pass',
  },
  {
    name: 'cdk.tf.json: API Gateway may invoke the function for its own API only (source_arn, regula)',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/cdktf/regula__aws-lambda-apigw-dynamodb-posts-dev.cdk.tf.json',
    target: 'aws_lambda_permission.posts_api_apigw-lambda_02C673B9',
    expect: 'pass',
  },
  {
    name: 'Terraform 1.11 plan: S3 permission without source_arn',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-compute/plan.json',
    target: 'aws_lambda_permission.bad',
    expect: 'fail',
    message: /for any account/,
  },
  {
    name: 'Terraform 1.11 plan: S3 permission with source_arn and source_account',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-compute/plan.json',
    target: 'aws_lambda_permission.good',
    expect: 'pass',
  },
]);
