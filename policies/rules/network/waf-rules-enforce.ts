import { defineRule, fail, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';
import type { WafRuleAction } from '../../../lib/views/kinds';

/** Actions that can stop a request: block, challenge, CAPTCHA, or a rule group applying its own actions. */
const ENFORCING: readonly WafRuleAction[] = ['block', 'challenge', 'captcha', 'rule-group'];

export default defineRule({
  id: 'BW-NS-025',
  title: 'Web application firewalls have rules that act on requests',
  severity: 'medium',
  controls: ['mcsb-v1:NS-6', 'nist-csf-2.0:PR.IR-01'],
  threats: ['unauthorized-access', 'malicious-code'],
  rationale:
    'A web ACL that allows by default and has no rule, or whose rules only count (or allow) what they match, lets ' +
    'every request through while the endpoint reports being protected by a WAF. Count mode is for trying rules ' +
    'out before enforcing them; an ACL left in it protects nothing.',
  fix: {
    cdk: 'Add the AWS managed rule groups (`AWSManagedRulesCommonRuleSet`, `AWSManagedRulesKnownBadInputsRuleSet`) with `overrideAction: { none: {} }`, or rules whose action is `block`; switch rules out of `count` once tried.',
    terraform:
      'Add `rule` blocks to the `aws_wafv2_web_acl` for the AWS managed rule groups (`managed_rule_group_statement` `AWSManagedRulesCommonRuleSet`, `AWSManagedRulesKnownBadInputsRuleSet`) with `override_action { none {} }`, or rules whose `action` is `block {}`; move rules out of `count {}` once tried.',
  },
  appliesTo: ['web-application-firewall'],
  check(view) {
    const def = view.defaultAction;
    if (def === 'block') return pass(`\`${view.name}\` blocks what its rules do not allow`);
    const rules = view.rules;
    if (rules instanceof Unknown)
      return unknown(`\`${view.name}\`: the rules of the web ACL cannot be resolved (${rules.reason})`);
    const enforcing = rules.filter((r) => typeof r.action === 'string' && ENFORCING.includes(r.action));
    if (enforcing.length > 0)
      return pass(`\`${view.name}\` acts on requests (rule \`${enforcing[0]!.name}\`)`);
    const open = rules.find((r) => r.action instanceof Unknown);
    if (open) return unknown(`\`${view.name}\`: ${(open.action as Unknown).reason}`);
    if (def instanceof Unknown)
      return unknown(`\`${view.name}\`: the default action cannot be resolved (${def.reason})`);
    if (rules.length === 0) return fail(`\`${view.name}\` has no rules and allows every request by default`);
    return fail(
      `\`${view.name}\` allows every request: its rules only ${[...new Set(rules.map((r) => r.action as string))].join(' or ')} (${rules.map((r) => `\`${r.name}\``).join(', ')})`,
    );
  },
});
