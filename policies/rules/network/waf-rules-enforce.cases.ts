import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import type { Stack } from 'aws-cdk-lib';
import { defineCases, type RuleCase } from '../../../lib/engine/cases';
import rule from './waf-rules-enforce';
import type { TerraformStack } from 'cdktf';
import { Wafv2WebAcl, type Wafv2WebAclRule } from '@cdktf/provider-aws/lib/wafv2-web-acl';
import { Wafv2WebAclRuleGroupAssociation } from '@cdktf/provider-aws/lib/wafv2-web-acl-rule-group-association';

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

const TF_VISIBILITY = { cloudwatchMetricsEnabled: true, metricName: 'm', sampledRequestsEnabled: true };

/** A Terraform `rule` block applying an AWS managed rule group's own actions (`none`) or only counting. */
function tfManaged(name: string, priority: number, mode: 'none' | 'count'): Wafv2WebAclRule {
  return {
    name,
    priority,
    statement: { managed_rule_group_statement: { name, vendor_name: 'AWS' } },
    overrideAction: mode === 'none' ? { none: {} } : { count: {} },
    visibilityConfig: { ...TF_VISIBILITY, metricName: name },
  };
}

/** A Terraform regional web ACL `Acl` with the given inline rules, allowing by default. */
export function tfWebAcl(stack: TerraformStack, rule: Wafv2WebAclRule[], scope = 'REGIONAL'): Wafv2WebAcl {
  return new Wafv2WebAcl(stack, 'Acl', {
    name: 'web',
    scope,
    defaultAction: { allow: {} },
    visibilityConfig: TF_VISIBILITY,
    rule,
  });
}

/** Inline rules enforcing the common rule group and counting the known-bad-inputs one. */
export const TF_ENFORCING_RULES = [
  tfManaged('AWSManagedRulesCommonRuleSet', 0, 'none'),
  tfManaged('AWSManagedRulesKnownBadInputsRuleSet', 1, 'count'),
];

const terraformCases: RuleCase[] = [
  {
    name: 'Terraform: inline managed rule group with `override_action { none {} }`',
    source: 'cdktf',
    build: (stack) => void tfWebAcl(stack, TF_ENFORCING_RULES),
    target: 'Acl',
    expect: 'pass',
  },
  {
    name: 'Terraform: inline managed rule groups all in `override_action { count {} }`',
    source: 'cdktf',
    build: (stack) =>
      void tfWebAcl(stack, [
        tfManaged('AWSManagedRulesCommonRuleSet', 0, 'count'),
        tfManaged('AWSManagedRulesKnownBadInputsRuleSet', 1, 'count'),
      ]),
    target: 'Acl',
    expect: 'fail',
    message:
      '`Acl` allows every request: its rules only count (`AWSManagedRulesCommonRuleSet`, `AWSManagedRulesKnownBadInputsRuleSet`)',
  },
  {
    name: 'Terraform: no rules, allowing by default',
    source: 'cdktf',
    build: (stack) => void tfWebAcl(stack, []),
    target: 'Acl',
    expect: 'fail',
    message: '`Acl` has no rules and allows every request by default',
  },
  {
    name: 'Terraform: a blocking rate-based rule given in `rule_json`',
    source: 'cdktf',
    build: (stack) =>
      void new Wafv2WebAcl(stack, 'Acl', {
        name: 'web',
        scope: 'REGIONAL',
        defaultAction: { allow: {} },
        visibilityConfig: TF_VISIBILITY,
        ruleJson: JSON.stringify([
          {
            Name: 'RateLimit',
            Priority: 0,
            Action: { Block: {} },
            Statement: { RateBasedStatement: { Limit: 1000, AggregateKeyType: 'IP' } },
            VisibilityConfig: {
              CloudWatchMetricsEnabled: true,
              MetricName: 'rate',
              SampledRequestsEnabled: true,
            },
          },
        ]),
      }),
    target: 'Acl',
    expect: 'pass',
  },
  {
    name: 'Terraform: a managed rule group added by aws_wafv2_web_acl_rule_group_association',
    source: 'cdktf',
    build: (stack) => {
      const acl = tfWebAcl(stack, []);
      new Wafv2WebAclRuleGroupAssociation(stack, 'Common', {
        ruleName: 'common',
        priority: 0,
        webAclArn: acl.arn,
        managedRuleGroup: [{ name: 'AWSManagedRulesCommonRuleSet', vendorName: 'AWS' }],
      });
    },
    target: 'Acl',
    expect: 'pass',
  },
  {
    name: 'terraform plan: managed rule group enforcing',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-endpoints/plan.json',
    target: 'aws_wafv2_web_acl.edge',
    expect: 'pass',
  },
  {
    name: 'terraform plan: managed rule group only counting',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-endpoints/plan.json',
    target: 'aws_wafv2_web_acl.counting',
    expect: 'fail',
    message: /its rules only count \(`common`\)/,
  },
];

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
  ...terraformCases,
]);
