import * as logs from 'aws-cdk-lib/aws-logs';
import * as nfw from 'aws-cdk-lib/aws-networkfirewall';
import type { Stack } from 'aws-cdk-lib';
import { defineCases, type RuleCase } from '../../../lib/engine/cases';
import { firewall } from './network-firewall-default-deny.cases';
import rule from './network-firewall-inspection';
import type { TerraformStack } from 'cdktf';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { NetworkfirewallLoggingConfiguration } from '@cdktf/provider-aws/lib/networkfirewall-logging-configuration';
import { NetworkfirewallRuleGroup } from '@cdktf/provider-aws/lib/networkfirewall-rule-group';
import { tfFirewall } from './network-firewall-default-deny.cases';

function inspecting(stack: Stack): nfw.CfnFirewall {
  const group = new nfw.CfnRuleGroup(stack, 'Signatures', {
    ruleGroupName: 'signatures',
    type: 'STATEFUL',
    capacity: 100,
    ruleGroup: {
      rulesSource: {
        rulesString: 'drop tls $HOME_NET any -> $EXTERNAL_NET any (tls.sni; content:"evil.example"; sid:1;)',
      },
      statefulRuleOptions: { ruleOrder: 'STRICT_ORDER' },
    },
  });
  return firewall(stack, {
    statelessDefaultActions: ['aws:forward_to_sfe'],
    statelessFragmentDefaultActions: ['aws:forward_to_sfe'],
    statefulEngineOptions: { ruleOrder: 'STRICT_ORDER' },
    statefulDefaultActions: ['aws:drop_strict'],
    statefulRuleGroupReferences: [{ resourceArn: group.attrRuleGroupArn, priority: 1 }],
  });
}

/** A Terraform firewall whose strict-order policy references one stateful signature group. */
function tfInspecting(stack: TerraformStack) {
  const group = new NetworkfirewallRuleGroup(stack, 'Signatures', {
    name: 'signatures',
    type: 'STATEFUL',
    capacity: 100,
    ruleGroup: {
      rulesSource: {
        rulesString: 'drop tls $HOME_NET any -> $EXTERNAL_NET any (tls.sni; content:"evil.example"; sid:1;)',
      },
      statefulRuleOptions: { ruleOrder: 'STRICT_ORDER' },
    },
  });
  return tfFirewall(stack, {
    statelessDefaultActions: ['aws:forward_to_sfe'],
    statelessFragmentDefaultActions: ['aws:forward_to_sfe'],
    statefulEngineOptions: { ruleOrder: 'STRICT_ORDER' },
    statefulDefaultActions: ['aws:drop_strict'],
    statefulRuleGroupReference: [{ resourceArn: group.arn, priority: 1 }],
  });
}

const terraformCases: RuleCase[] = [
  {
    name: 'Terraform: stateful signatures with an aws_networkfirewall_logging_configuration of alerts',
    source: 'cdktf',
    build: (stack) => {
      const fw = tfInspecting(stack);
      const alerts = new CloudwatchLogGroup(stack, 'Alerts', { retentionInDays: 365 });
      new NetworkfirewallLoggingConfiguration(stack, 'Logs', {
        firewallArn: fw.arn,
        loggingConfiguration: {
          logDestinationConfig: [
            {
              logType: 'ALERT',
              logDestinationType: 'CloudWatchLogs',
              logDestination: { logGroup: alerts.name },
            },
          ],
        },
      });
    },
    target: 'Firewall',
    expect: 'pass',
  },
  {
    name: 'Terraform: stateful signatures without a logging configuration',
    source: 'cdktf',
    build: (stack) => void tfInspecting(stack),
    target: 'Firewall',
    expect: 'fail',
    message: '`Firewall` inspects traffic but has no logging configuration',
  },
  {
    name: 'Terraform: stateless-only policy',
    source: 'cdktf',
    build: (stack) =>
      void tfFirewall(stack, {
        statelessDefaultActions: ['aws:drop'],
        statelessFragmentDefaultActions: ['aws:drop'],
      }),
    target: 'Firewall',
    expect: 'fail',
    message: '`Firewall` has no stateful rule group',
  },
  {
    name: 'terraform plan: stateful signatures with alert logs',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-endpoints/plan.json',
    target: 'aws_networkfirewall_firewall.good',
    expect: 'pass',
  },
  {
    name: 'terraform plan: no stateful rule group',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-endpoints/plan.json',
    target: 'aws_networkfirewall_firewall.bare',
    expect: 'fail',
    message: /has no stateful rule group/,
  },
];

export default defineCases(rule, [
  {
    name: 'stateful signatures with alert logs',
    build: (stack) => {
      const fw = inspecting(stack);
      new nfw.CfnLoggingConfiguration(stack, 'Logs', {
        firewallArn: fw.attrFirewallArn,
        loggingConfiguration: {
          logDestinationConfigs: [
            {
              logType: 'ALERT',
              logDestinationType: 'CloudWatchLogs',
              logDestination: { logGroup: new logs.LogGroup(stack, 'Alerts').logGroupName },
            },
          ],
        },
      });
    },
    target: 'Firewall',
    expect: 'pass',
  },
  {
    name: 'stateful signatures without any logging configuration',
    build: (stack) => void inspecting(stack),
    target: 'Firewall',
    expect: 'fail',
    message: '`Firewall` inspects traffic but has no logging configuration',
  },
  {
    name: 'stateless-only policy',
    build: (stack) =>
      void firewall(stack, {
        statelessDefaultActions: ['aws:drop'],
        statelessFragmentDefaultActions: ['aws:drop'],
      }),
    target: 'Firewall',
    expect: 'fail',
    message: '`Firewall` has no stateful rule group',
  },
  ...terraformCases,
]);
