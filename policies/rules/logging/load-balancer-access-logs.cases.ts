import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elb from 'aws-cdk-lib/aws-elasticloadbalancing';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Stack } from 'aws-cdk-lib';
import { defineCases } from '../../../lib/engine/cases';
import rule from './load-balancer-access-logs';
import type { TerraformStack } from 'cdktf';
import { Lb } from '@cdktf/provider-aws/lib/lb';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import type { RuleCase } from '../../../lib/engine/cases';

function alb(stack: Stack): elbv2.ApplicationLoadBalancer {
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 });
  return new elbv2.ApplicationLoadBalancer(stack, 'Lb', { vpc, internetFacing: true });
}

/** A Terraform application load balancer, with an `access_logs` block to a bucket when `enabled` is given. */
function tfLb(stack: TerraformStack, enabled?: boolean): void {
  const bucket = new S3Bucket(stack, 'Logs', { bucket: 'lb-access-logs' });
  new Lb(stack, 'TfLb', {
    name: 'web',
    subnets: ['subnet-0a', 'subnet-0b'],
    accessLogs: enabled === undefined ? undefined : { bucket: bucket.bucket, enabled },
  });
}

const terraformCases: RuleCase[] = [
  {
    name: 'Terraform: aws_lb with access_logs enabled',
    source: 'cdktf',
    build: (stack) => tfLb(stack, true),
    target: 'TfLb',
    expect: 'pass',
  },
  {
    name: 'Terraform: aws_lb without an access_logs block',
    source: 'cdktf',
    build: (stack) => tfLb(stack),
    target: 'TfLb',
    expect: 'fail',
    message: '`TfLb` writes no access logs',
  },
  {
    name: 'Terraform: aws_lb access_logs block with a bucket but enabled = false',
    source: 'cdktf',
    build: (stack) => tfLb(stack, false),
    target: 'TfLb',
    expect: 'fail',
    message: '`TfLb` writes no access logs',
  },
];

export default defineCases(rule, [
  {
    name: 'application load balancer logging to a bucket',
    build: (stack) => {
      // `logAccessLogs` needs a concrete region; the attributes it sets are these two.
      const lb = alb(stack);
      lb.setAttribute('access_logs.s3.enabled', 'true');
      lb.setAttribute('access_logs.s3.bucket', new s3.Bucket(stack, 'Logs').bucketName);
    },
    target: 'Lb',
    expect: 'pass',
  },
  {
    name: 'application load balancer without access logs',
    build: (stack) => void alb(stack),
    target: 'Lb',
    expect: 'fail',
    message: '`Lb` writes no access logs',
  },
  {
    name: 'access logs attribute set to false',
    build: (stack) => alb(stack).setAttribute('access_logs.s3.enabled', 'false'),
    target: 'Lb',
    expect: 'fail',
  },
  {
    name: 'network load balancers are not held to it',
    build: (stack) => {
      const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 });
      new elbv2.NetworkLoadBalancer(stack, 'Lb', { vpc });
    },
    target: 'Lb',
    expect: 'not_applicable',
  },
  {
    name: 'classic load balancer with an access logging policy',
    build: (stack) => {
      const logs = new s3.Bucket(stack, 'Logs');
      new elb.CfnLoadBalancer(stack, 'Clb', {
        availabilityZones: ['eu-west-1a'],
        listeners: [{ loadBalancerPort: '80', instancePort: '80', protocol: 'HTTP' }],
        accessLoggingPolicy: { enabled: true, s3BucketName: logs.bucketName, emitInterval: 5 },
      });
    },
    target: 'Clb',
    expect: 'pass',
  },
  {
    name: 'classic load balancer without an access logging policy',
    build: (stack) => {
      const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 });
      new elb.LoadBalancer(stack, 'Clb', {
        vpc,
        internetFacing: true,
        listeners: [{ externalPort: 80, externalProtocol: elb.LoadBalancingProtocol.HTTP }],
      });
    },
    target: 'Clb',
    expect: 'fail',
    message: '`Clb` writes no access logs',
  },
  ...terraformCases,
]);
