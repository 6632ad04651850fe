import type { Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import { defineCases, type RuleCase } from '../../../lib/engine/cases';
import rule from './api-method-authorization';
import * as sam from 'aws-cdk-lib/aws-sam';
import type { TerraformStack } from 'cdktf';
import { ApiGatewayIntegration } from '@cdktf/provider-aws/lib/api-gateway-integration';
import { ApiGatewayMethod } from '@cdktf/provider-aws/lib/api-gateway-method';
import { ApiGatewayMethodResponse } from '@cdktf/provider-aws/lib/api-gateway-method-response';
import { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { Apigatewayv2Api } from '@cdktf/provider-aws/lib/apigatewayv2-api';
import { Apigatewayv2Route } from '@cdktf/provider-aws/lib/apigatewayv2-route';

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

/** A Terraform REST API method `Method` on the root resource, integrated as `integration` says. */
function tfMethod(
  stack: TerraformStack,
  httpMethod: string,
  authorization: string,
  integration: 'AWS_PROXY' | 'CORS_MOCK',
): void {
  const api = new ApiGatewayRestApi(stack, 'Api', { name: 'shop' });
  const method = new ApiGatewayMethod(stack, 'Method', {
    restApiId: api.id,
    resourceId: api.rootResourceId,
    httpMethod,
    authorization,
  });
  new ApiGatewayIntegration(stack, 'Integration', {
    restApiId: api.id,
    resourceId: api.rootResourceId,
    httpMethod: method.httpMethod,
    ...(integration === 'AWS_PROXY'
      ? {
          type: 'AWS_PROXY',
          integrationHttpMethod: 'POST',
          uri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:111122223333:function:shop/invocations',
        }
      : { type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 204}' } }),
  });
  if (integration === 'CORS_MOCK')
    new ApiGatewayMethodResponse(stack, 'Preflight', {
      restApiId: api.id,
      resourceId: api.rootResourceId,
      httpMethod: method.httpMethod,
      statusCode: '204',
      responseParameters: {
        'method.response.header.Access-Control-Allow-Origin': true,
        'method.response.header.Access-Control-Allow-Methods': true,
      },
    });
}

/** A Terraform HTTP API route `Route` with the given authorization type (none when undefined). */
function tfRoute(stack: TerraformStack, authorizationType?: string): void {
  const api = new Apigatewayv2Api(stack, 'Api', { name: 'shop', protocolType: 'HTTP' });
  new Apigatewayv2Route(stack, 'Route', {
    apiId: api.id,
    routeKey: 'GET /orders',
    authorizationType,
    authorizerId: authorizationType === 'JWT' ? 'abc123' : undefined,
  });
}

const terraformCases: RuleCase[] = [
  {
    name: 'Terraform: GET method signed with AWS_IAM',
    source: 'cdktf',
    build: (stack) => tfMethod(stack, 'GET', 'AWS_IAM', 'AWS_PROXY'),
    target: 'Method',
    expect: 'pass',
  },
  {
    name: 'Terraform: GET method with `authorization = "NONE"`',
    source: 'cdktf',
    build: (stack) => tfMethod(stack, 'GET', 'NONE', 'AWS_PROXY'),
    target: 'Method',
    expect: 'fail',
    message: '`Method` (GET) requires no authorization',
  },
  {
    name: 'Terraform: OPTIONS method passed to a Lambda proxy integration is a CORS preflight',
    source: 'cdktf',
    build: (stack) => tfMethod(stack, 'OPTIONS', 'NONE', 'AWS_PROXY'),
    target: 'Method',
    expect: 'not_applicable',
  },
  {
    name: 'Terraform: OPTIONS method answering 204 with Access-Control-Allow headers is a CORS preflight',
    source: 'cdktf',
    build: (stack) => tfMethod(stack, 'OPTIONS', 'NONE', 'CORS_MOCK'),
    target: 'Method',
    expect: 'not_applicable',
  },
  {
    name: 'Terraform: HTTP API route with a JWT authorizer',
    source: 'cdktf',
    build: (stack) => tfRoute(stack, 'JWT'),
    target: 'Route',
    expect: 'pass',
  },
  {
    name: 'Terraform: HTTP API route without `authorization_type`',
    source: 'cdktf',
    build: (stack) => tfRoute(stack),
    target: 'Route',
    expect: 'fail',
    message: '`Route` (GET /orders) requires no authorization',
  },
  {
    name: 'terraform plan: GET method with `authorization = "NONE"`',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-endpoints/plan.json',
    target: 'aws_api_gateway_method.open',
    expect: 'fail',
    message: /\(GET\) requires no authorization/,
  },
  {
    name: 'terraform plan: OPTIONS method answering 204 with Access-Control-Allow headers',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-endpoints/plan.json',
    target: 'aws_api_gateway_method.preflight',
    expect: 'not_applicable',
  },
  {
    name: 'terraform plan: HTTP API route without `authorization_type`',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-endpoints/plan.json',
    target: 'aws_apigatewayv2_route.open',
    expect: 'fail',
    message: /\(GET \/orders\) requires no authorization/,
  },
];

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
  ...terraformCases,
]);
