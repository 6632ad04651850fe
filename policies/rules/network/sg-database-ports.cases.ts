import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { Stack } from 'aws-cdk-lib';
import { defineCases } from '../../../lib/engine/cases';
import rule from './sg-database-ports';
import type { TerraformStack } from 'cdktf';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { Vpc as TfVpc } from '@cdktf/provider-aws/lib/vpc';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import type { RuleCase } from '../../../lib/engine/cases';

/** A database group reachable on 5432 from the application's group only. */
function baseline(stack: Stack): ec2.SecurityGroup {
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 0 });
  const app = new ec2.SecurityGroup(stack, 'App', { vpc });
  const db = new ec2.SecurityGroup(stack, 'Db', { vpc, allowAllOutbound: false });
  db.addIngressRule(app, ec2.Port.tcp(5432));
  return db;
}

/** A database group in Terraform that admits PostgreSQL only from the application's group. */
function tfBaseline(stack: TerraformStack): SecurityGroup {
  const vpc = new TfVpc(stack, 'Vpc', { cidrBlock: '10.0.0.0/16' });
  const app = new SecurityGroup(stack, 'App', { vpcId: vpc.id });
  const db = new SecurityGroup(stack, 'Db', { vpcId: vpc.id });
  new VpcSecurityGroupIngressRule(stack, 'FromApp', {
    securityGroupId: db.id,
    ipProtocol: 'tcp',
    fromPort: 5432,
    toPort: 5432,
    referencedSecurityGroupId: app.id,
  });
  return db;
}

const terraformCases: RuleCase[] = [
  {
    name: 'Terraform: PostgreSQL only from the application group',
    source: 'cdktf',
    build: (stack) => void tfBaseline(stack),
    target: 'Db',
    expect: 'pass',
  },
  {
    name: 'Terraform: PostgreSQL open to 0.0.0.0/0 by an aws_vpc_security_group_ingress_rule',
    source: 'cdktf',
    build: (stack) => {
      const db = tfBaseline(stack);
      new VpcSecurityGroupIngressRule(stack, 'Open', {
        securityGroupId: db.id,
        ipProtocol: 'tcp',
        fromPort: 5432,
        toPort: 5432,
        cidrIpv4: '0.0.0.0/0',
      });
    },
    target: 'Db',
    expect: 'fail',
    message: /`Db` allows ingress from 0\.0\.0\.0\/0 to database port 5432/,
  },
  {
    name: 'Terraform plan: all protocols open to 0.0.0.0/0 in a for_each module (checkov)',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/checkov__aws-sg-for-each-route53.json',
    target: 'module.sg["bad_example"].aws_security_group.bad',
    expect: 'fail',
    message: /to database ports 1433, 1521, 3306, 5432/,
  },
];

export default defineCases(rule, [
  {
    name: 'PostgreSQL reachable from the application group only',
    build: (stack) => void baseline(stack),
    target: 'Db',
    expect: 'pass',
  },
  {
    name: 'PostgreSQL open to 0.0.0.0/0',
    build: (stack) => baseline(stack).addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(5432)),
    target: 'Db',
    expect: 'fail',
    message: /`Db` allows ingress from 0\.0\.0\.0\/0 to database port 5432 \(rule `tcp-5432-0\.0\.0\.0\/0`/,
  },
  {
    name: 'Redis open to ::/0',
    build: (stack) => baseline(stack).addIngressRule(ec2.Peer.anyIpv6(), ec2.Port.tcp(6379)),
    target: 'Db',
    expect: 'fail',
    message: /from ::\/0 to database port 6379/,
  },
  {
    name: 'every TCP port open to 0.0.0.0/0',
    build: (stack) => baseline(stack).addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.allTcp()),
    target: 'Db',
    expect: 'fail',
    message: /database ports 1433, 1521, 3306, 5432/,
  },
  {
    name: 'PostgreSQL from a private range',
    build: (stack) => baseline(stack).addIngressRule(ec2.Peer.ipv4('10.0.0.0/8'), ec2.Port.tcp(5432)),
    target: 'Db',
    expect: 'pass',
  },
  {
    name: 'PostgreSQL open to 172.16.0.0/0 (every address)',
    build: (stack) => {
      const sg = baseline(stack);
      new ec2.CfnSecurityGroupIngress(stack, 'SlashZero', {
        groupId: sg.securityGroupId,
        ipProtocol: 'tcp',
        fromPort: 5432,
        toPort: 5432,
        cidrIp: '172.16.0.0/0',
      });
    },
    target: 'Db',
    expect: 'fail',
    message: /from 172\.16\.0\.0\/0 \(every address\) to database port 5432/,
  },
  ...terraformCases,
  {
    name: 'terraform plan: SQL server firewall rule 0.0.0.0-255.255.255.255',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/regula__azure-sql-firewall-rules.json',
    target: 'azurerm_sql_server.example',
    expect: 'fail',
    message: /allows ingress from 0.0.0.0-255.255.255.255 \(every address\) to database port 1433/,
  },
  {
    name: 'terraform plan: SQL server firewall rule 0.0.0.0-0.0.0.0 (every Azure tenant)',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/regula__azure-sql-firewall-rules.json',
    target: 'azurerm_sql_server.example',
    expect: 'fail',
    message: /allows ingress from AzureCloud/,
  },
  {
    name: 'terraform plan: SQL server firewall rule from 10.0.17.62 to the end of the address space',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/regula__azure-sql-firewall-rules.json',
    target: 'azurerm_sql_server.example',
    expect: 'fail',
    message: /allows ingress from 10.0.17.62-255.255.255.255 \(wider than \/8/,
  },
  {
    name: 'terraform plan: NSG allowing every TCP port from *',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/regula__azure-nsg-inbound-22.json',
    target: 'azurerm_network_security_group.invalidnsg1',
    expect: 'fail',
    message: /to database ports 1433/,
  },
  {
    name: 'terraform plan: NSG opening only port 22 to 0.0.0.0/0',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/regula__azure-nsg-inbound-22.json',
    target: 'azurerm_network_security_group.invalidnsg2',
    expect: 'pass',
  },
]);
