import { defineRule, fail, pass } from '../../../lib/engine/rule';
import { ruleLabel } from './sg-admin-ports';

export default defineRule({
  id: 'BW-NS-008',
  title: 'Security group rules say why they exist',
  severity: 'low',
  controls: ['mcsb-v1:NS-1', 'nist-csf-2.0:PR.PS-01'],
  threats: ['configuration-drift', 'unauthorized-access'],
  rationale:
    'A rule without a description cannot be reviewed: nobody can tell whether the port is still needed or who ' +
    'asked for it, so stale openings stay. Descriptions travel with the rule into the console, flow-log ' +
    'investigations and access reviews.',
  fix: {
    cdk: 'Give every ingress and egress rule a description (the `description` argument of `addIngressRule`, or `description` on `CfnSecurityGroupIngress`).',
    terraform:
      'Set `description` on every `ingress` and `egress` block of the `aws_security_group`, and on every `aws_security_group_rule` and `aws_vpc_security_group_ingress_rule` / `_egress_rule`; set `description` on every `security_rule` block of an `azurerm_network_security_group` and on every `azurerm_network_security_rule`.',
  },
  appliesTo: ['firewall'],
  check(view) {
    const missing = view.rules.filter((r) => !r.description || r.description.trim() === '');
    if (missing.length === 0) return pass(`\`${view.name}\`: every rule has a description`);
    return missing.map((r) =>
      fail(
        `\`${view.name}\`: ${r.direction} rule \`${ruleLabel(r)}\` (declared by \`${r.declaredBy.split(/\/|::/).pop()}\`) has no description`,
        ruleLabel(r),
      ),
    );
  },
});
