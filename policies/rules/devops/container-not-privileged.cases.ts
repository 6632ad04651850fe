import * as ecs from 'aws-cdk-lib/aws-ecs';
import { defineCases } from '../../../lib/engine/cases';
import rule from './container-not-privileged';

const image = () => ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx');

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
]);
