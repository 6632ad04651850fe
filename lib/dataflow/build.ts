import * as ipaddr from 'ipaddr.js';
import { LEVELS } from '../classification';
import { Unknown } from '../graph/values';
import { parseCidr, sourceRange } from '../views/common/cidr';
import { peerRange } from '../views/common/traffic';
import type {
  ClassificationFact,
  DataStoreView,
  EndpointView,
  Fact,
  LoadBalancerView,
  NetworkView,
  PlacementView,
  SubnetView,
  TrafficRule,
  View,
} from '../views/kinds';
import type { DataFlowGraph, Flow, FlowCluster, FlowNode } from './model';

/*
 * The data-flow graph of an estate, from views only: networks and their tiers (subnet views),
 * firewalls and their ingress rules (firewall views), what each firewall guards and where it runs
 * (placement views), data stores with their classification, load balancers and public endpoints.
 * No provider type is named here, so every source with adapters for these views is drawn the same way.
 */

const INTERNET = 'internet';
const UNCLASSIFIED = 'unclassified';
const UNKNOWN = 'unknown';

/** Address ranges that never reach the internet. */
const PRIVATE_RANGES: ReadonlySet<string> = new Set([
  'private',
  'loopback',
  'linkLocal',
  'uniqueLocal',
  'carrierGradeNat',
  'unspecified',
]);

/** Whether a source range is (part of) the internet; Unknown when it cannot be read. */
function fromInternet(cidr: Fact<string>): Fact<boolean> {
  const range = sourceRange(cidr);
  if (range instanceof Unknown) return range;
  if (range.reach !== 'limited') return true;
  const parsed = parseCidr(range.text);
  if (!parsed) return new Unknown(`\`${range.text}\` is not a CIDR`);
  const address = ipaddr.parse(parsed.network.slice(0, parsed.network.lastIndexOf('/')));
  return !PRIVATE_RANGES.has(address.range());
}

/** 32-bit FNV-1a of a string, in base 36: a short stable suffix that keeps sanitized ids distinct. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/** A node or cluster id: letters, digits and `_` only, from what it stands for, unique by hash. */
export function nodeId(prefix: string, key: string): string {
  const slug = key
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
  return `${prefix}_${slug}_${hash(key)}`;
}

function classificationOf(c: ClassificationFact | undefined): string {
  if (!c || c.state === 'untagged') return UNCLASSIFIED;
  return c.state === 'tagged' ? c.level : UNKNOWN;
}

/** Sensitivity rank: unclassified below every level; undefined for unknown. */
function rank(c: string | undefined): number | undefined {
  if (c === undefined || c === UNCLASSIFIED) return -1;
  const i = (LEVELS as readonly string[]).indexOf(c);
  return i < 0 ? undefined : i;
}

/** The most sensitive of several classifications; unknown wins, since it could be any level. */
function highest(cs: readonly string[]): string {
  if (cs.includes(UNKNOWN)) return UNKNOWN;
  let best = UNCLASSIFIED;
  for (const c of cs) if ((rank(c) ?? -1) > (rank(best) ?? -1)) best = c;
  return best;
}

/** `tcp/443`, `tcp/1024-65535`, `all traffic`, `icmp`; `?` for what the source could not resolve. */
function portsOf(rule: TrafficRule): string {
  const p = rule.protocol instanceof Unknown ? '?' : rule.protocol;
  if (p === 'all') return 'all traffic';
  const show = (n: Fact<number> | undefined) =>
    n === undefined ? undefined : n instanceof Unknown ? '?' : n;
  const from = show(rule.fromPort);
  const to = show(rule.toPort);
  if (from === undefined && to === undefined) return p;
  return from === to || to === undefined ? `${p}/${from}` : `${p}/${from ?? '?'}-${to}`;
}

/** Placement of a resource: the firewalls it sits behind, the tier and network it runs in. */
interface Placed {
  readonly firewalls: readonly string[];
  /** Tier cluster id or network cluster id. */
  readonly cluster?: string;
  readonly tier?: string;
  readonly unresolved: boolean;
}

/** Build the data-flow graph of a set of views. Output is sorted: the same input draws the same graph. */
export function buildDataFlowGraph(views: readonly View[]): DataFlowGraph {
  const of = <K extends View['kind']>(kind: K) =>
    views.filter((v): v is Extract<View, { kind: K }> => v.kind === kind);
  const networks = new Map(of('network').map((v) => [v.resource.address, v] as const));
  const subnets = new Map(of('subnet').map((v) => [v.resource.address, v] as const));
  const placements = new Map(of('placement').map((v) => [v.resource.address, v] as const));
  const firewalls = new Map(of('firewall').map((v) => [v.resource.address, v] as const));

  const clusters = new Map<string, FlowCluster>();
  const nodes = new Map<string, FlowNode>();
  const flows = new Map<string, { from: string; to: string; kind: Flow['kind']; ports: Set<string> }>();

  const networkCluster = (address: string): string => {
    const id = nodeId('vpc', address);
    if (!clusters.has(id)) {
      const n: NetworkView | undefined = networks.get(address);
      const cidr = n?.cidr && !(n.cidr instanceof Unknown) ? ` ${n.cidr}` : '';
      clusters.set(id, { id, kind: 'network', label: `network ${n?.name ?? address}${cidr}` });
    }
    return id;
  };
  const tierCluster = (network: string, tier: string): string => {
    const parent = networkCluster(network);
    const id = nodeId('tier', `${network}|${tier}`);
    if (!clusters.has(id)) clusters.set(id, { id, kind: 'tier', parent, tier, label: `${tier} tier` });
    return id;
  };

  /** Where a resource runs, from its placement's subnets (and its firewalls' network). */
  const place = (p: PlacementView | undefined): Placed => {
    if (!p) return { firewalls: [], unresolved: false };
    const fws = p.firewalls instanceof Unknown ? [] : [...p.firewalls];
    const subnetViews: (SubnetView | undefined)[] =
      p.subnets instanceof Unknown ? [undefined] : p.subnets.map((s) => subnets.get(s));
    const nets = new Set<string>();
    const tiers = new Set<string>();
    for (const s of subnetViews) {
      if (s?.network) nets.add(s.network);
      tiers.add(!s || s.tier === undefined || s.tier instanceof Unknown ? UNKNOWN : s.tier);
    }
    for (const f of fws) {
      const net = firewalls.get(f)?.network;
      if (net && networks.has(net)) nets.add(net);
    }
    const unresolved = p.firewalls instanceof Unknown || p.subnets instanceof Unknown;
    if (nets.size !== 1) return { firewalls: fws, unresolved };
    const [net] = [...nets];
    const tier = tiers.size === 1 ? [...tiers][0]! : tiers.size === 0 ? UNKNOWN : 'mixed';
    const cluster = tier === UNKNOWN || tier === 'mixed' ? networkCluster(net!) : tierCluster(net!, tier);
    return { firewalls: fws, cluster, tier, unresolved };
  };

  const addNode = (n: FlowNode): string => {
    if (!nodes.has(n.id)) nodes.set(n.id, n);
    return n.id;
  };
  const addFlow = (from: string, to: string, kind: Flow['kind'], ports: readonly string[]) => {
    const key = `${from}\u0000${to}\u0000${kind}`;
    let f = flows.get(key);
    if (!f) flows.set(key, (f = { from, to, kind, ports: new Set() }));
    for (const p of ports) f.ports.add(p);
  };
  const internet = () =>
    addNode({ id: INTERNET, kind: 'internet', name: 'Internet', classification: 'PUBLIC' });

  // Resources placed in networks, guarded by firewalls: stores, load balancers, compute, endpoints.
  const members = new Map<string, { node: string; classification: string; placed: Placed }[]>();
  const placeResource = (v: View, kind: FlowNode['kind'], detail: string, classification: string) => {
    const placed = place(placements.get(v.resource.address));
    const id = addNode({
      id: nodeId('r', v.resource.address),
      kind,
      name: v.name,
      detail,
      classification,
      address: v.resource.address,
      cluster: placed.cluster,
    });
    for (const f of placed.firewalls) {
      let list = members.get(f);
      if (!list) members.set(f, (list = []));
      list.push({ node: id, classification, placed });
    }
    if (placed.unresolved) {
      const u = addNode({
        id: 'unresolved',
        kind: 'unresolved',
        name: 'unresolved placement',
        classification: UNKNOWN,
      });
      addFlow(u, id, 'ingress', ['?']);
    }
    return { id, placed };
  };

  for (const v of of('data-store') as DataStoreView[])
    placeResource(v, 'data-store', v.storeType, classificationOf(v.classification));
  const balancers: { view: LoadBalancerView; id: string; placed: Placed }[] = [];
  for (const v of of('load-balancer')) {
    const t = v.loadBalancerType instanceof Unknown ? 'load balancer' : `${v.loadBalancerType} load balancer`;
    balancers.push({ view: v, ...placeResource(v, 'load-balancer', t, UNCLASSIFIED) });
  }
  for (const kind of ['function', 'virtual-machine', 'container-service'] as const) {
    for (const v of of(kind)) {
      if (placements.has(v.resource.address)) placeResource(v, 'compute', kind, UNCLASSIFIED);
    }
  }
  const publicEndpoints = (of('endpoint') as EndpointView[]).filter(
    (e) =>
      e.endpointType === 'cdn-distribution' ||
      e.endpointType === 'api-stage' ||
      e.endpointType === 'api-domain',
  );
  for (const e of publicEndpoints) {
    const { id } = placeResource(e, 'endpoint', e.endpointType, classificationOf(e.classification));
    const facing = e.internetFacing ?? (e.endpointType === 'cdn-distribution' ? true : undefined);
    if (facing === true || facing instanceof Unknown)
      addFlow(internet(), id, 'ingress', [String(e.protocol instanceof Unknown ? '?' : e.protocol)]);
  }
  // An internet-facing load balancer without a firewall of its own (network load balancers) takes
  // traffic from the internet directly; one with a firewall takes what its rules admit.
  for (const b of balancers) {
    if (b.placed.firewalls.length > 0) continue;
    const facing = b.view.internetFacing;
    if (facing === true || facing instanceof Unknown) addFlow(internet(), b.id, 'ingress', ['any listener']);
  }

  // Firewalls: in the tier of what they guard, their rules as flows from their peers.
  const fwNodes = new Map<string, { id: string }>();
  for (const fw of [...firewalls.values()].sort((a, b) => cmp(a.resource.address, b.resource.address))) {
    const guarded = members.get(fw.resource.address) ?? [];
    const clustersOf = new Set(guarded.map((m) => m.placed.cluster ?? ''));
    const network = fw.network && networks.has(fw.network) ? fw.network : undefined;
    const cluster =
      clustersOf.size === 1 && [...clustersOf][0] !== ''
        ? [...clustersOf][0]
        : network
          ? networkCluster(network)
          : undefined;
    const classification = highest(guarded.map((m) => m.classification));
    const id = addNode({
      id: nodeId('fw', fw.resource.address),
      kind: 'firewall',
      name: fw.name,
      detail: 'firewall',
      classification,
      address: fw.resource.address,
      cluster,
    });
    fwNodes.set(fw.resource.address, { id });
    for (const m of guarded) addFlow(id, m.node, 'attached', []);
  }
  for (const fw of firewalls.values()) {
    const to = fwNodes.get(fw.resource.address)!;
    for (const rule of fw.rules) {
      if (rule.direction !== 'ingress' || rule.action === 'deny') continue;
      addFlow(sourceOf(rule), to.id, 'ingress', [portsOf(rule)]);
    }
  }

  function sourceOf(rule: TrafficRule): string {
    const peer = rule.source;
    if (peer !== undefined && 'group' in peer) {
      const fw = fwNodes.get(peer.group);
      if (fw) return fw.id;
      const list = peer.group.startsWith('pl-');
      return addNode({
        id: nodeId('ext', peer.group),
        kind: 'external',
        name: peer.group,
        detail: list ? 'prefix list' : 'firewall outside the input',
        classification: UNCLASSIFIED,
      });
    }
    const range = peerRange(peer);
    const open =
      range === undefined || range instanceof Unknown
        ? range
        : peer !== undefined && 'serviceTag' in peer
          ? range.reach !== 'limited'
          : fromInternet(range.text);
    if (range === undefined || range instanceof Unknown || open === undefined || open instanceof Unknown)
      return addNode({
        id: 'unresolved',
        kind: 'unresolved',
        name: 'unresolved source',
        classification: UNKNOWN,
      });
    if (range.reach === 'world') return internet();
    return addNode({
      id: nodeId('cidr', range.text),
      kind: 'address-range',
      name: range.text,
      detail: open ? 'internet address range' : 'private address range',
      classification: open ? 'PUBLIC' : UNCLASSIFIED,
    });
  }

  // Crossings: internet into the estate, tier to tier, lower classification to higher.
  const tierOfNode = (id: string): string | undefined => {
    const n = nodes.get(id);
    if (!n?.cluster) return undefined;
    const c = clusters.get(n.cluster);
    return c?.kind === 'tier' ? c.tier : undefined;
  };
  // Every firewall is in a network (a group declared without one is in the default network).
  const inNetwork = (id: string): boolean => {
    const n = nodes.get(id);
    return n?.kind === 'firewall' || n?.cluster !== undefined;
  };
  const isInternet = (id: string) => {
    const n = nodes.get(id);
    return n?.kind === 'internet' || n?.detail === 'internet address range';
  };
  const out: Flow[] = [];
  for (const f of flows.values()) {
    const crossings: string[] = [];
    if (f.kind === 'ingress') {
      if (isInternet(f.from)) crossings.push(inNetwork(f.to) ? 'internet->vpc' : 'internet->service');
      // What could not be resolved may be the internet: never drawn as a safe flow.
      if (nodes.get(f.from)?.kind === 'unresolved') crossings.push('unresolved source');
      const a = tierOfNode(f.from);
      const b = tierOfNode(f.to);
      if (a && b && a !== b) crossings.push(`tier ${a}->${b}`);
      const ca = nodes.get(f.from)?.classification ?? UNCLASSIFIED;
      const cb = nodes.get(f.to)?.classification ?? UNCLASSIFIED;
      const ra = rank(ca);
      const rb = rank(cb);
      if (
        cb !== UNCLASSIFIED &&
        (ra === undefined || rb === undefined ? ca !== cb || cb === UNKNOWN : rb > ra)
      )
        crossings.push(`classification ${ca}->${cb}`);
    }
    out.push({ from: f.from, to: f.to, kind: f.kind, ports: [...f.ports].sort(cmp), crossings });
  }

  return {
    clusters: [...clusters.values()].sort((a, b) => cmp(a.id, b.id)),
    nodes: [...nodes.values()].sort((a, b) => cmp(a.id, b.id)),
    flows: out.sort((a, b) => cmp(a.from, b.from) || cmp(a.to, b.to) || cmp(a.kind, b.kind)),
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
