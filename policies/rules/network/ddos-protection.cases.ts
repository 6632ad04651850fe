import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as shield from 'aws-cdk-lib/aws-shield';
import type { Stack } from 'aws-cdk-lib';
import { defineCases, type RuleCase } from '../../../lib/engine/cases';
import rule from './ddos-protection';
import { Lb } from '@cdktf/provider-aws/lib/lb';
import { ShieldProtection } from '@cdktf/provider-aws/lib/shield-protection';
import type { TerraformStack } from 'cdktf';

/** A Terraform application load balancer, internal or internet-facing (the provider default). */
function tfLb(stack: TerraformStack, internal?: boolean): Lb {
  return new Lb(stack, 'Web', { name: 'web', subnets: ['subnet-0a', 'subnet-0b'], internal });
}
import { tfDistribution } from './cdn-tls.cases';

function alb(stack: Stack, internetFacing: boolean): elbv2.ApplicationLoadBalancer {
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 });
  return new elbv2.ApplicationLoadBalancer(stack, 'Lb', { vpc, internetFacing });
}

const terraformCases: RuleCase[] = [
  {
    name: 'Terraform: distribution with an aws_shield_protection',
    source: 'cdktf',
    build: (stack) => {
      const cdn = tfDistribution(stack);
      new ShieldProtection(stack, 'Shield', { name: 'cdn', resourceArn: cdn.arn });
    },
    target: 'Cdn',
    expect: 'pass',
  },
  {
    name: 'Terraform: distribution without protection',
    source: 'cdktf',
    build: (stack) => void tfDistribution(stack),
    target: 'Cdn',
    expect: 'fail',
    message: '`Cdn` is internet-facing without Shield Advanced protection',
  },
  {
    name: 'terraform plan: distribution with an aws_shield_protection',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-endpoints/plan.json',
    target: 'aws_cloudfront_distribution.good',
    expect: 'pass',
  },
  {
    name: 'terraform plan: distribution without protection',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-endpoints/plan.json',
    target: 'aws_cloudfront_distribution.bare',
    expect: 'fail',
    message: /without Shield Advanced protection/,
  },
];

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
  {
    name: 'terraform: internet-facing aws_lb without an aws_shield_protection',
    source: 'cdktf',
    build: (stack) => void tfLb(stack),
    target: 'Web',
    expect: 'fail',
    message: '`Web` is internet-facing without Shield Advanced protection',
  },
  {
    name: 'terraform: internet-facing aws_lb named by an aws_shield_protection',
    source: 'cdktf',
    build: (stack) => {
      const lb = tfLb(stack);
      new ShieldProtection(stack, 'Protect', { name: 'web', resourceArn: lb.arn });
    },
    target: 'Web',
    expect: 'pass',
  },
  {
    name: 'terraform: internal aws_lb',
    source: 'cdktf',
    build: (stack) => void tfLb(stack, true),
    target: 'Web',
    expect: 'not_applicable',
  },
  ...terraformCases,
]);
