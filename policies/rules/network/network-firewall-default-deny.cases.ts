import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as nfw from 'aws-cdk-lib/aws-networkfirewall';
import type { Stack } from 'aws-cdk-lib';
import { defineCases } from '../../../lib/engine/cases';
import rule from './network-firewall-default-deny';

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
]);
