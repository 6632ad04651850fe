import { EcsService } from '@cdktf/provider-aws/lib/ecs-service';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
import { Unknown } from '../../lib/graph/values';
import type { ContainerServiceView, SubscriptionView } from '../../lib/views/kinds';
import { tfViews } from './terraform-support';

describe('Terraform container services and topic subscriptions', () => {
  const { views, byId } = tfViews((stack) => {
    new EcsService(stack, 'Public', {
      name: 'public',
      taskDefinition: 'web:1',
      networkConfiguration: { subnets: ['subnet-0a'], assignPublicIp: true },
    });
    new EcsService(stack, 'Private', {
      name: 'private',
      taskDefinition: 'web:1',
      networkConfiguration: { subnets: ['subnet-0a'] },
    });
    new EcsService(stack, 'Bridge', { name: 'bridge', taskDefinition: 'web:1' });
    const topic = new SnsTopic(stack, 'Topic', { name: 'alerts' });
    new SnsTopicSubscription(stack, 'Hook', {
      topicArn: topic.arn,
      protocol: 'http',
      endpoint: 'http://hooks.example.com',
    });
    new SnsTopicSubscription(stack, 'Push', {
      topicArn: topic.arn,
      protocol: 'application',
      endpoint: 'arn:aws:sns:eu-west-1:111122223333:endpoint/GCM/app/1',
    });
    new SnsTopicSubscription(stack, 'Odd', {
      topicArn: topic.arn,
      protocol: 'carrier-pigeon',
      endpoint: 'x',
    });
  });
  const service = (id: string) => views.viewOf(byId(id).address, 'container-service') as ContainerServiceView;
  const subscription = (id: string) => views.viewOf(byId(id).address, 'subscription') as SubscriptionView;

  it('gives tasks a public IP only where network_configuration sets assign_public_ip', () => {
    expect(service('Public').publicIp).toBe(true);
    expect(service('Private').publicIp).toBe(false);
    expect(service('Bridge').publicIp).toBe(false);
  });

  it('reads the delivery of a subscription from its protocol, and its topic', () => {
    expect(subscription('Hook')).toMatchObject({
      protocol: 'http',
      delivery: 'http',
      source: byId('Topic').address,
    });
    expect(subscription('Push').delivery).toBe('mobile-push');
    expect(subscription('Odd').delivery).toBeInstanceOf(Unknown);
  });
});
