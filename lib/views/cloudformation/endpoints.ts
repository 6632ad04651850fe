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
import type { EndpointView, Fact } from '../kinds';
import { displayName } from '../common/naming';
import {
  APIGATEWAY_DEFAULT_DOMAIN_POLICY,
  APIGATEWAY_V2_POLICY,
  CLOUDFRONT_DEFAULT_CERTIFICATE_POLICY,
  ELBV2_DEFAULT_SSL_POLICY,
  tlsFacts,
  type TlsFacts,
} from '../common/tls';
import type { AdapterContext, AdapterRegistry } from '../registry';

/** Resources of `type` whose `property` references `address`, directly or inside an expression. */
function pointingAt(graph: ResourceGraph, address: string, type: string, property: string): Resource[] {
  return graph.referrers(address, type).filter((r) => {
    const v = r.properties[property];
    if (v instanceof ResourceRef) return v.address === address;
    if (v instanceof Unknown) return v.refs.some((ref) => ref.address === address);
    return false;
  });
}

/** A WAF web ACL is associated with the resource at `address` (`AWS::WAFv2::WebACLAssociation`). */
function wafAssociated(graph: ResourceGraph, address: string): boolean {
  return pointingAt(graph, address, 'AWS::WAFv2::WebACLAssociation', 'ResourceArn').length > 0;
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
  if (lb) {
    accessLogging = loadBalancerAccessLogs(lb);
    const lbType = asString(lb.properties.Type) ?? 'application';
    if (lbType === 'application') waf = wafAssociated(ctx.graph, lb.address);
  } else {
    accessLogging = new Unknown(`load balancer ${show(lbRef)} is not declared in the template`);
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
  };
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

/**
 * `AWS::CloudFront::Distribution` -> endpoint. A distribution on the default `*.cloudfront.net`
 * certificate accepts TLS 1.0 (policy `TLSv1`) whatever `MinimumProtocolVersion` says.
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
  };
}

/** `AWS::ApiGatewayV2::Stage` -> endpoint. HTTP and WebSocket APIs only offer `TLS_1_2`. */
export function httpStageView(r: Resource, ctx: AdapterContext): EndpointView {
  return {
    kind: 'endpoint',
    endpointType: 'api-stage',
    resource: r,
    name: displayName(r),
    protocol: 'HTTPS',
    ...tlsFacts('apigateway', APIGATEWAY_V2_POLICY),
    accessLogging: accessLogs(r.properties.AccessLogSettings),
    waf: wafAssociated(ctx.graph, r.address),
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
  };
}

/** Listeners, distributions, API stages and API domain names -> endpoint views. */
export function registerEndpoints(registry: AdapterRegistry): void {
  registry.register('AWS::ElasticLoadBalancingV2::Listener', listenerView);
  registry.register('AWS::CloudFront::Distribution', distributionView);
  registry.register('AWS::ApiGateway::Stage', restStageView);
  registry.register('AWS::ApiGatewayV2::Stage', httpStageView);
  registry.register('AWS::ApiGateway::DomainName', apiDomainView);
}
