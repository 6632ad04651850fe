import * as ipaddr from 'ipaddr.js';
import { Unknown } from '../../graph/values';
import type { Fact } from '../kinds';

/** An address range parsed from CIDR notation. */
export interface Cidr {
  readonly family: 'ipv4' | 'ipv6';
  /** Prefix length: 0 (every address) to 32 (IPv4) or 128 (IPv6). */
  readonly prefix: number;
  /** The network in canonical form, host bits cleared: `192.168.1.0/0` -> `0.0.0.0/0`. */
  readonly network: string;
}

/**
 * Parse an IPv4 or IPv6 CIDR (`10.0.0.0/16`, `2001:db8::/32`). Returns undefined for anything else:
 * a bare address, a prefix longer than the family allows, IPv4 parts that are not plain decimal
 * (`010.0.0.0/8` means 8.0.0.0 to some parsers and 10.0.0.0 to others), surrounding spaces.
 */
export function parseCidr(text: string): Cidr | undefined {
  const slash = text.lastIndexOf('/');
  if (slash < 0 || !/^\d{1,3}$/.test(text.slice(slash + 1))) return undefined;
  const address = text.slice(0, slash);
  let parsed: [ipaddr.IPv4 | ipaddr.IPv6, number];
  try {
    parsed = ipaddr.parseCIDR(text);
  } catch {
    return undefined;
  }
  const [addr, prefix] = parsed;
  if (addr.kind() === 'ipv4' && !ipaddr.IPv4.isValidFourPartDecimal(address)) return undefined;
  const family = addr.kind() === 'ipv4' ? 'ipv4' : 'ipv6';
  const network =
    addr.kind() === 'ipv4'
      ? ipaddr.IPv4.networkAddressFromCIDR(text).toString()
      : ipaddr.IPv6.networkAddressFromCIDR(text).toString();
  return { family, prefix, network: `${network}/${prefix}` };
}

/**
 * Prefix lengths below which a range counts as a wide slice of the internet: no single network is
 * allocated an IPv4 block wider than a /8 (10.0.0.0/8, the widest private block, is one), nor an
 * IPv6 block wider than a /16 (regional registries receive /12s from IANA to share among many networks).
 * `0.0.0.0/1` plus `128.0.0.0/1` is the classic way to open everything past a check for `0.0.0.0/0`.
 */
export const WIDE_PREFIX: Readonly<Record<Cidr['family'], number>> = { ipv4: 8, ipv6: 16 };

/** IPv6 ranges that never reach the internet: unique local (`fc00::/7`) and link local (`fe80::/10`). */
const IPV6_PRIVATE: readonly [ipaddr.IPv6, number][] = [
  ipaddr.IPv6.parseCIDR('fc00::/7'),
  ipaddr.IPv6.parseCIDR('fe80::/10'),
];

/**
 * How much of the internet a source range admits:
 * - `world`: every address of its family (any `/0`, whatever host bits are written), or a
 *   provider's name for everyone (`*`, Azure's `Internet` service tag);
 * - `wide`: a prefix shorter than {@link WIDE_PREFIX} that is not private address space;
 * - `limited`: anything narrower.
 */
export type Reach = 'world' | 'wide' | 'limited';

export interface SourceRange {
  readonly reach: Reach;
  /** `any` for provider names that stand for every address of both families. */
  readonly family: Cidr['family'] | 'any';
  /** The range as written. */
  readonly text: string;
}

/** Names some providers use for "every address" in place of a CIDR. */
const EVERYONE: ReadonlySet<string> = new Set(['*', 'Internet']);

/**
 * The reach of a source range as a rule reads it: a CIDR, or an IPv4 range `start-end`, which reaches as far as
 * the widest block it covers (`0.0.0.0-255.255.255.255` is the world). An unresolved value stays unknown; so does a
 * string that is not a CIDR (never a pass: EC2 and NSGs reject it, and a check cannot tell what it
 * would have meant).
 */
export function sourceRange(cidr: Fact<string>): Fact<SourceRange> {
  if (cidr instanceof Unknown) return cidr;
  // Estates repeat a few ranges thousands of times: each is parsed once (results are never mutated).
  let hit = RANGES.get(cidr);
  if (hit === undefined) {
    if (RANGES.size >= MAX_CACHED) RANGES.clear();
    RANGES.set(cidr, (hit = rangeOf(cidr)));
  }
  return hit;
}

const RANGES = new Map<string, Fact<SourceRange>>();
const MAX_CACHED = 10_000;

function rangeOf(cidr: string): Fact<SourceRange> {
  if (EVERYONE.has(cidr)) return { reach: 'world', family: 'any', text: cidr };
  const span = parseIpv4Range(cidr);
  if (span) {
    // A range reaches as far as the widest block it covers.
    const widest = Math.min(...ipv4RangeToCidrs(span[0], span[1]).map((c) => c.prefix));
    return { reach: reachOf({ family: 'ipv4', prefix: widest, network: '' }), family: 'ipv4', text: cidr };
  }
  const parsed = parseCidr(cidr);
  if (!parsed) return new Unknown(`\`${cidr}\` is not an IPv4 or IPv6 CIDR`);
  return { reach: reachOf(parsed), family: parsed.family, text: cidr };
}

function reachOf(c: Cidr): Reach {
  if (c.prefix === 0) return 'world';
  if (c.prefix >= WIDE_PREFIX[c.family]) return 'limited';
  if (c.family === 'ipv6') {
    const addr = ipaddr.IPv6.parse(c.network.slice(0, c.network.lastIndexOf('/')));
    if (IPV6_PRIVATE.some(([net, bits]) => c.prefix >= bits && addr.match(net, bits))) return 'limited';
  }
  return 'wide';
}

/** An IPv4 address in dotted decimal as a number, or undefined. */
export function parseIpv4(text: string): number | undefined {
  if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(text) || !ipaddr.IPv4.isValidFourPartDecimal(text)) return undefined;
  return ipaddr.IPv4.parse(text)
    .toByteArray()
    .reduce((n, b) => n * 256 + b, 0);
}

/** An IPv4 range written `start-end` (Azure SQL firewall rules), as numbers; undefined for anything else. */
export function parseIpv4Range(text: string): [number, number] | undefined {
  const dash = text.indexOf('-');
  if (dash < 0) return undefined;
  const start = parseIpv4(text.slice(0, dash));
  const end = parseIpv4(text.slice(dash + 1));
  return start === undefined || end === undefined || end < start ? undefined : [start, end];
}

/** The fewest CIDR blocks that cover exactly the IPv4 addresses `start` to `end`. */
export function ipv4RangeToCidrs(
  start: number,
  end: number,
): { readonly address: number; readonly prefix: number }[] {
  const out: { address: number; prefix: number }[] = [];
  let at = start;
  while (at <= end) {
    let prefix = 32;
    while (prefix > 0) {
      const size = 2 ** (33 - prefix);
      if (at % size !== 0 || at + size - 1 > end) break;
      prefix--;
    }
    out.push({ address: at, prefix });
    at += 2 ** (32 - prefix);
  }
  return out;
}

/** Whether a range is one of the canonical spellings of everyone (`0.0.0.0/0`, `::/0`, `*`). */
export function isCanonicalWorld(text: string): boolean {
  return text === '0.0.0.0/0' || text === '::/0' || EVERYONE.has(text);
}

/** A range for a message: the text as written, and what it means when the spelling hides it. */
export function describeRange(range: SourceRange): string {
  if (range.reach === 'world')
    return isCanonicalWorld(range.text) ? range.text : `${range.text} (every address)`;
  if (range.reach === 'wide' && range.family === 'any')
    return `${range.text} (every address of the cloud provider, whoever's resource it is)`;
  if (range.reach === 'wide')
    return `${range.text} (wider than /${WIDE_PREFIX[range.family === 'ipv6' ? 'ipv6' : 'ipv4']}, much of the internet)`;
  return range.text;
}
