import * as ecs from 'aws-cdk-lib/aws-ecs';
import type { Stack } from 'aws-cdk-lib';
import { defineCases } from '../../../lib/engine/cases';
import rule from './container-drop-capabilities';

const image = () => ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx');

function task(stack: Stack, configure: (p: ecs.LinuxParameters) => void): void {
  const params = new ecs.LinuxParameters(stack, 'Params');
  configure(params);
  new ecs.FargateTaskDefinition(stack, 'Task').addContainer('App', {
    image: image(),
    linuxParameters: params,
  });
}

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
]);
