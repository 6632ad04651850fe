import { defineRule, fail, pass, unknown, type CheckResult } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';
import type { TrafficRule } from '../../../lib/views/kinds';

/** Sources that mean "anyone on the internet": the IPv4 and IPv6 default routes, and Azure's `*` and `Internet`. */
export const WORLD: ReadonlySet<string> = new Set(['0.0.0.0/0', '::/0', '::0/0', '*', 'Internet']);

/** Remote administration ports (CIS AWS 5.2-5.4): SSH and RDP. */
export const ADMIN_PORTS: readonly number[] = [22, 3389];

/** What an ingress rule opens to the internet among some ports. */
export type Exposure =
  | { readonly state: 'none' }
  | { readonly state: 'open'; readonly ports: readonly number[]; readonly cidr: string }
  | { readonly state: 'unknown'; readonly reason: Unknown };

/**
 * Which of `ports` a traffic rule opens to everyone (`0.0.0.0/0`, `::/0`). Only TCP, UDP and
 * all-protocol rules carry ports; a rule whose peer is a group or prefix list opens nothing to the
 * internet. An unresolved part that could open a port makes the exposure unknown.
 */
export function exposure(rule: TrafficRule, ports: readonly number[]): Exposure {
  if (rule.direction !== 'ingress' || rule.cidr === undefined) return { state: 'none' };
  const cidr = rule.cidr;
  if (typeof cidr === 'string' && !WORLD.has(cidr)) return { state: 'none' };
  const protocol = rule.protocol;
  if (typeof protocol === 'string' && !['all', '-1', 'tcp', 'udp'].includes(protocol))
    return { state: 'none' };
  const all = protocol === 'all' || protocol === '-1';
  const from = all ? 0 : (rule.fromPort ?? 0);
  const to = all ? 65535 : (rule.toPort ?? 65535);
  const unresolved = [cidr, protocol, from, to].find((x): x is Unknown => x instanceof Unknown);
  if (typeof from === 'number' && typeof to === 'number') {
    const hit = ports.filter((p) => p >= from && p <= to);
    if (hit.length === 0) return { state: 'none' };
    if (!unresolved) return { state: 'open', ports: hit, cidr: cidr as string };
  }
  return { state: 'unknown', reason: unresolved! };
}

/** A short, stable name for a rule: `tcp-22-0.0.0.0/0`, `tcp-3000-3400-::/0`, `all-0.0.0.0/0`. */
export function ruleLabel(rule: TrafficRule): string {
  const protocol = typeof rule.protocol === 'string' ? rule.protocol : '?';
  const cidr = typeof rule.cidr === 'string' ? rule.cidr : '?';
  if (protocol === 'all' || protocol === '-1') return `all-${cidr}`;
  const from = typeof rule.fromPort === 'number' ? rule.fromPort : '?';
  const to = typeof rule.toPort === 'number' ? rule.toPort : '?';
  return from === to ? `${protocol}-${from}-${cidr}` : `${protocol}-${from}-${to}-${cidr}`;
}

/** One result per rule that opens any of `ports` to the internet; a pass when none does. */
export function checkWorldIngress(
  name: string,
  rules: readonly TrafficRule[],
  ports: readonly number[],
  what: string,
): CheckResult[] {
  const out: CheckResult[] = [];
  for (const rule of rules) {
    const e = exposure(rule, ports);
    if (e.state === 'none') continue;
    const label = ruleLabel(rule);
    const where = rule.declaredBy.split('/').pop();
    if (e.state === 'unknown') {
      out.push(
        unknown(
          `\`${name}\`: ingress rule \`${label}\` (declared by \`${where}\`) may open ${what}s to the internet (${e.reason.reason})`,
          label,
        ),
      );
    } else {
      out.push(
        fail(
          `\`${name}\` allows ingress from ${e.cidr} to ${what}${e.ports.length > 1 ? 's' : ''} ${e.ports.join(', ')} (rule \`${label}\`, declared by \`${where}\`)`,
          label,
        ),
      );
    }
  }
  return out.length ? out : [pass(`\`${name}\` opens no ${what}s to the internet`)];
}

export default defineRule({
  id: 'BW-NS-001',
  title: 'Security groups allow no ingress from the internet to remote administration ports',
  severity: 'high',
  controls: ['cis-aws-5.0:5.3', 'cis-aws-5.0:5.4', 'mcsb-v1:NS-1', 'nist-csf-2.0:PR.IR-01'],
  threats: ['unauthorized-access'],
  rationale:
    'SSH (22) and RDP (3389) open to 0.0.0.0/0 or ::/0 expose every instance behind the group to credential ' +
    'stuffing and exploits of the remote administration service, from anywhere on the internet. ' +
    'Administration goes through a session broker (SSM Session Manager) or a bastion reachable only from known ranges.',
  fix: 'Remove the rule, or restrict its source to a known address range or security group; use SSM Session Manager for shell access.',
  appliesTo: ['firewall'],
  check(view) {
    return checkWorldIngress(view.name, view.rules, ADMIN_PORTS, 'administration port');
  },
});
