import * as ecs from 'aws-cdk-lib/aws-ecs';
import type { Stack } from 'aws-cdk-lib';
import { defineCases } from '../../../lib/engine/cases';
import rule from './container-readonly-root';

function task(stack: Stack, readonlyRootFilesystem: boolean | undefined): void {
  new ecs.FargateTaskDefinition(stack, 'Task').addContainer('App', {
    image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx'),
    user: '1000',
    readonlyRootFilesystem,
  });
}

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
]);
