import * as ecs from 'aws-cdk-lib/aws-ecs';
import type { Stack } from 'aws-cdk-lib';
import { defineCases } from '../../../lib/engine/cases';
import rule from './container-readonly-root';
import { EcsTaskDefinition } from '@cdktf/provider-aws/lib/ecs-task-definition';
import type { Construct } from 'constructs';

function task(stack: Stack, readonlyRootFilesystem: boolean | undefined): void {
  new ecs.FargateTaskDefinition(stack, 'Task').addContainer('App', {
    image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx'),
    user: '1000',
    readonlyRootFilesystem,
  });
}

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
    name: 'container with a read-only root filesystem',
    build: (stack) => task(stack, true),
    target: 'Task',
    expect: 'pass',
  },
  {
    name: 'container on the writable default',
    build: (stack) => task(stack, undefined),
    target: 'Task',
    expect: 'fail',
    message: '`Task` container `App` has a writable root filesystem',
  },
  {
    name: 'container with readonlyRootFilesystem: false',
    build: (stack) => task(stack, false),
    target: 'Task',
    expect: 'fail',
  },
  {
    name: 'terraform: container definition without readonlyRootFilesystem',
    source: 'cdktf',
    build: (stack) => void tfTask(stack, [{}]),
    target: 'Task',
    expect: 'fail',
    message: /`Task` container `app` has a writable root filesystem/,
  },
  {
    name: 'terraform: container definition with readonlyRootFilesystem',
    source: 'cdktf',
    build: (stack) => void tfTask(stack, [{ readonlyRootFilesystem: true }]),
    target: 'Task',
    expect: 'pass',
  },
  {
    name: 'Terraform 1.11 plan: container with a writable root filesystem',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-compute/plan.json',
    target: 'aws_ecs_task_definition.bare',
    expect: 'fail',
    message: /writable root filesystem/,
  },
  {
    name: 'Terraform 1.11 plan: container with readonlyRootFilesystem',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-compute/plan.json',
    target: 'aws_ecs_task_definition.good',
    expect: 'pass',
  },
]);
