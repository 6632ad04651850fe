import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type { Stack } from 'aws-cdk-lib';
import { defineCases } from '../../../lib/engine/cases';
import rule from './no-kms-decrypt-on-all-keys';

function baseline(stack: Stack): iam.Role {
  const role = new iam.Role(stack, 'App', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  new kms.Key(stack, 'Key', { enableKeyRotation: true }).grantDecrypt(role);
  return role;
}

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
]);
