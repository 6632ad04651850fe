import { Unknown, asString, type Value } from '../../graph/values';
import type { Fact } from '../kinds';

/* Network facts shared by the adapters of every source. */

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
  const key = s.toLowerCase();
  return Object.hasOwn(PROTOCOL_NAMES, key) ? PROTOCOL_NAMES[key]! : s;
}
