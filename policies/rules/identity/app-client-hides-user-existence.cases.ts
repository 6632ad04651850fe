import * as cognito from 'aws-cdk-lib/aws-cognito';
import { CfnParameter } from 'aws-cdk-lib';
import { CognitoUserPool } from '@cdktf/provider-aws/lib/cognito-user-pool';
import { CognitoUserPoolClient } from '@cdktf/provider-aws/lib/cognito-user-pool-client';
import { defineCases } from '../../../lib/engine/cases';
import rule from './app-client-hides-user-existence';

export default defineCases(rule, [
  {
    name: 'client that answers the same for unknown users',
    build: (stack) =>
      new cognito.UserPool(stack, 'Users').addClient('Web', { preventUserExistenceErrors: true }),
    target: 'Users/Web',
    expect: 'pass',
  },
  {
    name: 'client with the CDK default (LEGACY errors)',
    build: (stack) => new cognito.UserPool(stack, 'Users').addClient('Web'),
    target: 'Users/Web',
    expect: 'fail',
    message:
      '`Users/Web` reveals whether a user exists (its errors tell an unknown user from a wrong password)',
  },
  {
    name: 'hand-written client without PreventUserExistenceErrors',
    build: (stack) =>
      new cognito.CfnUserPoolClient(stack, 'Mobile', {
        userPoolId: new cognito.UserPool(stack, 'Users').userPoolId,
        explicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    target: 'Mobile',
    expect: 'fail',
    message: /`Mobile` reveals whether a user exists/,
  },
  {
    name: 'setting from a parameter',
    build: (stack) =>
      new cognito.CfnUserPoolClient(stack, 'Mobile', {
        userPoolId: new cognito.UserPool(stack, 'Users').userPoolId,
        preventUserExistenceErrors: new CfnParameter(stack, 'Errors').valueAsString,
      }),
    target: 'Mobile',
    expect: 'unknown',
    message: /`Mobile`: user existence errors cannot be resolved/,
  },
  {
    name: 'Terraform client: prevent_user_existence_errors ENABLED',
    source: 'cdktf',
    build: (stack) => {
      const pool = new CognitoUserPool(stack, 'Users', { name: 'users' });
      new CognitoUserPoolClient(stack, 'Web', {
        name: 'web',
        userPoolId: pool.id,
        preventUserExistenceErrors: 'ENABLED',
      });
    },
    target: 'Web',
    expect: 'pass',
  },
  {
    name: 'Terraform client: prevent_user_existence_errors unset (LEGACY)',
    source: 'cdktf',
    build: (stack) => {
      const pool = new CognitoUserPool(stack, 'Users', { name: 'users' });
      new CognitoUserPoolClient(stack, 'Web', { name: 'web', userPoolId: pool.id });
    },
    target: 'Web',
    expect: 'fail',
    message: /`Web` reveals whether a user exists/,
  },
]);
