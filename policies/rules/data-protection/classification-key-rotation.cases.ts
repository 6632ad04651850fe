import { Duration, Tags } from 'aws-cdk-lib';
import type { Stack } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kms from 'aws-cdk-lib/aws-kms';
import { defineCases } from '../../../lib/engine/cases';
import rule from './classification-key-rotation';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import type { TerraformStack } from 'cdktf';
import { classified } from '../../../test/support/terraform-stores';

/** A Terraform queue of `level` encrypted with a customer key of the given rotation. */
function tfQueue(stack: TerraformStack, level: string, rotation: { on: boolean; days?: number }): void {
  const key = new KmsKey(stack, 'Key', {
    enableKeyRotation: rotation.on,
    ...(rotation.days === undefined ? {} : { rotationPeriodInDays: rotation.days }),
  });
  new SqsQueue(stack, 'Orders', { name: 'orders', kmsMasterKeyId: key.arn, ...classified(level) });
}

function table(stack: Stack, level: string, encryptionKey?: kms.IKey): void {
  const t = new dynamodb.Table(stack, 'Orders', {
    partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
    ...(encryptionKey
      ? { encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED, encryptionKey }
      : { encryption: dynamodb.TableEncryption.AWS_MANAGED }),
  });
  Tags.of(t).add('data-classification', level);
}

export default defineCases(rule, [
  {
    name: 'confidential table, key rotated yearly',
    build: (stack) => table(stack, 'confidential', new kms.Key(stack, 'Key', { enableKeyRotation: true })),
    target: 'Orders',
    expect: 'pass',
  },
  {
    name: 'confidential table, key without rotation',
    build: (stack) => table(stack, 'confidential', new kms.Key(stack, 'Key')),
    target: 'Orders',
    expect: 'fail',
    message: /`Orders` is CONFIDENTIAL; key `Key` does not rotate \(the level requires every 365 days\)/,
  },
  {
    name: 'restricted table, key rotated every 180 days',
    build: (stack) =>
      table(
        stack,
        'restricted',
        new kms.Key(stack, 'Key', { enableKeyRotation: true, rotationPeriod: Duration.days(180) }),
      ),
    target: 'Orders',
    expect: 'pass',
  },
  {
    name: 'restricted table, key on the yearly default period',
    build: (stack) => table(stack, 'restricted', new kms.Key(stack, 'Key', { enableKeyRotation: true })),
    target: 'Orders',
    expect: 'fail',
    message: /`Orders` is RESTRICTED; key `Key` rotates every 365 days, more than 180/,
  },
  {
    name: 'restricted table on the AWS managed key (rotated yearly)',
    build: (stack) => table(stack, 'restricted'),
    target: 'Orders',
    expect: 'fail',
    message: /the AWS managed key rotates every 365 days, more than 180/,
  },
  {
    name: 'confidential table with a key from outside the template',
    build: (stack) =>
      table(
        stack,
        'confidential',
        kms.Key.fromKeyArn(
          stack,
          'Shared',
          'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
        ),
      ),
    target: 'Orders',
    expect: 'unknown',
    message: /outside the input: its rotation cannot be read/,
  },
  {
    name: 'internal table sets no rotation period',
    build: (stack) => table(stack, 'internal', new kms.Key(stack, 'Key')),
    target: 'Orders',
    expect: 'not_applicable',
  },
  {
    name: 'terraform: confidential queue whose aws_kms_key does not rotate',
    source: 'cdktf',
    build: (stack) => tfQueue(stack, 'confidential', { on: false }),
    target: 'Orders',
    expect: 'fail',
    message: /`Orders` is CONFIDENTIAL; key `Key` does not rotate/,
  },
  {
    name: 'terraform: restricted queue whose key rotates yearly (the provider default period)',
    source: 'cdktf',
    build: (stack) => tfQueue(stack, 'restricted', { on: true }),
    target: 'Orders',
    expect: 'fail',
    message: /`Orders` is RESTRICTED; key `Key` rotates every 365 days, more than 180/,
  },
  {
    name: 'terraform: restricted queue whose key rotates every 90 days',
    source: 'cdktf',
    build: (stack) => tfQueue(stack, 'restricted', { on: true, days: 90 }),
    target: 'Orders',
    expect: 'pass',
  },
]);
