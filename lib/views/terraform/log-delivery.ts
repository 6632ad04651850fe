import type { ResourceGraph } from '../../graph/graph';
import type { Resource } from '../../graph/resource';
import { Unknown, asBool, asString, type Value } from '../../graph/values';
import type { LogDelivery } from '../kinds';
import { displayName } from '../common/naming';
import { blockArg, unset } from './arguments';

/** An argument of a load balancer's `access_logs` block. */
function argument(lb: Resource, name: string): Value | undefined {
  return blockArg(lb.properties.access_logs, name);
}

/** Logging not turned off: on (or on by default), or unresolved (the delivery may happen). */
function mayBeOn(v: Value | undefined, dflt: boolean): boolean {
  if (v === undefined) return dflt;
  const on = v instanceof Unknown ? v : asBool(v);
  return on === true || on instanceof Unknown;
}

/**
 * Load balancer access logs delivered into the bucket `r`: `aws_lb` / `aws_alb` whose `access_logs` block
 * names it (`enabled` false unless set) and `aws_elb` whose `access_logs` block names it (`enabled` true
 * unless set). A load balancer that may name it, by a name two buckets claim, is not counted, so the bucket
 * keeps every requirement. Application and classic load balancers write only to buckets on S3-managed
 * keys (SSE-S3); network load balancers also to buckets on a customer-managed KMS key.
 */
export function terraformLogDeliveriesInto(r: Resource, graph: ResourceGraph): LogDelivery[] {
  const out: LogDelivery[] = [];
  for (const lb of graph.attachedBy(r.address, 'aws_elb', (x) => argument(x, 'bucket')).attached) {
    if (!mayBeOn(argument(lb, 'enabled'), true)) continue;
    out.push({
      address: lb.address,
      what: `access logs of classic load balancer \`${displayName(lb)}\``,
      providerKeyOnly: true,
    });
  }
  for (const type of ['aws_lb', 'aws_alb']) {
    for (const lb of graph.attachedBy(r.address, type, (x) => argument(x, 'bucket')).attached) {
      if (!mayBeOn(argument(lb, 'enabled'), false)) continue;
      const raw = lb.properties.load_balancer_type;
      const t = unset(raw) ? 'application' : asString(raw);
      if (t === 'gateway') continue;
      const network = t === 'network';
      out.push({
        address: lb.address,
        what: `access logs of ${network ? 'network' : 'application'} load balancer \`${displayName(lb)}\``,
        providerKeyOnly: !network,
      });
    }
  }
  return out;
}
