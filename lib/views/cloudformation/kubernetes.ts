import type { Resource } from '../../graph/resource';
import { Unknown, asBool, asList, asString, get, isObject, show, type Value } from '../../graph/values';
import type { Fact, KubernetesClusterView } from '../kinds';
import { kmsEncryption } from '../common/keys';
import { displayName } from '../common/naming';
import type { AdapterContext, AdapterRegistry } from '../registry';

/**
 * A property read under its CloudFormation name (`ResourcesVpcConfig`) or its EKS API name (`resourcesVpcConfig`), as
 * the CDK's `Custom::AWSCDK-EKS-Cluster` passes the API request through in `Config`.
 */
function prop(v: Value | undefined, name: string): Value | undefined {
  if (v instanceof Unknown) return v;
  const direct = get(v, name);
  if (direct !== undefined) return direct;
  return get(v, name.charAt(0).toLowerCase() + name.slice(1));
}

/**
 * Kubernetes secrets encryption from `EncryptionConfig`: a customer key when an entry covering `secrets` names one.
 * Without one, EKS encrypts the Kubernetes API data with an AWS owned key (envelope encryption by default from
 * Kubernetes 1.28) and etcd's volumes at the disk level: the provider's key either way.
 */
function secretsEncryption(
  cfg: Value | undefined,
  ctx: AdapterContext,
): KubernetesClusterView['secretsEncryption'] {
  if (cfg instanceof Unknown)
    return { atRest: new Unknown(`encryption configuration cannot be resolved (${cfg.reason})`, cfg.refs) };
  for (const entry of asList(cfg)) {
    if (entry instanceof Unknown)
      return { atRest: new Unknown(`encryption configuration entry cannot be resolved (${entry.reason})`) };
    if (!isObject(entry)) continue;
    const resources = prop(entry, 'Resources');
    const covers = resources instanceof Unknown ? resources : asList(resources).some((x) => x === 'secrets');
    if (covers === false) continue;
    const key = prop(prop(entry, 'Provider'), 'KeyArn');
    if (key === undefined) continue;
    const enc = kmsEncryption(key, ctx.graph, 'provider');
    if (covers instanceof Unknown)
      return {
        atRest: new Unknown(`the resources the key encrypts cannot be resolved (${covers.reason})`),
        key: enc.key,
      };
    return enc;
  }
  return { atRest: 'provider' };
}

/** Enabled control-plane log types: CloudFormation `ClusterLogging.EnabledTypes[].Type`, or the API's `clusterLogging[]`. */
function controlPlaneLogs(logging: Value | undefined): Fact<readonly string[]> {
  const cl = prop(logging, 'ClusterLogging');
  if (cl instanceof Unknown) return new Unknown(`cluster logging cannot be resolved (${cl.reason})`, cl.refs);
  const out: string[] = [];
  const add = (t: Value): Unknown | undefined => {
    const s = asString(t);
    if (s instanceof Unknown) return s;
    if (s !== undefined) out.push(s);
    return undefined;
  };
  const entries: Value[] = Array.isArray(cl)
    ? cl // API shape: [{ types: [...], enabled: true }]
    : [cl ?? null];
  for (const entry of entries) {
    if (entry === null) continue;
    if (entry instanceof Unknown) return entry;
    const enabledTypes = prop(entry, 'EnabledTypes');
    if (enabledTypes !== undefined) {
      if (enabledTypes instanceof Unknown) return enabledTypes;
      for (const t of asList(enabledTypes)) {
        const u = add(t instanceof Unknown ? t : (prop(t, 'Type') ?? null));
        if (u) return new Unknown(`a log type cannot be resolved (${u.reason})`, u.refs);
      }
      continue;
    }
    const enabled = asBool(prop(entry, 'Enabled'));
    if (enabled instanceof Unknown) return enabled;
    if (enabled !== true) continue;
    const types = prop(entry, 'Types');
    if (types instanceof Unknown) return types;
    for (const t of asList(types)) {
      const u = add(t);
      if (u) return new Unknown(`a log type cannot be resolved (${u.reason})`, u.refs);
    }
  }
  return out;
}

/**
 * `AWS::EKS::Cluster` (and the CDK's `Custom::AWSCDK-EKS-Cluster`, whose `Config` is the EKS API request) ->
 * Kubernetes cluster. Service defaults: the public endpoint is on (`EndpointPublicAccess` true) and open to
 * `0.0.0.0/0` when `PublicAccessCidrs` is absent; no control-plane log type is enabled.
 */
export function eksClusterView(r: Resource, ctx: AdapterContext): KubernetesClusterView {
  const p: Value | undefined =
    r.type === 'AWS::EKS::Cluster' ? r.properties : (r.properties.Config ?? new Unknown('no `Config`'));
  const vpc = prop(p, 'ResourcesVpcConfig');
  const publicAccess = asBool(prop(vpc, 'EndpointPublicAccess')) ?? true;
  const cidrs = prop(vpc, 'PublicAccessCidrs');
  const apiAllowedCidrs: Fact<string>[] =
    publicAccess === false
      ? []
      : cidrs === undefined || cidrs === null
        ? ['0.0.0.0/0']
        : cidrs instanceof Unknown
          ? [cidrs]
          : asList(cidrs).map((c) => asString(c) ?? new Unknown(`unexpected CIDR ${show(c)}`));
  return {
    kind: 'kubernetes-cluster',
    resource: r,
    name: displayName(r),
    secretsEncryption: secretsEncryption(prop(p, 'EncryptionConfig'), ctx),
    apiPublic: publicAccess,
    apiAllowedCidrs,
    controlPlaneLogs: controlPlaneLogs(prop(p, 'Logging')),
  };
}

/** EKS clusters -> Kubernetes cluster views. */
export function registerKubernetes(registry: AdapterRegistry): void {
  registry.register('cloudformation', ['AWS::EKS::Cluster', 'Custom::AWSCDK-EKS-Cluster'], eksClusterView);
}
