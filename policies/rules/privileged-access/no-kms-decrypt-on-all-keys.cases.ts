import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type { Stack } from 'aws-cdk-lib';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { defineCases } from '../../../lib/engine/cases';
import rule from './no-kms-decrypt-on-all-keys';

function baseline(stack: Stack): iam.Role {
  const role = new iam.Role(stack, 'App', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  new kms.Key(stack, 'Key', { enableKeyRotation: true }).grantDecrypt(role);
  return role;
}

/** A trust policy for Lambda, as a Terraform `assume_role_policy` JSON string. */
const lambdaTrust = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: 'lambda.amazonaws.com' } }],
});
/** A policy document string with one statement. */
const tfPolicy = (actions: string[], resources: string[]) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: actions, Resource: resources }],
  });

export default defineCases(rule, [
  {
    name: 'decrypt granted on one key',
    build: (stack) => void baseline(stack),
    target: 'App',
    expect: 'pass',
  },
  {
    name: 'kms:Decrypt on every resource',
    build: (stack) =>
      baseline(stack).addToPrincipalPolicy(
        new iam.PolicyStatement({ actions: ['kms:Decrypt'], resources: ['*'] }),
      ),
    target: 'App',
    expect: 'fail',
    message: /policy `App\/DefaultPolicy` allows `kms:Decrypt` on every KMS key/,
  },
  {
    name: 'kms:* on every key of the account in an inline policy',
    build: (stack) => {
      new iam.Role(stack, 'App', {
        assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
        inlinePolicies: {
          keys: new iam.PolicyDocument({
            statements: [
              new iam.PolicyStatement({
                actions: ['kms:*'],
                resources: ['arn:aws:kms:*:111111111111:key/*'],
              }),
            ],
          }),
        },
      });
    },
    target: 'App',
    expect: 'fail',
    message: '`App`: policy `keys` allows `kms:Decrypt` on every KMS key',
  },
  {
    name: 'encrypt-only access on every key decrypts nothing',
    build: (stack) =>
      baseline(stack).addToPrincipalPolicy(
        new iam.PolicyStatement({ actions: ['kms:Encrypt', 'kms:GenerateDataKey'], resources: ['*'] }),
      ),
    target: 'App',
    expect: 'pass',
  },
  {
    name: 'Terraform role allowed kms:Decrypt on named resources only',
    source: 'cdktf',
    build: (stack) => {
      const role = new IamRole(stack, 'App', { assumeRolePolicy: lambdaTrust });
      new IamRolePolicy(stack, 'Grant', {
        name: 'grant',
        role: role.id,
        policy: tfPolicy(
          ['kms:Decrypt'],
          ['arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab'],
        ),
      });
    },
    target: 'App',
    expect: 'pass',
  },
  {
    name: 'Terraform aws_iam_role_policy allows kms:Decrypt on *',
    source: 'cdktf',
    build: (stack) => {
      const role = new IamRole(stack, 'App', { assumeRolePolicy: lambdaTrust });
      new IamRolePolicy(stack, 'Grant', {
        name: 'grant',
        role: role.id,
        policy: tfPolicy(['kms:Decrypt'], ['*']),
      });
    },
    target: 'App',
    expect: 'fail',
    message: /policy `grant` allows `kms:Decrypt` on every KMS key/,
  },
]);
