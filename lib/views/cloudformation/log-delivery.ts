import type { ResourceGraph } from '../../graph/graph';
import type { Resource } from '../../graph/resource';
import { Unknown, asBool, asList, asString, get, isObject, type Value } from '../../graph/values';
import type { LogDelivery } from '../kinds';
import { displayName } from '../common/naming';

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
 * Load balancer access logs delivered into the bucket `r`: load balancers whose log bucket names it
 * (by reference or by name; one that may name it, by a name two buckets claim, is not counted, so the
 * bucket keeps every requirement). Application and classic load balancers
 * write them only to buckets encrypted with S3-managed keys (SSE-S3); network load balancers also
 * to buckets on a customer-managed KMS key whose policy lets the log delivery service use it.
 */
export function logDeliveriesInto(r: Resource, graph: ResourceGraph): LogDelivery[] {
  const out: LogDelivery[] = [];
  const classic = graph.attachedBy(r.address, 'AWS::ElasticLoadBalancing::LoadBalancer', (lb) =>
    get(lb.properties.AccessLoggingPolicy, 'S3BucketName'),
  ).attached;
  for (const lb of classic) {
    if (!mayBeOn(get(lb.properties.AccessLoggingPolicy, 'Enabled'))) continue;
    out.push({
      address: lb.address,
      what: `access logs of classic load balancer \`${displayName(lb)}\``,
      providerKeyOnly: true,
    });
  }
  const v2 = graph.attachedBy(r.address, 'AWS::ElasticLoadBalancingV2::LoadBalancer', (lb) =>
    attribute(lb, 'access_logs.s3.bucket'),
  ).attached;
  for (const lb of v2) {
    if (!mayBeOn(attribute(lb, 'access_logs.s3.enabled'))) continue;
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
