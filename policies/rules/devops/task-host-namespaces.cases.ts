import * as ecs from 'aws-cdk-lib/aws-ecs';
import { defineCases } from '../../../lib/engine/cases';
import rule from './task-host-namespaces';

const image = () => ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx');

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
]);
