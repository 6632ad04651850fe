import type { ResourceGraph } from '../../graph/graph';
import type { Resource } from '../../graph/resource';
import { Unknown, asBool, asList, asString, get, isObject, refsIn, type Value } from '../../graph/values';
import type { LogDelivery } from '../kinds';
import { displayName } from '../common/naming';

/** Whether a log destination (a bucket name, `Ref` or unresolved) names the bucket `r`. */
function names(destination: Value | undefined, r: Resource): boolean {
  if (refsIn(destination).some((ref) => ref.address === r.address)) return true;
  const name = r.properties.BucketName;
  return typeof name === 'string' && typeof destination === 'string' && destination === name;
}

/** The value of one key of a load balancer's `LoadBalancerAttributes`. */
function attribute(lb: Resource, key: string): Value | undefined {
  for (const a of asList(lb.properties.LoadBalancerAttributes)) {
    if (isObject(a) && a.Key === key) return a.Value;
  }
  return undefined;
}

/** Logging that is not turned off: on, or unresolved (the delivery may happen). */
function mayBeOn(v: Value | undefined): boolean {
  const on = v instanceof Unknown ? v : asBool(v);
  return on === true || on instanceof Unknown;
}

/**
 * Load balancer access logs delivered into the bucket `r`. Application and classic load balancers
 * write them only to buckets encrypted with S3-managed keys (SSE-S3); network load balancers also
 * to buckets on a customer-managed KMS key whose policy lets the log delivery service use it.
 */
export function logDeliveriesInto(r: Resource, graph: ResourceGraph): LogDelivery[] {
  const out: LogDelivery[] = [];
  for (const lb of graph.ofType('AWS::ElasticLoadBalancing::LoadBalancer')) {
    const policy = lb.properties.AccessLoggingPolicy;
    if (!mayBeOn(get(policy, 'Enabled')) || !names(get(policy, 'S3BucketName'), r)) continue;
    out.push({
      address: lb.address,
      what: `access logs of classic load balancer \`${displayName(lb)}\``,
      providerKeyOnly: true,
    });
  }
  for (const lb of graph.ofType('AWS::ElasticLoadBalancingV2::LoadBalancer')) {
    if (!mayBeOn(attribute(lb, 'access_logs.s3.enabled'))) continue;
    if (!names(attribute(lb, 'access_logs.s3.bucket'), r)) continue;
    const type = asString(lb.properties.Type) ?? 'application';
    if (type === 'gateway') continue;
    const network = type === 'network';
    out.push({
      address: lb.address,
      what: `access logs of ${network ? 'network' : 'application'} load balancer \`${displayName(lb)}\``,
      providerKeyOnly: !network,
    });
  }
  return out;
}
