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
import type { Fact, FirewallView, NetworkView, PrivateEndpointView, SubnetView, TrafficRule } from '../kinds';
import { displayName } from '../common/naming';
import { nsgRules, unknownNsgRule, type NsgRuleFields } from '../common/nsg';
import type { AdapterContext, AdapterRegistry } from '../registry';

/*
 * azure-native network resources -> firewall, network, subnet and private-endpoint views. An NSG's rules are its
 * inline `securityRules` and the `network:SecurityRule` resources that name it; a subnet's firewall is the NSG it is
 * associated with (`networkSecurityGroup.id`), declared on a `network:Subnet` or inline in a virtual network's
 * `subnets`; a network's flow logs are the `network:FlowLog` resources whose `targetResourceId` is the network.
 */

export const NSG = 'azure-native:network:NetworkSecurityGroup';
export const SECURITY_RULE = 'azure-native:network:SecurityRule';
export const VIRTUAL_NETWORK = 'azure-native:network:VirtualNetwork';
export const SUBNET = 'azure-native:network:Subnet';
export const FLOW_LOG = 'azure-native:network:FlowLog';
export const PRIVATE_ENDPOINT = 'azure-native:network:PrivateEndpoint';

/** Subnets Azure refuses an NSG on. */
const NO_NSG_SUBNETS: ReadonlySet<string> = new Set([
  'GatewaySubnet',
  'AzureFirewallSubnet',
  'AzureFirewallManagementSubnet',
]);

/** The address a reference value points at: a graph address, an id as written, or the Unknown. */
export function referenced(v: Value | undefined): Fact<string> | undefined {
  if (v === undefined || v === null) return undefined;
  if (v instanceof ResourceRef) return v.address;
  if (v instanceof Unknown) return v.refs.length === 1 ? v.refs[0]!.address : v;
  if (typeof v === 'string') return v;
  return new Unknown(`expected a resource id, found ${show(v)}`);
}

/** Whether a value names the resource `r`: a reference to it, or (a string) its name as written. */
function names(v: Value | undefined, r: Resource, nameKey: string): Fact<boolean> {
  if (v instanceof ResourceRef) return v.address === r.address;
  if (v instanceof Unknown) return v.refs.some((x) => x.address === r.address) ? true : v;
  return typeof v === 'string' && v === r.properties[nameKey];
}

function fields(p: ValueObject): NsgRuleFields {
  return p;
}

/** Standalone rules naming an NSG, by reference or by the name it declares (in the same resource group). */
function standaloneRules(nsg: Resource, graph: ResourceGraph): { rules: TrafficRule[]; names: Set<string> } {
  const rules: TrafficRule[] = [];
  const ruleNames = new Set<string>();
  for (const r of graph.ofType(SECURITY_RULE)) {
    const n = names(r.properties.networkSecurityGroupName, nsg, 'networkSecurityGroupName');
    if (n === false) continue;
    const rg = r.properties.resourceGroupName;
    const mine = nsg.properties.resourceGroupName;
    if (typeof rg === 'string' && typeof mine === 'string' && rg !== mine) continue;
    if (n instanceof Unknown) {
      rules.push(unknownNsgRule(n, r.address));
      continue;
    }
    const name = r.properties.securityRuleName ?? r.properties.name;
    if (typeof name === 'string') ruleNames.add(name);
    rules.push(...nsgRules(fields(r.properties), r.address));
  }
  return { rules, names: ruleNames };
}

/** `network:NetworkSecurityGroup` -> firewall: its inline `securityRules` and the standalone rules naming it. */
export function networkSecurityGroupView(r: Resource, ctx: AdapterContext): FirewallView {
  const standalone = standaloneRules(r, ctx.graph);
  const inline = r.properties.securityRules;
  const rules: TrafficRule[] =
    inline instanceof Unknown
      ? [unknownNsgRule(inline, r.address)]
      : asList(inline)
          .filter(isObject)
          .filter((b) => !(typeof b.name === 'string' && standalone.names.has(b.name)))
          .flatMap((b) => nsgRules(fields(b), r.address));
  return {
    kind: 'firewall',
    resource: r,
    name: displayName(r),
    rules: [...rules, ...standalone.rules],
    isDefault: false,
  };
}

/**
 * `network:SecurityRule` naming an NSG outside the graph -> a firewall of its own, so the rule is judged; one naming
 * an NSG of the graph is judged through it.
 */
export function securityRuleView(r: Resource, ctx: AdapterContext): FirewallView | undefined {
  const target = r.properties.networkSecurityGroupName;
  const inGraph = ctx.graph.ofType(NSG).some((g) => names(target, g, 'networkSecurityGroupName') !== false);
  if (inGraph) return undefined;
  return {
    kind: 'firewall',
    resource: r,
    name: displayName(r),
    rules: nsgRules(fields(r.properties), r.address),
    isDefault: false,
  };
}

/** The NSG a subnet declares: `[address]`, `[]` when none, or the Unknown. */
function subnetFirewalls(p: ValueObject): Fact<readonly string[]> {
  const nsg = p.networkSecurityGroup;
  if (nsg === undefined || nsg === null) return [];
  if (nsg instanceof Unknown) return nsg;
  const id = referenced(isObject(nsg) ? nsg.id : nsg);
  if (id === undefined) return new Unknown('the subnet names a network security group without an id');
  return id instanceof Unknown ? id : [id];
}

function subnetView(r: Resource, p: ValueObject, name: string, network?: string): SubnetView {
  const subnetName = asString(p.subnetName ?? p.name);
  return {
    kind: 'subnet',
    resource: r,
    name,
    // Azure gives no address to a machine for its subnet: a public IP is a resource of its own.
    mapPublicIpOnLaunch: false,
    network,
    firewalls: subnetFirewalls(p),
    ...(typeof subnetName === 'string' && NO_NSG_SUBNETS.has(subnetName)
      ? { firewallUnsupported: true as const }
      : {}),
  };
}

/** `network:Subnet` -> subnet, with the NSG associated with it. */
export function standaloneSubnetView(r: Resource): SubnetView {
  const vnet = referenced(r.properties.virtualNetworkName);
  return subnetView(r, r.properties, displayName(r), typeof vnet === 'string' ? vnet : undefined);
}

/** Flow logs of a target: the `network:FlowLog` resources whose `targetResourceId` references it. */
function flowLogsOf(target: Resource, graph: ResourceGraph): NetworkView['flowLogs'] {
  const out: NetworkView['flowLogs'][number][] = [];
  for (const f of graph.ofType(FLOW_LOG)) {
    const t = referenced(f.properties.targetResourceId);
    if (t !== target.address) continue;
    const enabled = asBool(f.properties.enabled);
    const analytics = asBool(
      get(f.properties, 'flowAnalyticsConfiguration', 'networkWatcherFlowAnalyticsConfiguration', 'enabled'),
    );
    out.push({
      address: f.address,
      // Azure flow logs record allowed and denied flows alike: there is no traffic filter to choose.
      trafficType: 'ALL',
      enabled: enabled ?? new Unknown('the flow log does not say whether it is enabled (`enabled` unset)'),
      analytics: analytics ?? false,
    });
  }
  return out;
}

/**
 * `network:VirtualNetwork` -> network (its flow logs; Azure networks have no default group) and a subnet view per
 * inline subnet.
 */
export function virtualNetworkViews(r: Resource, ctx: AdapterContext): (NetworkView | SubnetView)[] {
  const prefixes = get(r.properties, 'addressSpace', 'addressPrefixes');
  const first = Array.isArray(prefixes) ? asString(prefixes[0]) : asString(prefixes);
  const network: NetworkView = {
    kind: 'network',
    resource: r,
    name: displayName(r),
    flowLogs: flowLogsOf(r, ctx.graph),
    ...(first !== undefined ? { cidr: first } : {}),
  };
  const subnets = asList(r.properties.subnets)
    .filter(isObject)
    .map((s, i) =>
      subnetView(r, s, `${displayName(r)}/${typeof s.name === 'string' ? s.name : `subnet ${i}`}`, r.address),
    );
  return [network, ...subnets];
}

/** `network:PrivateEndpoint` -> private-endpoint: an interface in a subnet, carrying no access policy. */
export function privateEndpointView(r: Resource): PrivateEndpointView {
  const connections = [
    ...asList(r.properties.privateLinkServiceConnections),
    ...asList(r.properties.manualPrivateLinkServiceConnections),
  ];
  const first = connections.find(isObject);
  const service = first ? referenced(first.privateLinkServiceId) : undefined;
  const subnet = referenced(get(r.properties, 'subnet', 'id'));
  return {
    kind: 'private-endpoint',
    resource: r,
    name: displayName(r),
    endpointType: 'interface',
    service: service ?? new Unknown('the endpoint names no private link service'),
    policySupported: false,
    ...(typeof subnet === 'string' ? { network: subnet } : {}),
  };
}

/** Flow logs and security rules are read through the networks and NSGs they attach to. */
const readThroughOthers = (): undefined => undefined;

export function registerAzureNetwork(registry: AdapterRegistry): void {
  registry.register('pulumi', NSG, networkSecurityGroupView);
  registry.register('pulumi', SECURITY_RULE, securityRuleView);
  registry.register('pulumi', VIRTUAL_NETWORK, virtualNetworkViews);
  registry.register('pulumi', SUBNET, standaloneSubnetView);
  registry.register('pulumi', FLOW_LOG, readThroughOthers);
  registry.register('pulumi', PRIVATE_ENDPOINT, privateEndpointView);
}
