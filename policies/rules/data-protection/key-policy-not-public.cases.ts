import { CfnParameter } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { defineCases } from '../../../lib/engine/cases';
import rule from './key-policy-not-public';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { KmsKeyPolicy } from '@cdktf/provider-aws/lib/kms-key-policy';

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
    name: 'key letting a principal given as a parameter without a default decrypt (it may be `*`)',
    build: (stack) => {
      const who = new CfnParameter(stack, 'Consumer', { type: 'String' });
      new kms.Key(stack, 'Key', { enableKeyRotation: true }).addToResourcePolicy(
        new iam.PolicyStatement({
          principals: [new iam.ArnPrincipal(who.valueAsString)],
          actions: ['kms:Decrypt'],
          resources: ['*'],
        }),
      );
    },
    target: 'Key',
    expect: 'unknown',
    message: /`Key` key policy may grant everyone: a principal cannot be resolved/,
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
  {
    name: 'terraform: key without a policy (the default key policy)',
    source: 'cdktf',
    build: (stack) => void new KmsKey(stack, 'Key', { enableKeyRotation: true }),
    target: 'Key',
    expect: 'pass',
  },
  {
    name: 'terraform: key policy letting everyone decrypt',
    source: 'cdktf',
    build: (stack) =>
      void new KmsKey(stack, 'Key', {
        enableKeyRotation: true,
        policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'Admin',
              Effect: 'Allow',
              Principal: { AWS: 'arn:aws:iam::111122223333:root' },
              Action: 'kms:*',
              Resource: '*',
            },
            { Sid: 'Open', Effect: 'Allow', Principal: '*', Action: 'kms:Decrypt', Resource: '*' },
          ],
        }),
      }),
    target: 'Key',
    expect: 'fail',
    message: /`Key` key policy grants kms:Decrypt to everyone \(statement `Open`\)/,
  },
  {
    name: 'terraform: aws_kms_key_policy confining everyone to the caller account',
    source: 'cdktf',
    build: (stack) => {
      const key = new KmsKey(stack, 'Key', { enableKeyRotation: true });
      new KmsKeyPolicy(stack, 'KeyPolicy', {
        keyId: key.id,
        policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'Account',
              Effect: 'Allow',
              Principal: { AWS: '*' },
              Action: ['kms:Decrypt', 'kms:DescribeKey'],
              Resource: '*',
              Condition: { StringEquals: { 'kms:CallerAccount': '111122223333' } },
            },
          ],
        }),
      });
    },
    target: 'Key',
    expect: 'pass',
  },
  {
    name: 'terraform: aws_kms_key_policy letting everyone decrypt',
    source: 'cdktf',
    build: (stack) => {
      const key = new KmsKey(stack, 'Key', { enableKeyRotation: true });
      new KmsKeyPolicy(stack, 'KeyPolicy', {
        keyId: key.id,
        policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:Decrypt', Resource: '*' }],
        }),
      });
    },
    target: 'Key',
    expect: 'fail',
    message: /`Key` key policy grants kms:Decrypt to everyone/,
  },
  {
    name: 'terraform plan: key policy written with jsonencode letting everyone decrypt',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-posture-logging/plan.json',
    target: 'aws_kms_key.bad',
    expect: 'fail',
    message: /grants kms:Decrypt to everyone/,
  },
]);
