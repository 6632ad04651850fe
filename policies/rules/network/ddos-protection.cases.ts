import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as shield from 'aws-cdk-lib/aws-shield';
import type { Stack } from 'aws-cdk-lib';
import { defineCases } from '../../../lib/engine/cases';
import rule from './ddos-protection';

function alb(stack: Stack, internetFacing: boolean): elbv2.ApplicationLoadBalancer {
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 });
  return new elbv2.ApplicationLoadBalancer(stack, 'Lb', { vpc, internetFacing });
}

export default defineCases(rule, [
  {
    name: 'internet-facing load balancer with a Shield Advanced protection',
    build: (stack) => {
      const lb = alb(stack, true);
      new shield.CfnProtection(stack, 'Shield', { name: 'lb', resourceArn: lb.loadBalancerArn });
    },
    target: 'Lb',
    expect: 'pass',
  },
  {
    name: 'internet-facing load balancer without protection',
    build: (stack) => void alb(stack, true),
    target: 'Lb',
    expect: 'fail',
    message: '`Lb` is internet-facing without Shield Advanced protection',
  },
  {
    name: 'internal load balancer',
    build: (stack) => void alb(stack, false),
    target: 'Lb',
    expect: 'not_applicable',
  },
  {
    name: 'distribution without protection',
    build: (stack) => {
      new cloudfront.Distribution(stack, 'Cdn', {
        defaultBehavior: { origin: new origins.HttpOrigin('origin.example.com') },
      });
    },
    target: 'Cdn',
    expect: 'fail',
  },
]);
