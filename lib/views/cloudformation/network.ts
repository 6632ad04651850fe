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
import type { Fact, FirewallView, NetworkAclView, NetworkView, SubnetView, TrafficRule } from '../kinds';
import { displayName } from '../common/naming';
import type { AdapterContext, AdapterRegistry } from '../registry';

/** Address of the resource a value references directly (`Ref` / `Fn::GetAtt`), if it does. */
function refAddress(v: Value | undefined): string | undefined {
  return v instanceof ResourceRef ? v.address : undefined;
}

/** Resources of `type` whose `property` references `address` directly. */
function declaredFor(graph: ResourceGraph, address: string, type: string, property: string): Resource[] {
  return graph.referrers(address, type).filter((r) => refAddress(r.properties[property]) === address);
}

const PROTOCOL_NAMES: Readonly<Record<string, string>> = {
  '-1': 'all',
  all: 'all',
  '6': 'tcp',
  tcp: 'tcp',
  '17': 'udp',
  udp: 'udp',
  '1': 'icmp',
  icmp: 'icmp',
  '58': 'icmpv6',
  icmpv6: 'icmpv6',
};

/**
 * An IP protocol as written (`tcp`, `6`, `-1`...), normalised: `all` for every protocol, `tcp`,
 * `udp`, `icmp`, `icmpv6`, else the protocol number as a string.
 */
export function normaliseProtocol(v: Value | undefined): Fact<string> {
  const s = asString(v);
  if (s === undefined) return new Unknown('the rule names no protocol');
  if (s instanceof Unknown) return s;
  return PROTOCOL_NAMES[s.toLowerCase()] ?? s;
}

function port(v: Value | undefined): Fact<number> | undefined {
  const n = asNumber(v);
  return n === undefined || n === -1 ? undefined : n;
}

function text(v: Value | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
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

/** One security group rule, inline or standalone (same property names either way). */
function securityGroupRule(
  rule: ValueObject,
  direction: 'ingress' | 'egress',
  declaredBy: string,
): TrafficRule {
  const protocol = normaliseProtocol(rule.IpProtocol);
  const all = protocol === 'all';
  const cidrValue = rule.CidrIp ?? rule.CidrIpv6;
  const peer =
    direction === 'ingress'
      ? peerOf(rule.SourceSecurityGroupId, rule.SourceSecurityGroupName, rule.SourcePrefixListId)
      : peerOf(rule.DestinationSecurityGroupId, rule.DestinationPrefixListId);
  return {
    direction,
    protocol,
    fromPort: all ? undefined : port(rule.FromPort),
    toPort: all ? undefined : port(rule.ToPort),
    cidr: cidrValue === undefined ? undefined : (asString(cidrValue) ?? undefined),
    peer,
    description: text(rule.Description),
    declaredBy,
  };
}

/** Inline rules of a list property; an unresolved list becomes one rule of unknown shape. */
function inlineRules(
  v: Value | undefined,
  direction: 'ingress' | 'egress',
  declaredBy: string,
): TrafficRule[] {
  if (v instanceof Unknown) {
    return [{ direction, protocol: v, fromPort: v, toPort: v, cidr: v, declaredBy }];
  }
  return asList(v)
    .filter(isObject)
    .map((rule) => securityGroupRule(rule, direction, declaredBy));
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
    ...inlineRules(p.SecurityGroupIngress, 'ingress', r.address),
    ...inlineRules(p.SecurityGroupEgress, 'egress', r.address),
  ];
  if (p.SecurityGroupEgress === undefined) {
    rules.push({
      direction: 'egress',
      protocol: 'all',
      cidr: '0.0.0.0/0',
      description: 'default egress rule of a group that declares none',
      declaredBy: r.address,
    });
  }
  for (const s of declaredFor(ctx.graph, r.address, 'AWS::EC2::SecurityGroupIngress', 'GroupId'))
    rules.push(securityGroupRule(s.properties, 'ingress', s.address));
  for (const s of declaredFor(ctx.graph, r.address, 'AWS::EC2::SecurityGroupEgress', 'GroupId'))
    rules.push(securityGroupRule(s.properties, 'egress', s.address));
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

/** `AWS::EC2::Subnet` -> subnet. `MapPublicIpOnLaunch` defaults to false. */
export function subnetView(r: Resource): SubnetView {
  const p = r.properties;
  return {
    kind: 'subnet',
    resource: r,
    name: displayName(r),
    mapPublicIpOnLaunch: asBool(p.MapPublicIpOnLaunch) ?? false,
    network: refAddress(p.VpcId) ?? text(p.VpcId),
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
    const ruleNumber = asNumber(p.RuleNumber);
    return {
      // An unresolvable `Egress` is kept as ingress: rules about ingress then see its unknowns.
      direction: egress === true ? ('egress' as const) : ('ingress' as const),
      protocol: egress instanceof Unknown ? egress : protocol,
      fromPort: ranged ? port(get(p, 'PortRange', 'From')) : undefined,
      toPort: ranged ? port(get(p, 'PortRange', 'To')) : undefined,
      cidr: cidr === undefined ? undefined : (asString(cidr) ?? undefined),
      declaredBy: e.address,
      action: aclAction(p.RuleAction),
      ruleNumber: ruleNumber ?? new Unknown('network ACL entry has no `RuleNumber`'),
    };
  });
  return { kind: 'network-acl', resource: r, name: displayName(r), entries };
}

/** Security groups, VPCs, subnets and network ACLs -> firewall, network, subnet and network-acl views. */
export function registerNetwork(registry: AdapterRegistry): void {
  registry.register('AWS::EC2::SecurityGroup', securityGroupView);
  registry.register('AWS::EC2::VPC', vpcView);
  registry.register('AWS::EC2::Subnet', subnetView);
  registry.register('AWS::EC2::NetworkAcl', networkAclView);
}
