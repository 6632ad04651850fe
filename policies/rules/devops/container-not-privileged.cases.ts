import * as ecs from 'aws-cdk-lib/aws-ecs';
import { defineCases } from '../../../lib/engine/cases';
import rule from './container-not-privileged';
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
    name: 'container on the default (unprivileged) mode',
    build: (stack) => {
      new ecs.Ec2TaskDefinition(stack, 'Task').addContainer('App', { image: image(), memoryLimitMiB: 256 });
    },
    target: 'Task',
    expect: 'pass',
  },
  {
    name: 'container with privileged: true',
    build: (stack) => {
      const def = new ecs.Ec2TaskDefinition(stack, 'Task');
      def.addContainer('App', { image: image(), memoryLimitMiB: 256 });
      def.addContainer('Agent', { image: image(), memoryLimitMiB: 128, privileged: true });
    },
    target: 'Task',
    expect: 'fail',
    message: '`Task` container `Agent` runs privileged',
  },
  {
    name: 'container with privileged: false spelled out',
    build: (stack) => {
      new ecs.Ec2TaskDefinition(stack, 'Task').addContainer('App', {
        image: image(),
        memoryLimitMiB: 256,
        privileged: false,
      });
    },
    target: 'Task',
    expect: 'pass',
  },
  {
    name: 'terraform: container definition sets privileged',
    source: 'cdktf',
    build: (stack) => void tfTask(stack, [{ privileged: true }]),
    target: 'Task',
    expect: 'fail',
    message: /`Task` container `app` runs privileged/,
  },
  {
    name: 'terraform: container definition without privileged',
    source: 'cdktf',
    build: (stack) => void tfTask(stack, [{}]),
    target: 'Task',
    expect: 'pass',
  },
  {
    name: 'terraform: container_definitions that are not JSON',
    source: 'cdktf',
    build: (stack) =>
      void new EcsTaskDefinition(stack, 'Task', { family: 'app', containerDefinitions: '[{"name": "app",' }),
    target: 'Task',
    expect: 'unknown',
    message: /not valid JSON/,
  },
  {
    name: 'Terraform 1.11 plan: container definitions with privileged',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-compute/plan.json',
    target: 'aws_ecs_task_definition.bad',
    expect: 'fail',
    message: /container `app` runs privileged/,
  },
  {
    name: 'Terraform 1.11 plan: container definitions without privileged',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-compute/plan.json',
    target: 'aws_ecs_task_definition.good',
    expect: 'pass',
  },
  {
    name: 'Terraform 1.11 plan: container definitions known only after apply',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-compute/plan.json',
    target: 'aws_ecs_task_definition.pending',
    expect: 'unknown',
    message: /container definitions cannot be resolved/,
  },
]);
