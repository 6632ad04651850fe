import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { Stack } from 'aws-cdk-lib';
import { defineCases } from '../../../lib/engine/cases';
import rule from './sg-no-open-all-ports';
import type { TerraformStack } from 'cdktf';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { SecurityGroupRule } from '@cdktf/provider-aws/lib/security-group-rule';
import { Vpc as TfVpc } from '@cdktf/provider-aws/lib/vpc';
import type { RuleCase } from '../../../lib/engine/cases';

/** A web tier group: HTTPS from anywhere, everything from inside the VPC. */
function baseline(stack: Stack): ec2.SecurityGroup {
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 0 });
  const sg = new ec2.SecurityGroup(stack, 'Web', { vpc });
  sg.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443));
  sg.addIngressRule(ec2.Peer.ipv4(vpc.vpcCidrBlock), ec2.Port.allTraffic());
  return sg;
}

/** A Terraform group that opens HTTPS to the internet and nothing else. */
function tfBaseline(stack: TerraformStack): SecurityGroup {
  const vpc = new TfVpc(stack, 'Vpc', { cidrBlock: '10.0.0.0/16' });
  return new SecurityGroup(stack, 'Web', {
    vpcId: vpc.id,
    ingress: [{ protocol: 'tcp', fromPort: 443, toPort: 443, cidrBlocks: ['0.0.0.0/0'] }],
  });
}

const terraformCases: RuleCase[] = [
  {
    name: 'Terraform: only HTTPS open to the internet',
    source: 'cdktf',
    build: (stack) => void tfBaseline(stack),
    target: 'Web',
    expect: 'pass',
  },
  {
    name: 'Terraform: every TCP port open to 0.0.0.0/0 by an aws_security_group_rule',
    source: 'cdktf',
    build: (stack) => {
      const sg = tfBaseline(stack);
      new SecurityGroupRule(stack, 'AllTcp', {
        type: 'ingress',
        securityGroupId: sg.id,
        protocol: 'tcp',
        fromPort: 0,
        toPort: 65535,
        cidrBlocks: ['0.0.0.0/0'],
      });
    },
    target: 'Web',
    expect: 'fail',
    message: /`Web` admits every port from 0\.0\.0\.0\/0 \(rule `tcp-0-65535-0\.0\.0\.0\/0`/,
  },
  {
    name: 'Terraform plan: all protocols open to 0.0.0.0/0 in a for_each module (checkov)',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/checkov__aws-sg-for-each-route53.json',
    target: 'module.sg["awful_example"].aws_security_group.bad',
    expect: 'fail',
    message: /admits every port from 0\.0\.0\.0\/0 \(rule `all-0\.0\.0\.0\/0`/,
  },
  {
    name: 'Terraform plan: only port 80 open to 0.0.0.0/0 (trivy)',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/trivy__aws-s3-sse-config-and-open-sg.json',
    target: 'aws_security_group.sg',
    expect: 'pass',
  },
];

export default defineCases(rule, [
  {
    name: 'HTTPS from anywhere, all traffic only from the VPC range',
    build: (stack) => void baseline(stack),
    target: 'Web',
    expect: 'pass',
  },
  {
    name: 'all traffic from 0.0.0.0/0',
    build: (stack) => baseline(stack).addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.allTraffic()),
    target: 'Web',
    expect: 'fail',
    message: /`Web` admits every port from 0\.0\.0\.0\/0 \(rule `all-0\.0\.0\.0\/0`/,
  },
  {
    name: 'every TCP port from ::/0',
    build: (stack) => baseline(stack).addIngressRule(ec2.Peer.anyIpv6(), ec2.Port.allTcp()),
    target: 'Web',
    expect: 'fail',
    message: /admits every port from ::\/0 \(rule `tcp-0-65535-::\/0`/,
  },
  {
    name: 'a wide but partial port range from anywhere is left to the port rules',
    build: (stack) => baseline(stack).addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcpRange(1024, 65535)),
    target: 'Web',
    expect: 'pass',
  },
  {
    name: 'all traffic from 10.0.0.0/0, a private address with a /0 prefix',
    build: (stack) => {
      const sg = baseline(stack);
      new ec2.CfnSecurityGroupIngress(stack, 'SlashZero', {
        groupId: sg.securityGroupId,
        ipProtocol: '-1',
        cidrIp: '10.0.0.0/0',
      });
    },
    target: 'Web',
    expect: 'fail',
    message: /admits every port from 10\.0\.0\.0\/0 \(every address\)/,
  },
  ...terraformCases,
  {
    name: 'terraform plan: NSG allowing every TCP port from *',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/regula__azure-nsg-inbound-22.json',
    target: 'azurerm_network_security_group.invalidnsg1',
    expect: 'fail',
    message: /admits every port from \*/,
  },
  {
    name: 'terraform plan: NSG opening one port to the internet',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/regula__azure-nsg-inbound-22.json',
    target: 'azurerm_network_security_group.validnsg1',
    expect: 'pass',
  },
]);
