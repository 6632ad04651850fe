import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { Stack } from 'aws-cdk-lib';
import { defineCases } from '../../../lib/engine/cases';
import rule from './sg-cifs-port';
import type { TerraformStack } from 'cdktf';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { SecurityGroupRule } from '@cdktf/provider-aws/lib/security-group-rule';
import { Vpc as TfVpc } from '@cdktf/provider-aws/lib/vpc';
import type { RuleCase } from '../../../lib/engine/cases';

function baseline(stack: Stack): ec2.SecurityGroup {
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 0 });
  const sg = new ec2.SecurityGroup(stack, 'Files', { vpc });
  sg.addIngressRule(ec2.Peer.ipv4('10.0.0.0/8'), ec2.Port.tcp(445), 'SMB from the corporate network');
  return sg;
}

/** A Terraform file-server group that admits SMB from the private network only. */
function tfBaseline(stack: TerraformStack): SecurityGroup {
  const vpc = new TfVpc(stack, 'Vpc', { cidrBlock: '10.0.0.0/16' });
  return new SecurityGroup(stack, 'Files', {
    vpcId: vpc.id,
    ingress: [{ protocol: 'tcp', fromPort: 445, toPort: 445, cidrBlocks: ['10.0.0.0/16'] }],
  });
}

const terraformCases: RuleCase[] = [
  {
    name: 'Terraform: SMB only from the private network',
    source: 'cdktf',
    build: (stack) => void tfBaseline(stack),
    target: 'Files',
    expect: 'pass',
  },
  {
    name: 'Terraform: SMB open to 0.0.0.0/0 by an aws_security_group_rule',
    source: 'cdktf',
    build: (stack) => {
      const sg = tfBaseline(stack);
      new SecurityGroupRule(stack, 'OpenSmb', {
        type: 'ingress',
        securityGroupId: sg.id,
        protocol: 'tcp',
        fromPort: 445,
        toPort: 445,
        cidrBlocks: ['0.0.0.0/0'],
      });
    },
    target: 'Files',
    expect: 'fail',
    message: /`Files` allows ingress from 0\.0\.0\.0\/0 to CIFS port 445/,
  },
];

export default defineCases(rule, [
  {
    name: 'SMB from a private range only',
    build: (stack) => void baseline(stack),
    target: 'Files',
    expect: 'pass',
  },
  {
    name: 'SMB open to 0.0.0.0/0',
    build: (stack) => baseline(stack).addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(445)),
    target: 'Files',
    expect: 'fail',
    message: /`Files` allows ingress from 0\.0\.0\.0\/0 to CIFS port 445/,
  },
  {
    name: 'NetBIOS session port open to ::/0',
    build: (stack) => baseline(stack).addIngressRule(ec2.Peer.anyIpv6(), ec2.Port.tcpRange(135, 139)),
    target: 'Files',
    expect: 'fail',
    message: /from ::\/0 to CIFS port 139/,
  },
  ...terraformCases,
  {
    name: 'terraform plan: NSG allowing every TCP port from *',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/regula__azure-nsg-inbound-22.json',
    target: 'azurerm_network_security_group.invalidnsg1',
    expect: 'fail',
    message: /to CIFS ports 139, 445/,
  },
  {
    name: 'terraform plan: NSG opening only port 22 to 0.0.0.0/0',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/regula__azure-nsg-inbound-22.json',
    target: 'azurerm_network_security_group.invalidnsg2',
    expect: 'pass',
  },
]);
