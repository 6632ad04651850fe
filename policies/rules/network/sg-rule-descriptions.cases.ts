import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { Stack } from 'aws-cdk-lib';
import { defineCases } from '../../../lib/engine/cases';
import rule from './sg-rule-descriptions';

function baseline(stack: Stack): ec2.SecurityGroup {
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 0 });
  const sg = new ec2.SecurityGroup(stack, 'Web', { vpc });
  sg.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'public HTTPS listener');
  return sg;
}

export default defineCases(rule, [
  {
    name: 'rules added through the L2 carry descriptions',
    build: (stack) => void baseline(stack),
    target: 'Web',
    expect: 'pass',
  },
  {
    name: 'standalone ingress resource without a description',
    build: (stack) => {
      const sg = baseline(stack);
      new ec2.CfnSecurityGroupIngress(stack, 'Metrics', {
        groupId: sg.securityGroupId,
        ipProtocol: 'tcp',
        fromPort: 9100,
        toPort: 9100,
        cidrIp: '10.0.0.0/8',
      });
    },
    target: 'Web',
    expect: 'fail',
    message:
      /`Web`: ingress rule `tcp-9100-10\.0\.0\.0\/8` \(declared by `Metrics[^`]*`\) has no description/,
  },
  {
    name: 'inline rule of an L1 group without a description',
    build: (stack) => {
      const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 0 });
      new ec2.CfnSecurityGroup(stack, 'Web', {
        vpcId: vpc.vpcId,
        groupDescription: 'web tier',
        securityGroupIngress: [{ ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIp: '0.0.0.0/0' }],
        securityGroupEgress: [
          { ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIp: '0.0.0.0/0', description: 'AWS APIs' },
        ],
      });
    },
    target: 'Web',
    expect: 'fail',
    message: /ingress rule `tcp-443-0\.0\.0\.0\/0`/,
  },
  {
    name: 'rule from another security group without a description names that group, not `?`',
    build: (stack) => {
      const sg = baseline(stack);
      const lb = new ec2.SecurityGroup(stack, 'LoadBalancer', {
        vpc: sg.node.scope!.node.findChild('Vpc') as ec2.Vpc,
      });
      new ec2.CfnSecurityGroupIngress(stack, 'FromLb', {
        groupId: sg.securityGroupId,
        ipProtocol: 'tcp',
        fromPort: 8080,
        toPort: 8080,
        sourceSecurityGroupId: lb.securityGroupId,
      });
    },
    target: 'Web',
    expect: 'fail',
    message: /ingress rule `tcp-8080-sg:LoadBalancer[^`]*`/,
  },
]);
