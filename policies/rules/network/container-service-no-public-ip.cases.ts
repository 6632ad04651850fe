import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { CfnParameter, type Stack } from 'aws-cdk-lib';
import { defineCases } from '../../../lib/engine/cases';
import rule from './container-service-no-public-ip';

/** A Fargate service of one nginx task in a VPC with public and private subnets. */
function service(stack: Stack, assignPublicIp: boolean | undefined): ecs.FargateService {
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
  const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
  const task = new ecs.FargateTaskDefinition(stack, 'Task');
  task.addContainer('Web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });
  return new ecs.FargateService(stack, 'Api', { cluster, taskDefinition: task, assignPublicIp });
}

export default defineCases(rule, [
  {
    name: 'Fargate service in private subnets',
    build: (stack) => void service(stack, undefined),
    target: 'Api',
    expect: 'pass',
  },
  {
    name: 'Fargate service assigning public IPs to its tasks',
    build: (stack) => void service(stack, true),
    target: 'Api',
    expect: 'fail',
    message: '`Api/Service` gives its tasks a public IP address (public IP assignment is on)',
  },
  {
    name: 'public IP assignment given as a parameter',
    build: (stack) => {
      const assign = new CfnParameter(stack, 'AssignPublicIp');
      const svc = service(stack, false).node.defaultChild as ecs.CfnService;
      svc.addPropertyOverride(
        'NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp',
        assign.valueAsString,
      );
    },
    target: 'Api',
    expect: 'unknown',
    message: /whether its tasks get a public IP cannot be resolved/,
  },
]);
