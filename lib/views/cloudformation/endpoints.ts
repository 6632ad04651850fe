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
  type ValueObject,
} from '../../graph/values';
import type {
  CdnOrigin,
  CertificateView,
  ClassificationFact,
  EndpointView,
  Fact,
  LoadBalancerView,
  View,
} from '../kinds';
import { classificationOf } from '../common/classification';
import { displayName } from '../common/naming';
import {
  APIGATEWAY_DEFAULT_DOMAIN_POLICY,
  APIGATEWAY_V2_POLICY,
  CLOUDFRONT_DEFAULT_CERTIFICATE_POLICY,
  ELB_CLASSIC_DEFAULT_SSL_POLICY,
  ELBV2_DEFAULT_SSL_POLICY,
  tlsFacts,
  type TlsFacts,
  type TlsVersion,
} from '../common/tls';
import type { AdapterContext, AdapterRegistry } from '../registry';

/** Resources of `type` whose `property` names `address`: by reference, inside an expression, or by value. */
function pointingAt(
  graph: ResourceGraph,
  address: string,
  type: string,
  property: string,
): readonly Resource[] {
  return graph.attachedBy(address, type, (r) => r.properties[property]).attached;
}

/** Shield Advanced protects the resource at `address` (`AWS::Shield::Protection`). */
function shieldProtected(graph: ResourceGraph, address: string): boolean {
  return pointingAt(graph, address, 'AWS::Shield::Protection', 'ResourceArn').length > 0;
}

/** A WAF web ACL is associated with the resource at `address` (`AWS::WAFv2::WebACLAssociation`). */
function wafAssociated(graph: ResourceGraph, address: string): boolean {
  return pointingAt(graph, address, 'AWS::WAFv2::WebACLAssociation', 'ResourceArn').length > 0;
}

/** The strongest policies Elastic Load Balancing offers: TLS 1.3 only, and TLS 1.3 only with PQ key exchange. */
const ELBV2_OFFERS = { tls13Only: true, postQuantumTls13Only: true } as const;
/** CloudFront (own certificate) and API Gateway REST endpoints offer TLS 1.3 only, without a PQ variant. */
const TLS13_OFFERED = { tls13Only: true, postQuantumTls13Only: false } as const;

/** A resource's own classification; when it has no tag, the classification of `fallback` (if any). */
function classificationWithFallback(r: Resource, fallback?: Resource): ClassificationFact {
  const own = classificationOf(r);
  return own.state === 'untagged' && fallback ? classificationOf(fallback) : own;
}

/** `Scheme` of a load balancer: internet-facing unless `internal`. */
function internetFacingScheme(lb: Resource): Fact<boolean> {
  const scheme = asString(lb.properties.Scheme);
  if (scheme instanceof Unknown) return scheme;
  return scheme !== 'internal';
}

/** The same Unknown for every TLS fact: the policy cannot be known. */
function unknownTls(u: Unknown): TlsFacts {
  return { policyName: u, minTls: u, postQuantum: u };
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
function storeNamed(v: Value | undefined, holder: Resource, graph: ResourceGraph): string | undefined {
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

/** Classic listener protocols in the cloud-neutral spelling of endpoint views (`SSL` is TLS over TCP). */
const CLASSIC_PROTOCOLS: Readonly<Record<string, string>> = {
  HTTP: 'HTTP',
  HTTPS: 'HTTPS',
  TCP: 'TCP',
  SSL: 'TLS',
};

/** SSL protocol attributes of a custom SSL negotiation policy, oldest first, with the TLS floor each sets. */
const CLASSIC_PROTOCOL_ATTRIBUTES: readonly [string, TlsVersion][] = [
  ['Protocol-SSLv3', '1.0'],
  ['Protocol-TLSv1', '1.0'],
  ['Protocol-TLSv1.1', '1.1'],
  ['Protocol-TLSv1.2', '1.2'],
];

/** The TLS facts of a classic SSL negotiation policy: a predefined policy it refers to, or its own protocol switches. */
function classicPolicyTls(policy: ValueObject, name: string): TlsFacts {
  const attributes = policy.Attributes;
  if (attributes instanceof Unknown) return unknownTls(attributes);
  const byName = new Map<string, Fact<string>>();
  for (const a of asList(attributes)) {
    if (a instanceof Unknown) return unknownTls(a);
    const key = asString(get(a, 'Name'));
    if (key instanceof Unknown) return unknownTls(key);
    if (key === undefined) continue;
    byName.set(
      key,
      asString(get(a, 'Value')) ?? new Unknown(`attribute \`${key}\` of policy \`${name}\` has no value`),
    );
  }
  const reference = byName.get('Reference-Security-Policy');
  if (reference !== undefined) return tlsFacts('elb-classic', reference);
  let minTls: TlsVersion | undefined;
  for (const [attribute, version] of CLASSIC_PROTOCOL_ATTRIBUTES) {
    const on = byName.get(attribute);
    if (on instanceof Unknown) return { ...unknownTls(on), policyName: name };
    if (on?.toLowerCase() === 'true') {
      minTls = version;
      break;
    }
  }
  if (minTls === undefined) {
    const u = new Unknown(`SSL negotiation policy \`${name}\` enables no SSL or TLS protocol`);
    return { policyName: name, minTls: u, postQuantum: u };
  }
  return { policyName: name, minTls, postQuantum: false };
}

/**
 * The TLS facts of a classic HTTPS or SSL listener: the `SSLNegotiationPolicyType` policy of the
 * load balancer's `Policies` that the listener names in `PolicyNames` (or whose `LoadBalancerPorts`
 * holds the listener's port), else {@link ELB_CLASSIC_DEFAULT_SSL_POLICY}.
 */
function classicListenerTls(lb: Resource, listener: ValueObject, port: string): TlsFacts {
  const names = listener.PolicyNames;
  if (names instanceof Unknown) return unknownTls(names);
  const policies = lb.properties.Policies;
  if (policies instanceof Unknown) return unknownTls(policies);
  const wanted: string[] = [];
  for (const n of asList(names)) {
    const name = asString(n);
    if (name instanceof Unknown) return unknownTls(name);
    if (name !== undefined) wanted.push(name);
  }
  const declared = new Map<string, ValueObject>();
  const applied: [string, ValueObject][] = [];
  for (const p of asList(policies)) {
    if (p instanceof Unknown) return unknownTls(p);
    if (!isObject(p)) continue;
    const name = asString(p.PolicyName);
    if (name instanceof Unknown) return unknownTls(name);
    if (name === undefined) continue;
    declared.set(name, p);
    const ports = asList(p.LoadBalancerPorts).map((x) => asString(x));
    const byPort = ports.some((x) => x === port);
    if (!wanted.includes(name) && !byPort) continue;
    const type = asString(p.PolicyType);
    if (type instanceof Unknown) return unknownTls(type);
    if (type === 'SSLNegotiationPolicyType') applied.push([name, p]);
  }
  const missing = wanted.find((n) => !declared.has(n));
  if (missing !== undefined)
    return unknownTls(
      new Unknown(`the listener names policy \`${missing}\`, which the load balancer does not declare`),
    );
  if (applied.length === 0) return tlsFacts('elb-classic', ELB_CLASSIC_DEFAULT_SSL_POLICY);
  if (applied.length > 1)
    return unknownTls(
      new Unknown(
        `the listener has several SSL negotiation policies (${applied.map(([n]) => `\`${n}\``).join(', ')})`,
      ),
    );
  const [name, policy] = applied[0]!;
  return classicPolicyTls(policy, name);
}

/**
 * The protocol from a classic listener to its instances: `InstanceProtocol`, by default HTTP behind
 * HTTP or HTTPS listeners and TCP behind TCP or SSL ones (Elastic Load Balancing does not encrypt to
 * instances unless told to).
 */
function classicInstanceProtocol(listener: ValueObject, front: Fact<string>): Fact<string> {
  const raw = asString(listener.InstanceProtocol);
  if (raw instanceof Unknown) return raw;
  if (raw !== undefined)
    return CLASSIC_PROTOCOLS[raw.toUpperCase()] ?? new Unknown(`instance protocol \`${raw}\``);
  if (front instanceof Unknown) return front;
  return front === 'HTTP' || front === 'HTTPS' ? 'HTTP' : 'TCP';
}

/** Classic load balancers offer neither TLS 1.3 nor post-quantum key exchange. */
const CLASSIC_OFFERS = { tls13Only: false, postQuantumTls13Only: false } as const;

/**
 * `AWS::ElasticLoadBalancing::LoadBalancer` -> a load balancer view (scheme, access logs from
 * `AccessLoggingPolicy.Enabled` into the bucket `S3BucketName` names; WAF cannot protect a classic load balancer) and one endpoint view
 * per entry of `Listeners`, named `<load balancer>/listener-<port>`: its protocol (`SSL` is recorded
 * as `TLS`), its TLS policy, the protocol to the instances, and, for HTTP, no redirect (a classic
 * listener cannot redirect).
 */
export function classicLoadBalancerViews(r: Resource, ctx: AdapterContext): View[] {
  const name = displayName(r);
  const policy = r.properties.AccessLoggingPolicy;
  const enabled = policy instanceof Unknown ? policy : asBool(get(policy, 'Enabled'));
  const internetFacing = internetFacingScheme(r);
  const accessLogging = enabled ?? false;
  const lb: LoadBalancerView = {
    kind: 'load-balancer',
    resource: r,
    name,
    loadBalancerType: 'classic',
    internetFacing,
    accessLogging,
    accessLogStore: storeNamed(get(policy, 'S3BucketName'), r, ctx.graph),
    ddosProtection: shieldProtected(ctx.graph, r.address),
  };
  const common = {
    kind: 'endpoint' as const,
    endpointType: 'load-balancer-listener' as const,
    resource: r,
    accessLogging,
    classification: classificationOf(r),
    internetFacing,
  };
  const listeners = r.properties.Listeners;
  if (listeners instanceof Unknown) {
    return [lb, { ...common, name: `${name}/listeners`, protocol: listeners, ...unknownTls(listeners) }];
  }
  const out: View[] = [lb];
  asList(listeners).forEach((l, i) => {
    const port = isObject(l) ? asString(l.LoadBalancerPort) : undefined;
    const label = `${name}/listener-${typeof port === 'string' ? port : i + 1}`;
    if (!isObject(l) || port instanceof Unknown) {
      const u =
        l instanceof Unknown ? l : port instanceof Unknown ? port : new Unknown(`listener ${show(l)}`);
      out.push({ ...common, name: label, protocol: u, ...unknownTls(u) });
      return;
    }
    const raw = asString(l.Protocol) ?? new Unknown('listener declares no `Protocol`');
    const protocol =
      raw instanceof Unknown
        ? raw
        : (CLASSIC_PROTOCOLS[raw.toUpperCase()] ?? new Unknown(`listener protocol \`${raw}\``));
    const encrypted = protocol === 'HTTPS' || protocol === 'TLS';
    const tls: Partial<TlsFacts> =
      protocol instanceof Unknown
        ? unknownTls(protocol)
        : encrypted
          ? classicListenerTls(r, l, port ?? '')
          : {};
    out.push({
      ...common,
      name: label,
      protocol,
      ...tls,
      redirectsToHttps: protocol instanceof Unknown ? protocol : protocol === 'HTTP' ? false : undefined,
      tlsOffered: encrypted ? CLASSIC_OFFERS : undefined,
      targetProtocol: classicInstanceProtocol(l, protocol),
    });
  });
  return out;
}

/** Whether every cache behavior keeps viewers off plain HTTP (`redirect-to-https` or `https-only`). */
function viewersRedirected(config: Value | undefined): Fact<boolean> {
  const behaviors = [get(config, 'DefaultCacheBehavior'), ...asList(get(config, 'CacheBehaviors'))];
  for (const b of behaviors) {
    if (b === undefined) continue;
    const policy = asString(get(b, 'ViewerProtocolPolicy'));
    if (policy instanceof Unknown) return policy;
    if (policy !== 'redirect-to-https' && policy !== 'https-only') return false;
  }
  return true;
}

/** The viewer security policy of a distribution's `ViewerCertificate`. */
function distributionTls(cert: Value | undefined): TlsFacts {
  if (cert instanceof Unknown) return unknownTls(cert);
  const defaultCert = asBool(get(cert, 'CloudFrontDefaultCertificate'));
  if (defaultCert instanceof Unknown) return unknownTls(defaultCert);
  const custom = get(cert, 'AcmCertificateArn') !== undefined || get(cert, 'IamCertificateId') !== undefined;
  if (cert === undefined || defaultCert === true || !custom) {
    return tlsFacts('cloudfront', CLOUDFRONT_DEFAULT_CERTIFICATE_POLICY);
  }
  const version = asString(get(cert, 'MinimumProtocolVersion'));
  if (version === undefined)
    return unknownTls(new Unknown('the custom certificate sets no `MinimumProtocolVersion`'));
  return tlsFacts('cloudfront', version);
}

/** Legacy `Logging` in the distribution config, or a CloudWatch Logs delivery source of `ACCESS_LOGS`. */
function distributionLogging(r: Resource, ctx: AdapterContext): Fact<boolean> {
  const legacy = get(r.properties, 'DistributionConfig', 'Logging');
  if (legacy instanceof Unknown) return legacy;
  if (legacy !== undefined && get(legacy, 'Bucket') !== undefined) return true;
  const sources = pointingAt(ctx.graph, r.address, 'AWS::Logs::DeliverySource', 'ResourceArn');
  for (const s of sources) {
    const type = asString(s.properties.LogType);
    if (type === 'ACCESS_LOGS') return true;
    if (type instanceof Unknown) return type;
  }
  return false;
}

/** How a distribution reaches an object-store origin: OAC, legacy OAI, or unsigned requests. */
function originAccess(origin: Value): Fact<'origin-access-control' | 'origin-access-identity' | 'none'> {
  const oac = get(origin, 'OriginAccessControlId');
  if (oac instanceof Unknown && oac.refs.length === 0) return oac;
  if (oac !== undefined && oac !== null && oac !== '') return 'origin-access-control';
  const oai = get(origin, 'S3OriginConfig', 'OriginAccessIdentity');
  if (oai instanceof Unknown && oai.refs.length === 0) return oai;
  if (oai !== undefined && oai !== null && oai !== '') return 'origin-access-identity';
  return 'none';
}

/** The origins of a distribution config: object-store (`S3OriginConfig`) or custom origins. */
function distributionOrigins(config: Value | undefined): CdnOrigin[] {
  const list = get(config, 'Origins');
  if (list instanceof Unknown) {
    return [{ id: list.toString(), originType: 'custom', protocolPolicy: list, sslProtocols: list }];
  }
  return asList(list).map((o, i): CdnOrigin => {
    const id = asString(get(o, 'Id'));
    const name = typeof id === 'string' ? id : `origin ${i + 1}`;
    if (o instanceof Unknown) return { id: name, originType: 'custom', protocolPolicy: o, sslProtocols: o };
    const custom = get(o, 'CustomOriginConfig');
    if (custom === undefined && get(o, 'S3OriginConfig') !== undefined) {
      return { id: name, originType: 'object-store', accessControl: originAccess(o) };
    }
    const policy = asString(get(custom, 'OriginProtocolPolicy'));
    const protocols = get(custom, 'OriginSSLProtocols');
    let sslProtocols: Fact<readonly string[]>;
    if (protocols instanceof Unknown) sslProtocols = protocols;
    else if (protocols === undefined)
      sslProtocols = ['TLSv1', 'TLSv1.1', 'TLSv1.2']; // CloudFront's default
    else {
      const values = asList(protocols).map((x) => asString(x));
      sslProtocols =
        values.find((x): x is Unknown => x instanceof Unknown) ??
        values.filter((x): x is string => typeof x === 'string');
    }
    return {
      id: name,
      originType: 'custom',
      protocolPolicy: policy ?? new Unknown('custom origin declares no `OriginProtocolPolicy`'),
      sslProtocols,
    };
  });
}

/**
 * `AWS::CloudFront::Distribution` -> endpoint. A distribution on the default `*.cloudfront.net`
 * certificate accepts TLS 1.0 (policy `TLSv1`) whatever `MinimumProtocolVersion` says. Custom
 * origins without `OriginSSLProtocols` get CloudFront's default (TLSv1, TLSv1.1 and TLSv1.2).
 */
export function distributionView(r: Resource, ctx: AdapterContext): EndpointView {
  const config = get(r.properties, 'DistributionConfig');
  const webAcl = get(config, 'WebACLId');
  return {
    kind: 'endpoint',
    endpointType: 'cdn-distribution',
    resource: r,
    name: displayName(r),
    protocol: 'HTTPS',
    ...distributionTls(get(config, 'ViewerCertificate')),
    redirectsToHttps: config instanceof Unknown ? config : viewersRedirected(config),
    accessLogging: distributionLogging(r, ctx),
    waf: webAcl instanceof Unknown ? webAcl : webAcl !== undefined && webAcl !== '',
    classification: classificationOf(r),
    internetFacing: true,
    origins: distributionOrigins(config),
    tlsOffered: TLS13_OFFERED,
    ddosProtection: shieldProtected(ctx.graph, r.address),
  };
}

/** `DestinationArn` set in an access log setting block. */
function accessLogs(setting: Value | undefined): Fact<boolean> {
  if (setting instanceof Unknown) return setting;
  const dest = get(setting, 'DestinationArn');
  return dest !== undefined && dest !== null && dest !== '';
}

/** Default security policy of a REST API's own endpoint, by endpoint type (AWS docs). */
function restApiDefaultPolicy(api: Resource): Fact<string> {
  const types = get(api.properties, 'EndpointConfiguration', 'Types');
  if (types instanceof Unknown) return types;
  const list = asList(types).map((t) => asString(t));
  const u = list.find((t): t is Unknown => t instanceof Unknown);
  if (u) return u;
  return list.includes('PRIVATE') ? 'TLS_1_2' : 'TLS_1_0';
}

/**
 * `AWS::ApiGateway::Stage` -> endpoint: the REST API's own endpoint (its `SecurityPolicy`, else
 * the default for its endpoint type: `TLS_1_0` for edge-optimized and regional, `TLS_1_2` for
 * private), access logs, and a WAF association.
 */
export function restStageView(r: Resource, ctx: AdapterContext): EndpointView {
  const p = r.properties;
  const apiRef = p.RestApiId;
  const api = apiRef instanceof ResourceRef ? ctx.graph.get(apiRef.address) : undefined;
  let tls: TlsFacts;
  if (!api) tls = unknownTls(new Unknown(`REST API ${show(apiRef)} is not declared in the template`));
  else {
    const policy = asString(api.properties.SecurityPolicy) ?? restApiDefaultPolicy(api);
    tls = tlsFacts('apigateway', policy);
  }
  return {
    kind: 'endpoint',
    endpointType: 'api-stage',
    resource: r,
    name: displayName(r),
    protocol: 'HTTPS',
    ...tls,
    accessLogging: accessLogs(p.AccessLogSetting),
    waf: wafAssociated(ctx.graph, r.address),
    classification: classificationOf(r),
    internetFacing: api
      ? restApiPublic(api)
      : new Unknown(`REST API ${show(apiRef)} is not declared in the template`),
    tlsOffered: TLS13_OFFERED,
  };
}

/** A REST API is reachable from the internet unless its endpoint type is `PRIVATE`. */
function restApiPublic(api: Resource): Fact<boolean> {
  const types = get(api.properties, 'EndpointConfiguration', 'Types');
  if (types instanceof Unknown) return types;
  const list = asList(types).map((t) => asString(t));
  const u = list.find((t): t is Unknown => t instanceof Unknown);
  if (u) return u;
  return !list.includes('PRIVATE');
}

/**
 * `AWS::ApiGatewayV2::Stage` -> endpoint. HTTP and WebSocket APIs only offer `TLS_1_2`, and AWS WAF
 * cannot be associated with them (it protects REST APIs), so `waf` stays undefined.
 */
export function httpStageView(r: Resource): EndpointView {
  return {
    kind: 'endpoint',
    endpointType: 'api-stage',
    resource: r,
    name: displayName(r),
    protocol: 'HTTPS',
    ...tlsFacts('apigateway', APIGATEWAY_V2_POLICY),
    accessLogging: accessLogs(r.properties.AccessLogSettings),
    classification: classificationOf(r),
    internetFacing: true,
    tlsOffered: { tls13Only: false, postQuantumTls13Only: false },
  };
}

/** `AWS::ApiGateway::DomainName` -> endpoint. Without `SecurityPolicy` a domain name gets `TLS_1_2`. */
export function apiDomainView(r: Resource): EndpointView {
  const policy = asString(r.properties.SecurityPolicy) ?? APIGATEWAY_DEFAULT_DOMAIN_POLICY;
  return {
    kind: 'endpoint',
    endpointType: 'api-domain',
    resource: r,
    name: displayName(r),
    protocol: 'HTTPS',
    ...tlsFacts('apigateway', policy),
    classification: classificationOf(r),
    tlsOffered: TLS13_OFFERED,
  };
}

/**
 * Whether a method is a CORS preflight: `OPTIONS` whose every method response is a 204 carrying
 * `Access-Control-Allow-*` headers (what `defaultCorsPreflightOptions` synthesizes), or `OPTIONS`
 * passed whole to a Lambda function (`AWS_PROXY` integration), which answers the preflight itself.
 * Browsers send preflights without credentials, so either form must accept unauthenticated calls.
 */
function corsPreflight(p: Resource['properties'], method: Fact<string> | undefined): boolean {
  if (method !== 'OPTIONS') return false;
  if (get(p, 'Integration', 'Type') === 'AWS_PROXY') return true;
  const responses = asList(p.MethodResponses);
  return (
    responses.length > 0 &&
    responses.every((resp) => {
      const params = get(resp, 'ResponseParameters');
      return (
        get(resp, 'StatusCode') === '204' &&
        isObject(params) &&
        Object.keys(params).some((k) => k.startsWith('method.response.header.Access-Control-Allow-'))
      );
    })
  );
}

/**
 * `AWS::ApiGateway::Method` and `AWS::ApiGatewayV2::Route` -> endpoint (`api-method`): the
 * authorization a caller needs. Without `AuthorizationType` both default to `NONE`.
 */
export function apiMethodView(r: Resource): EndpointView {
  const p = r.properties;
  const v2 = r.type === 'AWS::ApiGatewayV2::Route';
  const method = asString(v2 ? p.RouteKey : p.HttpMethod);
  return {
    kind: 'endpoint',
    endpointType: 'api-method',
    resource: r,
    name: displayName(r),
    protocol: 'HTTPS',
    authorization: asString(p.AuthorizationType) ?? 'NONE',
    method,
    corsPreflight: v2 ? undefined : corsPreflight(p, method),
  };
}

/**
 * `AWS::CertificateManager::Certificate` -> certificate: `ValidationMethod` (`DNS` or `EMAIL`), or
 * `private` when a private certificate authority issues it.
 */
export function certificateView(r: Resource): CertificateView {
  const p = r.properties;
  const method = asString(p.ValidationMethod);
  let validation: CertificateView['validation'];
  if (p.CertificateAuthorityArn !== undefined) validation = 'private';
  else if (method instanceof Unknown) validation = method;
  else if (method === 'DNS' || method === 'EMAIL') validation = method;
  else validation = new Unknown(`certificate validation method is ${show(p.ValidationMethod)}`);
  return { kind: 'certificate', resource: r, name: displayName(r), validation };
}

/**
 * Listeners, distributions, API stages, domain names and methods -> endpoint views; load balancers
 * -> load-balancer views; ACM certificates -> certificate views.
 */
export function registerEndpoints(registry: AdapterRegistry): void {
  registry.register('cloudformation', 'AWS::ElasticLoadBalancingV2::Listener', listenerView);
  registry.register('cloudformation', 'AWS::CloudFront::Distribution', distributionView);
  registry.register('cloudformation', 'AWS::ApiGateway::Stage', restStageView);
  registry.register('cloudformation', 'AWS::ApiGatewayV2::Stage', httpStageView);
  registry.register('cloudformation', 'AWS::ApiGateway::DomainName', apiDomainView);
  registry.register('cloudformation', 'AWS::ElasticLoadBalancingV2::LoadBalancer', loadBalancerView);
  registry.register('cloudformation', 'AWS::ElasticLoadBalancingV2::TargetGroup', targetGroupView);
  registry.register('cloudformation', 'AWS::ElasticLoadBalancing::LoadBalancer', classicLoadBalancerViews);
  registry.register('cloudformation', ['AWS::ApiGateway::Method', 'AWS::ApiGatewayV2::Route'], apiMethodView);
  registry.register('cloudformation', 'AWS::CertificateManager::Certificate', certificateView);
}
