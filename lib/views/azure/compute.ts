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
import type { Fact, KubernetesClusterView, VirtualMachineView } from '../kinds';
import { classificationOf } from '../common/classification';
import { displayName } from '../common/naming';
import type { AdapterContext, AdapterRegistry } from '../registry';
import { referenced } from './network';
import { DIAGNOSTIC_SETTINGS } from './posture';

/*
 * azure-native compute -> virtual-machine and kubernetes-cluster views.
 *
 * A virtual machine's public address comes from its network interfaces: inline `networkInterfaceConfigurations` with a
 * `publicIPAddressConfiguration`, or `network:NetworkInterface` resources whose IP configurations name a public IP.
 * Managed disks are always encrypted at rest with platform keys.
 * @see https://learn.microsoft.com/en-us/azure/virtual-machines/disk-encryption
 *
 * An AKS cluster's control-plane logs are the categories its diagnostic settings send; its API server is public unless
 * `apiServerAccessProfile.enablePrivateCluster`, open to every address unless `authorizedIPRanges` limits it; network
 * policies are enforced only with a policy engine (`networkProfile.networkPolicy`; none by default); local accounts
 * stay enabled unless `disableLocalAccounts`.
 * @see https://learn.microsoft.com/en-us/azure/aks/use-network-policies
 * @see https://learn.microsoft.com/en-us/azure/aks/manage-local-accounts-managed-azure-ad
 */

export const VIRTUAL_MACHINE = 'azure-native:compute:VirtualMachine';
export const NETWORK_INTERFACE = 'azure-native:network:NetworkInterface';
export const MANAGED_CLUSTER = 'azure-native:containerservice:ManagedCluster';

/** Whether some IP configuration of a list names a public IP address. */
function namesPublicIp(configs: Value | undefined, key: string): Fact<boolean> {
  if (configs instanceof Unknown) return configs;
  for (const c of asList(configs)) {
    if (c instanceof Unknown) return c;
    if (!isObject(c)) continue;
    const ip = c[key];
    if (ip !== undefined && ip !== null) return true;
  }
  return false;
}

/** A NIC's public address: a graph interface whose IP configurations name a public IP. */
function interfacePublicIp(ref: Value, graph: ResourceGraph): Fact<boolean> {
  const id = referenced(isObject(ref) ? ref.id : ref);
  if (id === undefined) return new Unknown('a network interface without an id');
  if (id instanceof Unknown) return id;
  const nic = graph.get(id);
  if (!nic || nic.type !== NETWORK_INTERFACE)
    return new Unknown(`network interface \`${id}\` is not declared in the program`);
  return namesPublicIp(nic.properties.ipConfigurations, 'publicIPAddress');
}

function vmPublicIp(r: Resource, graph: ResourceGraph): Fact<boolean> {
  const profile = r.properties.networkProfile;
  if (profile instanceof Unknown) return profile;
  let open: Unknown | undefined;
  for (const cfg of asList(get(profile, 'networkInterfaceConfigurations'))) {
    if (cfg instanceof Unknown) return cfg;
    if (!isObject(cfg)) continue;
    const ip = namesPublicIp(cfg.ipConfigurations, 'publicIPAddressConfiguration');
    if (ip === true) return true;
    if (ip instanceof Unknown) open ??= ip;
  }
  for (const nic of asList(get(profile, 'networkInterfaces'))) {
    const ip = interfacePublicIp(nic, graph);
    if (ip === true) return true;
    if (ip instanceof Unknown) open ??= ip;
  }
  return open ?? false;
}

/** Linux VMs: whether a password can sign in over SSH. Undefined for a Windows VM. */
function passwordAuthentication(r: Resource): Fact<boolean> | undefined {
  const os = r.properties.osProfile;
  if (os instanceof Unknown) return os;
  const linux = get(os, 'linuxConfiguration');
  if (linux === undefined || linux === null) return undefined;
  const disabled = asBool(get(linux, 'disablePasswordAuthentication'));
  if (disabled instanceof Unknown) return disabled;
  if (disabled === undefined)
    return new Unknown(
      '`disablePasswordAuthentication` is unset; the service decides from the credentials given',
    );
  return !disabled;
}

/** `compute:VirtualMachine` -> virtual-machine. */
export function virtualMachineView(r: Resource, ctx: AdapterContext): VirtualMachineView {
  const identity = asString(get(r.properties, 'identity', 'type'));
  const password = passwordAuthentication(r);
  return {
    kind: 'virtual-machine',
    resource: r,
    name: displayName(r),
    machineType: 'instance',
    publicIp: vmPublicIp(r, ctx.graph),
    ebsEncrypted: true,
    instanceProfile:
      identity instanceof Unknown ? identity : identity !== undefined && identity.toLowerCase() !== 'none',
    classification: classificationOf(r),
    ...(password !== undefined ? { passwordAuthentication: password } : {}),
  };
}

/** AKS log categories by the Kubernetes component they come from. */
const AKS_LOG_CATEGORIES: Readonly<Record<string, string>> = {
  'kube-apiserver': 'api',
  'kube-audit': 'audit',
  'kube-audit-admin': 'audit',
  guard: 'authenticator',
  'kube-controller-manager': 'controllerManager',
  'kube-scheduler': 'scheduler',
};

/** The control-plane components whose logs the cluster's diagnostic settings send somewhere. */
function controlPlaneLogs(r: Resource, graph: ResourceGraph): Fact<readonly string[]> {
  const out = new Set<string>();
  for (const type of DIAGNOSTIC_SETTINGS)
    for (const s of graph.ofType(type)) {
      const target = referenced(s.properties.resourceUri);
      if (target instanceof Unknown) {
        if (target.refs.length === 0 || target.refs.some((x) => x.address === r.address)) return target;
        continue;
      }
      if (target !== r.address) continue;
      const logs = s.properties.logs;
      if (logs instanceof Unknown) return logs;
      for (const entry of asList(logs).filter(isObject)) {
        const on = asBool(entry.enabled);
        if (on instanceof Unknown) return on;
        if (on !== true) continue;
        const group = asString(entry.categoryGroup);
        const category = asString(entry.category);
        if (group instanceof Unknown) return group;
        if (category instanceof Unknown) return category;
        if (group?.toLowerCase() === 'alllogs') Object.values(AKS_LOG_CATEGORIES).forEach((c) => out.add(c));
        if (group?.toLowerCase() === 'audit') out.add('audit');
        const component = category === undefined ? undefined : AKS_LOG_CATEGORIES[category];
        if (component) out.add(component);
      }
    }
  return [...out];
}

/** `containerservice:ManagedCluster` -> kubernetes-cluster. */
export function managedClusterView(r: Resource, ctx: AdapterContext): KubernetesClusterView {
  const p = r.properties;
  const access = p.apiServerAccessProfile;
  const privateCluster = asBool(get(access, 'enablePrivateCluster'));
  const ranges = get(access, 'authorizedIPRanges');
  const kms = get(p, 'securityProfile', 'azureKeyVaultKms');
  const kmsOn = asBool(get(kms, 'enabled'));
  const keyId = get(kms, 'keyId');
  const policy = asString(get(p, 'networkProfile', 'networkPolicy'));
  const rbac = asBool(p.enableRBAC);
  const localOff = asBool(p.disableLocalAccounts);
  return {
    kind: 'kubernetes-cluster',
    resource: r,
    name: displayName(r),
    secretsEncryption:
      kmsOn instanceof Unknown
        ? { atRest: kmsOn }
        : kmsOn === true
          ? {
              atRest: 'customer-key',
              key:
                keyId instanceof ResourceRef
                  ? { address: keyId.address }
                  : typeof keyId === 'string'
                    ? { external: keyId }
                    : {},
            }
          : { atRest: 'provider' },
    apiPublic: privateCluster instanceof Unknown ? privateCluster : privateCluster !== true,
    apiAllowedCidrs:
      ranges instanceof Unknown
        ? [ranges]
        : asList(ranges).length === 0
          ? ['0.0.0.0/0']
          : asList(ranges).map((x) =>
              typeof x === 'string' ? x : new Unknown(`authorized range ${show(x)}`),
            ),
    controlPlaneLogs: controlPlaneLogs(r, ctx.graph),
    networkPolicy:
      policy instanceof Unknown ? policy : policy !== undefined && policy.toLowerCase() !== 'none',
    rbac: rbac ?? new Unknown('`enableRBAC` is unset: the service decides'),
    localAccounts: localOff instanceof Unknown ? localOff : localOff !== true,
  };
}

/** Network interfaces are read through the machines that use them. */
const readThroughOthers = (): undefined => undefined;

export function registerAzureCompute(registry: AdapterRegistry): void {
  registry.register('pulumi', VIRTUAL_MACHINE, virtualMachineView);
  registry.register('pulumi', NETWORK_INTERFACE, readThroughOthers);
  registry.register('pulumi', MANAGED_CLUSTER, managedClusterView);
}
