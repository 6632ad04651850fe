import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elb from 'aws-cdk-lib/aws-elasticloadbalancing';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import type { Stack } from 'aws-cdk-lib';
import { defineCases } from '../../../lib/engine/cases';
import { applicationGateway, frontDoorRoute } from '../../../test/support/azure-native';
import rule from './http-redirects-to-https';
import type { TerraformStack } from 'cdktf';
import { Lb } from '@cdktf/provider-aws/lib/lb';
import { LbListener } from '@cdktf/provider-aws/lib/lb-listener';
import type { RuleCase } from '../../../lib/engine/cases';
import { tfDistribution } from './cdn-tls.cases';

function alb(stack: Stack): elbv2.ApplicationLoadBalancer {
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 });
  return new elbv2.ApplicationLoadBalancer(stack, 'Lb', { vpc, internetFacing: true });
}

function cdn(
  stack: Stack,
  policy: cloudfront.ViewerProtocolPolicy,
  extra?: cloudfront.ViewerProtocolPolicy,
): void {
  const origin = new origins.HttpOrigin('origin.example.com');
  const d = new cloudfront.Distribution(stack, 'Cdn', {
    defaultBehavior: { origin, viewerProtocolPolicy: policy },
  });
  if (extra) d.addBehavior('/legacy/*', origin, { viewerProtocolPolicy: extra });
}

/** A Terraform application load balancer with an HTTP listener whose default action is a redirect to `protocol`, or a fixed response. */
function tfHttp(stack: TerraformStack, redirectTo?: string): void {
  const lb = new Lb(stack, 'TfLb', { name: 'web', subnets: ['subnet-0a', 'subnet-0b'] });
  new LbListener(stack, 'Http', {
    loadBalancerArn: lb.arn,
    port: 80,
    protocol: 'HTTP',
    defaultAction: [
      redirectTo === undefined
        ? { type: 'fixed-response', fixedResponse: { contentType: 'text/plain', statusCode: '200' } }
        : { type: 'redirect', redirect: { protocol: redirectTo, port: '443', statusCode: 'HTTP_301' } },
    ],
  });
}

const terraformCases: RuleCase[] = [
  {
    name: 'Terraform: HTTP aws_lb_listener redirects to HTTPS',
    source: 'cdktf',
    build: (stack) => tfHttp(stack, 'HTTPS'),
    target: 'Http',
    expect: 'pass',
  },
  {
    name: 'Terraform: HTTP aws_lb_listener answers with a fixed response',
    source: 'cdktf',
    build: (stack) => tfHttp(stack),
    target: 'Http',
    expect: 'fail',
    message: '`Http` serves plain HTTP instead of redirecting to HTTPS',
  },
];

const BEHAVIOR = {
  targetOriginId: 'app',
  allowedMethods: ['GET', 'HEAD'],
  cachedMethods: ['GET', 'HEAD'],
  cachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6',
};

const distributionCases: RuleCase[] = [
  {
    name: 'Terraform: distribution redirecting viewers to HTTPS',
    source: 'cdktf',
    build: (stack) => void tfDistribution(stack),
    target: 'Cdn',
    expect: 'pass',
  },
  {
    name: 'Terraform: distribution whose default behavior allows `allow-all`',
    source: 'cdktf',
    build: (stack) =>
      void tfDistribution(stack, {
        defaultCacheBehavior: { ...BEHAVIOR, viewerProtocolPolicy: 'allow-all' },
      }),
    target: 'Cdn',
    expect: 'fail',
    message: '`Cdn` serves viewers over plain HTTP (a cache behavior allows `allow-all`)',
  },
  {
    name: 'Terraform: distribution with one `ordered_cache_behavior` on `allow-all`',
    source: 'cdktf',
    build: (stack) =>
      void tfDistribution(stack, {
        orderedCacheBehavior: [{ ...BEHAVIOR, pathPattern: '/legacy/*', viewerProtocolPolicy: 'allow-all' }],
      }),
    target: 'Cdn',
    expect: 'fail',
  },
  {
    name: 'terraform plan: default and ordered behaviors on HTTPS',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-endpoints/plan.json',
    target: 'aws_cloudfront_distribution.good',
    expect: 'pass',
  },
  {
    name: 'terraform plan: `allow-all` default behavior',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-endpoints/plan.json',
    target: 'aws_cloudfront_distribution.bare',
    expect: 'fail',
    message: /serves viewers over plain HTTP/,
  },
];

export default defineCases(rule, [
  {
    name: 'Pulumi: application gateway HTTP listener redirected to an https:// URL',
    source: 'pulumi',
    build: () =>
      applicationGateway([{ name: 'plain', protocol: 'Http', redirectTo: 'https://www.example.com' }]),
    target: 'gateway',
    expect: 'pass',
  },
  {
    name: 'Pulumi: application gateway HTTP listener routed to the backend pool',
    source: 'pulumi',
    build: () =>
      applicationGateway([
        { name: 'site', protocol: 'Https' },
        { name: 'plain', protocol: 'Http' },
      ]),
    target: 'gateway',
    expect: 'fail',
    message: '`gateway/plain` serves plain HTTP instead of redirecting to HTTPS',
  },
  {
    name: 'Pulumi: Front Door route that accepts HTTP only to redirect it',
    source: 'pulumi',
    build: () => frontDoorRoute({ supportedProtocols: ['Http'], httpsRedirect: 'Enabled' }),
    target: 'route',
    expect: 'pass',
  },
  {
    name: 'Pulumi: Front Door route serving HTTP and HTTPS without httpsRedirect',
    source: 'pulumi',
    build: () => frontDoorRoute({ supportedProtocols: ['Http', 'Https'] }),
    target: 'route',
    expect: 'fail',
    message: '`route/http` serves plain HTTP instead of redirecting to HTTPS',
  },
  {
    name: 'HTTP listener redirecting to HTTPS',
    build: (stack) => void alb(stack).addRedirect(),
    target: 'Lb',
    expect: 'pass',
  },
  {
    name: 'HTTP listener serving a fixed response',
    build: (stack) =>
      void alb(stack).addListener('Http', {
        port: 80,
        defaultAction: elbv2.ListenerAction.fixedResponse(200),
      }),
    target: 'Lb/Http',
    expect: 'fail',
    message: '`Lb/Http` serves plain HTTP instead of redirecting to HTTPS',
  },
  {
    name: 'HTTP listener redirecting to another HTTP port',
    build: (stack) =>
      void alb(stack).addListener('Http', {
        port: 80,
        defaultAction: elbv2.ListenerAction.redirect({ protocol: 'HTTP', port: '8080' }),
      }),
    target: 'Lb/Http',
    expect: 'fail',
  },
  {
    name: 'distribution redirecting viewers to HTTPS',
    build: (stack) => cdn(stack, cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS),
    target: 'Cdn',
    expect: 'pass',
  },
  {
    name: 'distribution on its default `allow-all` viewer protocol policy',
    build: (stack) => {
      new cloudfront.Distribution(stack, 'Cdn', {
        defaultBehavior: { origin: new origins.HttpOrigin('origin.example.com') },
      });
    },
    target: 'Cdn',
    expect: 'fail',
    message: '`Cdn` serves viewers over plain HTTP',
  },
  {
    name: 'distribution with one extra behavior on `allow-all`',
    build: (stack) =>
      cdn(stack, cloudfront.ViewerProtocolPolicy.HTTPS_ONLY, cloudfront.ViewerProtocolPolicy.ALLOW_ALL),
    target: 'Cdn',
    expect: 'fail',
  },
  {
    name: 'classic load balancer serving plain HTTP (a classic listener cannot redirect)',
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
    message: '`Clb/listener-80` serves plain HTTP instead of redirecting to HTTPS',
  },
  {
    name: 'classic load balancer with an HTTPS listener only',
    build: (stack) => {
      const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 });
      new elb.LoadBalancer(stack, 'Clb', {
        vpc,
        internetFacing: true,
        listeners: [
          {
            externalPort: 443,
            externalProtocol: elb.LoadBalancingProtocol.HTTPS,
            internalPort: 80,
            sslCertificateArn:
              'arn:aws:acm:eu-west-1:123456789012:certificate/11111111-2222-3333-4444-555555555555',
          },
        ],
      });
    },
    target: 'Clb',
    expect: 'not_applicable',
  },
  ...terraformCases,
  ...distributionCases,
]);
