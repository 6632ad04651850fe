import { defineRule, fail, pass, unknown, type CheckResult } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';
import { describeRange, type SourceRange } from '../../../lib/views/common/cidr';
import { deniedBefore, peerRange } from '../../../lib/views/common/traffic';
import type { TrafficRule } from '../../../lib/views/kinds';
import { ruleLabel } from './sg-admin-ports';

/**
 * The source range from which an ingress rule admits every port and protocol (or every TCP/UDP
 * port), when that range is the internet (see `exposure` in sg-admin-ports); false otherwise.
 */
function opensEverything(rule: TrafficRule, rules: readonly TrafficRule[]): SourceRange | false | Unknown {
  const range = rule.direction === 'ingress' ? peerRange(rule.source) : undefined;
  if (range === undefined || rule.action === 'deny') return false;
  const { protocol } = rule;
  if (!(range instanceof Unknown) && range.reach === 'limited') return false;
  if (typeof protocol === 'string' && !['all', 'tcp', 'udp'].includes(protocol)) return false;
  const from = protocol === 'all' ? 0 : (rule.fromPort ?? 0);
  const to = protocol === 'all' ? 65535 : (rule.toPort ?? 65535);
  if (typeof from === 'number' && typeof to === 'number' && (from > 1 || to < 65535)) return false;
  const unresolved = [range, rule.action, protocol, from, to].find((x): x is Unknown => x instanceof Unknown);
  if (unresolved) return unresolved;
  // A deny evaluated first that closes every port to the rule's family leaves nothing open (NSG priorities).
  const family = (range as SourceRange).family;
  const denied = deniedBefore(rule, rules, 'every', family);
  if (denied === true) return false;
  return denied instanceof Unknown ? denied : (range as SourceRange);
}

export default defineRule({
  id: 'BW-NS-007',
  title: 'Security groups allow no ingress from the internet on every port',
  severity: 'high',
  controls: ['mcsb-v1:NS-1', 'mcsb-v1:NS-2', 'nist-csf-2.0:PR.IR-01'],
  threats: ['unauthorized-access', 'data-breach'],
  rationale:
    'A rule admitting all protocols, or every TCP or UDP port, from 0.0.0.0/0 or ::/0 exposes every service the ' +
    'instances behind the group listen on, including ones nobody meant to publish (debug ports, metadata proxies, ' +
    'databases). A security group is an allow list: each rule should name the port a client needs. Any /0 is the ' +
    'internet whatever its address part, and so is a public range wider than a /8 (IPv4) or /16 (IPv6).',
  fix: {
    cdk: 'Replace the rule with one rule per port that must be reachable (`ec2.Port.tcp(443)`), and restrict sources other than public listeners to known ranges or security groups.',
    terraform:
      'Replace the rule (`protocol = "-1"` or `from_port = 0`, `to_port = 65535`) with one `ingress` block or `aws_vpc_security_group_ingress_rule` per port that must be reachable, and restrict sources other than public listeners to known `cidr_blocks` or security groups. On an `azurerm_network_security_group`, replace an `Allow` `security_rule` (or `azurerm_network_security_rule`) with `destination_port_range = "*"` from `*`, `Internet` or `0.0.0.0/0` with rules naming the ports that must be reachable.',
  },
  appliesTo: ['firewall'],
  check(view) {
    const out: CheckResult[] = [];
    for (const rule of view.rules) {
      const open = opensEverything(rule, view.rules);
      if (open === false) continue;
      const label = ruleLabel(rule);
      const where = rule.declaredBy.split(/\/|::/).pop();
      out.push(
        open instanceof Unknown
          ? unknown(
              `\`${view.name}\`: ingress rule \`${label}\` (declared by \`${where}\`) may admit every port from the internet (${open.reason})`,
              label,
            )
          : fail(
              `\`${view.name}\` admits every port from ${describeRange(open)} (rule \`${label}\`, declared by \`${where}\`)`,
              label,
            ),
      );
    }
    return out.length ? out : [pass(`\`${view.name}\` names the ports it opens to the internet`)];
  },
});
