import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { Stack } from 'aws-cdk-lib';
import { defineCases } from '../../../lib/engine/cases';
import rule from './vm-no-public-ip';
import { Instance } from '@cdktf/provider-aws/lib/instance';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { LaunchTemplate } from '@cdktf/provider-aws/lib/launch-template';

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

const tfAmi = 'ami-0123456789abcdef0';

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
  {
    name: 'terraform: instance with associate_public_ip_address',
    source: 'cdktf',
    build: (stack) =>
      void new Instance(stack, 'Vm', {
        ami: tfAmi,
        instanceType: 't3.micro',
        subnetId: 'subnet-0a1b2c3d',
        associatePublicIpAddress: true,
      }),
    target: 'Vm',
    expect: 'fail',
    message: /`Vm` gets a public IP address \(a public subnet, or a public IP address requested for it\)/,
  },
  {
    name: 'terraform: instance in a subnet that maps public IPs on launch',
    source: 'cdktf',
    build: (stack) => {
      const vpc = new Vpc(stack, 'Net', { cidrBlock: '10.0.0.0/16' });
      const subnet = new Subnet(stack, 'Public', {
        vpcId: vpc.id,
        cidrBlock: '10.0.0.0/24',
        mapPublicIpOnLaunch: true,
      });
      new Instance(stack, 'Vm', { ami: tfAmi, instanceType: 't3.micro', subnetId: subnet.id });
    },
    target: 'Vm',
    expect: 'fail',
    message: /`Vm` gets a public IP address/,
  },
  {
    name: 'terraform: instance in a private subnet',
    source: 'cdktf',
    build: (stack) => {
      const vpc = new Vpc(stack, 'Net', { cidrBlock: '10.0.0.0/16' });
      const subnet = new Subnet(stack, 'Private', { vpcId: vpc.id, cidrBlock: '10.0.1.0/24' });
      new Instance(stack, 'Vm', { ami: tfAmi, instanceType: 't3.micro', subnetId: subnet.id });
    },
    target: 'Vm',
    expect: 'pass',
  },
  {
    name: "terraform: instance without a subnet lands in the default VPC's default subnet",
    source: 'cdktf',
    build: (stack) => void new Instance(stack, 'Vm', { ami: tfAmi, instanceType: 't3.micro' }),
    target: 'Vm',
    expect: 'unknown',
    message: /names no subnet/,
  },
  {
    name: 'terraform: launch template asks for a public IP on its primary interface',
    source: 'cdktf',
    build: (stack) =>
      void new LaunchTemplate(stack, 'Lt', {
        name: 'app',
        networkInterfaces: [{ deviceIndex: 0, associatePublicIpAddress: 'true' }],
      }),
    target: 'Lt',
    expect: 'fail',
    message: /`Lt` gets a public IP address/,
  },
  {
    name: 'Terraform plan: launch configuration with associate_public_ip_address = false (terraform-compliance)',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/terraform-compliance__aws-alb-https-listener-tls-policy-stack.json',
    target: 'module.myapp-asg.aws_launch_configuration.lc',
    expect: 'pass',
  },
  {
    name: 'Terraform 1.11 plan: instance in a private subnet with associate_public_ip_address',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-compute/plan.json',
    target: 'aws_instance.bad',
    expect: 'fail',
    message: /gets a public IP address/,
  },
  {
    name: 'Terraform 1.11 plan: instance in a subnet with map_public_ip_on_launch',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-compute/plan.json',
    target: 'aws_instance.public_subnet',
    expect: 'fail',
    message: /gets a public IP address/,
  },
  {
    name: 'Terraform 1.11 plan: instance in a private subnet',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-compute/plan.json',
    target: 'aws_instance.good',
    expect: 'pass',
  },
  {
    name: 'Terraform 1.11 plan: instance without subnet_id (computed at apply)',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-compute/plan.json',
    target: 'aws_instance.bare',
    expect: 'unknown',
    message: /names no subnet/,
  },
]);
