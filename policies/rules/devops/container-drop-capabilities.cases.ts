import * as ecs from 'aws-cdk-lib/aws-ecs';
import type { Stack } from 'aws-cdk-lib';
import { defineCases } from '../../../lib/engine/cases';
import rule from './container-drop-capabilities';
import { EcsTaskDefinition } from '@cdktf/provider-aws/lib/ecs-task-definition';
import type { Construct } from 'constructs';

const image = () => ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx');

function task(stack: Stack, configure: (p: ecs.LinuxParameters) => void): void {
  const params = new ecs.LinuxParameters(stack, 'Params');
  configure(params);
  new ecs.FargateTaskDefinition(stack, 'Task').addContainer('App', {
    image: image(),
    linuxParameters: params,
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
    name: 'container dropping all capabilities and adding back one port binding',
    build: (stack) =>
      task(stack, (p) => {
        p.dropCapabilities(ecs.Capability.ALL);
        p.addCapabilities(ecs.Capability.NET_BIND_SERVICE);
      }),
    target: 'Task',
    expect: 'pass',
  },
  {
    name: 'container on the default capability set',
    build: (stack) => {
      new ecs.FargateTaskDefinition(stack, 'Task').addContainer('App', { image: image() });
    },
    target: 'Task',
    expect: 'fail',
    message: '`Task` container `App` keeps the default capabilities',
  },
  {
    name: 'container adding SYS_ADMIN',
    build: (stack) =>
      task(stack, (p) => {
        p.dropCapabilities(ecs.Capability.ALL);
        p.addCapabilities(ecs.Capability.SYS_ADMIN);
      }),
    target: 'Task',
    expect: 'fail',
    message: '`Task` container `App` adds `SYS_ADMIN`',
  },
  {
    name: 'terraform: container adds SYS_ADMIN',
    source: 'cdktf',
    build: (stack) =>
      void tfTask(stack, [{ linuxParameters: { capabilities: { add: ['SYS_ADMIN'], drop: ['ALL'] } } }]),
    target: 'Task',
    expect: 'fail',
    message: /`Task` container `app` adds `SYS_ADMIN`/,
  },
  {
    name: 'terraform: container keeps the default capabilities',
    source: 'cdktf',
    build: (stack) => void tfTask(stack, [{}]),
    target: 'Task',
    expect: 'fail',
    message: /does not drop `ALL`/,
  },
  {
    name: 'terraform: container drops ALL',
    source: 'cdktf',
    build: (stack) => void tfTask(stack, [{ linuxParameters: { capabilities: { drop: ['ALL'] } } }]),
    target: 'Task',
    expect: 'pass',
  },
  {
    name: 'Terraform 1.11 plan: container keeping the default capabilities',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-compute/plan.json',
    target: 'aws_ecs_task_definition.bare',
    expect: 'fail',
    message: /does not drop `ALL`/,
  },
  {
    name: 'Terraform 1.11 plan: container dropping ALL',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-compute/plan.json',
    target: 'aws_ecs_task_definition.good',
    expect: 'pass',
  },
]);
