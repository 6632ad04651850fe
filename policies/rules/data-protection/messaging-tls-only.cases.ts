import * as iam from 'aws-cdk-lib/aws-iam';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicPolicy } from '@cdktf/provider-aws/lib/sns-topic-policy';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { SqsQueuePolicy } from '@cdktf/provider-aws/lib/sqs-queue-policy';
import { defineCases } from '../../../lib/engine/cases';
import rule from './messaging-tls-only';

/** A policy denying `action` on `arn` to everyone when the request is not made over TLS. */
function denyInsecure(action: string, arn: string): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Deny',
        Principal: '*',
        Action: action,
        Resource: arn,
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
    ],
  });
}

export default defineCases(rule, [
  {
    name: 'queue with enforceSSL',
    build: (stack) => {
      new sqs.Queue(stack, 'Jobs', { enforceSSL: true });
    },
    target: 'Jobs',
    expect: 'pass',
  },
  {
    name: 'queue without a queue policy',
    build: (stack) => {
      new sqs.Queue(stack, 'Jobs');
    },
    target: 'Jobs',
    expect: 'fail',
    message: /`Jobs` accepts requests without TLS \(no queue policy/,
  },
  {
    name: 'topic with enforceSSL',
    build: (stack) => {
      new sns.Topic(stack, 'Alerts', { enforceSSL: true });
    },
    target: 'Alerts',
    expect: 'pass',
  },
  {
    name: 'topic without a topic policy',
    build: (stack) => {
      new sns.Topic(stack, 'Alerts');
    },
    target: 'Alerts',
    expect: 'fail',
    message: /`Alerts` accepts requests without TLS \(no topic policy/,
  },
  {
    name: 'queue policy denying plain HTTP for sends only leaves receives and deletes open',
    build: (stack) => {
      const q = new sqs.Queue(stack, 'Jobs');
      q.addToResourcePolicy(
        new iam.PolicyStatement({
          effect: iam.Effect.DENY,
          principals: [new iam.AnyPrincipal()],
          actions: ['sqs:SendMessage'],
          resources: [q.queueArn],
          conditions: { Bool: { 'aws:SecureTransport': 'false' } },
        }),
      );
    },
    target: 'Jobs',
    expect: 'fail',
    message: /`Jobs` accepts requests without TLS/,
  },
  {
    name: 'topic policy denying plain HTTP to one account only leaves everyone else open',
    build: (stack) => {
      const t = new sns.Topic(stack, 'Alerts');
      t.addToResourcePolicy(
        new iam.PolicyStatement({
          effect: iam.Effect.DENY,
          principals: [new iam.AccountPrincipal('111122223333')],
          actions: ['sns:Publish'],
          resources: [t.topicArn],
          conditions: { Bool: { 'aws:SecureTransport': 'false' } },
        }),
      );
    },
    target: 'Alerts',
    expect: 'fail',
    message: /`Alerts` accepts requests without TLS/,
  },
  {
    name: 'terraform: queue with an aws_sqs_queue_policy denying requests without TLS',
    source: 'cdktf',
    build: (stack) => {
      const queue = new SqsQueue(stack, 'Jobs', { name: 'jobs' });
      new SqsQueuePolicy(stack, 'JobsPolicy', {
        queueUrl: queue.id,
        policy: denyInsecure('sqs:*', queue.arn),
      });
    },
    target: 'Jobs',
    expect: 'pass',
  },
  {
    name: 'terraform: queue without a policy',
    source: 'cdktf',
    build: (stack) => {
      new SqsQueue(stack, 'Jobs', { name: 'jobs' });
    },
    target: 'Jobs',
    expect: 'fail',
    message: /`Jobs` accepts requests without TLS/,
  },
  {
    name: 'terraform: queue whose policy denies only sqs:SendMessage without TLS',
    source: 'cdktf',
    build: (stack) => {
      const queue = new SqsQueue(stack, 'Jobs', { name: 'jobs' });
      new SqsQueuePolicy(stack, 'JobsPolicy', {
        queueUrl: queue.id,
        policy: denyInsecure('sqs:SendMessage', queue.arn),
      });
    },
    target: 'Jobs',
    expect: 'fail',
  },
  {
    name: 'terraform: topic with an aws_sns_topic_policy denying sns:Publish without TLS',
    source: 'cdktf',
    build: (stack) => {
      const topic = new SnsTopic(stack, 'Alerts', { name: 'alerts' });
      new SnsTopicPolicy(stack, 'AlertsPolicy', {
        arn: topic.arn,
        policy: denyInsecure('sns:Publish', topic.arn),
      });
    },
    target: 'Alerts',
    expect: 'pass',
  },
  {
    name: 'terraform: topic policy whose resource is a variable cannot be read',
    source: 'cdktf',
    build: (stack) => {
      const topic = new SnsTopic(stack, 'Alerts', { name: 'alerts' });
      new SnsTopicPolicy(stack, 'AlertsPolicy', {
        arn: topic.arn,
        policy: denyInsecure('sns:Publish', '${var.topic_arn}'),
      });
    },
    target: 'Alerts',
    expect: 'unknown',
  },
]);
