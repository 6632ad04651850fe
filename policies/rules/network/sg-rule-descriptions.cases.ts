import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { Stack } from 'aws-cdk-lib';
import { defineCases } from '../../../lib/engine/cases';
import rule from './sg-rule-descriptions';
import type { TerraformStack } from 'cdktf';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { Vpc as TfVpc } from '@cdktf/provider-aws/lib/vpc';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import type { RuleCase } from '../../../lib/engine/cases';

function baseline(stack: Stack): ec2.SecurityGroup {
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 0 });
  const sg = new ec2.SecurityGroup(stack, 'Web', { vpc });
  sg.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'public HTTPS listener');
  return sg;
}

/** A Terraform group whose every rule says why it exists. */
function tfBaseline(stack: TerraformStack): SecurityGroup {
  const vpc = new TfVpc(stack, 'Vpc', { cidrBlock: '10.0.0.0/16' });
  return new SecurityGroup(stack, 'Web', {
    vpcId: vpc.id,
    ingress: [
      { protocol: 'tcp', fromPort: 443, toPort: 443, cidrBlocks: ['0.0.0.0/0'], description: 'public HTTPS' },
    ],
    egress: [
      {
        protocol: 'tcp',
        fromPort: 443,
        toPort: 443,
        cidrBlocks: ['10.0.0.0/16'],
        description: 'to the app tier',
      },
    ],
  });
}

const terraformCases: RuleCase[] = [
  {
    name: 'Terraform: every inline rule has a description',
    source: 'cdktf',
    build: (stack) => void tfBaseline(stack),
    target: 'Web',
    expect: 'pass',
  },
  {
    name: 'Terraform: an aws_vpc_security_group_egress_rule without a description',
    source: 'cdktf',
    build: (stack) => {
      const sg = tfBaseline(stack);
      new VpcSecurityGroupEgressRule(stack, 'Dns', {
        securityGroupId: sg.id,
        ipProtocol: 'udp',
        fromPort: 53,
        toPort: 53,
        cidrIpv4: '10.0.0.2/32',
      });
    },
    target: 'Web',
    expect: 'fail',
    message:
      /`Web`: egress rule `udp-53-10\.0\.0\.2\/32` \(declared by `aws_vpc_security_group_egress_rule\.Dns`\) has no description/,
  },
];

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
  ...terraformCases,
  {
    name: 'terraform plan: NSG rules without description',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/regula__azure-nsg-inbound-22.json',
    target: 'azurerm_network_security_group.invalidnsg2',
    expect: 'fail',
    message: /has no description/,
  },
  {
    name: 'terraform plan: NSG without rules',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/checkov__azure-nsg-rule-references.json',
    target: 'azurerm_network_security_group.fail',
    expect: 'pass',
  },
]);
