import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { defineCases } from '../../../lib/engine/cases';
import rule from './vm-instance-role';

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
]);
