import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { CfnParameter, type Stack } from 'aws-cdk-lib';
import { defineCases } from '../../../lib/engine/cases';
import rule from './vm-imdsv2';
import { Instance } from '@cdktf/provider-aws/lib/instance';
import { LaunchTemplate } from '@cdktf/provider-aws/lib/launch-template';
import { LaunchConfiguration } from '@cdktf/provider-aws/lib/launch-configuration';
import { DataAwsSsmParameter } from '@cdktf/provider-aws/lib/data-aws-ssm-parameter';

function instance(stack: Stack, requireImdsv2: boolean, machineImage?: ec2.IMachineImage): void {
  new ec2.Instance(stack, 'Vm', {
    vpc: new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 1 }),
    instanceType: new ec2.InstanceType('t3.micro'),
    machineImage: machineImage ?? ec2.MachineImage.latestAmazonLinux2(),
    requireImdsv2,
  });
}

/** The SSM public parameter of the latest Amazon Linux 2023 image. */
const AL2023 = '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64';

/** An image id parameter of the SSM type, defaulting to the Amazon Linux 2023 path (hand-written templates). */
function al2023Parameter(stack: Stack): CfnParameter {
  return new CfnParameter(stack, 'LatestAmiId', {
    type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>',
    default: AL2023,
  });
}

const tfAmi = 'ami-0123456789abcdef0';

export default defineCases(rule, [
  {
    name: 'instance requiring IMDSv2 through its launch template',
    build: (stack) => instance(stack, true),
    target: 'Vm',
    expect: 'pass',
  },
  {
    name: 'Amazon Linux 2 instance on the defaults keeps IMDSv1',
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
  {
    name: 'L2 instance on Amazon Linux 2023 requires IMDSv2 by the image default',
    build: (stack) => instance(stack, false, ec2.MachineImage.latestAmazonLinux2023()),
    target: 'Vm',
    expect: 'pass',
  },
  {
    name: 'L1 instance whose SSM-typed image parameter defaults to Amazon Linux 2023',
    build: (stack) => {
      new ec2.CfnInstance(stack, 'Vm', {
        imageId: al2023Parameter(stack).valueAsString,
        instanceType: 't3.micro',
      });
    },
    target: 'Vm',
    expect: 'pass',
  },
  {
    name: 'L1 instance naming Amazon Linux 2023 by an SSM dynamic reference',
    build: (stack) => {
      new ec2.CfnInstance(stack, 'Vm', { imageId: `{{resolve:ssm:${AL2023}}}`, instanceType: 't3.micro' });
    },
    target: 'Vm',
    expect: 'pass',
  },
  {
    name: 'L1 instance on Amazon Linux 2023 with optional tokens set explicitly',
    build: (stack) => {
      new ec2.CfnInstance(stack, 'Vm', {
        imageId: al2023Parameter(stack).valueAsString,
        instanceType: 't3.micro',
        metadataOptions: { httpTokens: 'optional' },
      });
    },
    target: 'Vm',
    expect: 'fail',
    message: '`Vm` allows IMDSv1',
  },
  {
    name: 'L1 instance on an Amazon Linux 2 parameter keeps IMDSv1',
    build: (stack) => {
      const ami = new CfnParameter(stack, 'LatestAmiId', {
        type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>',
        default: '/aws/service/ami-amazon-linux-latest/amzn2-ami-hvm-x86_64-gp2',
      });
      new ec2.CfnInstance(stack, 'Vm', { imageId: ami.valueAsString, instanceType: 't3.micro' });
    },
    target: 'Vm',
    expect: 'fail',
    message: '`Vm` allows IMDSv1',
  },
  {
    name: 'launch template on Amazon Linux 2023 without metadata options',
    build: (stack) => {
      new ec2.CfnLaunchTemplate(stack, 'Template', {
        launchTemplateData: { imageId: al2023Parameter(stack).valueAsString, instanceType: 't3.micro' },
      });
    },
    target: 'Template',
    expect: 'pass',
  },
  {
    name: 'launch template on Amazon Linux 2023 with optional tokens set explicitly',
    build: (stack) => {
      new ec2.CfnLaunchTemplate(stack, 'Template', {
        launchTemplateData: {
          imageId: `{{resolve:ssm:${AL2023}}}`,
          metadataOptions: { httpTokens: 'optional' },
        },
      });
    },
    target: 'Template',
    expect: 'fail',
    message: '`Template` allows IMDSv1',
  },
  // From a real template: CIS AWS 5.7 requires HttpTokens required; the sample sets optional.
  {
    name: 'real template: EKS node launch template sets HttpTokens optional',
    source: 'cloudformation-template',
    template: 'test/fixtures/real-world/aws-cloudformation-templates/eks-cluster.yaml',
    target: 'LaunchTemplate',
    expect: 'fail',
    message: '`LaunchTemplate` allows IMDSv1',
  },
  {
    name: 'terraform: instance without metadata_options',
    source: 'cdktf',
    build: (stack) => void new Instance(stack, 'Vm', { ami: tfAmi, instanceType: 't3.micro' }),
    target: 'Vm',
    expect: 'fail',
    message: /`Vm` allows IMDSv1 \(IMDSv2 session tokens are not required\)/,
  },
  {
    name: 'terraform: instance with http_tokens required',
    source: 'cdktf',
    build: (stack) =>
      void new Instance(stack, 'Vm', {
        ami: tfAmi,
        instanceType: 't3.micro',
        metadataOptions: { httpTokens: 'required' },
      }),
    target: 'Vm',
    expect: 'pass',
  },
  {
    name: 'terraform: instance from the Amazon Linux 2023 SSM parameter requires IMDSv2 by default',
    source: 'cdktf',
    build: (stack) => {
      const image = new DataAwsSsmParameter(stack, 'Al2023', {
        name: '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64',
      });
      new Instance(stack, 'Vm', { ami: image.value, instanceType: 't3.micro' });
    },
    target: 'Vm',
    expect: 'pass',
  },
  {
    name: 'terraform: instance takes http_tokens required from its launch template',
    source: 'cdktf',
    build: (stack) => {
      const lt = new LaunchTemplate(stack, 'Lt', {
        name: 'app',
        metadataOptions: { httpTokens: 'required' },
      });
      new Instance(stack, 'Vm', { ami: tfAmi, instanceType: 't3.micro', launchTemplate: { id: lt.id } });
    },
    target: 'Vm',
    expect: 'pass',
  },
  {
    name: 'terraform: launch template with http_endpoint disabled',
    source: 'cdktf',
    build: (stack) =>
      void new LaunchTemplate(stack, 'Lt', {
        name: 'app',
        imageId: tfAmi,
        metadataOptions: { httpEndpoint: 'disabled' },
      }),
    target: 'Lt',
    expect: 'pass',
  },
  {
    name: 'terraform: launch configuration with http_tokens optional',
    source: 'cdktf',
    build: (stack) =>
      void new LaunchConfiguration(stack, 'Lc', {
        imageId: tfAmi,
        instanceType: 't3.micro',
        metadataOptions: { httpTokens: 'optional' },
      }),
    target: 'Lc',
    expect: 'fail',
    message: /`Lc` allows IMDSv1/,
  },
  {
    name: 'Terraform plan: launch configuration without metadata_options (terraform-compliance)',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/terraform-compliance__aws-alb-https-listener-tls-policy-stack.json',
    target: 'module.myapp-asg.aws_launch_configuration.lc',
    expect: 'fail',
    message: /allows IMDSv1 \(IMDSv2 session tokens are not required\)/,
  },
  {
    name: 'Terraform 1.11 plan: instance without metadata_options (computed at apply)',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-compute/plan.json',
    target: 'aws_instance.bare',
    expect: 'fail',
    message: /allows IMDSv1/,
  },
  {
    name: 'Terraform 1.11 plan: instance with http_tokens required',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-compute/plan.json',
    target: 'aws_instance.good',
    expect: 'pass',
  },
  {
    name: 'Terraform 1.11 plan: instance taking http_tokens required from its launch template',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-compute/plan.json',
    target: 'aws_instance.from_template',
    expect: 'pass',
  },
  {
    name: 'Terraform 1.11 plan: instance naming its launch template by name (the id is computed at apply) takes its missing metadata options',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-compute/plan.json',
    target: 'aws_instance.from_named_template',
    expect: 'fail',
    message: /allows IMDSv1/,
  },
]);
