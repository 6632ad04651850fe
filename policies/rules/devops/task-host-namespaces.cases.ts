import * as ecs from 'aws-cdk-lib/aws-ecs';
import { defineCases } from '../../../lib/engine/cases';
import rule from './task-host-namespaces';
import { EcsTaskDefinition } from '@cdktf/provider-aws/lib/ecs-task-definition';
import type { Construct } from 'constructs';

const image = () => ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx');

/** An ECS task definition whose `container_definitions` is the JSON of `containers`. */
const tfTask = (
  stack: Construct,
  containers: object[],
  extra: { networkMode?: string; pidMode?: string } = {},
) =>
  new EcsTaskDefinition(stack, 'Task', {
    family: 'app',
    containerDefinitions: JSON.stringify(
      containers.map((c) => ({ name: 'app', image: 'app:1', essential: true, ...c })),
    ),
    ...extra,
  });

export default defineCases(rule, [
  {
    name: 'Fargate task in awsvpc mode',
    build: (stack) => {
      new ecs.FargateTaskDefinition(stack, 'Task').addContainer('App', { image: image() });
    },
    target: 'Task',
    expect: 'pass',
  },
  {
    name: 'EC2 task on the host network',
    build: (stack) => {
      new ecs.Ec2TaskDefinition(stack, 'Task', { networkMode: ecs.NetworkMode.HOST }).addContainer('App', {
        image: image(),
        memoryLimitMiB: 256,
      });
    },
    target: 'Task',
    expect: 'fail',
    message: "`Task` shares the host's namespace (`NetworkMode: host`)",
  },
  {
    name: 'EC2 task sharing the host process namespace',
    build: (stack) => {
      new ecs.Ec2TaskDefinition(stack, 'Task', {
        networkMode: ecs.NetworkMode.AWS_VPC,
        pidMode: ecs.PidMode.HOST,
      }).addContainer('App', { image: image(), memoryLimitMiB: 256 });
    },
    target: 'Task',
    expect: 'fail',
    message: '`PidMode: host`',
  },
  {
    name: 'terraform: task with network_mode host and pid_mode host',
    source: 'cdktf',
    build: (stack) => void tfTask(stack, [{}], { networkMode: 'host', pidMode: 'host' }),
    target: 'Task',
    expect: 'fail',
    message: /`Task` shares the host's namespace \(`network_mode = "host"`\)/,
  },
  {
    name: 'terraform: task with network_mode awsvpc',
    source: 'cdktf',
    build: (stack) => void tfTask(stack, [{}], { networkMode: 'awsvpc' }),
    target: 'Task',
    expect: 'pass',
  },
  {
    name: 'Terraform 1.11 plan: task with network_mode host',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-compute/plan.json',
    target: 'aws_ecs_task_definition.bad',
    expect: 'fail',
    message: /`network_mode = "host"`/,
  },
  {
    name: 'Terraform 1.11 plan: task with network_mode awsvpc',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-compute/plan.json',
    target: 'aws_ecs_task_definition.good',
    expect: 'pass',
  },
]);
