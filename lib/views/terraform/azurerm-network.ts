import type { ResourceGraph } from '../../graph/graph';
import type { Resource } from '../../graph/resource';
import {
  isAfterApply,
  ResourceRef,
  Unknown,
  asList,
  asNumber,
  asString,
  isObject,
  show,
  type Value,
  type ValueObject,
} from '../../graph/values';
import type { Fact, FirewallView, TrafficPeer, TrafficRule } from '../kinds';
import { displayName } from '../common/naming';
import type { AdapterContext, AdapterRegistry } from '../registry';

/*
 * azurerm network security groups -> firewall views. An NSG rule has what a security group rule lacks: an
 * action (`Allow`/`Deny`) and a priority (lowest first, first match decides), and it names both ends, each a
 * CIDR, a bare address, a service tag (`Internet`, `VirtualNetwork`, `*`) or application security groups.
 * Rules are declared inline (`security_rule` blocks) or as `azurerm_network_security_rule` resources naming
 * the group by `network_security_group_name` in the same resource group. Azure's default rules (virtual
 * network and load balancer in, deny all at 65500) open nothing to the internet and are not listed.
 */

type Direction = 'ingress' | 'egress';

const NSG = 'azurerm_network_security_group';
const RULE = 'azurerm_network_security_rule';

/** A plan writes an unset optional string as `""` and an unset list as `[]` or null. */
function set(v: Value | undefined): Value | undefined {
  if (v === null || v === '' || isAfterApply(v)) return undefined;
  if (Array.isArray(v) && v.length === 0) return undefined;
  return v;
}

function direction(v: Value | undefined): Fact<Direction> {
  const s = asString(v);
  if (s instanceof Unknown) return s;
  if (s?.toLowerCase() === 'inbound') return 'ingress';
  if (s?.toLowerCase() === 'outbound') return 'egress';
  return new Unknown(`rule direction is ${show(v)}`);
}

function action(v: Value | undefined): Fact<'allow' | 'deny'> {
  const s = asString(v);
  if (s instanceof Unknown) return s;
  if (s?.toLowerCase() === 'allow') return 'allow';
  if (s?.toLowerCase() === 'deny') return 'deny';
  return new Unknown(`rule access is ${show(v)}`);
}

/** `Tcp`, `Udp`, `Icmp`, `Esp`, `Ah`, or `*` for every protocol. */
function protocol(v: Value | undefined): Fact<string> {
  const s = asString(v);
  if (s instanceof Unknown) return s;
  if (s === undefined) return new Unknown('the rule names no protocol');
  return s === '*' ? 'all' : s.toLowerCase();
}

/** A port range as written (`22`, `20-25`, `*`). */
function portRange(v: Value): { fromPort?: Fact<number>; toPort?: Fact<number> } {
  const s = asString(v);
  if (s instanceof Unknown) return { fromPort: s, toPort: s };
  if (s === '*') return { fromPort: 0, toPort: 65535 };
  const m = /^\s*(\d{1,5})\s*(?:-\s*(\d{1,5})\s*)?$/.exec(s ?? '');
  if (!m) {
    const why = new Unknown(`destination port range ${show(v)}`);
    return { fromPort: why, toPort: why };
  }
  return { fromPort: Number(m[1]), toPort: Number(m[2] ?? m[1]) };
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/**
 * One end of a rule: a CIDR, a bare address (a /32 or /128), `*` or a service tag. A value that is not an
 * address and not a tag Azure documents is kept as a tag: openness rules read an unknown tag as Unknown.
 */
function peer(v: Value): TrafficPeer {
  if (v instanceof ResourceRef) return { cidr: new Unknown(`address prefix ${show(v)}`) };
  const s = asString(v);
  if (s instanceof Unknown) return { cidr: s };
  if (s === undefined) return { cidr: new Unknown('no address prefix') };
  if (s.includes('/')) return { cidr: s };
  if (IPV4.test(s)) return { cidr: `${s}/32` };
  if (s.includes(':')) return { cidr: `${s}/128` };
  return { serviceTag: s };
}

/** The ends named by a singular argument, its plural list and application security groups. */
function ends(p: ValueObject, side: 'source' | 'destination'): TrafficPeer[] | Unknown {
  const single = set(p[`${side}_address_prefix`]);
  const list = set(p[`${side}_address_prefixes`]);
  const groups = set(p[`${side}_application_security_group_ids`]);
  const out: TrafficPeer[] = [];
  for (const v of [single, list, groups]) if (v instanceof Unknown) return v;
  if (single !== undefined) out.push(peer(single));
  for (const x of asList(list)) if (set(x) !== undefined) out.push(peer(x));
  for (const g of asList(groups)) {
    const group =
      g instanceof ResourceRef
        ? g.address
        : g instanceof Unknown
          ? (g.refs[0]?.address ?? g.toString())
          : asString(g);
    if (typeof group === 'string') out.push({ group });
  }
  return out;
}

/** Port ranges of a rule: `destination_port_range` and `destination_port_ranges`. */
function ports(p: ValueObject): Value[] | Unknown {
  const single = set(p.destination_port_range);
  const list = set(p.destination_port_ranges);
  if (single instanceof Unknown) return single;
  if (list instanceof Unknown) return list;
  const out: Value[] = [];
  if (single !== undefined) out.push(single);
  for (const x of asList(list)) if (set(x) !== undefined) out.push(x);
  return out;
}

/** An unresolved rule: every part of it unknown. */
function unknownRule(why: Unknown, declaredBy: string): TrafficRule {
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
 * The traffic rules of one NSG rule: one per source, destination and port range it names. A rule that names
 * none of one of them is one Azure refuses; it is kept with that end unknown so rules see it.
 */
export function nsgRules(p: ValueObject, declaredBy: string): TrafficRule[] {
  const dir = direction(p.direction);
  // An unresolvable direction is kept as ingress: rules about ingress then see its unknowns.
  const d: Direction = dir === 'egress' ? 'egress' : 'ingress';
  const priority = asNumber(p.priority) ?? new Unknown('the rule has no priority');
  const sources = ends(p, 'source');
  const destinations = ends(p, 'destination');
  const ranges = ports(p);
  const text = set(p.description);
  const base = {
    direction: d,
    action: action(p.access),
    priority,
    protocol: dir instanceof Unknown ? dir : protocol(p.protocol),
    description: typeof text === 'string' ? text : undefined,
    declaredBy,
  };
  const none = (what: string) => new Unknown(`the rule names no ${what}`);
  const srcs: TrafficPeer[] =
    sources instanceof Unknown ? [{ cidr: sources }] : sources.length ? sources : [{ cidr: none('source') }];
  const dsts: (TrafficPeer | undefined)[] =
    destinations instanceof Unknown
      ? [{ cidr: destinations }]
      : destinations.length
        ? destinations
        : [{ cidr: none('destination') }];
  const portList = ranges instanceof Unknown ? [ranges] : ranges.length ? ranges : [none('destination port')];
  const out: TrafficRule[] = [];
  for (const source of srcs)
    for (const destination of dsts)
      for (const range of portList) {
        const pr = range instanceof Unknown ? { fromPort: range, toPort: range } : portRange(range);
        out.push({ ...base, ...pr, source, destination });
      }
  return out;
}

/**
 * The inline `security_rule` blocks of a group, but those named in `declared`: a plan of a group already in the
 * state lists its standalone rules in its computed `security_rule`, and rule names are unique in a group. A list
 * left to the provider (known only after apply) holds only standalone rules.
 */
function inlineRules(r: Resource, declared: ReadonlySet<string>): TrafficRule[] {
  const v = r.properties.security_rule;
  if (isAfterApply(v) || v === undefined || v === null) return [];
  if (v instanceof Unknown) return [unknownRule(v, r.address)];
  return asList(v)
    .filter(isObject)
    .filter((b) => !(typeof b.name === 'string' && declared.has(b.name)))
    .flatMap((b) => nsgRules(b, r.address));
}

/** Whether two resources name different resource groups (both known). */
function otherGroup(a: Resource, b: Resource): boolean {
  const x = a.properties.resource_group_name;
  const y = b.properties.resource_group_name;
  return typeof x === 'string' && typeof y === 'string' && x !== y;
}

/**
 * `azurerm_network_security_rule` resources naming the group. A rule naming the group's name in another
 * resource group belongs to another group; one whose group name is claimed by several groups of its resource
 * group is uncertain.
 */
function standaloneRules(r: Resource, graph: ResourceGraph): { rules: TrafficRule[]; names: Set<string> } {
  const found = graph.attachedBy(r.address, RULE, (x) => x.properties.network_security_group_name);
  const rules: TrafficRule[] = [];
  const names = new Set<string>();
  for (const x of found.attached) {
    if (otherGroup(r, x)) continue;
    const name = asString(x.properties.name);
    if (typeof name === 'string') names.add(name);
    rules.push(...nsgRules(x.properties, x.address));
  }
  for (const { resource, reason } of found.uncertain) {
    if (otherGroup(r, resource)) continue;
    const rivals = graph
      .ofType(NSG)
      .filter(
        (g) =>
          g !== r &&
          !otherGroup(g, resource) &&
          g.properties.name === resource.properties.network_security_group_name,
      );
    if (rivals.length === 0) rules.push(...nsgRules(resource.properties, resource.address));
    else rules.push(unknownRule(reason, resource.address));
  }
  return { rules, names };
}

/**
 * `azurerm_network_security_group` -> firewall: its inline `security_rule` blocks and the
 * `azurerm_network_security_rule` resources attached to it.
 */
export function networkSecurityGroupView(r: Resource, ctx: AdapterContext): FirewallView {
  const standalone = standaloneRules(r, ctx.graph);
  return {
    kind: 'firewall',
    resource: r,
    name: displayName(r),
    rules: [...inlineRules(r, standalone.names), ...standalone.rules],
    isDefault: false,
  };
}

/** Network security groups of the azurerm provider (their standalone rules are read through them). */
export function registerAzurermNetwork(registry: AdapterRegistry): void {
  registry.register('terraform', NSG, networkSecurityGroupView);
}
