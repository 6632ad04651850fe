import { defineRule, fail, pass, unknown, type CheckResult } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';
import { describeRange, type SourceRange } from '../../../lib/views/common/cidr';
import { deniedBefore, peerRange, peerText, remotePeer } from '../../../lib/views/common/traffic';
import type { TrafficRule } from '../../../lib/views/kinds';

/** Remote administration ports (CIS AWS 5.2-5.4): SSH and RDP. */
export const ADMIN_PORTS: readonly number[] = [22, 3389];

/** What an ingress rule opens to the internet among some ports. */
export type Exposure =
  | { readonly state: 'none' }
  | { readonly state: 'open'; readonly ports: readonly number[]; readonly range: SourceRange }
  | { readonly state: 'unknown'; readonly reason: Unknown };

/** What most rules open: nothing (one object, never mutated: every rule of an estate is read). */
const NO_EXPOSURE: Exposure = { state: 'none' };

/** Protocols whose rules carry ports. */
const PORTED: ReadonlySet<string> = new Set(['all', '-1', 'tcp', 'udp']);

/**
 * Which of `ports` an allow rule opens to the internet: its source is every address (any `/0`,
 * whatever host bits are written, `*`, `Internet`) or a wide public range (shorter than a /8 or a /16, see
 * `WIDE_PREFIX`). Only TCP, UDP and all-protocol rules carry ports; a rule whose peer is a group or
 * prefix list opens nothing to the internet, and neither does a deny. An unresolved or unparseable part that
 * could open a port makes the exposure unknown. This reads one rule alone; {@link checkWorldIngress} also
 * honours a deny evaluated before it.
 */
export function exposure(rule: TrafficRule, ports: readonly number[]): Exposure {
  const range = rule.direction === 'ingress' ? peerRange(rule.source) : undefined;
  if (range === undefined || rule.action === 'deny') return NO_EXPOSURE;
  if (!(range instanceof Unknown) && range.reach === 'limited') return NO_EXPOSURE;
  const protocol = rule.protocol;
  if (typeof protocol === 'string' && !PORTED.has(protocol)) return NO_EXPOSURE;
  const all = protocol === 'all' || protocol === '-1';
  const from = all ? 0 : (rule.fromPort ?? 0);
  const to = all ? 65535 : (rule.toPort ?? 65535);
  const unresolved = [range, rule.action, protocol, from, to].find((x): x is Unknown => x instanceof Unknown);
  if (typeof from === 'number' && typeof to === 'number') {
    const hit = ports.filter((p) => p >= from && p <= to);
    if (hit.length === 0) return NO_EXPOSURE;
    if (!unresolved) return { state: 'open', ports: hit, range: range as SourceRange };
  }
  return { state: 'unknown', reason: unresolved! };
}

/**
 * A short, stable name for a rule: `tcp-22-0.0.0.0/0`, `tcp-3000-3400-::/0`, `all-0.0.0.0/0`; a rule whose
 * peer is a security group or prefix list names it (`tcp-8080-sg:LoadBalancer`).
 */
export function ruleLabel(rule: TrafficRule): string {
  const protocol = typeof rule.protocol === 'string' ? rule.protocol : '?';
  const cidr = peerText(remotePeer(rule));
  if (protocol === 'all' || protocol === '-1') return `all-${cidr}`;
  const from = typeof rule.fromPort === 'number' ? rule.fromPort : '?';
  const to = typeof rule.toPort === 'number' ? rule.toPort : '?';
  return from === to ? `${protocol}-${from}-${cidr}` : `${protocol}-${from}-${to}-${cidr}`;
}

/**
 * An exposure less the ports a deny evaluated first closes to the rule's address family (an NSG deny of higher
 * priority); an exposure is unknown when such a deny cannot be resolved.
 */
export function openAfterDenies(e: Exposure, rule: TrafficRule, rules: readonly TrafficRule[]): Exposure {
  if (e.state !== 'open') return e;
  const open: number[] = [];
  for (const port of e.ports) {
    const denied = deniedBefore(rule, rules, port, e.range.family);
    if (denied instanceof Unknown) return { state: 'unknown', reason: denied };
    if (!denied) open.push(port);
  }
  return open.length === 0 ? NO_EXPOSURE : { ...e, ports: open };
}

/**
 * One result per rule that opens any of `ports` to the internet, unless a deny evaluated before it closes them;
 * a pass when none does.
 */
export function checkWorldIngress(
  name: string,
  rules: readonly TrafficRule[],
  ports: readonly number[],
  what: string,
): CheckResult[] {
  const out: CheckResult[] = [];
  for (const rule of rules) {
    const e = openAfterDenies(exposure(rule, ports), rule, rules);
    if (e.state === 'none') continue;
    const label = ruleLabel(rule);
    const where = rule.declaredBy.split(/\/|::/).pop();
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
          `\`${name}\` allows ingress from ${describeRange(e.range)} to ${what}${e.ports.length > 1 ? 's' : ''} ${e.ports.join(', ')} (rule \`${label}\`, declared by \`${where}\`)`,
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
  controls: [
    'cis-aws-5.0:5.3',
    'cis-aws-5.0:5.4',
    'cis-azure-6.0:7.1',
    'cis-azure-6.0:7.2',
    'mcsb-v1:NS-1',
    'nist-csf-2.0:PR.IR-01',
  ],
  threats: ['unauthorized-access'],
  rationale:
    'SSH (22) and RDP (3389) open to 0.0.0.0/0 or ::/0 expose every instance behind the group to credential ' +
    'stuffing and exploits of the remote administration service, from anywhere on the internet. ' +
    'Administration goes through a session broker (SSM Session Manager) or a bastion reachable only from known ranges. ' +
    'CIDRs are compared as address ranges, not strings: any /0 is the whole internet (`192.168.1.0/0` included), and ' +
    'so is, for this rule, a public range wider than a /8 (IPv4) or a /16 (IPv6): no single network holds one, so ' +
    'such a source can only be a way of writing "most of the internet" (`0.0.0.0/1` plus `128.0.0.0/1`).',
  fix: {
    cdk: 'Remove the rule, or restrict its source to a known address range or security group; use SSM Session Manager for shell access.',
    terraform:
      'Remove the `ingress` block (or `aws_security_group_rule` / `aws_vpc_security_group_ingress_rule`) that opens port 22 or 3389 to `0.0.0.0/0` or `::/0`, or set its `cidr_blocks` / `cidr_ipv4` to a known range or its `source_security_group_id` / `referenced_security_group_id` to a bastion group; use SSM Session Manager for shell access. On an `azurerm_network_security_group`, remove the `Allow` `Inbound` `security_rule` (or `azurerm_network_security_rule`) whose `source_address_prefix` is `*`, `Internet` or `0.0.0.0/0` and whose `destination_port_range(s)` cover 22 or 3389, or name a known range in `source_address_prefixes`; use Azure Bastion for shell access.',
    pulumi:
      'Remove the NSG rule (inline in `securityRules` or a `network.SecurityRule`) that allows port 22 or 3389 from `Internet`, `*` or `0.0.0.0/0`, or set its `sourceAddressPrefix` to a known range; reach machines through Azure Bastion.',
  },
  appliesTo: ['firewall'],
  check(view) {
    return checkWorldIngress(view.name, view.rules, ADMIN_PORTS, 'administration port');
  },
});
