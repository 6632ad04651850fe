import type { ResourceGraph } from '../../graph/graph';
import type { Resource } from '../../graph/resource';
import {
  isAfterApply,
  ResourceRef,
  Unknown,
  asBool,
  asList,
  asNumber,
  asString,
  isObject,
  show,
  type Value,
  type ValueObject,
} from '../../graph/values';
import type {
  Fact,
  FirewallView,
  NetworkAclView,
  NetworkView,
  RouteTableView,
  SubnetTier,
  SubnetView,
  TrafficPeer,
  TrafficRule,
} from '../kinds';
import { normaliseProtocol } from '../common/network';
import { displayName } from '../common/naming';
import type { AdapterContext, AdapterRegistry } from '../registry';

/*
 * AWS provider network resources -> firewall, network, subnet, network-acl and route-table views,
 * the same views the CloudFormation adapters derive. Blocks are lists of objects in plans and an
 * object or a list in `cdk.tf.json`; both are read. A split resource configures its parent by
 * reference (`security_group_id = aws_security_group.web.id`) or by a value only the parent claims;
 * a value several parents claim makes the fact unknown.
 */

type Direction = 'ingress' | 'egress';

type AclEntry = NetworkAclView['entries'][number];
type Route = RouteTableView['routes'][number];

/** A string argument, with the empty string a plan writes for an unset optional argument read as unset. */
function set(v: Value | undefined): Value | undefined {
  if (v === null || v === '') return undefined;
  if (Array.isArray(v) && v.length === 0) return undefined;
  return v;
}

/**
 * Address of the resource a value references, else the value as written (an id), else undefined. An
 * unresolved value without a reference is rendered (a peer) or, for a `network`, left out.
 */
function nameOf(v: Value | undefined, unresolved: 'render' | 'omit' = 'render'): string | undefined {
  if (v instanceof ResourceRef) return v.address;
  if (v instanceof Unknown) return v.refs[0]?.address ?? (unresolved === 'render' ? v.toString() : undefined);
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/**
 * The entries of an inline block list. A whole list known only after apply is one the configuration
 * leaves unset: the provider computes it from the standalone rule resources (which are read on their
 * own), so it adds no inline entry. Any other unresolved list is returned as is, for one entry of
 * unknown shape.
 */
function blocks(v: Value | undefined): ValueObject[] | Unknown {
  if (isAfterApply(v)) return [];
  if (v instanceof Unknown) return v;
  return asList(v).filter(isObject);
}

function port(v: Value | undefined): Fact<number> | undefined {
  const n = asNumber(v);
  return n === undefined || n === -1 ? undefined : n;
}

function description(v: Value | undefined): string | undefined {
  const s = asString(set(v));
  return s instanceof Unknown ? s.toString() : s;
}

/** Entries of a list argument (`cidr_blocks`): each a string, a reference or an unknown; an unresolved list is one unknown. */
function entries(v: Value | undefined): Value[] {
  if (v instanceof Unknown) return [v];
  return asList(set(v)).filter((x) => set(x) !== undefined);
}

/** A rule's remote end placed by direction: the source of an ingress rule, the destination of an egress rule. */
function remoteEnd(direction: Direction, peer: TrafficPeer): Pick<TrafficRule, 'source' | 'destination'> {
  return direction === 'ingress' ? { source: peer } : { destination: peer };
}

/** An unresolved rule: every part of it unknown. */
function unknownRule(direction: Direction, why: Unknown, declaredBy: string): TrafficRule {
  return {
    direction,
    action: 'allow',
    protocol: why,
    fromPort: why,
    toPort: why,
    ...remoteEnd(direction, { cidr: why }),
    declaredBy,
  };
}

/**
 * The traffic rules of one rule as the provider writes it: one per address range or peer it names
 * (`cidr_blocks`, `ipv6_cidr_blocks` or `cidr_ipv4`/`cidr_ipv6`, security groups, prefix lists, `self`).
 */
function trafficRules(
  p: ValueObject,
  direction: Direction,
  declaredBy: string,
  selfGroup: string | undefined,
): TrafficRule[] {
  const protocol = normaliseProtocol(p.protocol ?? p.ip_protocol);
  const all = protocol === 'all';
  const base = {
    direction,
    action: 'allow' as const,
    protocol,
    fromPort: all ? undefined : port(p.from_port),
    toPort: all ? undefined : port(p.to_port),
    description: description(p.description),
    declaredBy,
  };
  const out: TrafficRule[] = [];
  for (const c of [
    ...entries(p.cidr_blocks),
    ...entries(p.ipv6_cidr_blocks),
    ...entries(p.cidr_ipv4),
    ...entries(p.cidr_ipv6),
  ]) {
    const cidr = asString(c);
    out.push({ ...base, ...remoteEnd(direction, { cidr: cidr ?? new Unknown(`address range ${show(c)}`) }) });
  }
  for (const peer of [
    ...entries(p.security_groups),
    ...entries(p.source_security_group_id),
    ...entries(p.referenced_security_group_id),
    ...entries(p.prefix_list_ids),
    ...entries(p.prefix_list_id),
  ]) {
    const group = nameOf(peer);
    out.push(group === undefined ? base : { ...base, ...remoteEnd(direction, { group }) });
  }
  if (asBool(p.self) === true) out.push({ ...base, ...remoteEnd(direction, { group: selfGroup ?? 'self' }) });
  // A rule that names no source or destination is one Terraform refuses; keep it so rules see it.
  if (out.length === 0)
    out.push({
      ...base,
      ...remoteEnd(direction, {
        cidr: new Unknown(`rule names no ${direction === 'ingress' ? 'source' : 'destination'}`),
      }),
    });
  return out;
}

/** Inline `ingress`/`egress` blocks of a group or its default. */
function inlineRules(r: Resource, direction: Direction): TrafficRule[] {
  const list = blocks(r.properties[direction]);
  if (list instanceof Unknown) return [unknownRule(direction, list, r.address)];
  return list.flatMap((b) => trafficRules(b, direction, r.address, r.address));
}

/** Standalone rule resources attached to a group, by reference or by value. */
function standaloneRules(r: Resource, graph: ResourceGraph): TrafficRule[] {
  const out: TrafficRule[] = [];
  const groupOf = (x: Resource) => x.properties.security_group_id;
  const legacy = graph.attachedBy(r.address, 'aws_security_group_rule', groupOf);
  for (const x of legacy.attached) {
    const type = asString(x.properties.type);
    if (type instanceof Unknown || (type !== 'ingress' && type !== 'egress')) {
      const why = type instanceof Unknown ? type : new Unknown(`rule type is ${show(x.properties.type)}`);
      out.push(unknownRule('ingress', why, x.address));
      continue;
    }
    out.push(...trafficRules(x.properties, type, x.address, r.address));
  }
  for (const { resource, reason } of legacy.uncertain)
    out.push(unknownRule('ingress', reason, resource.address));
  for (const [type, direction] of [
    ['aws_vpc_security_group_ingress_rule', 'ingress'],
    ['aws_vpc_security_group_egress_rule', 'egress'],
  ] as const) {
    const found = graph.attachedBy(r.address, type, groupOf);
    for (const x of found.attached) out.push(...trafficRules(x.properties, direction, x.address, r.address));
    for (const { resource, reason } of found.uncertain)
      out.push(unknownRule(direction, reason, resource.address));
  }
  return out;
}

function ruleKey(x: TrafficRule): string {
  const remote = x.source ?? x.destination;
  const end =
    remote === undefined
      ? undefined
      : 'cidr' in remote
        ? remote.cidr
        : 'group' in remote
          ? `group:${remote.group}`
          : `tag:${remote.serviceTag}`;
  return [x.direction, x.protocol, x.fromPort, x.toPort, end].map((v) => show(v as Value)).join('|');
}

/**
 * Inline and standalone rules together, without the inline entries that repeat a standalone rule: a
 * plan of a group already in the state lists, in its computed `ingress`/`egress`, the rules its
 * `aws_security_group_rule` resources created. EC2 refuses two identical rules in a group, so an
 * identical entry is the same rule.
 */
function withoutEchoes(inline: readonly TrafficRule[], standalone: readonly TrafficRule[]): TrafficRule[] {
  const declared = new Set(standalone.map(ruleKey));
  return [...inline.filter((x) => !declared.has(ruleKey(x))), ...standalone];
}

/**
 * `aws_security_group` -> firewall: its inline `ingress`/`egress` blocks and the
 * `aws_security_group_rule` and `aws_vpc_security_group_ingress_rule`/`_egress_rule` resources
 * attached to it. The provider removes the allow-all egress rule EC2 adds to a new group, so a group
 * declares every egress rule it has.
 */
export function securityGroupView(r: Resource, ctx: AdapterContext): FirewallView {
  return {
    kind: 'firewall',
    resource: r,
    name: displayName(r),
    rules: withoutEchoes(
      [...inlineRules(r, 'ingress'), ...inlineRules(r, 'egress')],
      standaloneRules(r, ctx.graph),
    ),
    isDefault: false,
    network: nameOf(r.properties.vpc_id, 'omit'),
  };
}

/**
 * `aws_default_security_group` -> firewall (the network's default group): the provider removes every
 * rule the resource does not declare, so its rules are the declared ones.
 */
export function defaultSecurityGroupView(r: Resource, ctx: AdapterContext): FirewallView {
  return { ...securityGroupView(r, ctx), isDefault: true };
}

/**
 * Whether the network's default security group is stripped of its rules: an
 * `aws_default_security_group` naming the VPC that declares no rule. Without one the group keeps
 * EC2's rules (all traffic from members, all egress).
 */
function defaultGroupRestricted(r: Resource, ctx: AdapterContext): Fact<boolean> {
  const found = ctx.graph.attachedBy(r.address, 'aws_default_security_group', (g) => g.properties.vpc_id);
  if (found.attached.length === 0 && found.uncertain.length > 0) return found.uncertain[0]!.reason;
  if (found.attached.length === 0) return false;
  if (found.attached.length > 1)
    return new Unknown(
      `several default security groups name the network: ${found.attached.map((g) => `\`${g.address}\``).join(', ')}`,
    );
  const rules = defaultSecurityGroupView(found.attached[0]!, ctx).rules;
  if (rules.length === 0) return true;
  // A rule whose every part is unresolved may be none at all; any other rule leaves the group open.
  const unresolvedEnd = (x: TrafficRule): boolean => {
    const remote = x.source ?? x.destination;
    return remote !== undefined && 'cidr' in remote && remote.cidr instanceof Unknown;
  };
  const known = rules.find((x) => !(x.protocol instanceof Unknown && unresolvedEnd(x)));
  return known ? false : (rules[0]!.protocol as Unknown);
}

/**
 * `aws_vpc` -> network: the `aws_flow_log` resources whose `vpc_id` names it, whether an
 * `aws_default_security_group` strips its default group, and whether a Route 53 Resolver query log
 * configuration is associated with it.
 */
export function vpcView(r: Resource, ctx: AdapterContext): NetworkView {
  const logs = ctx.graph.attachedBy(r.address, 'aws_flow_log', (f) => f.properties.vpc_id);
  const flowLogs = [
    ...logs.attached.map((f) => {
      const t = asString(f.properties.traffic_type);
      return {
        address: f.address,
        trafficType: t === undefined ? new Unknown('flow log declares no `traffic_type`') : t,
      };
    }),
    ...logs.uncertain.map(({ resource, reason }) => ({ address: resource.address, trafficType: reason })),
  ];
  const dns = ctx.graph.attachedBy(
    r.address,
    'aws_route53_resolver_query_log_config_association',
    (a) => a.properties.resource_id,
  );
  return {
    kind: 'network',
    resource: r,
    name: displayName(r),
    flowLogs,
    cidr: asString(r.properties.cidr_block),
    defaultSecurityGroupRestricted: defaultGroupRestricted(r, ctx),
    dnsQueryLogging:
      dns.attached.length > 0 ? true : dns.uncertain.length > 0 ? dns.uncertain[0]!.reason : false,
  };
}

const DEFAULT_ROUTES: ReadonlySet<string> = new Set(['0.0.0.0/0', '::/0']);

/** Route arguments (inline block and `aws_route`) and what each sends traffic to. */
const ROUTE_TARGETS: readonly [string, Route['via']][] = [
  ['vpc_peering_connection_id', 'peering'],
  ['gateway_id', 'internet-gateway'],
  ['egress_only_gateway_id', 'internet-gateway'],
  ['nat_gateway_id', 'nat'],
  ['transit_gateway_id', 'transit-gateway'],
  ['vpc_endpoint_id', 'endpoint'],
];

interface RouteEntry {
  readonly p: ValueObject;
  readonly declaredBy: Resource;
}

/** The routes of a route table: its inline `route` blocks and the `aws_route` resources naming it. */
function routesOf(table: Resource, graph: ResourceGraph): RouteEntry[] | Unknown {
  const inline = blocks(table.properties.route);
  if (inline instanceof Unknown) return inline;
  const found = graph.attachedBy(table.address, 'aws_route', (x) => x.properties.route_table_id);
  if (found.uncertain.length > 0) return found.uncertain[0]!.reason;
  return [
    ...inline.map((p) => ({ p, declaredBy: table })),
    ...found.attached.map((x) => ({ p: x.properties, declaredBy: x })),
  ];
}

function destinationOf(p: ValueObject): Value | undefined {
  return (
    set(p.cidr_block) ??
    set(p.destination_cidr_block) ??
    set(p.ipv6_cidr_block) ??
    set(p.destination_ipv6_cidr_block) ??
    set(p.destination_prefix_list_id)
  );
}

/** `aws_route_table` and `aws_default_route_table` -> route table, with its inline routes and the `aws_route` resources naming it. */
export function routeTableView(r: Resource, ctx: AdapterContext): RouteTableView {
  const found = routesOf(r, ctx.graph);
  const routes: Route[] =
    found instanceof Unknown
      ? [{ destination: found, via: 'other', declaredBy: r.address }]
      : found.map(({ p, declaredBy }) => ({
          destination: asString(destinationOf(p)) ?? new Unknown('route declares no destination'),
          via: ROUTE_TARGETS.find(([arg]) => set(p[arg]) !== undefined)?.[1] ?? 'other',
          declaredBy: declaredBy.address,
        }));
  return { kind: 'route-table', resource: r, name: displayName(r), routes };
}

/** Where a default route sends traffic: an internet gateway, elsewhere, or unknown. */
function routeExit(
  p: ValueObject,
  holder: Resource,
  graph: ResourceGraph,
): 'internet' | 'elsewhere' | Unknown {
  const gateway = set(p.gateway_id);
  if (gateway === undefined) {
    const other = ROUTE_TARGETS.find(([arg]) => set(p[arg]) !== undefined);
    return other ? 'elsewhere' : new Unknown(`route of \`${holder.address}\` names no target`);
  }
  const target = graph.target(gateway, holder, ['aws_internet_gateway', 'aws_vpn_gateway']);
  if (target instanceof Unknown) return target;
  if (target) return target.type === 'aws_internet_gateway' ? 'internet' : 'elsewhere';
  const id = asString(gateway);
  if (id instanceof Unknown) return id;
  if (id?.startsWith('igw-')) return 'internet';
  if (id?.startsWith('vgw-') || id === 'local') return 'elsewhere';
  return new Unknown(`route of \`${holder.address}\` goes to gateway ${show(gateway)}`);
}

const ROUTE_TABLES = ['aws_route_table', 'aws_default_route_table'];

/**
 * The routes of a network's main route table, for a subnet associated with no table: the table an
 * `aws_main_route_table_association` makes main, else the `aws_default_route_table` adopting the
 * network's original main table, else that original table as AWS creates it (the local route only)
 * with the `aws_route` resources naming it (`main_route_table_id` / `default_route_table_id` of
 * the `aws_vpc`). A network outside the configuration has a main table the configuration cannot see.
 */
function mainRoutes(subnet: Resource, graph: ResourceGraph): RouteEntry[] | Unknown {
  const vpc = graph.target(subnet.properties.vpc_id, subnet, 'aws_vpc');
  if (vpc instanceof Unknown) return vpc;
  if (!vpc)
    return new Unknown(
      'no route table is associated with the subnet, and its network (whose main route table applies) is not in the configuration',
    );
  const chosen = graph.attachedBy(
    vpc.address,
    'aws_main_route_table_association',
    (a) => a.properties.vpc_id,
  );
  if (chosen.uncertain.length > 0) return chosen.uncertain[0]!.reason;
  if (chosen.attached.length > 1)
    return new Unknown(`several main route table associations name the network \`${vpc.address}\``);
  const association = chosen.attached[0];
  if (association) {
    const table = graph.target(association.properties.route_table_id, association, ROUTE_TABLES);
    if (table instanceof Unknown) return table;
    if (!table)
      return new Unknown(
        `main route table ${show(association.properties.route_table_id)} is not in the configuration`,
      );
    return routesOf(table, graph);
  }
  const adopted = graph.attachedBy(
    vpc.address,
    'aws_default_route_table',
    (t) => t.properties.default_route_table_id,
  );
  if (adopted.uncertain.length > 0) return adopted.uncertain[0]!.reason;
  if (adopted.attached.length > 0) return routesOf(adopted.attached[0]!, graph);
  const added = graph.attachedBy(vpc.address, 'aws_route', (x) => x.properties.route_table_id);
  if (added.uncertain.length > 0) return added.uncertain[0]!.reason;
  return added.attached.map((x) => ({ p: x.properties, declaredBy: x }));
}

/**
 * A subnet's tier from the route tables associated with it (`aws_route_table_association`), or
 * without one from its network's main route table: a default route to an internet gateway makes it
 * public, any other default route private, none isolated.
 */
function subnetTier(r: Resource, graph: ResourceGraph): Fact<SubnetTier> {
  const found = graph.attachedBy(r.address, 'aws_route_table_association', (a) => a.properties.subnet_id);
  if (found.uncertain.length > 0) return found.uncertain[0]!.reason;
  const tables: (RouteEntry[] | Unknown)[] = [];
  if (found.attached.length === 0) tables.push(mainRoutes(r, graph));
  for (const a of found.attached) {
    const table = graph.target(a.properties.route_table_id, a, ROUTE_TABLES);
    if (table instanceof Unknown) return table;
    if (!table)
      return new Unknown(`route table ${show(a.properties.route_table_id)} is not in the configuration`);
    tables.push(routesOf(table, graph));
  }
  let tier: SubnetTier = 'isolated';
  for (const routes of tables) {
    if (routes instanceof Unknown) return routes;
    for (const { p, declaredBy } of routes) {
      const dest = asString(destinationOf(p));
      if (dest instanceof Unknown) return dest;
      if (dest === undefined || !DEFAULT_ROUTES.has(dest)) continue;
      const exit = routeExit(p, declaredBy, graph);
      if (exit instanceof Unknown) return exit;
      if (exit === 'internet') return 'public';
      tier = 'private';
    }
  }
  return tier;
}

/** `aws_subnet` -> subnet. `map_public_ip_on_launch` defaults to false. */
export function subnetView(r: Resource, ctx: AdapterContext): SubnetView {
  return {
    kind: 'subnet',
    resource: r,
    name: displayName(r),
    mapPublicIpOnLaunch: asBool(r.properties.map_public_ip_on_launch) ?? false,
    network: nameOf(r.properties.vpc_id, 'omit'),
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

/** One network ACL entry, inline (`rule_no`, `action`) or an `aws_network_acl_rule` (`rule_number`, `rule_action`). */
function aclEntry(p: ValueObject, direction: Fact<Direction>, declaredBy: string): AclEntry {
  const protocol = normaliseProtocol(p.protocol);
  const ranged = protocol === 'tcp' || protocol === 'udp' || protocol instanceof Unknown;
  const cidr = set(p.cidr_block) ?? set(p.ipv6_cidr_block);
  const ruleNumber = asNumber(p.rule_no ?? p.rule_number);
  const range = cidr === undefined ? undefined : (asString(cidr) ?? undefined);
  // An unresolvable direction is kept as ingress: rules about ingress then see its unknowns.
  const dir: Direction = direction === 'egress' ? 'egress' : 'ingress';
  return {
    direction: dir,
    action: aclAction(p.action ?? p.rule_action),
    priority: ruleNumber ?? new Unknown('network ACL entry has no rule number'),
    protocol: direction instanceof Unknown ? direction : protocol,
    fromPort: ranged ? port(p.from_port) : undefined,
    toPort: ranged ? port(p.to_port) : undefined,
    ...(range === undefined ? {} : remoteEnd(dir, { cidr: range })),
    declaredBy,
  };
}

function unknownEntry(why: Unknown, declaredBy: string): AclEntry {
  return {
    direction: 'ingress',
    action: why,
    priority: why,
    protocol: why,
    fromPort: why,
    toPort: why,
    source: { cidr: why },
    declaredBy,
  };
}

/**
 * `aws_network_acl` and `aws_default_network_acl` -> network ACL: inline `ingress`/`egress` blocks
 * and the `aws_network_acl_rule` resources whose `network_acl_id` names it.
 */
export function networkAclView(r: Resource, ctx: AdapterContext): NetworkAclView {
  const out: AclEntry[] = [];
  for (const direction of ['ingress', 'egress'] as const) {
    const list = blocks(r.properties[direction]);
    if (list instanceof Unknown) out.push(unknownEntry(list, r.address));
    else for (const b of list) out.push(aclEntry(b, direction, r.address));
  }
  const found = ctx.graph.attachedBy(r.address, 'aws_network_acl_rule', (x) => x.properties.network_acl_id);
  for (const x of found.attached) {
    const egress = asBool(x.properties.egress) ?? false;
    out.push(
      aclEntry(x.properties, egress instanceof Unknown ? egress : egress ? 'egress' : 'ingress', x.address),
    );
  }
  for (const { resource, reason } of found.uncertain) out.push(unknownEntry(reason, resource.address));
  return { kind: 'network-acl', resource: r, name: displayName(r), entries: out };
}

/**
 * Security groups (and their rule resources), VPCs (with flow logs), subnets (with their route
 * tables), network ACLs and route tables of the AWS provider.
 */
export function registerNetwork(registry: AdapterRegistry): void {
  registry.register('terraform', 'aws_security_group', securityGroupView);
  registry.register('terraform', 'aws_default_security_group', defaultSecurityGroupView);
  registry.register('terraform', 'aws_vpc', vpcView);
  registry.register('terraform', 'aws_subnet', subnetView);
  registry.register('terraform', ['aws_network_acl', 'aws_default_network_acl'], networkAclView);
  registry.register('terraform', ROUTE_TABLES, routeTableView);
}
