import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { CfnCondition, CfnParameter, Fn, type Stack } from 'aws-cdk-lib';
import { defineCases } from '../../../lib/engine/cases';
import rule from './sg-admin-ports';
import { TerraformVariable, type TerraformStack } from 'cdktf';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { SecurityGroupRule } from '@cdktf/provider-aws/lib/security-group-rule';
import { Vpc as TfVpc } from '@cdktf/provider-aws/lib/vpc';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import type { RuleCase } from '../../../lib/engine/cases';
import * as network from '@pulumi/azure-native/network';
import type { types } from '@pulumi/azure-native';

/** SSH from the corporate range when `condition` holds, else from `otherwise`. */
function sshIf(stack: Stack, condition: CfnCondition, otherwise: string): void {
  const cidr = Fn.conditionIf(condition.logicalId, '10.20.0.0/16', otherwise).toString();
  baseline(stack).addIngressRule(ec2.Peer.ipv4(cidr), ec2.Port.tcp(22));
}

/** A group that admits HTTPS from anywhere and SSH only from the corporate range. */
function baseline(stack: Stack): ec2.SecurityGroup {
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 0 });
  const sg = new ec2.SecurityGroup(stack, 'Web', { vpc });
  sg.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443));
  sg.addIngressRule(ec2.Peer.ipv4('10.20.0.0/16'), ec2.Port.tcp(22));
  return sg;
}

/** The same group in Terraform: HTTPS from anywhere and SSH only from the corporate range, inline. */
function tfBaseline(stack: TerraformStack): SecurityGroup {
  const vpc = new TfVpc(stack, 'Vpc', { cidrBlock: '10.0.0.0/16' });
  return new SecurityGroup(stack, 'Web', {
    vpcId: vpc.id,
    ingress: [
      { protocol: 'tcp', fromPort: 443, toPort: 443, cidrBlocks: ['0.0.0.0/0'] },
      { protocol: 'tcp', fromPort: 22, toPort: 22, cidrBlocks: ['10.20.0.0/16'] },
    ],
  });
}

const plan = 'test/fixtures/terraform/terraform-plans/regula__aws-sg-ingress-anywhere.json';

const terraformCases: RuleCase[] = [
  {
    name: 'Terraform: SSH only from a private range, HTTPS from anywhere (inline blocks)',
    source: 'cdktf',
    build: (stack) => void tfBaseline(stack),
    target: 'Web',
    expect: 'pass',
  },
  {
    name: 'Terraform: SSH open to 0.0.0.0/0 by an aws_security_group_rule referencing the group',
    source: 'cdktf',
    build: (stack) => {
      const sg = tfBaseline(stack);
      new SecurityGroupRule(stack, 'OpenSsh', {
        type: 'ingress',
        securityGroupId: sg.id,
        protocol: 'tcp',
        fromPort: 22,
        toPort: 22,
        cidrBlocks: ['0.0.0.0/0'],
      });
    },
    target: 'Web',
    expect: 'fail',
    message:
      /from 0\.0\.0\.0\/0 to administration port 22 \(rule `tcp-22-0\.0\.0\.0\/0`, declared by `aws_security_group_rule\.OpenSsh`/,
  },
  {
    name: 'Terraform: RDP open to ::/0 by an aws_vpc_security_group_ingress_rule',
    source: 'cdktf',
    build: (stack) => {
      const sg = tfBaseline(stack);
      new VpcSecurityGroupIngressRule(stack, 'OpenRdp', {
        securityGroupId: sg.id,
        ipProtocol: 'tcp',
        fromPort: 3389,
        toPort: 3389,
        cidrIpv6: '::/0',
      });
    },
    target: 'Web',
    expect: 'fail',
    message: /from ::\/0 to administration port 3389/,
  },
  {
    name: 'Terraform: all protocols from 0.0.0.0/0 in an inline block',
    source: 'cdktf',
    build: (stack) => {
      const sg = tfBaseline(stack);
      sg.putIngress([
        { protocol: '-1', fromPort: 0, toPort: 0, cidrBlocks: ['0.0.0.0/0'] },
        { protocol: 'tcp', fromPort: 443, toPort: 443, cidrBlocks: ['0.0.0.0/0'] },
      ]);
    },
    target: 'Web',
    expect: 'fail',
    message: /administration ports 22, 3389 \(rule `all-0\.0\.0\.0\/0`/,
  },
  {
    name: 'Terraform: SSH from a variable without default',
    source: 'cdktf',
    build: (stack) => {
      const sg = tfBaseline(stack);
      const cidr = new TerraformVariable(stack, 'admin_cidr', { type: 'string' });
      new SecurityGroupRule(stack, 'Ssh', {
        type: 'ingress',
        securityGroupId: sg.id,
        protocol: 'tcp',
        fromPort: 22,
        toPort: 22,
        cidrBlocks: [cidr.stringValue],
      });
    },
    target: 'Web',
    expect: 'unknown',
    message: /may open administration ports to the internet/,
  },
  {
    name: 'Terraform: SSH from a bastion security group',
    source: 'cdktf',
    build: (stack) => {
      const sg = tfBaseline(stack);
      const bastion = new SecurityGroup(stack, 'Bastion', { vpcId: sg.vpcId });
      new VpcSecurityGroupIngressRule(stack, 'FromBastion', {
        securityGroupId: sg.id,
        ipProtocol: 'tcp',
        fromPort: 22,
        toPort: 22,
        referencedSecurityGroupId: bastion.id,
      });
    },
    target: 'Web',
    expect: 'pass',
  },
  {
    name: 'Terraform plan: every TCP port open to 0.0.0.0/0 (regula)',
    source: 'terraform-plan',
    file: plan,
    target: 'aws_security_group.invalid_allow_all',
    expect: 'fail',
    message: /administration ports 22, 3389 \(rule `tcp-0-65535-0\.0\.0\.0\/0`/,
  },
  {
    name: 'Terraform plan: only 443 open to 0.0.0.0/0 (regula)',
    source: 'terraform-plan',
    file: plan,
    target: 'aws_security_group.valid_exact_443',
    expect: 'pass',
  },
];

/** An NSG rule admitting TCP on `port` from `source`, at `priority`. */
function nsgRule(
  name: string,
  priority: number,
  port: string,
  source: string,
  access: 'Allow' | 'Deny' = 'Allow',
): types.input.network.SecurityRuleArgs {
  return {
    name,
    direction: 'Inbound',
    access,
    priority,
    protocol: 'Tcp',
    sourceAddressPrefix: source,
    sourcePortRange: '*',
    destinationAddressPrefix: '*',
    destinationPortRange: port,
  };
}

/** An NSG admitting HTTPS from the internet and SSH only from the corporate range, and denying the rest. */
function nsgBaseline(extra: types.input.network.SecurityRuleArgs[] = []): network.NetworkSecurityGroup {
  return new network.NetworkSecurityGroup('application', {
    resourceGroupName: 'estate',
    securityRules: [
      nsgRule('AllowHttpsFromInternet', 100, '443', 'Internet'),
      nsgRule('AllowSshFromCorporate', 110, '22', '10.20.0.0/16'),
      ...extra,
      { ...nsgRule('DenyAllInbound', 4096, '*', '*', 'Deny'), protocol: '*' },
    ],
  });
}

const pulumiCases: RuleCase[] = [
  {
    name: 'Pulumi: NSG admits SSH from a private range only, HTTPS from the internet',
    source: 'pulumi',
    build: () => void nsgBaseline(),
    target: 'application',
    expect: 'pass',
  },
  {
    name: 'Pulumi: NSG rule admits RDP (3389) from the Internet service tag',
    source: 'pulumi',
    build: () => void nsgBaseline([nsgRule('AllowRdpFromInternet', 120, '3389', 'Internet')]),
    target: 'application',
    expect: 'fail',
    message: /`application` allows ingress from .*Internet.* to administration port 3389/,
  },
  {
    name: 'Pulumi: NSG rule admits SSH from `*` through a port range',
    source: 'pulumi',
    build: () => void nsgBaseline([nsgRule('AllowAdminRange', 120, '20-25', '*')]),
    target: 'application',
    expect: 'fail',
    message: 'administration port 22',
  },
  {
    name: 'Pulumi: an RDP allow from the Internet sits behind a deny of higher priority',
    source: 'pulumi',
    build: () =>
      void nsgBaseline([
        nsgRule('DenyRdpFromInternet', 105, '3389', 'Internet', 'Deny'),
        nsgRule('AllowRdpFromInternet', 120, '3389', 'Internet'),
      ]),
    target: 'application',
    expect: 'pass',
  },
  {
    name: 'Pulumi: a deny of lower priority does not close an RDP allow evaluated first',
    source: 'pulumi',
    build: () =>
      void nsgBaseline([
        nsgRule('AllowRdpFromInternet', 120, '3389', 'Internet'),
        nsgRule('DenyRdpFromInternet', 130, '3389', 'Internet', 'Deny'),
      ]),
    target: 'application',
    expect: 'fail',
    message: 'administration port 3389',
  },
  {
    name: 'Pulumi: a standalone SecurityRule opens SSH to 0.0.0.0/0 on the NSG it names',
    source: 'pulumi',
    build: () => {
      const nsg = nsgBaseline();
      new network.SecurityRule('open-ssh', {
        resourceGroupName: 'estate',
        networkSecurityGroupName: nsg.name,
        ...nsgRule('AllowSshFromAnywhere', 150, '22', '0.0.0.0/0'),
        priority: 150,
      });
    },
    target: 'application',
    expect: 'fail',
    message: 'declared by `open-ssh`',
  },
  {
    name: 'Pulumi: an NSG rule whose source prefix is a service tag of unknown reach',
    source: 'pulumi',
    build: () => void nsgBaseline([nsgRule('AllowRdpFromFrontDoor', 120, '3389', 'AzureFrontDoor.Backend')]),
    target: 'application',
    expect: 'unknown',
    message: 'AzureFrontDoor.Backend',
  },
];

export default defineCases(rule, [
  ...pulumiCases,
  {
    name: 'SSH only from a private range, HTTPS from anywhere',
    build: (stack) => void baseline(stack),
    target: 'Web',
    expect: 'pass',
  },
  {
    name: 'SSH open to 0.0.0.0/0',
    build: (stack) => baseline(stack).addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(22)),
    target: 'Web',
    expect: 'fail',
    message:
      /`Web` allows ingress from 0\.0\.0\.0\/0 to administration port 22 \(rule `tcp-22-0\.0\.0\.0\/0`/,
  },
  {
    name: 'RDP open to ::/0 through a port range',
    build: (stack) => baseline(stack).addIngressRule(ec2.Peer.anyIpv6(), ec2.Port.tcpRange(3000, 3400)),
    target: 'Web',
    expect: 'fail',
    message: /from ::\/0 to administration port 3389 \(rule `tcp-3000-3400-::\/0`/,
  },
  {
    name: 'all traffic open to 0.0.0.0/0',
    build: (stack) => baseline(stack).addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.allTraffic()),
    target: 'Web',
    expect: 'fail',
    message: /administration ports 22, 3389 \(rule `all-0\.0\.0\.0\/0`/,
  },
  {
    name: 'SSH from anywhere declared as a standalone ingress resource',
    build: (stack) => {
      const sg = baseline(stack);
      new ec2.CfnSecurityGroupIngress(stack, 'OpenSsh', {
        groupId: sg.securityGroupId,
        ipProtocol: 'tcp',
        fromPort: 22,
        toPort: 22,
        cidrIp: '0.0.0.0/0',
      });
    },
    target: 'Web',
    expect: 'fail',
    message: /declared by `OpenSsh/,
  },
  {
    name: 'SSH from a source range given as a parameter without default',
    build: (stack) => {
      const source = new CfnParameter(stack, 'AdminCidr');
      baseline(stack).addIngressRule(ec2.Peer.ipv4(source.valueAsString), ec2.Port.tcp(22));
    },
    target: 'Web',
    expect: 'unknown',
    message: /may open administration ports to the internet/,
  },
  {
    name: 'SSH from another security group',
    build: (stack) => {
      const sg = baseline(stack);
      const bastion = new ec2.SecurityGroup(stack, 'Bastion', {
        vpc: sg.node.scope!.node.findChild('Vpc') as ec2.IVpc,
      });
      sg.addIngressRule(bastion, ec2.Port.tcp(22));
    },
    target: 'Web',
    expect: 'pass',
  },
  {
    name: 'SSH open to 0.0.0.0/0 in the branch a parameter default does not take',
    build: (stack) => {
      const access = new CfnParameter(stack, 'AdminAccess', { default: 'restricted' });
      const restricted = new CfnCondition(stack, 'Restricted', {
        expression: Fn.conditionEquals(access.valueAsString, 'restricted'),
      });
      sshIf(stack, restricted, '0.0.0.0/0');
    },
    target: 'Web',
    expect: 'fail',
    message:
      /^when condition `Restricted` is false: `Web` allows ingress from 0\.0\.0\.0\/0 to administration port 22/,
  },
  {
    name: 'SSH source range from a parameter whose allowed values include 0.0.0.0/0',
    build: (stack) => {
      const source = new CfnParameter(stack, 'AdminCidr', {
        allowedValues: ['10.20.0.0/16', '0.0.0.0/0'],
        default: '10.20.0.0/16',
      });
      baseline(stack).addIngressRule(ec2.Peer.ipv4(source.valueAsString), ec2.Port.tcp(22));
    },
    target: 'Web',
    expect: 'fail',
    message: /^when parameter `AdminCidr` is `0\.0\.0\.0\/0`: `Web` allows ingress from 0\.0\.0\.0\/0/,
  },
  {
    name: 'SSH from a private range in both branches of a deploy-time condition',
    build: (stack) => {
      const site = new CfnParameter(stack, 'Site');
      const corporate = new CfnCondition(stack, 'Corporate', {
        expression: Fn.conditionEquals(site.valueAsString, 'corporate'),
      });
      sshIf(stack, corporate, '192.168.0.0/16');
    },
    target: 'Web',
    expect: 'pass',
  },
  {
    name: 'SSH from a parameter without default in one branch of a deploy-time condition',
    build: (stack) => {
      const site = new CfnParameter(stack, 'Site');
      const corporate = new CfnCondition(stack, 'Corporate', {
        expression: Fn.conditionEquals(site.valueAsString, 'corporate'),
      });
      sshIf(stack, corporate, new CfnParameter(stack, 'AdminCidr').valueAsString);
    },
    target: 'Web',
    expect: 'unknown',
    message:
      /^when condition `Corporate` is false: `Web`: ingress rule .* may open administration ports to the internet \(parameter `AdminCidr` has no default\)/,
  },
  {
    name: 'SSH from 192.168.1.0/0, a private-looking address with a /0 prefix (the whole internet)',
    build: (stack) => {
      const sg = baseline(stack);
      new ec2.CfnSecurityGroupIngress(stack, 'SlashZero', {
        groupId: sg.securityGroupId,
        ipProtocol: 'tcp',
        fromPort: 22,
        toPort: 22,
        cidrIp: '192.168.1.0/0',
      });
    },
    target: 'Web',
    expect: 'fail',
    message: /`Web` allows ingress from 192\.168\.1\.0\/0 \(every address\) to administration port 22/,
  },
  {
    name: 'RDP from an IPv6 documentation address with a /0 prefix',
    build: (stack) => {
      const sg = baseline(stack);
      new ec2.CfnSecurityGroupIngress(stack, 'V6SlashZero', {
        groupId: sg.securityGroupId,
        ipProtocol: 'tcp',
        fromPort: 3389,
        toPort: 3389,
        cidrIpv6: '2001:db8::/0',
      });
    },
    target: 'Web',
    expect: 'fail',
    message: /from 2001:db8::\/0 \(every address\) to administration port 3389/,
  },
  {
    name: 'SSH from 0.0.0.0/1, half of the IPv4 internet',
    build: (stack) => baseline(stack).addIngressRule(ec2.Peer.ipv4('0.0.0.0/1'), ec2.Port.tcp(22)),
    target: 'Web',
    expect: 'fail',
    message: /from 0\.0\.0\.0\/1 \(wider than \/8, much of the internet\) to administration port 22/,
  },
  {
    name: 'SSH from a source that is not a CIDR',
    build: (stack) => {
      const sg = baseline(stack);
      new ec2.CfnSecurityGroupIngress(stack, 'Garbled', {
        groupId: sg.securityGroupId,
        ipProtocol: 'tcp',
        fromPort: 22,
        toPort: 22,
        cidrIp: '0.0.0.0',
      });
    },
    target: 'Web',
    expect: 'unknown',
    message: /`0\.0\.0\.0` is not an IPv4 or IPv6 CIDR/,
  },
  {
    name: 'SSH from a corporate /16 written with host bits set',
    build: (stack) => baseline(stack).addIngressRule(ec2.Peer.ipv4('10.20.30.0/16'), ec2.Port.tcp(22)),
    target: 'Web',
    expect: 'pass',
  },
  // From real templates (test/fixtures/real-world): CIS AWS 5.3 fails a group that admits SSH from 0.0.0.0/0.
  {
    name: 'real template: EFS sample instances admit SSH from 0.0.0.0/0 by literal CIDR',
    source: 'cloudformation-template',
    template: 'test/fixtures/real-world/aws-cloudformation-templates/efs-automount-ec2.yaml',
    target: 'InstanceSecurityGroup',
    expect: 'fail',
    message: /`InstanceSecurityGroup` allows ingress from 0\.0\.0\.0\/0 to administration port 22/,
  },
  {
    name: 'real template: ELB sample instances admit SSH from the SSHLocation parameter, 0.0.0.0/0 by default',
    source: 'cloudformation-template',
    template:
      'test/fixtures/real-world/aws-cloudformation-templates/elb-locked-down-autoscaled-instances.yaml',
    target: 'InstanceSecurityGroup',
    expect: 'fail',
    message: /`InstanceSecurityGroup` allows ingress from 0\.0\.0\.0\/0 to administration port 22/,
  },
  {
    name: 'real template: load balancer group admits HTTP and HTTPS from anywhere, no administration port',
    source: 'cloudformation-template',
    template: 'test/fixtures/real-world/aws-cloudformation-templates/efs-automount-ec2.yaml',
    target: 'ELBSecurityGroup',
    expect: 'pass',
  },
  ...terraformCases,
  {
    name: 'terraform plan: NSG opening port 20 to Internet and 20-50 to one address',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/regula__azure-nsg-inbound-22.json',
    target: 'azurerm_network_security_group.validnsg1',
    expect: 'pass',
  },
  {
    name: 'terraform plan: NSG whose standalone rule denies 3389 from *',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/checkov__azure-nsg-rule-references.json',
    target: 'azurerm_network_security_group.pass',
    expect: 'pass',
  },
  {
    name: 'terraform plan: NSG with an inline rule allowing 22 from 0.0.0.0/0',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/regula__azure-nsg-inbound-22.json',
    target: 'azurerm_network_security_group.invalidnsg2',
    expect: 'fail',
    message: /allows ingress from 0\.0\.0\.0\/0 to administration port 22/,
  },
  {
    name: 'terraform plan: NSG with an inline rule allowing every TCP port from *',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/regula__azure-nsg-inbound-22.json',
    target: 'azurerm_network_security_group.invalidnsg1',
    expect: 'fail',
    message: /allows ingress from \* to administration ports 22, 3389/,
  },
  {
    name: 'terraform plan: standalone NSG rule allowing 20-25 from * among its source prefixes',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/regula__azure-nsg-inbound-22.json',
    target: 'azurerm_network_security_group.testnsg',
    expect: 'fail',
    message: /rule `tcp-20-25-\*`, declared by `azurerm_network_security_rule.invalidrule1`/,
  },
  {
    name: 'terraform plan: standalone NSG rule from the undocumented prefix Any',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/regula__azure-nsg-inbound-22.json',
    target: 'azurerm_network_security_group.testnsg',
    expect: 'unknown',
    message: /ingress rule `tcp-22-Any`/,
  },
]);
