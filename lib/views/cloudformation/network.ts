import type { ResourceGraph } from '../../graph/graph';
import type { Resource } from '../../graph/resource';
import {
  ResourceRef,
  Unknown,
  asBool,
  asList,
  asNumber,
  asString,
  get,
  isObject,
  show,
  type Value,
  type ValueObject,
} from '../../graph/values';
import type {
  Fact,
  FirewallView,
  NetworkAclView,
  NetworkFirewallView,
  NetworkView,
  RouteTableView,
  SubnetTier,
  SubnetView,
  TrafficPeer,
  TrafficRule,
} from '../kinds';
import { displayName } from '../common/naming';
import { normaliseProtocol } from '../common/network';
import type { AdapterContext, AdapterRegistry } from '../registry';

/** Address of the resource a value references directly (`Ref` / `Fn::GetAtt`), if it does. */
function refAddress(v: Value | undefined): string | undefined {
  return v instanceof ResourceRef ? v.address : undefined;
}

/** Resources of `type` whose `property` references `address` directly. */
function declaredFor(graph: ResourceGraph, address: string, type: string, property: string): Resource[] {
  return graph.referrers(address, type).filter((r) => refAddress(r.properties[property]) === address);
}

function port(v: Value | undefined): Fact<number> | undefined {
  const n = asNumber(v);
  return n === undefined || n === -1 ? undefined : n;
}

function text(v: Value | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** A rule description as written; one built from references (`from ${Vpc.CidrBlock}:5432`) as rendered. */
function describe(v: Value | undefined): string | undefined {
  const s = asString(v);
  return s instanceof Unknown ? s.toString() : s;
}

/** A rule's remote end placed by direction: the source of an ingress rule, the destination of an egress rule. */
function remoteEnd(
  direction: 'ingress' | 'egress',
  peer: TrafficPeer,
): Pick<TrafficRule, 'source' | 'destination'> {
  return direction === 'ingress' ? { source: peer } : { destination: peer };
}

/** A peer that is not an address range: a security group (graph address or id) or a prefix list. */
function peerOf(...vs: (Value | undefined)[]): string | undefined {
  for (const v of vs) {
    if (v === undefined || v === null) continue;
    if (v instanceof ResourceRef) return v.address;
    if (v instanceof Unknown) return v.toString();
    if (typeof v === 'string') return v;
  }
  return undefined;
}

/**
 * A CIDR as written; a reference to a VPC's `CidrBlock` attribute (`Peer.ipv4(vpc.vpcCidrBlock)`)
 * resolves to the block that VPC declares.
 */
function cidrOf(v: Value | undefined, graph: ResourceGraph): Fact<string> | undefined {
  if (v === undefined) return undefined;
  if (v instanceof ResourceRef && v.attribute === 'CidrBlock') {
    const vpc = graph.get(v.address);
    if (vpc?.type === 'AWS::EC2::VPC') {
      const block = asString(vpc.properties.CidrBlock);
      if (block !== undefined) return block;
    }
  }
  return asString(v) ?? undefined;
}

/** One security group rule, inline or standalone (same property names either way). */
function securityGroupRule(
  rule: ValueObject,
  direction: 'ingress' | 'egress',
  declaredBy: string,
  graph: ResourceGraph,
): TrafficRule {
  const protocol = normaliseProtocol(rule.IpProtocol);
  const all = protocol === 'all';
  const cidr = cidrOf(rule.CidrIp ?? rule.CidrIpv6, graph);
  const group =
    direction === 'ingress'
      ? peerOf(rule.SourceSecurityGroupId, rule.SourceSecurityGroupName, rule.SourcePrefixListId)
      : peerOf(rule.DestinationSecurityGroupId, rule.DestinationPrefixListId);
  const remote: TrafficPeer | undefined =
    cidr !== undefined ? { cidr } : group !== undefined ? { group } : undefined;
  const fromPort = all ? undefined : port(rule.FromPort);
  const toPort = all ? undefined : port(rule.ToPort);
  const description = describe(rule.Description);
  // One literal per shape rather than a spread in the middle, which builds the object key by key.
  if (remote === undefined)
    return { direction, action: 'allow', protocol, fromPort, toPort, description, declaredBy };
  if (direction === 'ingress')
    return {
      direction,
      action: 'allow',
      protocol,
      fromPort,
      toPort,
      source: remote,
      description,
      declaredBy,
    };
  return {
    direction,
    action: 'allow',
    protocol,
    fromPort,
    toPort,
    destination: remote,
    description,
    declaredBy,
  };
}

/** Inline rules of a list property; an unresolved list becomes one rule of unknown shape. */
function inlineRules(
  v: Value | undefined,
  direction: 'ingress' | 'egress',
  declaredBy: string,
  graph: ResourceGraph,
): TrafficRule[] {
  if (v instanceof Unknown) {
    return [
      {
        direction,
        action: 'allow',
        protocol: v,
        fromPort: v,
        toPort: v,
        ...remoteEnd(direction, { cidr: v }),
        declaredBy,
      },
    ];
  }
  return asList(v)
    .filter(isObject)
    .map((rule) => securityGroupRule(rule, direction, declaredBy, graph));
}

/**
 * `AWS::EC2::SecurityGroup` -> firewall: its inline rules and the standalone
 * `AWS::EC2::SecurityGroupIngress`/`Egress` resources whose `GroupId` references it. A group that
 * declares no egress keeps the allow-all IPv4 egress rule EC2 adds to every new group.
 * CloudFormation cannot declare a VPC's default group, so `isDefault` is false here.
 */
export function securityGroupView(r: Resource, ctx: AdapterContext): FirewallView {
  const p = r.properties;
  const rules: TrafficRule[] = [
    ...inlineRules(p.SecurityGroupIngress, 'ingress', r.address, ctx.graph),
    ...inlineRules(p.SecurityGroupEgress, 'egress', r.address, ctx.graph),
  ];
  if (p.SecurityGroupEgress === undefined) {
    rules.push({
      direction: 'egress',
      action: 'allow',
      protocol: 'all',
      destination: { cidr: '0.0.0.0/0' },
      description: 'default egress rule of a group that declares none',
      declaredBy: r.address,
    });
  }
  for (const s of declaredFor(ctx.graph, r.address, 'AWS::EC2::SecurityGroupIngress', 'GroupId'))
    rules.push(securityGroupRule(s.properties, 'ingress', s.address, ctx.graph));
  for (const s of declaredFor(ctx.graph, r.address, 'AWS::EC2::SecurityGroupEgress', 'GroupId'))
    rules.push(securityGroupRule(s.properties, 'egress', s.address, ctx.graph));
  return {
    kind: 'firewall',
    resource: r,
    name: displayName(r),
    rules,
    isDefault: false,
    network: refAddress(p.VpcId) ?? text(p.VpcId),
  };
}

/**
 * The custom resource aws-cdk-lib's `Vpc` adds with `restrictDefaultSecurityGroup` (it removes the
 * default group's rules at deploy time). CloudFormation itself cannot declare the default group.
 */
const RESTRICT_DEFAULT_SG = 'Custom::VpcRestrictDefaultSG';

/**
 * `AWS::EC2::VPC` -> network, with the `AWS::EC2::FlowLog` resources whose `ResourceId` references
 * it, whether a `Custom::VpcRestrictDefaultSG` strips its default security group, and whether a
 * Route 53 Resolver query logging configuration is associated with it.
 */
export function vpcView(r: Resource, ctx: AdapterContext): NetworkView {
  const flowLogs = declaredFor(ctx.graph, r.address, 'AWS::EC2::FlowLog', 'ResourceId').map((f) => {
    const t = asString(f.properties.TrafficType);
    return {
      address: f.address,
      trafficType: t === undefined ? new Unknown('flow log declares no `TrafficType`') : t,
    };
  });
  const cidr = asString(r.properties.CidrBlock);
  const restricted = declaredFor(ctx.graph, r.address, RESTRICT_DEFAULT_SG, 'DefaultSecurityGroupId');
  const dns = declaredFor(
    ctx.graph,
    r.address,
    'AWS::Route53Resolver::ResolverQueryLoggingConfigAssociation',
    'ResourceId',
  );
  return {
    kind: 'network',
    resource: r,
    name: displayName(r),
    flowLogs,
    cidr,
    defaultSecurityGroupRestricted: restricted.length > 0,
    dnsQueryLogging: dns.length > 0,
  };
}

const DEFAULT_ROUTES: ReadonlySet<string> = new Set(['0.0.0.0/0', '::/0']);

/** Where one route sends traffic, for a subnet's tier: an internet gateway, elsewhere, or unknown. */
function routeExit(route: Resource, graph: ResourceGraph): 'internet' | 'elsewhere' | Unknown {
  const p = route.properties;
  const gateway = p.GatewayId;
  if (gateway === undefined) return 'elsewhere';
  if (gateway instanceof ResourceRef) {
    const type = graph.get(gateway.address)?.type;
    if (type === 'AWS::EC2::InternetGateway') return 'internet';
    if (type !== undefined) return 'elsewhere';
  }
  const id = asString(gateway);
  if (id instanceof Unknown) return id;
  if (id?.startsWith('igw-')) return 'internet';
  if (id?.startsWith('vgw-') || id === 'local') return 'elsewhere';
  return new Unknown(`route \`${route.address}\` goes to gateway ${show(gateway)}`);
}

/**
 * A subnet's tier from the routes of the route tables associated with it
 * (`AWS::EC2::SubnetRouteTableAssociation`): a default route to an internet gateway makes it
 * public, any other default route (NAT, transit gateway, egress-only gateway) private, none
 * isolated. A subnet without an association uses the network's main route table, which a template
 * cannot declare: unknown.
 */
function subnetTier(r: Resource, graph: ResourceGraph): Fact<SubnetTier> {
  const tables = declaredFor(graph, r.address, 'AWS::EC2::SubnetRouteTableAssociation', 'SubnetId').map(
    (a) => a.properties.RouteTableId,
  );
  if (tables.length === 0)
    return new Unknown('no route table is associated with the subnet (the main route table applies)');
  let tier: SubnetTier = 'isolated';
  for (const table of tables) {
    const address = refAddress(table);
    if (address === undefined) return new Unknown(`route table ${show(table)} is not in the template`);
    for (const route of declaredFor(graph, address, 'AWS::EC2::Route', 'RouteTableId')) {
      const dest = asString(
        route.properties.DestinationCidrBlock ?? route.properties.DestinationIpv6CidrBlock,
      );
      if (dest instanceof Unknown) return dest;
      if (dest === undefined || !DEFAULT_ROUTES.has(dest)) continue;
      const exit = routeExit(route, graph);
      if (exit instanceof Unknown) return exit;
      if (exit === 'internet') return 'public';
      tier = 'private';
    }
  }
  return tier;
}

/** `AWS::EC2::Subnet` -> subnet. `MapPublicIpOnLaunch` defaults to false. */
export function subnetView(r: Resource, ctx: AdapterContext): SubnetView {
  const p = r.properties;
  return {
    kind: 'subnet',
    resource: r,
    name: displayName(r),
    mapPublicIpOnLaunch: asBool(p.MapPublicIpOnLaunch) ?? false,
    network: refAddress(p.VpcId) ?? text(p.VpcId),
    tier: subnetTier(r, ctx.graph),
  };
}

function aclAction(v: Value | undefined): Fact<'allow' | 'deny'> {
  const s = asString(v);
  if (s instanceof Unknown) return s;
  if (s?.toLowerCase() === 'allow') return 'allow';
  if (s?.toLowerCase() === 'deny') return 'deny';
  return new Unknown(`network ACL rule action is ${show(v)}`);
}

/** `AWS::EC2::NetworkAcl` -> network ACL, with its `AWS::EC2::NetworkAclEntry` resources. */
export function networkAclView(r: Resource, ctx: AdapterContext): NetworkAclView {
  const entries = declaredFor(ctx.graph, r.address, 'AWS::EC2::NetworkAclEntry', 'NetworkAclId').map((e) => {
    const p = e.properties;
    const egress = asBool(p.Egress);
    const protocol = normaliseProtocol(p.Protocol);
    const ranged = protocol === 'tcp' || protocol === 'udp' || protocol instanceof Unknown;
    const cidr = p.CidrBlock ?? p.Ipv6CidrBlock;
    const range = cidr === undefined ? undefined : (asString(cidr) ?? undefined);
    const ruleNumber = asNumber(p.RuleNumber);
    // An unresolvable `Egress` is kept as ingress: rules about ingress then see its unknowns.
    const direction = egress === true ? ('egress' as const) : ('ingress' as const);
    return {
      direction,
      action: aclAction(p.RuleAction),
      priority: ruleNumber ?? new Unknown('network ACL entry has no `RuleNumber`'),
      protocol: egress instanceof Unknown ? egress : protocol,
      fromPort: ranged ? port(get(p, 'PortRange', 'From')) : undefined,
      toPort: ranged ? port(get(p, 'PortRange', 'To')) : undefined,
      ...(range === undefined ? {} : remoteEnd(direction, { cidr: range })),
      declaredBy: e.address,
    };
  });
  return { kind: 'network-acl', resource: r, name: displayName(r), entries };
}

/** Route target properties and what each sends traffic to. */
const ROUTE_TARGETS: readonly [string, RouteTableView['routes'][number]['via']][] = [
  ['VpcPeeringConnectionId', 'peering'],
  ['GatewayId', 'internet-gateway'],
  ['EgressOnlyInternetGatewayId', 'internet-gateway'],
  ['NatGatewayId', 'nat'],
  ['TransitGatewayId', 'transit-gateway'],
  ['VpcEndpointId', 'endpoint'],
];

/** `AWS::EC2::RouteTable` -> route table, with the `AWS::EC2::Route` resources whose `RouteTableId` references it. */
export function routeTableView(r: Resource, ctx: AdapterContext): RouteTableView {
  const routes = declaredFor(ctx.graph, r.address, 'AWS::EC2::Route', 'RouteTableId').map((route) => {
    const p = route.properties;
    const dest = p.DestinationCidrBlock ?? p.DestinationIpv6CidrBlock ?? p.DestinationPrefixListId;
    const target = ROUTE_TARGETS.find(([prop]) => p[prop] !== undefined);
    return {
      destination: asString(dest) ?? new Unknown('route declares no destination'),
      via: target?.[1] ?? ('other' as const),
      declaredBy: route.address,
    };
  });
  return { kind: 'route-table', resource: r, name: displayName(r), routes };
}

/** A list of action names, or the Unknown that hides it. */
function actionList(v: Value | undefined): Fact<string[]> {
  if (v instanceof Unknown) return v;
  const xs = asList(v).map((x) => asString(x));
  return (
    xs.find((x): x is Unknown => x instanceof Unknown) ?? xs.filter((x): x is string => typeof x === 'string')
  );
}

/** Whether a Network Firewall policy drops what no rule allows. */
function policyDefaultDeny(policy: Value | undefined): Fact<boolean> {
  if (policy instanceof Unknown) return policy;
  const stateless = actionList(get(policy, 'StatelessDefaultActions'));
  if (stateless instanceof Unknown) return stateless;
  if (stateless.includes('aws:drop')) return true;
  if (!stateless.includes('aws:forward_to_sfe')) return false;
  const stateful = actionList(get(policy, 'StatefulDefaultActions'));
  if (stateful instanceof Unknown) return stateful;
  return stateful.some((a) => a === 'aws:drop_strict' || a === 'aws:drop_established');
}

/**
 * `AWS::NetworkFirewall::Firewall` -> network firewall, with the `AWS::NetworkFirewall::FirewallPolicy`
 * its `FirewallPolicyArn` names and the `AWS::NetworkFirewall::LoggingConfiguration` naming it (`FirewallArn`,
 * `FirewallName`).
 * Without strict rule order a policy has no stateful default action: traffic that passes the
 * stateless engine and matches no stateful rule is allowed.
 */
export function networkFirewallView(r: Resource, ctx: AdapterContext): NetworkFirewallView {
  const ref = r.properties.FirewallPolicyArn;
  const policyResource = ctx.graph.target(ref, r, 'AWS::NetworkFirewall::FirewallPolicy');
  const policy =
    policyResource instanceof Unknown
      ? policyResource
      : policyResource
        ? get(policyResource.properties, 'FirewallPolicy')
        : new Unknown(`firewall policy ${show(ref)} is not declared in the template`);
  const groups = get(policy, 'StatefulRuleGroupReferences');
  const logging = ctx.graph
    .attachedBy(r.address, 'AWS::NetworkFirewall::LoggingConfiguration', (l) => [
      l.properties.FirewallArn ?? null,
      l.properties.FirewallName ?? null,
    ])
    .attached.some(
      (l) => asList(get(l.properties, 'LoggingConfiguration', 'LogDestinationConfigs')).length > 0,
    );
  return {
    kind: 'network-firewall',
    resource: r,
    name: displayName(r),
    defaultDeny: policyDefaultDeny(policy),
    statefulRuleGroups: groups instanceof Unknown ? groups : asList(groups).length,
    logging,
  };
}

/**
 * Security groups, VPCs, subnets, network ACLs, route tables and network firewalls -> firewall,
 * network, subnet, network-acl, route-table and network-firewall views.
 */
export function registerNetwork(registry: AdapterRegistry): void {
  registry.register('cloudformation', 'AWS::EC2::SecurityGroup', securityGroupView);
  registry.register('cloudformation', 'AWS::EC2::VPC', vpcView);
  registry.register('cloudformation', 'AWS::EC2::Subnet', subnetView);
  registry.register('cloudformation', 'AWS::EC2::NetworkAcl', networkAclView);
  registry.register('cloudformation', 'AWS::EC2::RouteTable', routeTableView);
  registry.register('cloudformation', 'AWS::NetworkFirewall::Firewall', networkFirewallView);
}
