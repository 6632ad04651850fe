import { ResourceRef, Unknown, asList, asNumber, asString, show, type Value } from '../../graph/values';
import type { Fact, TrafficPeer, TrafficRule } from '../kinds';

/*
 * Azure network security group rules -> traffic rules, whatever grammar wrote them (ARM's camelCase, read by the
 * Pulumi azure-native adapters). An NSG rule has an action (`Allow`/`Deny`) and a priority (lowest first, first match
 * decides), and names both ends, each a CIDR, a bare address, a service tag (`Internet`, `VirtualNetwork`, `*`) or
 * application security groups. Azure's default rules (virtual network and load balancer in, deny all at 65500) open
 * nothing to the internet and are not listed.
 */

/** One NSG rule's fields, as ARM names them. Unset fields are undefined. */
export interface NsgRuleFields {
  readonly direction?: Value;
  readonly access?: Value;
  readonly priority?: Value;
  readonly protocol?: Value;
  readonly sourceAddressPrefix?: Value;
  readonly sourceAddressPrefixes?: Value;
  /** Application security groups: `[{ id }]`. */
  readonly sourceApplicationSecurityGroups?: Value;
  readonly destinationAddressPrefix?: Value;
  readonly destinationAddressPrefixes?: Value;
  readonly destinationApplicationSecurityGroups?: Value;
  readonly destinationPortRange?: Value;
  readonly destinationPortRanges?: Value;
  readonly description?: Value;
}

type Direction = 'ingress' | 'egress';

/** An unset optional value: absent, null, `""` or an empty list. */
function set(v: Value | undefined): Value | undefined {
  if (v === null || v === '') return undefined;
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
function portRange(v: Value): { fromPort: Fact<number>; toPort: Fact<number> } {
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
 * One end of a rule: a CIDR, a bare address (a /32 or /128), `*` or a service tag. A value that is not an address is
 * kept as a tag: openness rules read a tag they do not know as Unknown.
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

/** An application security group as a group peer: the graph address it references, else its id as written. */
function groupPeer(g: Value): TrafficPeer | undefined {
  const id =
    g !== null &&
    typeof g === 'object' &&
    !Array.isArray(g) &&
    !(g instanceof ResourceRef) &&
    !(g instanceof Unknown)
      ? g.id
      : g;
  if (id instanceof ResourceRef) return { group: id.address };
  if (id instanceof Unknown) return { group: id.refs[0]?.address ?? id.toString() };
  return typeof id === 'string' ? { group: id } : undefined;
}

/** The ends named by the singular prefix, the plural list and application security groups. */
function ends(
  single: Value | undefined,
  list: Value | undefined,
  groups: Value | undefined,
): TrafficPeer[] | Unknown {
  const s = set(single);
  const l = set(list);
  const g = set(groups);
  for (const v of [s, l, g]) if (v instanceof Unknown) return v;
  const out: TrafficPeer[] = [];
  if (s !== undefined) out.push(peer(s));
  for (const x of asList(l)) if (set(x) !== undefined) out.push(peer(x));
  for (const x of asList(g)) {
    const p = groupPeer(x);
    if (p) out.push(p);
  }
  return out;
}

/** An unresolved rule: every part of it unknown, read as ingress so openness rules see it. */
export function unknownNsgRule(why: Unknown, declaredBy: string): TrafficRule {
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
 * The traffic rules of one NSG rule: one per source, destination and port range it names. A rule that names none of
 * one of them is one Azure refuses; it is kept with that end unknown so rules see it.
 */
export function nsgRules(p: NsgRuleFields, declaredBy: string): TrafficRule[] {
  const dir = direction(p.direction);
  // An unresolvable direction is kept as ingress: rules about ingress then see its unknowns.
  const d: Direction = dir === 'egress' ? 'egress' : 'ingress';
  const priority = asNumber(p.priority) ?? new Unknown('the rule has no priority');
  const sources = ends(p.sourceAddressPrefix, p.sourceAddressPrefixes, p.sourceApplicationSecurityGroups);
  const destinations = ends(
    p.destinationAddressPrefix,
    p.destinationAddressPrefixes,
    p.destinationApplicationSecurityGroups,
  );
  const single = set(p.destinationPortRange);
  const list = set(p.destinationPortRanges);
  const ranges: Value[] | Unknown =
    single instanceof Unknown
      ? single
      : list instanceof Unknown
        ? list
        : [...(single === undefined ? [] : [single]), ...asList(list).filter((x) => set(x) !== undefined)];
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
  const dsts: TrafficPeer[] =
    destinations instanceof Unknown
      ? [{ cidr: destinations }]
      : destinations.length
        ? destinations
        : [{ cidr: none('destination') }];
  const portList: Value[] =
    ranges instanceof Unknown ? [ranges] : ranges.length ? ranges : [none('destination port')];
  const out: TrafficRule[] = [];
  for (const source of srcs)
    for (const destination of dsts)
      for (const range of portList) out.push({ ...base, ...portRange(range), source, destination });
  return out;
}
