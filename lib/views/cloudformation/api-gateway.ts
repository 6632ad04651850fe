import type { Resource } from '../../graph/resource';
import { ResourceRef, Unknown, asList, asString, get, isObject, show, type Value } from '../../graph/values';
import type { EndpointView, Fact } from '../kinds';
import { classificationOf } from '../common/classification';
import { displayName } from '../common/naming';
import { APIGATEWAY_DEFAULT_DOMAIN_POLICY, tlsFacts, type TlsFacts, TLS13_OFFERED } from '../common/tls';
import type { AdapterContext } from '../registry';
import { httpApiStage, unknownTls, wafAssociated } from '../common/endpoint-common';

/* API Gateway REST and HTTP stages, domain names, methods and routes -> endpoint views. */

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

/** `AWS::ApiGatewayV2::Stage` -> endpoint (see {@link httpApiStage}). */
export function httpStageView(r: Resource): EndpointView {
  return httpApiStage(r, accessLogs(r.properties.AccessLogSettings));
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
 * `AWS::ApiGatewayV2::DomainName` -> endpoint: the `SecurityPolicy` of its domain name configuration
 * (`TLS_1_2` when unset).
 */
export function apiV2DomainView(r: Resource): EndpointView {
  const configs = r.properties.DomainNameConfigurations;
  const first = configs instanceof Unknown ? configs : asList(configs)[0];
  const own = first instanceof Unknown ? first : asString(get(first, 'SecurityPolicy'));
  return {
    kind: 'endpoint',
    endpointType: 'api-domain',
    resource: r,
    name: displayName(r),
    protocol: 'HTTPS',
    ...tlsFacts('apigateway', own ?? APIGATEWAY_DEFAULT_DOMAIN_POLICY),
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
