import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as subs from 'aws-cdk-lib/aws-sns-subscriptions';
import { CfnParameter } from 'aws-cdk-lib';
import { defineCases } from '../../../lib/engine/cases';
import rule from './subscription-tls';
import type { TerraformStack } from 'cdktf';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';

/** An `aws_sns_topic_subscription` of a new topic. */
function tfSubscription(stack: TerraformStack, protocol: string, endpoint: string): SnsTopicSubscription {
  const topic = new SnsTopic(stack, 'Topic', { name: 'alerts' });
  return new SnsTopicSubscription(stack, 'Hook', { topicArn: topic.arn, protocol, endpoint });
}

export default defineCases(rule, [
  {
    name: 'HTTPS web hook subscription',
    build: (stack) =>
      new sns.Topic(stack, 'Topic').addSubscription(
        new subs.UrlSubscription('https://hooks.example.com/orders'),
      ),
    expect: 'pass',
  },
  {
    name: 'plain HTTP web hook subscription',
    build: (stack) =>
      void new sns.Subscription(stack, 'Hook', {
        topic: new sns.Topic(stack, 'Topic'),
        protocol: sns.SubscriptionProtocol.HTTP,
        endpoint: 'http://hooks.example.com/orders',
      }),
    target: 'Hook',
    expect: 'fail',
    message: '`Hook` delivers messages over plain HTTP (protocol `http`)',
  },
  {
    name: 'queue subscription',
    build: (stack) =>
      new sns.Topic(stack, 'Topic').addSubscription(new subs.SqsSubscription(new sqs.Queue(stack, 'Queue'))),
    expect: 'pass',
  },
  {
    name: 'e-mail subscription is not judged',
    build: (stack) =>
      void new sns.CfnSubscription(stack, 'Mail', {
        topicArn: new sns.Topic(stack, 'Topic').topicArn,
        protocol: 'email',
        endpoint: 'ops@example.com',
      }),
    target: 'Mail',
    expect: 'not_applicable',
  },
  {
    name: 'subscription protocol given as a parameter',
    build: (stack) =>
      void new sns.CfnSubscription(stack, 'Hook', {
        topicArn: new sns.Topic(stack, 'Topic').topicArn,
        protocol: new CfnParameter(stack, 'Protocol').valueAsString,
        endpoint: 'hooks.example.com/orders',
      }),
    target: 'Hook',
    expect: 'unknown',
    message: /the delivery protocol cannot be resolved/,
  },
  {
    name: 'terraform: https subscription',
    source: 'cdktf',
    build: (stack) => void tfSubscription(stack, 'https', 'https://hooks.example.com/alerts'),
    target: 'Hook',
    expect: 'pass',
  },
  {
    name: 'terraform: http subscription',
    source: 'cdktf',
    build: (stack) => void tfSubscription(stack, 'http', 'http://hooks.example.com/alerts'),
    target: 'Hook',
    expect: 'fail',
    message: '`Hook` delivers messages over plain HTTP',
  },
  {
    name: 'terraform: queue subscription delivers through the provider API',
    source: 'cdktf',
    build: (stack) => {
      const queue = new SqsQueue(stack, 'Queue', { name: 'alerts' });
      tfSubscription(stack, 'sqs', queue.arn);
    },
    target: 'Hook',
    expect: 'pass',
  },
  {
    name: 'terraform: e-mail subscription is not judged',
    source: 'cdktf',
    build: (stack) => void tfSubscription(stack, 'email', 'ops@example.com'),
    target: 'Hook',
    expect: 'not_applicable',
  },
  {
    name: 'terraform plan: https subscription',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-posture-logging/plan.json',
    target: 'aws_sns_topic_subscription.good',
    expect: 'pass',
  },
  {
    name: 'terraform plan: http subscription',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-posture-logging/plan.json',
    target: 'aws_sns_topic_subscription.bad',
    expect: 'fail',
    message: /delivers messages over plain HTTP/,
  },
]);
