import * as iam from 'aws-cdk-lib/aws-iam';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { defineCases } from '../../../lib/engine/cases';
import rule from './messaging-tls-only';

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
]);
