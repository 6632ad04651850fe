import { Tags } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { IConstruct } from 'constructs';
import { defineCases } from '../../../lib/engine/cases';
import rule from './key-classification';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { classified, tfBucket } from '../../../test/support/terraform-stores';

const classify = <T extends IConstruct>(c: T, level: string): T => {
  Tags.of(c).add('data-classification', level);
  return c;
};

export default defineCases(rule, [
  {
    name: 'key tagged with the level of the bucket it encrypts',
    build: (stack) => {
      const key = classify(new kms.Key(stack, 'Key', { enableKeyRotation: true }), 'confidential');
      classify(new s3.Bucket(stack, 'Data', { encryptionKey: key }), 'confidential');
    },
    target: 'Key',
    expect: 'pass',
  },
  {
    name: 'untagged key encrypting a restricted table',
    build: (stack) => {
      const key = new kms.Key(stack, 'Key', { enableKeyRotation: true });
      classify(
        new dynamodb.Table(stack, 'Orders', {
          partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
          encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
          encryptionKey: key,
        }),
        'restricted',
      );
    },
    target: 'Key',
    expect: 'fail',
    message: /`Key` encrypts RESTRICTED data \(`Orders`\) and carries no `data-classification` tag/,
  },
  {
    name: 'internal key shared with a confidential bucket',
    build: (stack) => {
      const key = classify(new kms.Key(stack, 'Key', { enableKeyRotation: true }), 'internal');
      classify(new s3.Bucket(stack, 'Reports', { encryptionKey: key }), 'internal');
      classify(new s3.Bucket(stack, 'Payroll', { encryptionKey: key }), 'confidential');
    },
    target: 'Key',
    expect: 'fail',
    message: /`Key` is tagged internal and encrypts CONFIDENTIAL data \(`Payroll`\)/,
  },
  {
    name: 'key encrypting nothing in the template',
    build: (stack) => {
      new kms.Key(stack, 'Key', { enableKeyRotation: true });
    },
    target: 'Key',
    expect: 'not_applicable',
  },
  {
    name: 'terraform: key tagged with the level of the bucket it encrypts',
    source: 'cdktf',
    build: (stack) => {
      const key = new KmsKey(stack, 'Key', { enableKeyRotation: true, ...classified('confidential') });
      tfBucket(stack, 'Data', { sse: 'aws:kms', key, level: 'confidential' });
    },
    target: 'Key',
    expect: 'pass',
  },
  {
    name: 'terraform: untagged key encrypting a restricted bucket',
    source: 'cdktf',
    build: (stack) => {
      const key = new KmsKey(stack, 'Key', { enableKeyRotation: true });
      tfBucket(stack, 'Data', { sse: 'aws:kms', key, level: 'restricted' });
    },
    target: 'Key',
    expect: 'fail',
    message: /`Key` encrypts RESTRICTED data \(`Data`\) and carries no `data-classification` tag/,
  },
  {
    name: 'terraform: internal key shared with a confidential bucket',
    source: 'cdktf',
    build: (stack) => {
      const key = new KmsKey(stack, 'Key', { enableKeyRotation: true, ...classified('internal') });
      tfBucket(stack, 'Logs', { sse: 'aws:kms', key, level: 'internal' });
      tfBucket(stack, 'Data', { sse: 'aws:kms', key, level: 'confidential' });
    },
    target: 'Key',
    expect: 'fail',
    message: /`Key` is tagged internal and encrypts CONFIDENTIAL data \(`Data`\)/,
  },
  {
    name: 'terraform plan: internal key encrypting a confidential database',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-posture-logging/plan.json',
    target: 'aws_kms_key.bad',
    expect: 'fail',
    message: /is tagged internal and encrypts CONFIDENTIAL data/,
  },
]);
