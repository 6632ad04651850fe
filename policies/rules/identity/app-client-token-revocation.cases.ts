import * as cognito from 'aws-cdk-lib/aws-cognito';
import { CognitoUserPool } from '@cdktf/provider-aws/lib/cognito-user-pool';
import { CognitoUserPoolClient } from '@cdktf/provider-aws/lib/cognito-user-pool-client';
import { defineCases } from '../../../lib/engine/cases';
import rule from './app-client-token-revocation';

export default defineCases(rule, [
  {
    name: 'client with the default (revocation on)',
    build: (stack) => new cognito.UserPool(stack, 'Users').addClient('Web'),
    target: 'Users/Web',
    expect: 'pass',
  },
  {
    name: 'client with token revocation turned off',
    build: (stack) => new cognito.UserPool(stack, 'Users').addClient('Web', { enableTokenRevocation: false }),
    target: 'Users/Web',
    expect: 'fail',
    message: '`Users/Web` cannot revoke refresh tokens (token revocation is off)',
  },
  {
    name: 'hand-written client with revocation turned off',
    build: (stack) =>
      new cognito.CfnUserPoolClient(stack, 'Mobile', {
        userPoolId: new cognito.UserPool(stack, 'Users').userPoolId,
        enableTokenRevocation: false,
      }),
    target: 'Mobile',
    expect: 'fail',
    message: /`Mobile` cannot revoke refresh tokens/,
  },
  {
    name: 'Terraform client: token revocation left at its default (on)',
    source: 'cdktf',
    build: (stack) => {
      const pool = new CognitoUserPool(stack, 'Users', { name: 'users' });
      new CognitoUserPoolClient(stack, 'Web', { name: 'web', userPoolId: pool.id });
    },
    target: 'Web',
    expect: 'pass',
  },
  {
    name: 'Terraform client: enable_token_revocation false',
    source: 'cdktf',
    build: (stack) => {
      const pool = new CognitoUserPool(stack, 'Users', { name: 'users' });
      new CognitoUserPoolClient(stack, 'Web', {
        name: 'web',
        userPoolId: pool.id,
        enableTokenRevocation: false,
      });
    },
    target: 'Web',
    expect: 'fail',
    message: '`Web` cannot revoke refresh tokens (token revocation is off)',
  },
]);
