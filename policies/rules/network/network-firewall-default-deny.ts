import { defineRule, fail, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-NS-019',
  title: 'Network firewalls drop traffic that no rule allows',
  severity: 'high',
  controls: ['mcsb-v1:NS-3', 'mcsb-v1:NS-1', 'nist-csf-2.0:PR.IR-01'],
  threats: ['unauthorized-access', 'data-breach'],
  rationale:
    'An edge firewall is an allow list only if unmatched traffic is dropped. A Network Firewall policy forwards to ' +
    'the stateful engine and, in the default action order, lets through whatever no stateful rule matches; only a ' +
    'stateless `aws:drop` default or strict rule order with `aws:drop_strict`/`aws:drop_established` denies by default.',
  fix: {
    cdk: 'Use strict rule order (`statefulEngineOptions: { ruleOrder: "STRICT_ORDER" }`) with `statefulDefaultActions: ["aws:drop_strict"]`, and allow what must pass with explicit stateful rules.',
    terraform:
      'In the `firewall_policy` block of the `aws_networkfirewall_firewall_policy` set `stateful_engine_options { rule_order = "STRICT_ORDER" }` with `stateful_default_actions = ["aws:drop_strict"]`, and allow what must pass with explicit stateful rules.',
  },
  appliesTo: ['network-firewall'],
  check(view) {
    const d = view.defaultDeny;
    if (d instanceof Unknown)
      return unknown(`\`${view.name}\`: the policy's default actions cannot be resolved (${d.reason})`);
    return d
      ? pass(`\`${view.name}\` drops traffic that no rule allows`)
      : fail(`\`${view.name}\` lets through traffic that no rule matches (no default drop action)`);
  },
});
