import type { Resource } from '../../graph/resource';
import { Unknown, asBool, asList, asString, get, isObject, show, type Value } from '../../graph/values';
import type { EndpointView, Fact, LoadBalancerView } from '../kinds';
import { classificationWithFallback, unknownTls } from '../common/endpoint-common';
import { displayName } from '../common/naming';
import { ELBV2_DEFAULT_SSL_POLICY, ELBV2_OFFERS, tlsFacts, type TlsFacts } from '../common/tls';
import type { AdapterContext, AdapterRegistry } from '../registry';
import { arg, block, namedBy, unset } from './arguments';

/*
 * AWS provider Elastic Load Balancing v2 (`aws_lb`/`aws_alb`, their listeners and target groups) ->
 * load-balancer and endpoint views, as the CloudFormation adapters derive them.
 */

const LOAD_BALANCERS = ['aws_lb', 'aws_alb'];
const LISTENERS = ['aws_lb_listener', 'aws_alb_listener'];
const TARGET_GROUPS = ['aws_lb_target_group', 'aws_alb_target_group'];

/** `load_balancer_type` (`application` by default). */
function typeOf(lb: Resource): Fact<string> {
  const t = lb.properties.load_balancer_type;
  return unset(t) ? 'application' : (asString(t) ?? 'application');
}

/** Not `internal` (the default): internet-facing. */
function internetFacing(lb: Resource): Fact<boolean> {
  const internal = lb.properties.internal;
  if (unset(internal)) return true;
  const b = asBool(internal);
  return b instanceof Unknown ? b : b !== true;
}

/** The `access_logs` block: `enabled` is false unless set, even with a bucket. */
function accessLogs(lb: Resource): Fact<boolean> {
  const logs = block(lb.properties.access_logs);
  if (logs instanceof Unknown) return logs;
  return asBool(arg(logs?.enabled)) ?? false;
}

/**
 * `aws_lb` / `aws_alb` -> load balancer: type, scheme, access logs (`access_logs` block with
 * `enabled = true`) and their bucket, a WAF web ACL association (`aws_wafv2_web_acl_association`)
 * for application load balancers and Shield Advanced protection (`aws_shield_protection`).
 */
export function loadBalancerView(r: Resource, ctx: AdapterContext): LoadBalancerView {
  const raw = typeOf(r);
  const known = ['application', 'network', 'gateway'];
  const bucket = ctx.graph.target(get(r.properties, 'access_logs', 0, 'bucket'), r, 'aws_s3_bucket');
  return {
    kind: 'load-balancer',
    resource: r,
    name: displayName(r),
    loadBalancerType:
      raw instanceof Unknown
        ? raw
        : known.includes(raw)
          ? (raw as 'application' | 'network' | 'gateway')
          : new Unknown(`load balancer type ${raw}`),
    internetFacing: raw === 'gateway' ? false : internetFacing(r),
    accessLogging: accessLogs(r),
    accessLogStore: bucket instanceof Unknown ? undefined : bucket?.address,
    waf:
      raw === 'application'
        ? namedBy(ctx.graph, r.address, ['aws_wafv2_web_acl_association'], 'resource_arn')
        : raw instanceof Unknown
          ? raw
          : undefined,
    ddosProtection: namedBy(ctx.graph, r.address, ['aws_shield_protection'], 'resource_arn'),
  };
}

/** Whether the `default_action` blocks of an HTTP listener redirect to HTTPS. */
function redirectsToHttps(actions: Value | undefined): Fact<boolean> {
  if (actions instanceof Unknown) return actions;
  for (const a of asList(actions)) {
    if (a instanceof Unknown) return a;
    if (!isObject(a)) continue;
    const type = asString(a.type);
    if (type instanceof Unknown) return type;
    if (type !== 'redirect') continue;
    const protocol = asString(
      get(a, 'redirect', 0) !== undefined
        ? get(a, 'redirect', 0, 'protocol')
        : get(a, 'redirect', 'protocol'),
    );
    if (protocol instanceof Unknown) return protocol;
    return protocol?.toUpperCase() === 'HTTPS';
  }
  return false;
}

/**
 * `aws_lb_listener` / `aws_alb_listener` -> endpoint. An HTTPS or TLS listener without `ssl_policy`
 * gets AWS's default policy ({@link ELBV2_DEFAULT_SSL_POLICY}); a listener without `protocol` on an
 * application load balancer is HTTP. Access logging, WAF and scheme are facts of its load balancer.
 */
export function listenerView(r: Resource, ctx: AdapterContext): EndpointView {
  const p = r.properties;
  const lb = ctx.graph.target(p.load_balancer_arn, r, LOAD_BALANCERS);
  const lbResource = lb instanceof Unknown ? undefined : lb;
  const missing =
    lb instanceof Unknown
      ? lb
      : new Unknown(`load balancer ${show(p.load_balancer_arn)} is not in the configuration`);
  const lbType = lbResource ? typeOf(lbResource) : missing;
  const protocol: Fact<string> = unset(p.protocol)
    ? lbType === 'application'
      ? 'HTTP'
      : new Unknown('listener declares no `protocol`')
    : (asString(p.protocol) ?? new Unknown('listener declares no `protocol`'));
  const upper = typeof protocol === 'string' ? protocol.toUpperCase() : undefined;
  const encrypted = upper === 'HTTPS' || upper === 'TLS';
  let tls: Partial<TlsFacts> = {};
  if (protocol instanceof Unknown) tls = unknownTls(protocol);
  else if (encrypted) {
    const policy = unset(p.ssl_policy)
      ? ELBV2_DEFAULT_SSL_POLICY
      : (asString(p.ssl_policy) ?? ELBV2_DEFAULT_SSL_POLICY);
    tls = tlsFacts('elbv2', policy);
  }
  return {
    kind: 'endpoint',
    endpointType: 'load-balancer-listener',
    resource: r,
    name: displayName(r),
    protocol: typeof protocol === 'string' ? (upper as string) : protocol,
    ...tls,
    redirectsToHttps:
      protocol instanceof Unknown
        ? protocol
        : upper === 'HTTP'
          ? redirectsToHttps(p.default_action)
          : undefined,
    accessLogging: lbResource ? accessLogs(lbResource) : missing,
    waf:
      lbResource && lbType === 'application'
        ? namedBy(ctx.graph, lbResource.address, ['aws_wafv2_web_acl_association'], 'resource_arn')
        : undefined,
    classification: classificationWithFallback(r, lbResource),
    internetFacing: lbResource ? (lbType === 'gateway' ? false : internetFacing(lbResource)) : missing,
    tlsOffered: encrypted ? ELBV2_OFFERS : undefined,
  };
}

/**
 * `aws_lb_target_group` / `aws_alb_target_group` -> endpoint (`load-balancer-targets`): the protocol
 * the load balancer speaks to its targets. Lambda targets are invoked through the Lambda API
 * (`INVOKE`); any other target group without `protocol` is unknown. A TLS or HTTPS listener
 * forwarding to it (`default_action.target_group_arn`) decrypts before this hop.
 */
export function targetGroupView(r: Resource, ctx: AdapterContext): EndpointView {
  const p = r.properties;
  const targetType = unset(p.target_type) ? 'instance' : (asString(p.target_type) ?? 'instance');
  const raw = unset(p.protocol) ? undefined : asString(p.protocol);
  const protocol: Fact<string> =
    raw instanceof Unknown
      ? raw
      : raw !== undefined
        ? raw.toUpperCase()
        : targetType === 'lambda'
          ? 'INVOKE'
          : targetType instanceof Unknown
            ? targetType
            : new Unknown('the target group declares no `protocol`');
  const terminating = LISTENERS.some((type) =>
    ctx.graph
      .attachedBy(r.address, type, (l) =>
        asList(l.properties.default_action).map((a) => get(a, 'target_group_arn') ?? null),
      )
      .attached.some((l) => {
        const lp = asString(l.properties.protocol);
        return typeof lp === 'string' && ['TLS', 'HTTPS'].includes(lp.toUpperCase());
      }),
  );
  return {
    kind: 'endpoint',
    endpointType: 'load-balancer-targets',
    resource: r,
    name: displayName(r),
    protocol,
    afterTlsTermination: terminating,
  };
}

/** Load balancers, listeners and target groups of the AWS provider (both the `aws_lb*` and `aws_alb*` names). */
export function registerLoadBalancers(registry: AdapterRegistry): void {
  registry.register('terraform', LOAD_BALANCERS, loadBalancerView);
  registry.register('terraform', LISTENERS, listenerView);
  registry.register('terraform', TARGET_GROUPS, targetGroupView);
}
