import type { Resource } from '../../graph/resource';
import {
  ResourceRef,
  Unknown,
  asBool,
  asList,
  asString,
  isObject,
  show,
  type Value,
  type ValueObject,
} from '../../graph/values';
import type { CdnOrigin, EndpointView, Fact } from '../kinds';
import { classificationOf } from '../common/classification';
import { httpApiStage, unknownTls } from '../common/endpoint-common';
import { displayName } from '../common/naming';
import {
  APIGATEWAY_DEFAULT_DOMAIN_POLICY,
  CLOUDFRONT_DEFAULT_CERTIFICATE_POLICY,
  TLS13_OFFERED,
  tlsFacts,
  type TlsFacts,
} from '../common/tls';
import type { AdapterContext, AdapterRegistry } from '../registry';
import { block, blocks, namedBy, unset } from './arguments';
import { certificateView } from './certificates';

/*
 * AWS provider CloudFront distributions and API Gateway (REST and HTTP) stages and custom domain
 * names, REST API methods and HTTP API routes -> endpoint views, as the CloudFormation adapters derive them.
 */

const WAF_ASSOCIATION = ['aws_wafv2_web_acl_association'];
const SHIELD_PROTECTION = ['aws_shield_protection'];

/** A string argument; unset is undefined. */
function str(v: Value | undefined): string | Unknown | undefined {
  return unset(v) ? undefined : asString(v);
}

/** Whether every cache behavior keeps viewers off plain HTTP (`redirect-to-https` or `https-only`). */
function viewersRedirected(r: Resource): Fact<boolean> {
  const first = block(r.properties.default_cache_behavior);
  if (first instanceof Unknown) return first;
  if (first === undefined) return new Unknown('the distribution declares no `default_cache_behavior`');
  const ordered = blocks(r.properties.ordered_cache_behavior);
  if (ordered instanceof Unknown) return ordered;
  for (const b of [first, ...ordered]) {
    const policy = str(b.viewer_protocol_policy);
    if (policy instanceof Unknown) return policy;
    if (policy !== 'redirect-to-https' && policy !== 'https-only') return false;
  }
  return true;
}

/**
 * The viewer security policy of `viewer_certificate`: the default `*.cloudfront.net` certificate
 * gets `TLSv1` whatever `minimum_protocol_version` says; an ACM or IAM certificate gets
 * `minimum_protocol_version`. Unlike CloudFormation, where CloudFront requires the policy with a custom
 * certificate and documents no default, the provider sends its documented default `TLSv1` when the
 * argument is left out, so such a distribution accepts TLS 1.0.
 */
function distributionTls(r: Resource): TlsFacts {
  const cert = block(r.properties.viewer_certificate);
  if (cert instanceof Unknown) return unknownTls(cert);
  const defaultCert = asBool(cert?.cloudfront_default_certificate);
  if (defaultCert instanceof Unknown) return unknownTls(defaultCert);
  const custom = cert !== undefined && (!unset(cert.acm_certificate_arn) || !unset(cert.iam_certificate_id));
  if (cert === undefined || defaultCert === true || !custom) {
    return tlsFacts('cloudfront', CLOUDFRONT_DEFAULT_CERTIFICATE_POLICY);
  }
  return tlsFacts('cloudfront', str(cert.minimum_protocol_version) ?? 'TLSv1');
}

/** A `logging_config` block naming a bucket, or an `aws_cloudwatch_log_delivery_source` of `ACCESS_LOGS`. */
function distributionLogging(r: Resource, ctx: AdapterContext): Fact<boolean> {
  const legacy = block(r.properties.logging_config);
  if (legacy instanceof Unknown) return legacy;
  if (legacy !== undefined && !unset(legacy.bucket)) return true;
  const found = ctx.graph.attachedBy(
    r.address,
    'aws_cloudwatch_log_delivery_source',
    (s) => s.properties.resource_arn,
  );
  for (const s of found.attached) {
    const type = asString(s.properties.log_type);
    if (type === 'ACCESS_LOGS') return true;
    if (type instanceof Unknown) return type;
  }
  return found.uncertain[0]?.reason ?? false;
}

/** How a distribution reaches an object-store origin: OAC, legacy OAI, or unsigned requests. */
function originAccess(o: ValueObject): Fact<'origin-access-control' | 'origin-access-identity' | 'none'> {
  const oac = o.origin_access_control_id;
  if (oac instanceof Unknown && oac.refs.length === 0 && !unset(oac)) return oac;
  if (!unset(oac)) return 'origin-access-control';
  const s3 = block(o.s3_origin_config);
  if (s3 instanceof Unknown) return s3;
  const oai = s3?.origin_access_identity;
  if (oai instanceof Unknown && oai.refs.length === 0 && !unset(oai)) return oai;
  if (!unset(oai)) return 'origin-access-identity';
  return 'none';
}

/**
 * The `origin` blocks: custom origins (`custom_origin_config`), VPC origins (their protocol is set on
 * the VPC origin resource), and object-store origins (`s3_origin_config`, or no origin config at all,
 * for which the provider sends an S3 origin).
 */
function distributionOrigins(r: Resource): CdnOrigin[] {
  const list = blocks(r.properties.origin);
  if (list instanceof Unknown) {
    return [{ id: list.toString(), originType: 'custom', protocolPolicy: list, sslProtocols: list }];
  }
  return list.map((o, i): CdnOrigin => {
    const id = str(o.origin_id);
    const name = typeof id === 'string' ? id : `origin ${i + 1}`;
    const custom = block(o.custom_origin_config);
    if (custom instanceof Unknown)
      return { id: name, originType: 'custom', protocolPolicy: custom, sslProtocols: custom };
    if (custom === undefined) {
      const vpc = block(o.vpc_origin_config);
      if (vpc !== undefined) {
        const why = vpc instanceof Unknown ? vpc : new Unknown('the VPC origin sets its protocol policy');
        return { id: name, originType: 'custom', protocolPolicy: why, sslProtocols: why };
      }
      return { id: name, originType: 'object-store', accessControl: originAccess(o) };
    }
    const protocols = custom.origin_ssl_protocols;
    let sslProtocols: Fact<readonly string[]>;
    if (protocols instanceof Unknown) sslProtocols = protocols;
    else if (unset(protocols)) sslProtocols = new Unknown('custom origin declares no `origin_ssl_protocols`');
    else {
      const values = asList(protocols).map((x) => asString(x));
      sslProtocols =
        values.find((x): x is Unknown => x instanceof Unknown) ??
        values.filter((x): x is string => typeof x === 'string');
    }
    return {
      id: name,
      originType: 'custom',
      protocolPolicy:
        str(custom.origin_protocol_policy) ??
        new Unknown('custom origin declares no `origin_protocol_policy`'),
      sslProtocols,
    };
  });
}

/**
 * `aws_cloudfront_distribution` -> endpoint: viewer TLS policy, viewer protocol policies of every
 * cache behavior, origins, access logs, `web_acl_id` and Shield Advanced protection
 * (`aws_shield_protection`).
 */
export function distributionView(r: Resource, ctx: AdapterContext): EndpointView {
  const webAcl = r.properties.web_acl_id;
  return {
    kind: 'endpoint',
    endpointType: 'cdn-distribution',
    resource: r,
    name: displayName(r),
    protocol: 'HTTPS',
    ...distributionTls(r),
    redirectsToHttps: viewersRedirected(r),
    accessLogging: distributionLogging(r, ctx),
    waf: unset(webAcl) ? false : webAcl instanceof Unknown && webAcl.refs.length === 0 ? webAcl : true,
    classification: classificationOf(r),
    internetFacing: true,
    origins: distributionOrigins(r),
    tlsOffered: TLS13_OFFERED,
    ddosProtection: namedBy(ctx.graph, r.address, SHIELD_PROTECTION, 'resource_arn'),
  };
}

/** `access_log_settings` with a `destination_arn`. */
function accessLogs(v: Value | undefined): Fact<boolean> {
  const settings = block(v);
  if (settings instanceof Unknown) return settings;
  return settings !== undefined && !unset(settings.destination_arn);
}

/** The endpoint types of a REST API (`endpoint_configuration.types`, `EDGE` when unset). */
function restApiTypes(api: Resource): Fact<string[]> {
  const config = block(api.properties.endpoint_configuration);
  if (config instanceof Unknown) return config;
  const types = config?.types;
  if (types instanceof Unknown && !unset(types)) return types;
  if (unset(types)) return ['EDGE'];
  const list = asList(types).map((t) => asString(t));
  return list.find((t): t is Unknown => t instanceof Unknown) ?? list.filter((t) => typeof t === 'string');
}

/**
 * `aws_api_gateway_stage` -> endpoint: the REST API's own endpoint (its `security_policy`, else the
 * default for its endpoint type: `TLS_1_0` for edge-optimized and regional, `TLS_1_2` for private),
 * access logs, and a WAF association (`aws_wafv2_web_acl_association`).
 */
export function restStageView(r: Resource, ctx: AdapterContext): EndpointView {
  const ref = r.properties.rest_api_id;
  const api = ctx.graph.target(ref, r, 'aws_api_gateway_rest_api');
  const missing =
    api instanceof Unknown ? api : new Unknown(`REST API ${show(ref)} is not in the configuration`);
  let tls: TlsFacts;
  let internetFacing: Fact<boolean>;
  if (api instanceof Unknown || api === undefined) {
    tls = unknownTls(missing);
    internetFacing = missing;
  } else {
    const types = restApiTypes(api);
    const own = str(api.properties.security_policy);
    const policy: Fact<string> =
      own ?? (types instanceof Unknown ? types : types.includes('PRIVATE') ? 'TLS_1_2' : 'TLS_1_0');
    tls = tlsFacts('apigateway', policy);
    internetFacing = types instanceof Unknown ? types : !types.includes('PRIVATE');
  }
  return {
    kind: 'endpoint',
    endpointType: 'api-stage',
    resource: r,
    name: displayName(r),
    protocol: 'HTTPS',
    ...tls,
    accessLogging: accessLogs(r.properties.access_log_settings),
    waf: namedBy(ctx.graph, r.address, WAF_ASSOCIATION, 'resource_arn'),
    classification: classificationOf(r),
    internetFacing,
    tlsOffered: TLS13_OFFERED,
  };
}

/** `aws_apigatewayv2_stage` -> endpoint (see {@link httpApiStage}). */
export function httpStageView(r: Resource): EndpointView {
  return httpApiStage(r, accessLogs(r.properties.access_log_settings));
}

/** `aws_api_gateway_domain_name` -> endpoint. Without `security_policy` a domain name gets `TLS_1_2`. */
export function apiDomainView(r: Resource): EndpointView {
  return {
    kind: 'endpoint',
    endpointType: 'api-domain',
    resource: r,
    name: displayName(r),
    protocol: 'HTTPS',
    ...tlsFacts('apigateway', str(r.properties.security_policy) ?? APIGATEWAY_DEFAULT_DOMAIN_POLICY),
    classification: classificationOf(r),
    tlsOffered: TLS13_OFFERED,
  };
}

/**
 * `aws_apigatewayv2_domain_name` -> endpoint: the `security_policy` of its
 * `domain_name_configuration` (`TLS_1_2` when unset).
 */
export function apiV2DomainView(r: Resource): EndpointView {
  const config = block(r.properties.domain_name_configuration);
  const policy: Fact<string> =
    config instanceof Unknown ? config : (str(config?.security_policy) ?? APIGATEWAY_DEFAULT_DOMAIN_POLICY);
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

/** The resource a value names: its reference's address, else the value as written. */
function named(v: Value | undefined): string | Unknown | undefined {
  if (v instanceof ResourceRef) return v.address;
  if (v instanceof Unknown) return v.refs.length === 1 ? v.refs[0]!.address : v;
  return typeof v === 'string' ? v : undefined;
}

/** An HTTP method as written, or the one of the `aws_api_gateway_method` it references. */
function httpMethod(v: Value | undefined, graph: AdapterContext['graph']): string | Unknown | undefined {
  if (v instanceof ResourceRef) {
    const m = graph.get(v.address);
    return m?.type === 'aws_api_gateway_method'
      ? str(m.properties.http_method)
      : new Unknown(`method ${show(v)}`);
  }
  return str(v);
}

/**
 * The resources of `type` configuring the same REST API method: the same `rest_api_id`, `resource_id`
 * and `http_method` (by reference or as written).
 */
function sameMethod(method: Resource, type: string, ctx: AdapterContext): Resource[] | Unknown {
  const want = [named(method.properties.rest_api_id), named(method.properties.resource_id)];
  const verb = str(method.properties.http_method);
  const out: Resource[] = [];
  for (const x of ctx.graph.ofType(type)) {
    const got = [named(x.properties.rest_api_id), named(x.properties.resource_id)];
    if (got.some((g, i) => typeof g !== 'string' || g !== want[i])) continue;
    const v = httpMethod(x.properties.http_method, ctx.graph);
    if (v instanceof Unknown) return v;
    if (typeof v === 'string' && typeof verb === 'string' && v.toUpperCase() === verb.toUpperCase())
      out.push(x);
  }
  return out;
}

/**
 * Whether an `OPTIONS` method is a CORS preflight: passed whole to a Lambda function (an
 * `aws_api_gateway_integration` of type `AWS_PROXY`), or answering only 204 responses carrying
 * `Access-Control-Allow-*` headers (`aws_api_gateway_method_response`).
 */
function corsPreflight(r: Resource, method: Fact<string> | undefined, ctx: AdapterContext): boolean {
  if (typeof method !== 'string' || method.toUpperCase() !== 'OPTIONS') return false;
  const integrations = sameMethod(r, 'aws_api_gateway_integration', ctx);
  if (integrations instanceof Unknown) return false;
  if (integrations.some((i) => asString(i.properties.type) === 'AWS_PROXY')) return true;
  const responses = sameMethod(r, 'aws_api_gateway_method_response', ctx);
  if (responses instanceof Unknown || responses.length === 0) return false;
  return responses.every((resp) => {
    const params = resp.properties.response_parameters;
    return (
      str(resp.properties.status_code) === '204' &&
      isObject(params) &&
      Object.keys(params).some((k) => k.startsWith('method.response.header.Access-Control-Allow-'))
    );
  });
}

/**
 * `aws_api_gateway_method` and `aws_apigatewayv2_route` -> endpoint (`api-method`): the
 * authorization a caller needs (`authorization`, `authorization_type`; a route without one is `NONE`).
 */
export function apiMethodView(r: Resource, ctx: AdapterContext): EndpointView {
  const p = r.properties;
  const v2 = r.type === 'aws_apigatewayv2_route';
  const method = str(v2 ? p.route_key : p.http_method);
  const auth = str(v2 ? p.authorization_type : p.authorization);
  return {
    kind: 'endpoint',
    endpointType: 'api-method',
    resource: r,
    name: displayName(r),
    protocol: 'HTTPS',
    authorization: auth ?? (v2 ? 'NONE' : new Unknown('the method declares no `authorization`')),
    method,
    corsPreflight: v2 ? undefined : corsPreflight(r, method, ctx),
  };
}

/**
 * CloudFront distributions, API Gateway stages, custom domain names, methods and routes, and ACM
 * certificates of the AWS provider.
 */
export function registerEndpoints(registry: AdapterRegistry): void {
  registry.register('terraform', 'aws_cloudfront_distribution', distributionView);
  registry.register('terraform', 'aws_api_gateway_stage', restStageView);
  registry.register('terraform', 'aws_apigatewayv2_stage', httpStageView);
  registry.register('terraform', 'aws_api_gateway_domain_name', apiDomainView);
  registry.register('terraform', 'aws_apigatewayv2_domain_name', apiV2DomainView);
  registry.register('terraform', ['aws_api_gateway_method', 'aws_apigatewayv2_route'], apiMethodView);
  registry.register('terraform', 'aws_acm_certificate', certificateView);
}
