import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { defineCases } from '../../../lib/engine/cases';
import rule from './key-policy-not-public';

export default defineCases(rule, [
  {
    name: 'key with the CDK default policy (account root)',
    build: (stack) => {
      new kms.Key(stack, 'Key', { enableKeyRotation: true });
    },
    target: 'Key',
    expect: 'pass',
  },
  {
    name: 'key letting everyone decrypt',
    build: (stack) => {
      new kms.Key(stack, 'Key', { enableKeyRotation: true }).addToResourcePolicy(
        new iam.PolicyStatement({
          sid: 'Anyone',
          principals: [new iam.AnyPrincipal()],
          actions: ['kms:Decrypt'],
          resources: ['*'],
        }),
      );
    },
    target: 'Key',
    expect: 'fail',
    message: /`Key` key policy grants kms:Decrypt to everyone \(statement `Anyone`\)/,
  },
  {
    name: 'key letting everyone but one role decrypt (NotPrincipal)',
    build: (stack) => {
      new kms.Key(stack, 'Key', { enableKeyRotation: true }).addToResourcePolicy(
        new iam.PolicyStatement({
          sid: 'AllButAuditor',
          notPrincipals: [new iam.ArnPrincipal('arn:aws:iam::111122223333:role/auditor')],
          actions: ['kms:Decrypt'],
          resources: ['*'],
        }),
      );
    },
    target: 'Key',
    expect: 'fail',
    message: /`Key` key policy grants kms:Decrypt to everyone \(statement `AllButAuditor`\)/,
  },
  {
    name: 'key letting any principal of one account use it through a service',
    build: (stack) => {
      new kms.Key(stack, 'Key', { enableKeyRotation: true }).addToResourcePolicy(
        new iam.PolicyStatement({
          principals: [new iam.AnyPrincipal()],
          actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          resources: ['*'],
          conditions: {
            StringEquals: {
              'kms:CallerAccount': stack.account,
              'kms:ViaService': `s3.${stack.region}.amazonaws.com`,
            },
          },
        }),
      );
    },
    target: 'Key',
    expect: 'pass',
  },
]);
