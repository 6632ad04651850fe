import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { Stack } from 'aws-cdk-lib';
import { defineCases } from '../../../lib/engine/cases';
import rule from './nacl-admin-ports';
import type { TerraformStack } from 'cdktf';
import { NetworkAcl } from '@cdktf/provider-aws/lib/network-acl';
import { NetworkAclRule } from '@cdktf/provider-aws/lib/network-acl-rule';
import { Vpc as TfVpc } from '@cdktf/provider-aws/lib/vpc';
import type { RuleCase } from '../../../lib/engine/cases';

/** An ACL admitting HTTPS from anywhere and SSH from the corporate range. */
function baseline(stack: Stack): ec2.NetworkAcl {
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 0 });
  const acl = new ec2.NetworkAcl(stack, 'Acl', { vpc });
  acl.addEntry('Https', {
    cidr: ec2.AclCidr.anyIpv4(),
    ruleNumber: 100,
    traffic: ec2.AclTraffic.tcpPort(443),
    direction: ec2.TrafficDirection.INGRESS,
  });
  acl.addEntry('CorpSsh', {
    cidr: ec2.AclCidr.ipv4('10.20.0.0/16'),
    ruleNumber: 110,
    traffic: ec2.AclTraffic.tcpPort(22),
    direction: ec2.TrafficDirection.INGRESS,
  });
  return acl;
}

/** A Terraform network ACL that admits HTTPS from anywhere and SSH only from the corporate range. */
function tfBaseline(stack: TerraformStack): NetworkAcl {
  const vpc = new TfVpc(stack, 'Vpc', { cidrBlock: '10.0.0.0/16' });
  return new NetworkAcl(stack, 'Acl', {
    vpcId: vpc.id,
    ingress: [
      { ruleNo: 100, action: 'allow', protocol: 'tcp', fromPort: 443, toPort: 443, cidrBlock: '0.0.0.0/0' },
      { ruleNo: 110, action: 'allow', protocol: 'tcp', fromPort: 22, toPort: 22, cidrBlock: '10.20.0.0/16' },
    ],
  });
}

const terraformCases: RuleCase[] = [
  {
    name: 'Terraform: inline entries admit SSH only from a private range',
    source: 'cdktf',
    build: (stack) => void tfBaseline(stack),
    target: 'Acl',
    expect: 'pass',
  },
  {
    name: 'Terraform: an aws_network_acl_rule allows SSH from 0.0.0.0/0',
    source: 'cdktf',
    build: (stack) => {
      const acl = tfBaseline(stack);
      new NetworkAclRule(stack, 'OpenSsh', {
        networkAclId: acl.id,
        ruleNumber: 50,
        egress: false,
        protocol: 'tcp',
        ruleAction: 'allow',
        cidrBlock: '0.0.0.0/0',
        fromPort: 22,
        toPort: 22,
      });
    },
    target: 'Acl',
    expect: 'fail',
    message: /`Acl` allows ingress from 0\.0\.0\.0\/0 to administration port 22 \(entry 50/,
  },
  {
    name: 'Terraform: an inline entry allows every protocol from 0.0.0.0/0',
    source: 'cdktf',
    build: (stack) =>
      tfBaseline(stack).putIngress([
        { ruleNo: 100, action: 'allow', protocol: '-1', fromPort: 0, toPort: 0, cidrBlock: '0.0.0.0/0' },
      ]),
    target: 'Acl',
    expect: 'fail',
    message: /to administration ports 22, 3389 \(entry 100/,
  },
  {
    name: 'Terraform: an egress aws_network_acl_rule to 0.0.0.0/0 on port 22 is no ingress',
    source: 'cdktf',
    build: (stack) => {
      const acl = tfBaseline(stack);
      new NetworkAclRule(stack, 'SshOut', {
        networkAclId: acl.id,
        ruleNumber: 50,
        egress: true,
        protocol: 'tcp',
        ruleAction: 'allow',
        cidrBlock: '0.0.0.0/0',
        fromPort: 22,
        toPort: 22,
      });
    },
    target: 'Acl',
    expect: 'pass',
  },
];

export default defineCases(rule, [
  {
    name: 'HTTPS from anywhere, SSH from a private range',
    build: (stack) => void baseline(stack),
    target: 'Acl',
    expect: 'pass',
  },
  {
    name: 'SSH allowed from 0.0.0.0/0',
    build: (stack) =>
      baseline(stack).addEntry('OpenSsh', {
        cidr: ec2.AclCidr.anyIpv4(),
        ruleNumber: 120,
        traffic: ec2.AclTraffic.tcpPort(22),
        direction: ec2.TrafficDirection.INGRESS,
      }),
    target: 'Acl',
    expect: 'fail',
    message: /`Acl` allows ingress from 0\.0\.0\.0\/0 to administration port 22 \(entry 120/,
  },
  {
    name: 'all traffic allowed from ::/0',
    build: (stack) =>
      baseline(stack).addEntry('OpenV6', {
        cidr: ec2.AclCidr.anyIpv6(),
        ruleNumber: 130,
        traffic: ec2.AclTraffic.allTraffic(),
        direction: ec2.TrafficDirection.INGRESS,
      }),
    target: 'Acl',
    expect: 'fail',
    message: /from ::\/0 to administration ports 22, 3389 \(entry 130, `all-::\/0`\)/,
  },
  {
    name: 'RDP allowed from 0.0.0.0/0 but denied by a lower-numbered entry',
    build: (stack) => {
      const acl = baseline(stack);
      acl.addEntry('DenyRdp', {
        cidr: ec2.AclCidr.anyIpv4(),
        ruleNumber: 50,
        traffic: ec2.AclTraffic.tcpPort(3389),
        direction: ec2.TrafficDirection.INGRESS,
        ruleAction: ec2.Action.DENY,
      });
      acl.addEntry('OpenRdp', {
        cidr: ec2.AclCidr.anyIpv4(),
        ruleNumber: 140,
        traffic: ec2.AclTraffic.tcpPort(3389),
        direction: ec2.TrafficDirection.INGRESS,
      });
    },
    target: 'Acl',
    expect: 'pass',
  },
  {
    name: 'SSH allowed from anywhere on egress only',
    build: (stack) =>
      baseline(stack).addEntry('OutSsh', {
        cidr: ec2.AclCidr.anyIpv4(),
        ruleNumber: 100,
        traffic: ec2.AclTraffic.tcpPort(22),
        direction: ec2.TrafficDirection.EGRESS,
      }),
    target: 'Acl',
    expect: 'pass',
  },
  {
    name: 'SSH allowed from 192.168.0.0/0 (every address)',
    build: (stack) =>
      baseline(stack).addEntry('SlashZero', {
        cidr: ec2.AclCidr.ipv4('192.168.0.0/0'),
        ruleNumber: 120,
        traffic: ec2.AclTraffic.tcpPort(22),
        direction: ec2.TrafficDirection.INGRESS,
      }),
    target: 'Acl',
    expect: 'fail',
    message: /allows ingress from 192\.168\.0\.0\/0 \(every address\) to administration port 22 \(entry 120/,
  },
  {
    name: 'a deny for half the internet does not shadow an allow from everywhere',
    build: (stack) => {
      const acl = baseline(stack);
      acl.addEntry('DenyHalf', {
        cidr: ec2.AclCidr.ipv4('0.0.0.0/1'),
        ruleNumber: 90,
        traffic: ec2.AclTraffic.tcpPort(22),
        direction: ec2.TrafficDirection.INGRESS,
        ruleAction: ec2.Action.DENY,
      });
      acl.addEntry('OpenSsh', {
        cidr: ec2.AclCidr.anyIpv4(),
        ruleNumber: 120,
        traffic: ec2.AclTraffic.tcpPort(22),
        direction: ec2.TrafficDirection.INGRESS,
      });
    },
    target: 'Acl',
    expect: 'fail',
    message: /allows ingress from 0\.0\.0\.0\/0 to administration port 22 \(entry 120/,
  },
  {
    name: 'SSH allowed from 128.0.0.0/1 before a deny from everywhere',
    build: (stack) => {
      const acl = baseline(stack);
      acl.addEntry('HalfSsh', {
        cidr: ec2.AclCidr.ipv4('128.0.0.0/1'),
        ruleNumber: 90,
        traffic: ec2.AclTraffic.tcpPort(22),
        direction: ec2.TrafficDirection.INGRESS,
      });
      acl.addEntry('DenySsh', {
        cidr: ec2.AclCidr.anyIpv4(),
        ruleNumber: 95,
        traffic: ec2.AclTraffic.tcpPort(22),
        direction: ec2.TrafficDirection.INGRESS,
        ruleAction: ec2.Action.DENY,
      });
    },
    target: 'Acl',
    expect: 'fail',
    message:
      /from 128\.0\.0\.0\/1 \(wider than \/8, much of the internet\) to administration port 22 \(entry 90/,
  },
  ...terraformCases,
]);
