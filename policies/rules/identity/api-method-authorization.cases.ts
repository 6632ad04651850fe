import type { Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import { defineCases } from '../../../lib/engine/cases';
import rule from './api-method-authorization';
import * as sam from 'aws-cdk-lib/aws-sam';

/** A method of a hand-written REST API passing every request to a Lambda function (`AWS_PROXY`). */
function proxyMethod(stack: Stack, id: string, httpMethod: string): void {
  const api = new apigw.CfnRestApi(stack, 'Api', { name: 'shop' });
  new apigw.CfnMethod(stack, id, {
    restApiId: api.ref,
    resourceId: api.attrRootResourceId,
    httpMethod,
    authorizationType: 'NONE',
    integration: {
      type: 'AWS_PROXY',
      integrationHttpMethod: 'POST',
      uri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:111122223333:function:cors/invocations',
    },
  });
}

export default defineCases(rule, [
  {
    name: 'methods signed with IAM by default, CORS preflight exempt',
    build: (stack) => {
      const api = new apigw.RestApi(stack, 'Api', {
        defaultMethodOptions: { authorizationType: apigw.AuthorizationType.IAM },
        defaultCorsPreflightOptions: { allowOrigins: ['https://app.example.com'] },
      });
      api.root.addResource('orders').addMethod('GET');
    },
    target: 'Api/Default/orders/GET',
    expect: 'pass',
  },
  {
    name: 'CORS preflight methods need no authorization',
    build: (stack) => {
      const api = new apigw.RestApi(stack, 'Api', {
        defaultMethodOptions: { authorizationType: apigw.AuthorizationType.IAM },
        defaultCorsPreflightOptions: { allowOrigins: ['https://app.example.com'] },
      });
      api.root.addResource('orders').addMethod('GET');
    },
    target: 'Api/Default/orders/OPTIONS',
    expect: 'not_applicable',
  },
  {
    name: 'GET method open to anyone',
    build: (stack) => {
      const api = new apigw.RestApi(stack, 'Api');
      api.root.addResource('orders').addMethod('GET');
    },
    target: 'Api',
    expect: 'fail',
    message: '`Api/Default/orders/GET` (GET) requires no authorization',
  },
  {
    name: 'OPTIONS method answered by a Lambda proxy integration is a CORS preflight',
    build: (stack) => proxyMethod(stack, 'Options', 'OPTIONS'),
    target: 'Options',
    expect: 'not_applicable',
  },
  {
    name: 'GET method on a Lambda proxy integration open to anyone',
    build: (stack) => proxyMethod(stack, 'Get', 'GET'),
    target: 'Get',
    expect: 'fail',
    message: '`Get` (GET) requires no authorization',
  },
  {
    name: 'SAM function API event on an API without an authorizer',
    build: (stack) => {
      new sam.CfnFunction(stack, 'Fn', {
        codeUri: 's3://artifacts/app.zip',
        handler: 'index.handler',
        runtime: 'nodejs20.x',
        events: { GetOrders: { type: 'Api', properties: { path: '/orders', method: 'get' } } },
      });
    },
    target: 'Fn',
    expect: 'fail',
    message: /`Fn\/GetOrdersMethod` \(GET\) requires no authorization/,
  },
  {
    name: 'SAM API event behind the API default Cognito authorizer',
    build: (stack) => {
      const api = new sam.CfnApi(stack, 'Api', {
        stageName: 'prod',
        auth: {
          defaultAuthorizer: 'Users',
          authorizers: {
            Users: { UserPoolArn: 'arn:aws:cognito-idp:eu-west-1:111111111111:userpool/eu-west-1_abc' },
          },
        },
      });
      new sam.CfnFunction(stack, 'Fn', {
        codeUri: 's3://artifacts/app.zip',
        handler: 'index.handler',
        runtime: 'nodejs20.x',
        events: {
          GetOrders: { type: 'Api', properties: { path: '/orders', method: 'get', restApiId: api.ref } },
        },
      });
    },
    target: 'Fn',
    expect: 'pass',
  },
]);
