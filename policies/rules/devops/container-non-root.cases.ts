import * as ecs from 'aws-cdk-lib/aws-ecs';
import type { Stack } from 'aws-cdk-lib';
import { defineCases } from '../../../lib/engine/cases';
import rule from './container-non-root';
import { EcsTaskDefinition } from '@cdktf/provider-aws/lib/ecs-task-definition';
import type { Construct } from 'constructs';

function task(stack: Stack, user: string | undefined): void {
  new ecs.FargateTaskDefinition(stack, 'Task').addContainer('App', {
    image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx'),
    user,
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
    name: 'container running as UID 1000',
    build: (stack) => task(stack, '1000'),
    target: 'Task',
    expect: 'pass',
  },
  {
    name: 'container running as a named user and group',
    build: (stack) => task(stack, 'app:app'),
    target: 'Task',
    expect: 'pass',
  },
  {
    name: 'container without a user',
    build: (stack) => task(stack, undefined),
    target: 'Task',
    expect: 'fail',
    message: "`Task` container `App` sets no user and runs as the image's default",
  },
  {
    name: 'container running as root',
    build: (stack) => task(stack, 'root'),
    target: 'Task',
    expect: 'fail',
    message: '`Task` container `App` runs as `root`',
  },
  {
    name: 'container running as UID 0 with a group',
    build: (stack) => task(stack, '0:1000'),
    target: 'Task',
    expect: 'fail',
  },
  {
    name: 'terraform: container definition without user',
    source: 'cdktf',
    build: (stack) => void tfTask(stack, [{}]),
    target: 'Task',
    expect: 'fail',
    message: /`Task` container `app` sets no user/,
  },
  {
    name: 'terraform: container definition runs as UID 1000',
    source: 'cdktf',
    build: (stack) => void tfTask(stack, [{ user: '1000' }]),
    target: 'Task',
    expect: 'pass',
  },
  {
    name: 'Terraform 1.11 plan: container without user',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-compute/plan.json',
    target: 'aws_ecs_task_definition.bare',
    expect: 'fail',
    message: /sets no user/,
  },
  {
    name: 'Terraform 1.11 plan: container running as 1000',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-compute/plan.json',
    target: 'aws_ecs_task_definition.good',
    expect: 'pass',
  },
]);
