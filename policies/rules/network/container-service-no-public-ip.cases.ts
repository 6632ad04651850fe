import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { CfnParameter, type Stack } from 'aws-cdk-lib';
import { defineCases } from '../../../lib/engine/cases';
import rule from './container-service-no-public-ip';
import type { TerraformStack } from 'cdktf';
import { EcsCluster } from '@cdktf/provider-aws/lib/ecs-cluster';
import { EcsService } from '@cdktf/provider-aws/lib/ecs-service';
import { EcsTaskDefinition } from '@cdktf/provider-aws/lib/ecs-task-definition';

/** A Fargate service of one nginx task in a VPC with public and private subnets. */
function service(stack: Stack, assignPublicIp: boolean | undefined): ecs.FargateService {
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
  const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
  const task = new ecs.FargateTaskDefinition(stack, 'Task');
  task.addContainer('Web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });
  return new ecs.FargateService(stack, 'Api', { cluster, taskDefinition: task, assignPublicIp });
}

/** An `aws_ecs_service` on Fargate, `assign_public_ip` as given (unset when undefined). */
function tfService(stack: TerraformStack, assignPublicIp: boolean | undefined): EcsService {
  const cluster = new EcsCluster(stack, 'Cluster', { name: 'web' });
  const task = new EcsTaskDefinition(stack, 'Task', {
    family: 'web',
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: '256',
    memory: '512',
    containerDefinitions: JSON.stringify([
      { name: 'web', image: 'public.ecr.aws/nginx/nginx:1.27', essential: true },
    ]),
  });
  return new EcsService(stack, 'Web', {
    name: 'web',
    cluster: cluster.id,
    taskDefinition: task.arn,
    launchType: 'FARGATE',
    desiredCount: 1,
    networkConfiguration: {
      subnets: ['subnet-0a', 'subnet-0b'],
      ...(assignPublicIp === undefined ? {} : { assignPublicIp }),
    },
  });
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
  {
    name: 'terraform: Fargate service without assign_public_ip (the provider default, false)',
    source: 'cdktf',
    build: (stack) => void tfService(stack, undefined),
    target: 'Web',
    expect: 'pass',
  },
  {
    name: 'terraform: Fargate service with assign_public_ip = false',
    source: 'cdktf',
    build: (stack) => void tfService(stack, false),
    target: 'Web',
    expect: 'pass',
  },
  {
    name: 'terraform: Fargate service with assign_public_ip = true',
    source: 'cdktf',
    build: (stack) => void tfService(stack, true),
    target: 'Web',
    expect: 'fail',
    message: '`Web` gives its tasks a public IP address',
  },
  {
    name: 'terraform: service on the bridge network (no network_configuration block)',
    source: 'cdktf',
    build: (stack) => {
      const cluster = new EcsCluster(stack, 'Cluster', { name: 'web' });
      new EcsService(stack, 'Web', { name: 'web', cluster: cluster.id, taskDefinition: 'web:1' });
    },
    target: 'Web',
    expect: 'pass',
  },
  {
    name: 'terraform plan: Fargate service whose network_configuration leaves assign_public_ip to the provider',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-posture-logging/plan.json',
    target: 'aws_ecs_service.good',
    expect: 'pass',
  },
  {
    name: 'terraform plan: Fargate service with assign_public_ip = true',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-posture-logging/plan.json',
    target: 'aws_ecs_service.bad',
    expect: 'fail',
    message: /gives its tasks a public IP address/,
  },
]);
