import * as cognito from 'aws-cdk-lib/aws-cognito';
import { CognitoUserPool } from '@cdktf/provider-aws/lib/cognito-user-pool';
import { defineCases } from '../../../lib/engine/cases';
import rule from './user-directory-mfa';

export default defineCases(rule, [
  {
    name: 'user pool requiring a TOTP second factor',
    build: (stack) => {
      new cognito.UserPool(stack, 'Users', {
        mfa: cognito.Mfa.REQUIRED,
        mfaSecondFactor: { otp: true, sms: false },
      });
    },
    target: 'Users',
    expect: 'pass',
  },
  {
    name: 'user pool on the defaults (MFA off)',
    build: (stack) => void new cognito.UserPool(stack, 'Users'),
    target: 'Users',
    expect: 'fail',
    message: '`Users` does not offer MFA',
  },
  {
    name: 'user pool with optional MFA',
    build: (stack) => {
      new cognito.UserPool(stack, 'Users', {
        mfa: cognito.Mfa.OPTIONAL,
        mfaSecondFactor: { otp: true, sms: false },
      });
    },
    target: 'Users',
    expect: 'fail',
    message: '`Users` leaves MFA optional for each user',
  },
  {
    name: 'Terraform user pool requiring a TOTP second factor',
    source: 'cdktf',
    build: (stack) => {
      new CognitoUserPool(stack, 'Users', {
        name: 'users',
        mfaConfiguration: 'ON',
        softwareTokenMfaConfiguration: { enabled: true },
      });
    },
    target: 'Users',
    expect: 'pass',
  },
  {
    name: 'Terraform user pool without mfa_configuration (OFF)',
    source: 'cdktf',
    build: (stack) => void new CognitoUserPool(stack, 'Users', { name: 'users' }),
    target: 'Users',
    expect: 'fail',
  },
  {
    name: 'Terraform user pool with mfa_configuration OPTIONAL',
    source: 'cdktf',
    build: (stack) =>
      void new CognitoUserPool(stack, 'Users', {
        name: 'users',
        mfaConfiguration: 'OPTIONAL',
        softwareTokenMfaConfiguration: { enabled: true },
      }),
    target: 'Users',
    expect: 'fail',
    message: '`Users` leaves MFA optional for each user',
  },
]);
