import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { defineCases, type RuleCase } from '../../../lib/engine/cases';
import rule from './api-access-logs';
import * as sam from 'aws-cdk-lib/aws-sam';
import { Apigatewayv2Api } from '@cdktf/provider-aws/lib/apigatewayv2-api';
import { Apigatewayv2Stage } from '@cdktf/provider-aws/lib/apigatewayv2-stage';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import type { TerraformStack } from 'cdktf';
import { tfRestStage } from '../network/api-tls.cases';

const FORMAT = JSON.stringify({ requestId: '$context.requestId', ip: '$context.identity.sourceIp' });

/** A Terraform HTTP API with its `$default` stage `Stage`, writing access logs when `logged`. */
function tfHttpStage(stack: TerraformStack, logged: boolean): void {
  const api = new Apigatewayv2Api(stack, 'Api', { name: 'orders', protocolType: 'HTTP' });
  const logs = logged ? new CloudwatchLogGroup(stack, 'Logs', { retentionInDays: 365 }) : undefined;
  new Apigatewayv2Stage(stack, 'Stage', {
    apiId: api.id,
    name: '$default',
    autoDeploy: true,
    accessLogSettings: logs ? { destinationArn: logs.arn, format: FORMAT } : undefined,
  });
}

const terraformCases: RuleCase[] = [
  {
    name: 'Terraform: REST API stage with `access_log_settings`',
    source: 'cdktf',
    build: (stack) => {
      const logs = new CloudwatchLogGroup(stack, 'Logs', { retentionInDays: 365 });
      tfRestStage(stack, 'REGIONAL', { accessLogSettings: { destinationArn: logs.arn, format: FORMAT } });
    },
    target: 'Stage',
    expect: 'pass',
  },
  {
    name: 'Terraform: REST API stage without `access_log_settings`',
    source: 'cdktf',
    build: (stack) => void tfRestStage(stack, 'REGIONAL'),
    target: 'Stage',
    expect: 'fail',
    message: '`Stage` writes no access logs',
  },
  {
    name: 'Terraform: HTTP API stage with `access_log_settings`',
    source: 'cdktf',
    build: (stack) => tfHttpStage(stack, true),
    target: 'Stage',
    expect: 'pass',
  },
  {
    name: 'Terraform: HTTP API stage without `access_log_settings`',
    source: 'cdktf',
    build: (stack) => tfHttpStage(stack, false),
    target: 'Stage',
    expect: 'fail',
    message: '`Stage` writes no access logs',
  },
  {
    name: 'terraform plan: REST API stage with `access_log_settings`',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-endpoints/plan.json',
    target: 'aws_api_gateway_stage.good',
    expect: 'pass',
  },
  {
    name: 'terraform plan: REST API stage without access logs',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-endpoints/plan.json',
    target: 'aws_api_gateway_stage.bare',
    expect: 'fail',
    message: /writes no access logs/,
  },
  {
    name: 'terraform plan: HTTP API stage without access logs',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-endpoints/plan.json',
    target: 'aws_apigatewayv2_stage.bare',
    expect: 'fail',
    message: /writes no access logs/,
  },
];

export default defineCases(rule, [
  {
    name: 'REST API stage logging to a log group in JSON',
    build: (stack) => {
      const group = new logs.LogGroup(stack, 'AccessLogs');
      const api = new apigw.RestApi(stack, 'Api', {
        deployOptions: {
          accessLogDestination: new apigw.LogGroupLogDestination(group),
          accessLogFormat: apigw.AccessLogFormat.jsonWithStandardFields(),
        },
      });
      api.root.addMethod('GET');
    },
    target: 'Api/DeploymentStage.prod',
    expect: 'pass',
  },
  {
    name: 'REST API stage on the defaults',
    build: (stack) => {
      const api = new apigw.RestApi(stack, 'Api');
      api.root.addMethod('GET');
    },
    target: 'Api/DeploymentStage.prod',
    expect: 'fail',
    message: '`Api/DeploymentStage.prod` writes no access logs',
  },
  {
    name: 'HTTP API default stage without access logs',
    build: (stack) => void new apigwv2.HttpApi(stack, 'Http'),
    target: 'Http',
    expect: 'fail',
    message: /writes no access logs/,
  },
  {
    name: 'SAM API whose stage writes access logs',
    build: (stack) => {
      const group = new logs.LogGroup(stack, 'Logs');
      new sam.CfnApi(stack, 'Api', {
        stageName: 'prod',
        definitionUri: 's3://artifacts/openapi.yaml',
        accessLogSetting: { destinationArn: group.logGroupArn, format: '$context.requestId' },
      });
    },
    target: 'Api',
    expect: 'pass',
  },
  {
    name: 'SAM API stage without AccessLogSetting',
    build: (stack) => {
      new sam.CfnApi(stack, 'Api', { stageName: 'prod', definitionUri: 's3://artifacts/openapi.yaml' });
    },
    target: 'Api',
    expect: 'fail',
    message: /`Api\/prodStage`.*writes no access logs/,
  },
  {
    name: 'SAM HTTP API default stage without AccessLogSettings',
    build: (stack) => {
      new sam.CfnHttpApi(stack, 'Http', {});
    },
    target: 'Http',
    expect: 'fail',
    message: /writes no access logs/,
  },
  ...terraformCases,
]);
