import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { Stack } from 'aws-cdk-lib';
import { defineCases } from '../../../lib/engine/cases';
import rule from './vm-imdsv2';

function instance(stack: Stack, requireImdsv2: boolean): void {
  new ec2.Instance(stack, 'Vm', {
    vpc: new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 1 }),
    instanceType: new ec2.InstanceType('t3.micro'),
    machineImage: ec2.MachineImage.latestAmazonLinux2023(),
    requireImdsv2,
  });
}

export default defineCases(rule, [
  {
    name: 'instance requiring IMDSv2 through its launch template',
    build: (stack) => instance(stack, true),
    target: 'Vm',
    expect: 'pass',
  },
  {
    name: 'instance on the defaults keeps IMDSv1',
    build: (stack) => instance(stack, false),
    target: 'Vm',
    expect: 'fail',
    message: '`Vm` allows IMDSv1',
  },
  {
    name: 'L1 instance requiring tokens in its own metadata options',
    build: (stack) => {
      new ec2.CfnInstance(stack, 'Vm', {
        imageId: 'ami-12345678',
        instanceType: 't3.micro',
        metadataOptions: { httpTokens: 'required' },
      });
    },
    target: 'Vm',
    expect: 'pass',
  },
  {
    name: 'launch template with optional tokens',
    build: (stack) => {
      new ec2.LaunchTemplate(stack, 'Template', { httpTokens: ec2.LaunchTemplateHttpTokens.OPTIONAL });
    },
    target: 'Template',
    expect: 'fail',
    message: '`Template` allows IMDSv1',
  },
]);
