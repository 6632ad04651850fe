import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { defineCases } from '../../../lib/engine/cases';
import rule from './api-access-logs';
import * as sam from 'aws-cdk-lib/aws-sam';

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
]);
