import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { Stack } from 'aws-cdk-lib';
import { defineCases } from '../../../lib/engine/cases';
import rule from './vm-no-public-ip';

function instance(stack: Stack, subnetType: ec2.SubnetType, associatePublicIpAddress?: boolean): void {
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 1 });
  new ec2.Instance(stack, 'Vm', {
    vpc,
    vpcSubnets: { subnetType },
    associatePublicIpAddress,
    instanceType: new ec2.InstanceType('t3.micro'),
    machineImage: ec2.MachineImage.latestAmazonLinux2023(),
    requireImdsv2: true,
  });
}

export default defineCases(rule, [
  {
    name: 'instance in a private subnet',
    build: (stack) => instance(stack, ec2.SubnetType.PRIVATE_WITH_EGRESS),
    target: 'Vm/Resource',
    expect: 'pass',
  },
  {
    name: 'instance in a public subnet that maps public IPs on launch',
    build: (stack) => instance(stack, ec2.SubnetType.PUBLIC),
    target: 'Vm',
    expect: 'fail',
    message: '`Vm` gets a public IP address',
  },
  {
    name: 'instance in a public subnet that turns the public IP off on its interface',
    build: (stack) => instance(stack, ec2.SubnetType.PUBLIC, false),
    target: 'Vm/Resource',
    expect: 'pass',
  },
  {
    name: 'L1 instance asking for a public IP on its primary interface',
    build: (stack) => {
      const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 1 });
      new ec2.CfnInstance(stack, 'Vm', {
        imageId: 'ami-12345678',
        instanceType: 't3.micro',
        networkInterfaces: [
          {
            deviceIndex: '0',
            associatePublicIpAddress: true,
            subnetId: vpc.selectSubnets({ subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }).subnetIds[0],
          },
        ],
      });
    },
    target: 'Vm',
    expect: 'fail',
    message: '`Vm` gets a public IP address',
  },
  {
    name: 'a launch template leaves the address to the launching group',
    build: (stack) => {
      new ec2.LaunchTemplate(stack, 'Template', { requireImdsv2: true });
    },
    target: 'Template',
    expect: 'not_applicable',
  },
]);
