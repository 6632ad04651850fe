import * as cognito from 'aws-cdk-lib/aws-cognito';
import { CognitoUserPool } from '@cdktf/provider-aws/lib/cognito-user-pool';
import { CognitoUserPoolClient } from '@cdktf/provider-aws/lib/cognito-user-pool-client';
import { defineCases } from '../../../lib/engine/cases';
import rule from './app-client-no-implicit-grant';

const callbackUrls = ['https://app.example.com/callback'];

export default defineCases(rule, [
  {
    name: 'authorization code grant only',
    build: (stack) =>
      new cognito.UserPool(stack, 'Users').addClient('Web', {
        oAuth: { flows: { authorizationCodeGrant: true }, callbackUrls },
      }),
    target: 'Users/Web',
    expect: 'pass',
  },
  {
    name: 'client with the CDK default OAuth flows (code and implicit)',
    build: (stack) => new cognito.UserPool(stack, 'Users').addClient('Web', { oAuth: { callbackUrls } }),
    target: 'Users/Web',
    expect: 'fail',
    message: '`Users/Web` allows the OAuth implicit grant (flows `implicit`, `code`)',
  },
  {
    name: 'hand-written client allowing the implicit grant',
    build: (stack) =>
      new cognito.CfnUserPoolClient(stack, 'Spa', {
        userPoolId: new cognito.UserPool(stack, 'Users').userPoolId,
        allowedOAuthFlowsUserPoolClient: true,
        allowedOAuthFlows: ['implicit'],
        allowedOAuthScopes: ['openid'],
        callbackUrLs: callbackUrls,
        supportedIdentityProviders: ['COGNITO'],
      }),
    target: 'Spa',
    expect: 'fail',
    message: /`Spa` allows the OAuth implicit grant/,
  },
  {
    name: 'client with OAuth turned off',
    build: (stack) => new cognito.UserPool(stack, 'Users').addClient('Native', { disableOAuth: true }),
    target: 'Users/Native',
    expect: 'not_applicable',
  },
  {
    name: 'Terraform client: authorization code grant only',
    source: 'cdktf',
    build: (stack) => {
      const pool = new CognitoUserPool(stack, 'Users', { name: 'users' });
      new CognitoUserPoolClient(stack, 'Web', {
        name: 'web',
        userPoolId: pool.id,
        allowedOauthFlowsUserPoolClient: true,
        allowedOauthFlows: ['code'],
        allowedOauthScopes: ['openid'],
        callbackUrls: ['https://app.example.com/cb'],
        supportedIdentityProviders: ['COGNITO'],
      });
    },
    target: 'Web',
    expect: 'pass',
  },
  {
    name: 'Terraform client: implicit grant allowed',
    source: 'cdktf',
    build: (stack) => {
      const pool = new CognitoUserPool(stack, 'Users', { name: 'users' });
      new CognitoUserPoolClient(stack, 'Web', {
        name: 'web',
        userPoolId: pool.id,
        allowedOauthFlowsUserPoolClient: true,
        allowedOauthFlows: ['implicit'],
        allowedOauthScopes: ['openid'],
        callbackUrls: ['https://app.example.com/cb'],
        supportedIdentityProviders: ['COGNITO'],
      });
    },
    target: 'Web',
    expect: 'fail',
    message: /`Web` allows the OAuth implicit grant/,
  },
]);
