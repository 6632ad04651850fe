import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as nfw from 'aws-cdk-lib/aws-networkfirewall';
import type { Stack } from 'aws-cdk-lib';
import { defineCases, type RuleCase } from '../../../lib/engine/cases';
import rule from './network-firewall-default-deny';
import type { TerraformStack } from 'cdktf';
import { NetworkfirewallFirewall } from '@cdktf/provider-aws/lib/networkfirewall-firewall';
import {
  NetworkfirewallFirewallPolicy,
  type NetworkfirewallFirewallPolicyFirewallPolicy,
} from '@cdktf/provider-aws/lib/networkfirewall-firewall-policy';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';

/** A firewall in the VPC's isolated subnet with the given policy. */
export function firewall(
  stack: Stack,
  policy: nfw.CfnFirewallPolicy.FirewallPolicyProperty,
): nfw.CfnFirewall {
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 0 });
  const p = new nfw.CfnFirewallPolicy(stack, 'Policy', {
    firewallPolicyName: 'edge',
    firewallPolicy: policy,
  });
  return new nfw.CfnFirewall(stack, 'Firewall', {
    firewallName: 'edge',
    firewallPolicyArn: p.attrFirewallPolicyArn,
    vpcId: vpc.vpcId,
    subnetMappings: vpc.isolatedSubnets.map((s) => ({ subnetId: s.subnetId })),
  });
}

/** A Terraform firewall `Firewall` in a new VPC's subnet with the given `firewall_policy` block. */
export function tfFirewall(
  stack: TerraformStack,
  policy: NetworkfirewallFirewallPolicyFirewallPolicy,
): NetworkfirewallFirewall {
  const vpc = new Vpc(stack, 'Vpc', { cidrBlock: '10.0.0.0/16' });
  const subnet = new Subnet(stack, 'Inspection', { vpcId: vpc.id, cidrBlock: '10.0.0.0/28' });
  const p = new NetworkfirewallFirewallPolicy(stack, 'Policy', { name: 'edge', firewallPolicy: policy });
  return new NetworkfirewallFirewall(stack, 'Firewall', {
    name: 'edge',
    firewallPolicyArn: p.arn,
    vpcId: vpc.id,
    subnetMapping: [{ subnetId: subnet.id }],
  });
}

const terraformCases: RuleCase[] = [
  {
    name: 'Terraform: strict rule order with `stateful_default_actions = ["aws:drop_strict"]`',
    source: 'cdktf',
    build: (stack) =>
      void tfFirewall(stack, {
        statelessDefaultActions: ['aws:forward_to_sfe'],
        statelessFragmentDefaultActions: ['aws:forward_to_sfe'],
        statefulEngineOptions: { ruleOrder: 'STRICT_ORDER' },
        statefulDefaultActions: ['aws:drop_strict', 'aws:alert_strict'],
      }),
    target: 'Firewall',
    expect: 'pass',
  },
  {
    name: 'Terraform: forward to the stateful engine in the default action order',
    source: 'cdktf',
    build: (stack) =>
      void tfFirewall(stack, {
        statelessDefaultActions: ['aws:forward_to_sfe'],
        statelessFragmentDefaultActions: ['aws:forward_to_sfe'],
      }),
    target: 'Firewall',
    expect: 'fail',
    message: '`Firewall` lets through traffic that no rule matches (no default drop action)',
  },
  {
    name: 'Terraform: stateless pass by default',
    source: 'cdktf',
    build: (stack) =>
      void tfFirewall(stack, {
        statelessDefaultActions: ['aws:pass'],
        statelessFragmentDefaultActions: ['aws:pass'],
      }),
    target: 'Firewall',
    expect: 'fail',
  },
  {
    name: 'terraform plan: strict order dropping by default',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-endpoints/plan.json',
    target: 'aws_networkfirewall_firewall.good',
    expect: 'pass',
  },
  {
    name: 'terraform plan: forwarding in the default action order',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-endpoints/plan.json',
    target: 'aws_networkfirewall_firewall.bare',
    expect: 'fail',
    message: /lets through traffic that no rule matches/,
  },
];

export default defineCases(rule, [
  {
    name: 'strict rule order with a drop-strict default',
    build: (stack) =>
      void firewall(stack, {
        statelessDefaultActions: ['aws:forward_to_sfe'],
        statelessFragmentDefaultActions: ['aws:forward_to_sfe'],
        statefulEngineOptions: { ruleOrder: 'STRICT_ORDER' },
        statefulDefaultActions: ['aws:drop_strict', 'aws:alert_strict'],
      }),
    target: 'Firewall',
    expect: 'pass',
  },
  {
    name: 'forward to the stateful engine in the default action order',
    build: (stack) =>
      void firewall(stack, {
        statelessDefaultActions: ['aws:forward_to_sfe'],
        statelessFragmentDefaultActions: ['aws:forward_to_sfe'],
      }),
    target: 'Firewall',
    expect: 'fail',
    message: '`Firewall` lets through traffic that no rule matches',
  },
  {
    name: 'stateless pass by default',
    build: (stack) =>
      void firewall(stack, {
        statelessDefaultActions: ['aws:pass'],
        statelessFragmentDefaultActions: ['aws:pass'],
      }),
    target: 'Firewall',
    expect: 'fail',
  },
  ...terraformCases,
]);
