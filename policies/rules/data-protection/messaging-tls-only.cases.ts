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
]);
