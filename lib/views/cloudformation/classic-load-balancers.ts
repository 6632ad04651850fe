import type { Resource } from '../../graph/resource';
import { Unknown, asBool, asList, asString, get, isObject, show, type ValueObject } from '../../graph/values';
import type { Fact, LoadBalancerView, View } from '../kinds';
import { classificationOf } from '../common/classification';
import { displayName } from '../common/naming';
import {
  ELB_CLASSIC_DEFAULT_SSL_POLICY,
  tlsFacts,
  type TlsFacts,
  type TlsVersion,
  CLASSIC_OFFERS,
  CLASSIC_PROTOCOLS,
  CLASSIC_PROTOCOL_ATTRIBUTES,
} from '../common/tls';
import type { AdapterContext } from '../registry';
import { shieldProtected, unknownTls } from '../common/endpoint-common';
import { internetFacingScheme, storeNamed } from './load-balancers';

/* Classic load balancers -> a load-balancer view and one endpoint view per listener. */

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
