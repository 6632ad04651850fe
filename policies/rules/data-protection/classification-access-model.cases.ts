import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Tags, type Stack } from 'aws-cdk-lib';
import { Classification } from '../../../lib/classification';
import { ClassifiedObjectStore } from '../../../lib/aws/stores';
import { defineCases } from '../../../lib/engine/cases';
import rule from './classification-access-model';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { SqsQueuePolicy } from '@cdktf/provider-aws/lib/sqs-queue-policy';
import type { TerraformStack } from 'cdktf';
import { classified } from '../../../test/support/terraform-stores';

/** A Terraform queue of `level`, whose queue policy denies principals without one of `clearances`. */
function tfQueue(stack: TerraformStack, level: string, clearances?: string[]): void {
  const q = new SqsQueue(stack, 'Jobs', { name: 'jobs', ...classified(level) });
  if (!clearances) return;
  new SqsQueuePolicy(stack, 'Policy', {
    queueUrl: q.url,
    policy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'DenyWithoutClearance',
          Effect: 'Deny',
          Principal: '*',
          Action: 'sqs:*',
          Resource: q.arn,
          Condition: { StringNotEquals: { 'aws:PrincipalTag/clearance': clearances } },
        },
      ],
    }),
  });
}

const ENDPOINT = 'vpce-0123456789abcdef0';

/** A Bulwark object store of `level`, reached through one S3 gateway endpoint. */
function store(stack: Stack, level: Classification): void {
  new ClassifiedObjectStore(stack, 'Data', {
    classification: level,
    allowedVpcEndpoints: [ENDPOINT],
    accessLogsBucket: new s3.Bucket(stack, 'Logs'),
  });
}

/** A plain TLS-only bucket tagged `tag`, whose policy denies principals without one of `clearances`. */
function bucket(stack: Stack, tag: string, clearances?: string[]): s3.Bucket {
  const b = new s3.Bucket(stack, 'Data', { enforceSSL: true });
  Tags.of(b).add('data-classification', tag);
  if (clearances) {
    b.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'DenyWithoutClearance',
        effect: iam.Effect.DENY,
        principals: [new iam.AnyPrincipal()],
        actions: ['s3:GetObject*', 's3:PutObject*'],
        resources: [b.arnForObjects('*')],
        conditions: { StringNotEquals: { 'aws:PrincipalTag/clearance': clearances } },
      }),
    );
  }
  return b;
}

export default defineCases(rule, [
  {
    name: 'RESTRICTED ClassifiedObjectStore denies principals without clearance',
    build: (stack) => store(stack, Classification.RESTRICTED),
    target: 'Data',
    expect: 'pass',
  },
  {
    name: 'RESTRICTED bucket with only a TLS-only policy',
    build: (stack) => {
      bucket(stack, 'restricted');
    },
    target: 'Data',
    expect: 'fail',
    message: /`Data` is RESTRICTED and its resource policy lacks a Deny on `aws:PrincipalTag\/clearance`/,
  },
  {
    name: 'RESTRICTED bucket whose clearance Deny also admits confidential',
    build: (stack) => {
      bucket(stack, 'restricted', ['confidential', 'restricted', 'top-secret']);
    },
    target: 'Data',
    expect: 'fail',
    message: /admitting only `restricted` and above/,
  },
  {
    name: 'TOP_SECRET ClassifiedObjectStore: clearance, VPC endpoint and MFA Denies',
    build: (stack) => store(stack, Classification.TOP_SECRET),
    target: 'Data',
    expect: 'pass',
  },
  {
    name: 'TOP_SECRET bucket with only the clearance Deny',
    build: (stack) => {
      bucket(stack, 'top-secret', ['top-secret']);
    },
    target: 'Data',
    expect: 'fail',
    message:
      /TOP_SECRET .*lacks a Deny outside .*`aws:SourceVpce`.*network origin.*`aws:MultiFactorAuthPresent`.*MFA/,
  },
  {
    name: 'CONFIDENTIAL bucket is role-based, not attribute-based',
    build: (stack) => {
      bucket(stack, 'confidential');
    },
    target: 'Data',
    expect: 'not_applicable',
  },
  {
    name: 'terraform: restricted queue without a queue policy',
    source: 'cdktf',
    build: (stack) => tfQueue(stack, 'restricted'),
    target: 'Jobs',
    expect: 'fail',
    message: /`Jobs` is RESTRICTED and its resource policy lacks a Deny on `aws:PrincipalTag\/clearance`/,
  },
  {
    name: 'terraform: restricted queue whose aws_sqs_queue_policy denies principals without clearance',
    source: 'cdktf',
    build: (stack) => tfQueue(stack, 'restricted', ['restricted', 'top-secret']),
    target: 'Jobs',
    expect: 'pass',
  },
  {
    name: 'terraform: restricted queue whose clearance Deny also admits confidential',
    source: 'cdktf',
    build: (stack) => tfQueue(stack, 'restricted', ['confidential', 'restricted', 'top-secret']),
    target: 'Jobs',
    expect: 'fail',
  },
]);
