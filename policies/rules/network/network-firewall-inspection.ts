import { defineRule, fail, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-NS-020',
  title: 'Network firewalls inspect traffic with stateful rule groups and log what they see',
  severity: 'medium',
  controls: ['mcsb-v1:NS-4', 'mcsb-v1:LT-4', 'nist-csf-2.0:DE.CM-01'],
  threats: ['malicious-code', 'unauthorized-access', 'data-breach'],
  rationale:
    'Intrusion detection and prevention in Network Firewall is its stateful engine: Suricata-compatible rule groups ' +
    '(AWS managed threat signatures or your own) that alert on or drop known attack traffic, command-and-control ' +
    'and exfiltration. A policy without stateful rule groups only filters addresses and ports, and a firewall ' +
    'without a logging configuration keeps no record of what it matched.',
  fix: {
    cdk: 'Reference stateful rule groups in the policy (`statefulRuleGroupReferences`, e.g. the AWS managed `ThreatSignaturesMalware` groups) and add a `CfnLoggingConfiguration` with `ALERT` and `FLOW` destinations.',
    terraform:
      'Reference stateful rule groups in the `firewall_policy` of the `aws_networkfirewall_firewall_policy` (`stateful_rule_group_reference` blocks, e.g. the AWS managed `ThreatSignaturesMalware` groups) and add an `aws_networkfirewall_logging_configuration` whose `logging_configuration` has `log_destination_config` blocks for `ALERT` and `FLOW`.',
  },
  appliesTo: ['network-firewall'],
  check(view) {
    const groups = view.statefulRuleGroups;
    const logging = view.logging;
    if (groups instanceof Unknown)
      return unknown(`\`${view.name}\`: the stateful rule groups cannot be resolved (${groups.reason})`);
    if (groups === 0) return fail(`\`${view.name}\` has no stateful rule group (no intrusion prevention)`);
    if (logging instanceof Unknown)
      return unknown(`\`${view.name}\`: whether it logs cannot be resolved (${logging.reason})`);
    if (!logging) return fail(`\`${view.name}\` inspects traffic but has no logging configuration`);
    return pass(`\`${view.name}\` inspects traffic with ${groups} stateful rule group(s) and logs alerts`);
  },
});
