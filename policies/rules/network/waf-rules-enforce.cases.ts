import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import type { Stack } from 'aws-cdk-lib';
import { defineCases } from '../../../lib/engine/cases';
import rule from './waf-rules-enforce';

const VISIBILITY = { cloudWatchMetricsEnabled: true, metricName: 'm', sampledRequestsEnabled: true };

/** A managed rule group rule, applying its own actions (`none`) or only counting. */
function managed(name: string, priority: number, mode: 'none' | 'count'): wafv2.CfnWebACL.RuleProperty {
  return {
    name,
    priority,
    statement: { managedRuleGroupStatement: { vendorName: 'AWS', name } },
    overrideAction: mode === 'none' ? { none: {} } : { count: {} },
    visibilityConfig: { ...VISIBILITY, metricName: name },
  };
}

function acl(stack: Stack, rules: wafv2.CfnWebACL.RuleProperty[], block = false): void {
  new wafv2.CfnWebACL(stack, 'Acl', {
    scope: 'REGIONAL',
    defaultAction: block ? { block: {} } : { allow: {} },
    visibilityConfig: VISIBILITY,
    rules,
  });
}

export default defineCases(rule, [
  {
    name: 'web ACL with the common managed rule group enforcing',
    build: (stack) =>
      acl(stack, [
        managed('AWSManagedRulesCommonRuleSet', 0, 'none'),
        managed('AWSManagedRulesKnownBadInputsRuleSet', 1, 'count'),
      ]),
    target: 'Acl',
    expect: 'pass',
  },
  {
    name: 'web ACL with no rules that allows by default',
    build: (stack) => acl(stack, []),
    target: 'Acl',
    expect: 'fail',
    message: '`Acl` has no rules and allows every request by default',
  },
  {
    name: 'web ACL whose managed rule groups are all in count mode',
    build: (stack) =>
      acl(stack, [
        managed('AWSManagedRulesCommonRuleSet', 0, 'count'),
        managed('AWSManagedRulesKnownBadInputsRuleSet', 1, 'count'),
      ]),
    target: 'Acl',
    expect: 'fail',
    message:
      '`Acl` allows every request: its rules only count (`AWSManagedRulesCommonRuleSet`, `AWSManagedRulesKnownBadInputsRuleSet`)',
  },
  {
    name: 'web ACL with a rate-based rule that blocks',
    build: (stack) =>
      acl(stack, [
        {
          name: 'RateLimit',
          priority: 0,
          action: { block: {} },
          statement: { rateBasedStatement: { limit: 1000, aggregateKeyType: 'IP' } },
          visibilityConfig: { ...VISIBILITY, metricName: 'RateLimit' },
        },
      ]),
    target: 'Acl',
    expect: 'pass',
  },
  {
    name: 'web ACL that blocks by default and allows a known range',
    build: (stack) =>
      acl(
        stack,
        [
          {
            name: 'Office',
            priority: 0,
            action: { allow: {} },
            statement: {
              ipSetReferenceStatement: {
                arn: 'arn:aws:wafv2:eu-west-1:123456789012:regional/ipset/office/1',
              },
            },
            visibilityConfig: { ...VISIBILITY, metricName: 'Office' },
          },
        ],
        true,
      ),
    target: 'Acl',
    expect: 'pass',
  },
]);
