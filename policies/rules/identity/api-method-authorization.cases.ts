import * as apigw from 'aws-cdk-lib/aws-apigateway';
import { defineCases } from '../../../lib/engine/cases';
import rule from './api-method-authorization';

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
]);
