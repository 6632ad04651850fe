import { Unknown } from '../../graph/values';
import type { Fact, TrafficPeer, TrafficRule } from '../kinds';
import { sourceRange, type SourceRange } from './cidr';

/** The remote end of a rule: its source for ingress, its destination for egress. */
export function remotePeer(rule: TrafficRule): TrafficPeer | undefined {
  return rule.direction === 'ingress' ? rule.source : rule.destination;
}

/** Service tags that stand for every address, and those that stand for the customer's own networks only. */
const WORLD_TAGS: ReadonlySet<string> = new Set(['*', 'Internet']);
const PRIVATE_TAGS: ReadonlySet<string> = new Set(['VirtualNetwork', 'AzureLoadBalancer']);
/**
 * Tags that stand for a provider's whole public cloud: `AzureCloud`, every public address of Azure's data centres
 * (the Azure SQL switch "allow Azure services and resources"), reached by any tenant's resources.
 */
const CLOUD_TAGS: ReadonlySet<string> = new Set(['AzureCloud']);

/**
 * The address range of a rule end, as openness rules read it: a CIDR's reach; `*` and `Internet` are the world,
 * `VirtualNetwork` and `AzureLoadBalancer` are limited, `AzureCloud` is wide (every tenant of the cloud); any other service tag is an Unknown (its reach is the
 * provider's to say, never a guess). Undefined for a group: it opens nothing to the internet by itself.
 */
export function peerRange(peer: TrafficPeer | undefined): Fact<SourceRange> | undefined {
  if (peer === undefined || 'group' in peer) return undefined;
  if ('cidr' in peer) return sourceRange(peer.cidr);
  const tag = peer.serviceTag;
  if (WORLD_TAGS.has(tag)) return { reach: 'world', family: 'any', text: tag };
  if (PRIVATE_TAGS.has(tag)) return { reach: 'limited', family: 'any', text: tag };
  if (CLOUD_TAGS.has(tag)) return { reach: 'wide', family: 'any', text: tag };
  return new Unknown(`how much of the internet service tag \`${tag}\` covers is not known`);
}

/** A rule end for a label or message: the CIDR or tag as written, `sg:<name>` for a group, `?` when unresolved. */
export function peerText(peer: TrafficPeer | undefined): string {
  if (peer === undefined) return '?';
  if ('group' in peer) return `sg:${peer.group.split('/').pop()}`;
  if ('serviceTag' in peer) return peer.serviceTag;
  return typeof peer.cidr === 'string' ? peer.cidr : '?';
}

/**
 * Whether a rule covers `port`, or with `every` every port (and whether that can be told): TCP, UDP and
 * all-protocol rules carry ports.
 */
export function coversPort(rule: TrafficRule, port: number | 'every'): Fact<boolean> {
  const protocol = rule.protocol;
  if (protocol instanceof Unknown) return protocol;
  if (!['all', '-1', 'tcp', 'udp'].includes(protocol)) return false;
  if (protocol === 'all' || protocol === '-1') return true;
  const from = rule.fromPort ?? 0;
  const to = rule.toPort ?? 65535;
  if (from instanceof Unknown) return from;
  if (to instanceof Unknown) return to;
  return port === 'every' ? from <= 1 && to >= 65535 : port >= from && port <= to;
}

/**
 * Whether a deny evaluated before `rule` closes `port` (or `every` port) to every address of the rule's remote family: an ingress
 * deny of lower priority number from the world (`0.0.0.0/0`, `::/0`, `*`, `Internet`) covering the port. A rule
 * without a priority (security groups) has nothing before it. An Unknown when an earlier rule might deny but its
 * action, priority, range or ports cannot be resolved.
 */
export function deniedBefore(
  rule: TrafficRule,
  rules: readonly TrafficRule[],
  port: number | 'every',
  family: SourceRange['family'],
): Fact<boolean> {
  const mine = rule.priority;
  if (mine === undefined || mine instanceof Unknown) return false;
  let open: Unknown | undefined;
  for (const other of rules) {
    if (other === rule || other.direction !== rule.direction || other.action === 'allow') continue;
    const p = other.priority;
    if (p === undefined) continue;
    if (typeof p === 'number' && p >= mine) continue;
    const range = peerRange(remotePeer(other));
    if (range === undefined) continue;
    if (!(range instanceof Unknown) && range.reach !== 'world') continue;
    if (!(range instanceof Unknown) && range.family !== 'any' && range.family !== family) continue;
    const covers = coversPort(other, port);
    if (covers === false) continue;
    const unresolved = [p, other.action, range, covers].find((x): x is Unknown => x instanceof Unknown);
    if (!unresolved) return true;
    open ??= unresolved;
  }
  return open ?? false;
}
