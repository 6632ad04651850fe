import type { Resource } from '../../graph/resource';
import { Unknown, asList, asString, isObject, show, type Value, type ValueObject } from '../../graph/values';
import type { EndpointView, Fact, TlsVersion } from '../kinds';
import { classificationOf } from '../common/classification';
import { displayName } from '../common/naming';
import {
  APPLICATION_GATEWAY_DEFAULT_POLICY,
  APPLICATION_GATEWAY_PROTOCOLS,
  FRONT_DOOR_DEFAULT_POLICY,
  TLS_VERSIONS,
  tlsFacts,
  type TlsFacts,
} from '../common/tls';
import type { AdapterContext, AdapterRegistry } from '../registry';
import { enabled } from './common';
import { referenced } from './network';

/*
 * azure-native entry points that terminate TLS for clients -> endpoint views, one per listener, which the listener
 * TLS-floor and HTTP-redirect rules judge.
 *
 * Application Gateway: each HTTP(S) listener (`httpListeners`) and TCP/TLS listener (`listeners`) of the gateway. An
 * HTTPS or TLS listener takes the TLS policy of the SSL profile it names (`sslProfile`), else the gateway's
 * `sslPolicy`, else the default of the API version. An HTTP listener redirects when the routing rule naming it
 * points to a redirect configuration whose target is an HTTPS listener or an `https://` URL.
 *
 * Front Door (Standard and Premium): a route (`cdn:Route`) is a listener per protocol it supports, serving the
 * custom domains it names (`cdn:AFDCustomDomain`, each with its own TLS policy) and, when linked, the endpoint's
 * default domain (TLS 1.2 and 1.3, like every Front Door domain since 1 March 2025). HTTP redirects when
 * `httpsRedirect` is `Enabled`.
 */

export const APPLICATION_GATEWAY = 'azure-native:network:ApplicationGateway';
export const FRONT_DOOR_ROUTE = 'azure-native:cdn:Route';
export const FRONT_DOOR_CUSTOM_DOMAIN = 'azure-native:cdn:AFDCustomDomain';

/** Listener protocols in the cloud-neutral spelling of endpoint views. */
const PROTOCOLS: Readonly<Record<string, string>> = { http: 'HTTP', https: 'HTTPS', tcp: 'TCP', tls: 'TLS' };

function protocolOf(v: Value | undefined, what: string): Fact<string> {
  const s = asString(v);
  if (s instanceof Unknown) return s;
  if (s === undefined) return new Unknown(`${what} names no protocol`);
  return PROTOCOLS[s.toLowerCase()] ?? s;
}

/** The last segment of a sub-resource id (`.../sslProfiles/strict` -> `strict`): how a gateway names its parts. */
function subResourceName(ref: Value | undefined): Fact<string> | undefined {
  const id = isObject(ref) ? ref.id : ref;
  const s = asString(id);
  if (s === undefined || s instanceof Unknown) return s;
  return (
    s
      .split('/')
      .filter((x) => x !== '')
      .pop() ?? s
  );
}

/** The named element of a gateway's list of parts (`sslProfiles`, `httpListeners`), or undefined. */
function part(r: Resource, list: string, name: Fact<string> | undefined): ValueObject | Unknown | undefined {
  if (name === undefined) return undefined;
  if (name instanceof Unknown) return name;
  const items = r.properties[list];
  if (items instanceof Unknown) return items;
  return asList(items)
    .filter(isObject)
    .find((x) => x.name === name);
}

/** The facts of an Application Gateway `sslPolicy` (of the gateway or of an SSL profile). */
export function applicationGatewayPolicy(policy: Value | undefined): TlsFacts {
  if (policy instanceof Unknown) return { policyName: policy, minTls: policy, postQuantum: policy };
  if (!isObject(policy) || Object.keys(policy).length === 0)
    return tlsFacts('application-gateway', APPLICATION_GATEWAY_DEFAULT_POLICY);
  const type = asString(policy.policyType);
  const name = asString(policy.policyName);
  const min = asString(policy.minProtocolVersion);
  const pq = new Unknown('Application Gateway does not document post-quantum key exchange per policy');
  if (type instanceof Unknown) return { policyName: type, minTls: type, postQuantum: type };
  if (type?.toLowerCase() === 'predefined' || (type === undefined && name !== undefined)) {
    if (name === undefined) {
      const u = new Unknown('a predefined TLS policy names no `policyName`');
      return { policyName: u, minTls: u, postQuantum: u };
    }
    return tlsFacts('application-gateway', name);
  }
  if (min !== undefined) {
    if (min instanceof Unknown) return { policyName: min, minTls: min, postQuantum: min };
    const v = APPLICATION_GATEWAY_PROTOCOLS[min];
    const label = `${type ?? 'Custom'} ${min}`;
    return v
      ? { policyName: label, minTls: v, postQuantum: pq }
      : {
          policyName: label,
          minTls: new Unknown(`\`minProtocolVersion\` ${show(min)} is not a TLS version`),
          postQuantum: pq,
        };
  }
  // The legacy form: the protocols turned off, the lowest one left on is the floor.
  const disabled = policy.disabledSslProtocols;
  if (disabled instanceof Unknown) return { policyName: disabled, minTls: disabled, postQuantum: disabled };
  const off = new Set(
    asList(disabled)
      .map((p) => (typeof p === 'string' ? APPLICATION_GATEWAY_PROTOCOLS[p] : undefined))
      .filter((v): v is TlsVersion => v !== undefined),
  );
  const floor = TLS_VERSIONS.find((v) => v !== '1.3' && !off.has(v));
  const label = `disabled ${[...off].map((v) => `TLS ${v}`).join(', ') || 'nothing'}`;
  return floor
    ? { policyName: label, minTls: floor, postQuantum: pq }
    : {
        policyName: label,
        minTls: new Unknown('every TLS version before 1.3 is disabled'),
        postQuantum: pq,
      };
}

/** Whether plain HTTP on a gateway listener is redirected to HTTPS, from the routing rules that name it. */
function gatewayRedirects(r: Resource, listener: string): Fact<boolean> {
  const rules = r.properties.requestRoutingRules;
  if (rules instanceof Unknown) return rules;
  let found: Fact<boolean> | undefined;
  for (const rule of asList(rules).filter(isObject)) {
    const names = subResourceName(rule.httpListener);
    if (names instanceof Unknown) {
      found ??= names;
      continue;
    }
    if (names !== listener) continue;
    if (rule.redirectConfiguration === undefined) {
      if (rule.urlPathMap !== undefined)
        return new Unknown(
          `routing rule \`${String(rule.name)}\` routes by path (\`urlPathMap\`), which is not read`,
        );
      return false;
    }
    const redirect = part(r, 'redirectConfigurations', subResourceName(rule.redirectConfiguration));
    if (redirect instanceof Unknown) return redirect;
    if (redirect === undefined)
      return new Unknown(
        `the redirect configuration of routing rule \`${String(rule.name)}\` is not declared`,
      );
    const url = asString(redirect.targetUrl);
    if (url instanceof Unknown) return url;
    if (url !== undefined) return url.toLowerCase().startsWith('https://');
    const target = part(r, 'httpListeners', subResourceName(redirect.targetListener));
    if (target instanceof Unknown) return target;
    if (target === undefined)
      return new Unknown(
        `redirect configuration \`${String(redirect.name)}\` names no listener of the gateway`,
      );
    const p = protocolOf(target.protocol, `listener \`${String(target.name)}\``);
    return p instanceof Unknown ? p : p === 'HTTPS';
  }
  return found ?? new Unknown(`no routing rule names listener \`${listener}\``);
}

/** `network:ApplicationGateway` -> one endpoint view per listener. */
export function applicationGatewayViews(r: Resource): EndpointView[] {
  const out: EndpointView[] = [];
  const gatewayPolicy = applicationGatewayPolicy(r.properties.sslPolicy);
  for (const list of ['httpListeners', 'listeners']) {
    const listeners = r.properties[list];
    const items = listeners instanceof Unknown ? [] : asList(listeners).filter(isObject);
    for (const l of items) {
      const name = typeof l.name === 'string' ? l.name : String(out.length);
      const protocol = protocolOf(l.protocol, `listener \`${name}\``);
      const base = {
        kind: 'endpoint' as const,
        resource: r,
        name: `${displayName(r)}/${name}`,
        endpointType: 'load-balancer-listener' as const,
        protocol,
        classification: classificationOf(r),
      };
      if (protocol === 'HTTP') {
        out.push({ ...base, redirectsToHttps: gatewayRedirects(r, name) });
        continue;
      }
      let facts = gatewayPolicy;
      const profile = part(r, 'sslProfiles', subResourceName(l.sslProfile));
      if (profile instanceof Unknown) facts = { policyName: profile, minTls: profile, postQuantum: profile };
      else if (profile?.sslPolicy !== undefined) facts = applicationGatewayPolicy(profile.sslPolicy);
      out.push({
        ...base,
        ...facts,
        tlsOffered: { tls13Only: true, postQuantumTls13Only: false },
      });
    }
  }
  return out;
}

/** The TLS facts of a Front Door custom domain. */
export function frontDoorDomainPolicy(domain: Resource): TlsFacts {
  const tls = domain.properties.tlsSettings;
  if (tls instanceof Unknown) return { policyName: tls, minTls: tls, postQuantum: tls };
  if (!isObject(tls)) {
    const u = new Unknown(`custom domain \`${displayName(domain)}\` declares no \`tlsSettings\``);
    return { policyName: u, minTls: u, postQuantum: u };
  }
  const set = asString(tls.cipherSuiteSetType);
  const min = asString(tls.minimumTlsVersion);
  if (set instanceof Unknown) return { policyName: set, minTls: set, postQuantum: set };
  if (min instanceof Unknown && (set === undefined || set === 'Customized'))
    return { policyName: min, minTls: min, postQuantum: min };
  const name =
    set !== undefined && set !== 'Customized'
      ? set
      : typeof min === 'string'
        ? min
        : set === 'Customized'
          ? new Unknown('a customized cipher suite set names no `minimumTlsVersion`')
          : FRONT_DOOR_DEFAULT_POLICY;
  const facts = tlsFacts('front-door', name);
  return {
    ...facts,
    postQuantum: new Unknown('the key exchange policy of the domain is not read'),
  };
}

/** `cdn:Route` -> one endpoint view per protocol the route supports. */
export function frontDoorRouteViews(r: Resource, ctx: AdapterContext): EndpointView[] {
  const p = r.properties;
  const base = {
    kind: 'endpoint' as const,
    resource: r,
    endpointType: 'load-balancer-listener' as const,
    classification: classificationOf(r),
  };
  const supported = p.supportedProtocols;
  if (supported === undefined || supported instanceof Unknown)
    return [
      {
        ...base,
        name: displayName(r),
        protocol:
          supported ??
          new Unknown('the route does not list its `supportedProtocols`, and the API documents no default'),
      },
    ];
  const out: EndpointView[] = [];
  for (const s of asList(supported)) {
    const protocol = protocolOf(s, `route \`${displayName(r)}\``);
    const name = `${displayName(r)}/${typeof protocol === 'string' ? protocol.toLowerCase() : 'protocol'}`;
    if (protocol === 'HTTP') {
      out.push({
        ...base,
        name,
        protocol,
        redirectsToHttps:
          enabled(p.httpsRedirect, '`httpsRedirect`') ??
          new Unknown('the route does not say whether it redirects HTTP (`httpsRedirect` unset)'),
      });
      continue;
    }
    out.push({
      ...base,
      name,
      protocol,
      ...routeTls(r, ctx),
      tlsOffered: { tls13Only: true, postQuantumTls13Only: false },
    });
  }
  return out;
}

/** The weakest TLS policy among the domains a route serves. */
function routeTls(r: Resource, ctx: AdapterContext): TlsFacts {
  const candidates: { readonly facts: TlsFacts }[] = [];
  if (enabled(r.properties.linkToDefaultDomain, '`linkToDefaultDomain`') === true)
    candidates.push({ facts: tlsFacts('front-door', FRONT_DOOR_DEFAULT_POLICY) });
  const domains = r.properties.customDomains;
  if (domains instanceof Unknown) return { policyName: domains, minTls: domains, postQuantum: domains };
  for (const d of asList(domains)) {
    const address = referenced(isObject(d) ? d.id : d);
    if (address instanceof Unknown) return { policyName: address, minTls: address, postQuantum: address };
    const domain = address === undefined ? undefined : ctx.graph.get(address);
    if (domain?.type !== FRONT_DOOR_CUSTOM_DOMAIN) {
      const u = new Unknown(`custom domain ${show(d)} is not a custom domain of the program`);
      return { policyName: u, minTls: u, postQuantum: u };
    }
    candidates.push({ facts: frontDoorDomainPolicy(domain) });
  }
  if (candidates.length === 0) {
    const u = new Unknown('the route serves no custom domain and is not linked to the default domain');
    return { policyName: u, minTls: u, postQuantum: u };
  }
  const open = candidates.find((c) => c.facts.minTls instanceof Unknown);
  if (open) return open.facts;
  const weakest = candidates.reduce((a, b) =>
    TLS_VERSIONS.indexOf(b.facts.minTls as TlsVersion) < TLS_VERSIONS.indexOf(a.facts.minTls as TlsVersion)
      ? b
      : a,
  );
  return weakest.facts;
}

export function registerAzureEdge(registry: AdapterRegistry): void {
  registry.register('pulumi', APPLICATION_GATEWAY, applicationGatewayViews);
  registry.register('pulumi', FRONT_DOOR_ROUTE, frontDoorRouteViews);
  // A custom domain's TLS policy is judged on the routes that serve it.
  registry.register('pulumi', FRONT_DOOR_CUSTOM_DOMAIN, () => undefined);
}
