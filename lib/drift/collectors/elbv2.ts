import {
  DescribeListenersCommand,
  DescribeLoadBalancerAttributesCommand,
  DescribeLoadBalancersCommand,
  DescribeTagsCommand,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { Unknown } from '../../graph/values';
import { compact, liveResource, plain, Reads, tagMap } from './common';
import type { CollectContext, Collected, Collector } from './types';

const LB = 'AWS::ElasticLoadBalancingV2::LoadBalancer';

/** `AWS::ElasticLoadBalancingV2::Listener`: protocol, TLS policy and default actions. */
export const listenerCollector: Collector = {
  types: ['AWS::ElasticLoadBalancingV2::Listener'],
  async collect(ctx: CollectContext): Promise<Collected> {
    const reads = new Reads(['ListenerNotFound', 'ListenerNotFoundException']);
    const out = await reads.primary(() =>
      ctx.aws.send(new DescribeListenersCommand({ ListenerArns: [ctx.physicalId] })),
    );
    const l = out.Listeners?.[0];
    if (!l) throw new Error(`DescribeListeners returned no listener for ${ctx.physicalId}`);
    const properties = compact({
      LoadBalancerArn: ctx.ids.refOrId(l.LoadBalancerArn, ctx.graph, [LB]),
      Protocol: l.Protocol,
      Port: l.Port,
      SslPolicy: l.SslPolicy,
      Certificates: l.Certificates ? plain(l.Certificates) : undefined,
      AlpnPolicy: l.AlpnPolicy ? plain(l.AlpnPolicy) : undefined,
      DefaultActions: plain(
        (l.DefaultActions ?? []).map((a) => ({
          Type: a.Type,
          Order: a.Order,
          TargetGroupArn: a.TargetGroupArn,
          RedirectConfig: a.RedirectConfig,
          FixedResponseConfig: a.FixedResponseConfig,
        })),
      ),
    });
    return reads.result([liveResource(ctx.desired, properties, {})]);
  },
};

/** `AWS::ElasticLoadBalancingV2::LoadBalancer`: type, scheme and attributes (access logs). */
export const loadBalancerCollector: Collector = {
  types: [LB],
  async collect(ctx: CollectContext): Promise<Collected> {
    const arn = ctx.physicalId;
    const reads = new Reads(['LoadBalancerNotFound', 'LoadBalancerNotFoundException']);
    const out = await reads.primary(() =>
      ctx.aws.send(new DescribeLoadBalancersCommand({ LoadBalancerArns: [arn] })),
    );
    const lb = out.LoadBalancers?.[0];
    if (!lb) throw new Error(`DescribeLoadBalancers returned no load balancer for ${arn}`);
    const [attributes, tags] = await Promise.all([
      reads.optional('LoadBalancerAttributes', () =>
        ctx.aws.send(new DescribeLoadBalancerAttributesCommand({ LoadBalancerArn: arn })),
      ),
      reads.optional('Tags', () => ctx.aws.send(new DescribeTagsCommand({ ResourceArns: [arn] }))),
    ]);
    const properties = compact({
      Name: lb.LoadBalancerName,
      Type: lb.Type,
      Scheme: lb.Scheme,
      LoadBalancerAttributes:
        attributes instanceof Unknown ? attributes : plain(attributes?.Attributes ?? []),
    });
    const tagList = tags instanceof Unknown || tags === null ? [] : (tags.TagDescriptions?.[0]?.Tags ?? []);
    return reads.result([liveResource(ctx.desired, properties, tagMap(tagList))]);
  },
};
