import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { defineCases } from '../../../lib/engine/cases';
import rule from './default-security-group-restricted';
import type { TerraformStack } from 'cdktf';
import { DefaultSecurityGroup } from '@cdktf/provider-aws/lib/default-security-group';
import { Vpc as TfVpc } from '@cdktf/provider-aws/lib/vpc';
import type { RuleCase } from '../../../lib/engine/cases';

/** A Terraform VPC whose default group is adopted with no rules (the provider strips it). */
function tfBaseline(stack: TerraformStack): { vpc: TfVpc; group: DefaultSecurityGroup } {
  const vpc = new TfVpc(stack, 'Vpc', { cidrBlock: '10.0.0.0/16' });
  return { vpc, group: new DefaultSecurityGroup(stack, 'DefaultGroup', { vpcId: vpc.id }) };
}

const terraformCases: RuleCase[] = [
  {
    name: 'Terraform: aws_default_security_group declares no rule',
    source: 'cdktf',
    build: (stack) => void tfBaseline(stack),
    target: 'Vpc',
    expect: 'pass',
  },
  {
    name: 'Terraform: no aws_default_security_group for the VPC',
    source: 'cdktf',
    build: (stack) => void new TfVpc(stack, 'Vpc', { cidrBlock: '10.0.0.0/16' }),
    target: 'Vpc',
    expect: 'fail',
    message: /`Vpc` leaves its default security group open to its members/,
  },
  {
    name: 'Terraform: aws_default_security_group keeps a self-referencing ingress block',
    source: 'cdktf',
    build: (stack) =>
      tfBaseline(stack).group.putIngress([{ protocol: '-1', fromPort: 0, toPort: 0, selfAttribute: true }]),
    target: 'Vpc',
    expect: 'fail',
    message: /`Vpc` leaves its default security group open/,
  },
];

export default defineCases(rule, [
  {
    name: 'VPC that strips its default security group',
    build: (stack) => void new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, restrictDefaultSecurityGroup: true }),
    target: 'Vpc',
    expect: 'pass',
  },
  {
    name: 'VPC with the feature flag off leaves the default group open',
    build: (stack) => void new ec2.Vpc(stack, 'Vpc', { maxAzs: 1 }),
    target: 'Vpc',
    expect: 'fail',
    message: '`Vpc` leaves its default security group open',
  },
  {
    name: 'plain CfnVPC cannot restrict its default group',
    build: (stack) => void new ec2.CfnVPC(stack, 'Vpc', { cidrBlock: '10.0.0.0/16' }),
    target: 'Vpc',
    expect: 'fail',
  },
  ...terraformCases,
]);
