import { defineRule, fail, pass, unknown, type CheckResult } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';
import { describeRange, type SourceRange } from '../../../lib/views/common/cidr';
import { peerRange } from '../../../lib/views/common/traffic';
import type { NetworkAclView } from '../../../lib/views/kinds';
import { ADMIN_PORTS, exposure, ruleLabel } from './sg-admin-ports';

type Entry = NetworkAclView['entries'][number];

/**
 * The entry that decides traffic from the internet to `port`: network ACLs evaluate entries in
 * rule-number order and the first match wins, so an allow from 0.0.0.0/0 behind a deny from
 * 0.0.0.0/0 on the same port is dead. An allow from a wide public range (`0.0.0.0/1`) reached before
 * any deny from everywhere opens the port to that part of the internet; a deny from a wide range
 * decides only part of the traffic and is skipped, like entries for narrower ranges.
 */
function decidingEntry(
  entries: readonly Entry[],
  port: number,
  family: 'ipv4' | 'ipv6',
): Entry | Unknown | undefined {
  const ordered = entries
    .filter((e) => e.direction === 'ingress')
    .filter((e) => {
      const range = peerRange(e.source);
      if (range === undefined) return true;
      return range instanceof Unknown || range.family === 'any' || range.family === family;
    });
  const unnumbered = ordered.find(
    (e) => e.priority instanceof Unknown && exposure({ ...e, action: 'allow' }, [port]).state !== 'none',
  );
  if (unnumbered) return unnumbered.priority as Unknown;
  const numbered = ordered
    .filter((e) => typeof e.priority === 'number')
    .sort((a, b) => (a.priority as number) - (b.priority as number));
  for (const e of numbered) {
    // Read as if it allowed: which traffic the entry decides, whatever it decides.
    const x = exposure({ ...e, action: e.action instanceof Unknown ? e.action : 'allow' }, [port]);
    if (x.state === 'none') continue;
    if (x.state === 'unknown') return x.reason;
    if (x.range.reach === 'wide' && e.action === 'deny') continue;
    return e;
  }
  return undefined;
}

export default defineRule({
  id: 'BW-NS-003',
  title: 'Network ACLs allow no ingress from the internet to remote administration ports',
  severity: 'high',
  controls: ['cis-aws-5.0:5.2', 'mcsb-v1:NS-1', 'nist-csf-2.0:PR.IR-01'],
  threats: ['unauthorized-access'],
  rationale:
    'A network ACL is the subnet-wide boundary in front of every security group. An entry that admits SSH (22) or ' +
    'RDP (3389) from 0.0.0.0/0 or ::/0 leaves the subnet to its security groups alone, and one mistaken group then ' +
    'exposes remote administration to the whole internet. Any /0 is the internet whatever its address part, and so ' +
    'is, for administration ports, a public range wider than a /8 (IPv4) or /16 (IPv6): no single network holds one.',
  fix: {
    cdk: 'Remove the entry or narrow its `CidrBlock` to a known administration range; add a lower-numbered deny from 0.0.0.0/0 on ports 22 and 3389.',
    terraform:
      'Remove the `ingress` block of the `aws_network_acl` (or the `aws_network_acl_rule`) that allows ports 22 or 3389 from `0.0.0.0/0` or `::/0`, or narrow its `cidr_block`; add a lower-numbered `deny` from `0.0.0.0/0` on ports 22 and 3389.',
  },
  appliesTo: ['network-acl'],
  check(view) {
    const out: CheckResult[] = [];
    const open = new Map<Entry, number[]>();
    const unresolved = new Map<number, Unknown>();
    for (const family of ['ipv4', 'ipv6'] as const) {
      for (const port of ADMIN_PORTS) {
        const e = decidingEntry(view.entries, port, family);
        if (e === undefined) continue;
        const decided = e instanceof Unknown ? e : e.action instanceof Unknown ? e.action : e;
        if (decided instanceof Unknown) unresolved.set(port, decided);
        else if (decided.action === 'allow') open.set(decided, [...(open.get(decided) ?? []), port]);
      }
    }
    for (const [e, ports] of open) {
      const label = `rule-${e.priority as number}-${ruleLabel(e)}`;
      const list = [...new Set(ports)];
      out.push(
        fail(
          `\`${view.name}\` allows ingress from ${describeRange(peerRange(e.source) as SourceRange)} to administration port${list.length > 1 ? 's' : ''} ${list.join(', ')} (entry ${e.priority as number}, \`${ruleLabel(e)}\`)`,
          label,
        ),
      );
    }
    for (const [port, u] of unresolved) {
      out.push(
        unknown(
          `\`${view.name}\`: whether port ${port} is open to the internet cannot be resolved (${u.reason})`,
          `port-${port}`,
        ),
      );
    }
    return out.length ? out : [pass(`\`${view.name}\` admits no administration traffic from the internet`)];
  },
});
