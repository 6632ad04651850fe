import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as eks from 'aws-cdk-lib/aws-eks';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Stack } from 'aws-cdk-lib';
import { defineCases } from '../../../lib/engine/cases';
import rule from './vm-instance-role';
import { Instance } from '@cdktf/provider-aws/lib/instance';
import { IamInstanceProfile } from '@cdktf/provider-aws/lib/iam-instance-profile';
import { LaunchTemplate } from '@cdktf/provider-aws/lib/launch-template';
import { EksNodeGroup } from '@cdktf/provider-aws/lib/eks-node-group';

/** An EKS managed node group launching from `template`, its nodes taking `NodeRole`. */
function nodeGroup(stack: Stack, launchTemplate: eks.CfnNodegroup.LaunchTemplateSpecificationProperty): void {
  const role = new iam.Role(stack, 'NodeRole', { assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com') });
  new eks.CfnNodegroup(stack, 'Nodes', {
    clusterName: 'shop',
    nodeRole: role.roleArn,
    subnets: ['subnet-12345678'],
    launchTemplate,
  });
}

const tfAmi = 'ami-0123456789abcdef0';

export default defineCases(rule, [
  {
    name: 'L2 instance with its default role',
    build: (stack) => {
      new ec2.Instance(stack, 'Vm', {
        vpc: new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 1 }),
        instanceType: new ec2.InstanceType('t3.micro'),
        machineImage: ec2.MachineImage.latestAmazonLinux2023(),
      });
    },
    target: 'Vm',
    expect: 'pass',
  },
  {
    name: 'L1 instance without an instance profile',
    build: (stack) => {
      new ec2.CfnInstance(stack, 'Vm', { imageId: 'ami-12345678', instanceType: 't3.micro' });
    },
    target: 'Vm',
    expect: 'fail',
    message: '`Vm` has no instance profile',
  },
  {
    name: 'launch template with a role',
    build: (stack) => {
      new ec2.LaunchTemplate(stack, 'Template', {
        role: new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com') }),
      });
    },
    target: 'Template',
    expect: 'pass',
  },
  {
    name: 'launch template without a role',
    build: (stack) => void new ec2.LaunchTemplate(stack, 'Template', {}),
    target: 'Template',
    expect: 'fail',
  },
  {
    name: 'launch template of an EKS managed node group (by id) takes the group node role',
    build: (stack) => {
      const template = new ec2.CfnLaunchTemplate(stack, 'Template', {
        launchTemplateData: { instanceType: 'm6i.large' },
      });
      nodeGroup(stack, { id: template.ref, version: template.attrLatestVersionNumber });
    },
    target: 'Template',
    expect: 'pass',
  },
  {
    name: 'launch template of an EKS managed node group (by name) takes the group node role',
    build: (stack) => {
      new ec2.CfnLaunchTemplate(stack, 'Template', {
        launchTemplateName: 'shop-nodes',
        launchTemplateData: { instanceType: 'm6i.large' },
      });
      nodeGroup(stack, { name: 'shop-nodes' });
    },
    target: 'Template',
    expect: 'pass',
  },
  {
    name: 'launch template beside a node group that uses another template',
    build: (stack) => {
      new ec2.CfnLaunchTemplate(stack, 'Template', {
        launchTemplateName: 'other',
        launchTemplateData: { instanceType: 'm6i.large' },
      });
      nodeGroup(stack, { name: 'shop-nodes' });
    },
    target: 'Template',
    expect: 'fail',
    message: '`Template` has no instance profile',
  },
  {
    name: 'terraform: instance without iam_instance_profile',
    source: 'cdktf',
    build: (stack) => void new Instance(stack, 'Vm', { ami: tfAmi, instanceType: 't3.micro' }),
    target: 'Vm',
    expect: 'fail',
    message: /`Vm` has no instance profile/,
  },
  {
    name: 'terraform: instance with an instance profile',
    source: 'cdktf',
    build: (stack) => {
      const profile = new IamInstanceProfile(stack, 'Profile', { name: 'app', role: 'app' });
      new Instance(stack, 'Vm', { ami: tfAmi, instanceType: 't3.micro', iamInstanceProfile: profile.name });
    },
    target: 'Vm',
    expect: 'pass',
  },
  {
    name: 'terraform: launch template of an EKS managed node group gets the node role',
    source: 'cdktf',
    build: (stack) => {
      const lt = new LaunchTemplate(stack, 'Lt', {
        name: 'nodes',
        metadataOptions: { httpTokens: 'required' },
      });
      new EksNodeGroup(stack, 'Nodes', {
        clusterName: 'platform',
        nodeRoleArn: 'arn:aws:iam::123456789012:role/nodes',
        subnetIds: ['subnet-0a1b2c3d'],
        scalingConfig: { desiredSize: 1, maxSize: 1, minSize: 1 },
        launchTemplate: { id: lt.id, version: lt.latestVersion.toString() },
      });
    },
    target: 'Lt',
    expect: 'pass',
  },
  {
    name: 'Terraform plan: launch configuration naming an instance profile by ARN (terraform-compliance)',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/terraform-compliance__aws-alb-https-listener-tls-policy-stack.json',
    target: 'module.myapp-asg.aws_launch_configuration.lc',
    expect: 'pass',
  },
  {
    name: 'Terraform 1.11 plan: instance without iam_instance_profile',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-compute/plan.json',
    target: 'aws_instance.bare',
    expect: 'fail',
    message: /has no instance profile/,
  },
  {
    name: 'Terraform 1.11 plan: instance taking the profile of its launch template',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-compute/plan.json',
    target: 'aws_instance.from_template',
    expect: 'pass',
  },
]);
