import type { ResourceGraph } from '../../graph/graph';
import type { Resource } from '../../graph/resource';
import {
  ResourceRef,
  Unknown,
  asBool,
  asList,
  asString,
  get,
  isObject,
  show,
  type Value,
} from '../../graph/values';
import type { EndpointView, Fact, LoadBalancerView } from '../kinds';
import { displayName } from '../common/naming';
import { ELBV2_DEFAULT_SSL_POLICY, tlsFacts, type TlsFacts, ELBV2_OFFERS } from '../common/tls';
import type { AdapterContext } from '../registry';
import {
  classificationWithFallback,
  shieldProtected,
  unknownTls,
  wafAssociated,
} from '../common/endpoint-common';

/* Elastic Load Balancing v2: listeners, load balancers and target groups -> endpoint and load-balancer views. */

/** `Scheme` of a load balancer: internet-facing unless `internal`. */
export function internetFacingScheme(lb: Resource): Fact<boolean> {
  const scheme = asString(lb.properties.Scheme);
  if (scheme instanceof Unknown) return scheme;
  return scheme !== 'internal';
}
/** `access_logs.s3.enabled` of a load balancer's attributes (off by default). */
function loadBalancerAccessLogs(lb: Resource): Fact<boolean> {
  const attrs = lb.properties.LoadBalancerAttributes;
  if (attrs instanceof Unknown) return attrs;
  for (const a of asList(attrs)) {
    if (a instanceof Unknown) return a;
    if (!isObject(a)) continue;
    const key = asString(a.Key);
    if (key instanceof Unknown) return key;
    if (key !== 'access_logs.s3.enabled') continue;
    return asBool(a.Value) ?? false;
  }
  return false;
}

/** The value of a load balancer attribute (`LoadBalancerAttributes` entry), if set and readable. */
function loadBalancerAttribute(lb: Resource, key: string): Value | undefined {
  const attrs = lb.properties.LoadBalancerAttributes;
  if (attrs instanceof Unknown) return undefined;
  for (const a of asList(attrs)) if (isObject(a) && a.Key === key) return a.Value;
  return undefined;
}

/** Address of the bucket a value names (by reference, name or ARN), when the graph has exactly one. */
export function storeNamed(v: Value | undefined, holder: Resource, graph: ResourceGraph): string | undefined {
  const bucket = graph.target(v, holder, 'AWS::S3::Bucket');
  return bucket instanceof Unknown ? undefined : bucket?.address;
}

/** Whether an HTTP listener's default actions redirect to HTTPS. */
function redirectsToHttps(actions: Value | undefined): Fact<boolean> {
  if (actions instanceof Unknown) return actions;
  for (const a of asList(actions)) {
    if (a instanceof Unknown) return a;
    if (!isObject(a)) continue;
    const type = asString(a.Type);
    if (type instanceof Unknown) return type;
    if (type !== 'redirect') continue;
    const protocol = asString(get(a, 'RedirectConfig', 'Protocol'));
    if (protocol instanceof Unknown) return protocol;
    return protocol?.toUpperCase() === 'HTTPS';
  }
  return false;
}

/**
 * `AWS::ElasticLoadBalancingV2::Listener` -> endpoint. An HTTPS or TLS listener without `SslPolicy`
 * gets {@link ELBV2_DEFAULT_SSL_POLICY}. Access logging and WAF are facts of the load balancer the
 * listener belongs to (`LoadBalancerArn`).
 */
export function listenerView(r: Resource, ctx: AdapterContext): EndpointView {
  const p = r.properties;
  const protocol = asString(p.Protocol) ?? new Unknown('listener declares no `Protocol`');
  const upper = typeof protocol === 'string' ? protocol.toUpperCase() : undefined;
  const encrypted = upper === 'HTTPS' || upper === 'TLS';
  let tls: Partial<TlsFacts> = {};
  if (protocol instanceof Unknown) tls = unknownTls(protocol);
  else if (encrypted) {
    const policy = asString(p.SslPolicy) ?? ELBV2_DEFAULT_SSL_POLICY;
    tls = tlsFacts('elbv2', policy);
  }

  const lbRef = p.LoadBalancerArn;
  const lb = lbRef instanceof ResourceRef ? ctx.graph.get(lbRef.address) : undefined;
  let accessLogging: Fact<boolean>;
  let waf: Fact<boolean> | undefined;
  let internetFacing: Fact<boolean>;
  if (lb) {
    accessLogging = loadBalancerAccessLogs(lb);
    const lbType = asString(lb.properties.Type) ?? 'application';
    if (lbType === 'application') waf = wafAssociated(ctx.graph, lb.address);
    internetFacing = internetFacingScheme(lb);
  } else {
    accessLogging = new Unknown(`load balancer ${show(lbRef)} is not declared in the template`);
    internetFacing = accessLogging;
  }

  return {
    kind: 'endpoint',
    endpointType: 'load-balancer-listener',
    resource: r,
    name: displayName(r),
    protocol,
    ...tls,
    redirectsToHttps:
      protocol instanceof Unknown
        ? protocol
        : upper === 'HTTP'
          ? redirectsToHttps(p.DefaultActions)
          : undefined,
    accessLogging,
    waf,
    classification: classificationWithFallback(r, lb),
    internetFacing,
    tlsOffered: encrypted ? ELBV2_OFFERS : undefined,
  };
}

const LOAD_BALANCER_TYPES = ['application', 'network', 'gateway'] as const;

/**
 * `AWS::ElasticLoadBalancingV2::LoadBalancer` (type `application` by default) -> load balancer:
 * scheme, access logs (attribute `access_logs.s3.enabled`) and the bucket receiving them
 * (`access_logs.s3.bucket`), and a WAF association for application
 * load balancers, the only type WAF protects. The classic load balancer has its own adapter,
 * {@link classicLoadBalancerViews}.
 */
export function loadBalancerView(r: Resource, ctx: AdapterContext): LoadBalancerView {
  const base = { kind: 'load-balancer' as const, resource: r, name: displayName(r) };
  const raw = asString(r.properties.Type) ?? 'application';
  const loadBalancerType: LoadBalancerView['loadBalancerType'] =
    raw instanceof Unknown
      ? raw
      : (LOAD_BALANCER_TYPES as readonly string[]).includes(raw)
        ? (raw as (typeof LOAD_BALANCER_TYPES)[number])
        : new Unknown(`load balancer type ${raw}`);
  return {
    ...base,
    loadBalancerType,
    internetFacing: raw === 'gateway' ? false : internetFacingScheme(r),
    accessLogging: loadBalancerAccessLogs(r),
    accessLogStore: storeNamed(loadBalancerAttribute(r, 'access_logs.s3.bucket'), r, ctx.graph),
    waf:
      raw === 'application' ? wafAssociated(ctx.graph, r.address) : raw instanceof Unknown ? raw : undefined,
    ddosProtection: shieldProtected(ctx.graph, r.address),
  };
}

/**
 * `AWS::ElasticLoadBalancingV2::TargetGroup` -> endpoint (`load-balancer-targets`): the protocol
 * the load balancer speaks to its targets (`Protocol`). Lambda targets are invoked through the
 * Lambda API, recorded as `INVOKE`; any other target group without `Protocol` is unknown. A TLS or
 * HTTPS listener forwarding to it means the load balancer decrypts before this hop.
 */
export function targetGroupView(r: Resource, ctx: AdapterContext): EndpointView {
  const p = r.properties;
  const targetType = asString(p.TargetType) ?? 'instance';
  const raw = asString(p.Protocol);
  const protocol: Fact<string> =
    raw instanceof Unknown
      ? raw
      : raw !== undefined
        ? raw.toUpperCase()
        : targetType === 'lambda'
          ? 'INVOKE'
          : targetType instanceof Unknown
            ? targetType
            : new Unknown('the target group declares no `Protocol`');
  const terminating = [...ctx.graph.referrers(r.address, 'AWS::ElasticLoadBalancingV2::Listener')].some(
    (l) => {
      const p = asString(l.properties.Protocol);
      return p === 'TLS' || p === 'HTTPS';
    },
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
