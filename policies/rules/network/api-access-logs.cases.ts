import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { defineCases } from '../../../lib/engine/cases';
import rule from './api-access-logs';

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
]);
