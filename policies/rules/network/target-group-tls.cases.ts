import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { CfnParameter, type Stack } from 'aws-cdk-lib';
import { defineCases } from '../../../lib/engine/cases';
import rule from './target-group-tls';

function vpc(stack: Stack): ec2.Vpc {
  return new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 });
}

export default defineCases(rule, [
  {
    name: 'application target group over HTTPS',
    build: (stack) =>
      void new elbv2.ApplicationTargetGroup(stack, 'Targets', {
        vpc: vpc(stack),
        port: 443,
        protocol: elbv2.ApplicationProtocol.HTTPS,
      }),
    target: 'Targets',
    expect: 'pass',
  },
  {
    name: 'application target group over plain HTTP',
    build: (stack) =>
      void new elbv2.ApplicationTargetGroup(stack, 'Targets', {
        vpc: vpc(stack),
        port: 8080,
        protocol: elbv2.ApplicationProtocol.HTTP,
      }),
    target: 'Targets',
    expect: 'fail',
    message: '`Targets` sends requests to its targets over plain HTTP',
  },
  {
    name: 'application target group on port 80 defaults to HTTP',
    build: (stack) => void new elbv2.ApplicationTargetGroup(stack, 'Targets', { vpc: vpc(stack), port: 80 }),
    target: 'Targets',
    expect: 'fail',
  },
  {
    name: 'network target group over TLS',
    build: (stack) =>
      void new elbv2.NetworkTargetGroup(stack, 'Targets', {
        vpc: vpc(stack),
        port: 443,
        protocol: elbv2.Protocol.TLS,
      }),
    target: 'Targets',
    expect: 'pass',
  },
  {
    name: 'network target group passing TCP through is not judged',
    build: (stack) => void new elbv2.NetworkTargetGroup(stack, 'Targets', { vpc: vpc(stack), port: 443 }),
    target: 'Targets',
    expect: 'not_applicable',
  },
  {
    name: 'Lambda target group is invoked through the Lambda API',
    build: (stack) =>
      void new elbv2.ApplicationTargetGroup(stack, 'Targets', { targetType: elbv2.TargetType.LAMBDA }),
    target: 'Targets',
    expect: 'not_applicable',
  },
  {
    name: 'target group protocol given as a parameter',
    build: (stack) => {
      const protocol = new CfnParameter(stack, 'TargetProtocol');
      new elbv2.CfnTargetGroup(stack, 'Targets', {
        vpcId: vpc(stack).vpcId,
        port: 443,
        protocol: protocol.valueAsString,
      });
    },
    target: 'Targets',
    expect: 'unknown',
    message: /the protocol to the targets cannot be resolved/,
  },
]);
