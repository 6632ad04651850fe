import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import type { Stack } from 'aws-cdk-lib';
import { defineCases } from '../../../lib/engine/cases';
import rule from './web-endpoint-waf';

function webAcl(stack: Stack, scope: 'REGIONAL' | 'CLOUDFRONT'): wafv2.CfnWebACL {
  return new wafv2.CfnWebACL(stack, 'Acl', {
    defaultAction: { allow: {} },
    scope,
    visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'acl', sampledRequestsEnabled: true },
    rules: [
      {
        name: 'common',
        priority: 0,
        overrideAction: { none: {} },
        statement: { managedRuleGroupStatement: { vendorName: 'AWS', name: 'AWSManagedRulesCommonRuleSet' } },
        visibilityConfig: {
          cloudWatchMetricsEnabled: true,
          metricName: 'common',
          sampledRequestsEnabled: true,
        },
      },
    ],
  });
}

function loadBalancer(stack: Stack, internetFacing: boolean): elbv2.ApplicationLoadBalancer {
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 });
  const lb = new elbv2.ApplicationLoadBalancer(stack, 'Lb', { vpc, internetFacing });
  lb.addListener('Http', { port: 80, defaultAction: elbv2.ListenerAction.fixedResponse(200) });
  return lb;
}

function api(stack: Stack): apigw.RestApi {
  const a = new apigw.RestApi(stack, 'Api');
  a.root.addMethod('GET');
  return a;
}

export default defineCases(rule, [
  {
    name: 'internet-facing load balancer with a web ACL',
    build: (stack) => {
      const lb = loadBalancer(stack, true);
      new wafv2.CfnWebACLAssociation(stack, 'AclLb', {
        resourceArn: lb.loadBalancerArn,
        webAclArn: webAcl(stack, 'REGIONAL').attrArn,
      });
    },
    target: 'Lb/Resource',
    expect: 'pass',
  },
  {
    name: 'internet-facing load balancer without a web ACL',
    build: (stack) => void loadBalancer(stack, true),
    target: 'Lb',
    expect: 'fail',
    message: '`Lb` is reachable from the internet without a web ACL',
  },
  {
    name: 'internal load balancer needs no web ACL',
    build: (stack) => void loadBalancer(stack, false),
    target: 'Lb',
    expect: 'not_applicable',
  },
  {
    name: 'distribution with a CloudFront-scoped web ACL',
    build: (stack) => {
      new cloudfront.Distribution(stack, 'Cdn', {
        defaultBehavior: { origin: new origins.HttpOrigin('origin.example.com') },
        webAclId: webAcl(stack, 'CLOUDFRONT').attrArn,
      });
    },
    target: 'Cdn',
    expect: 'pass',
  },
  {
    name: 'distribution without a web ACL',
    build: (stack) => {
      new cloudfront.Distribution(stack, 'Cdn', {
        defaultBehavior: { origin: new origins.HttpOrigin('origin.example.com') },
      });
    },
    target: 'Cdn',
    expect: 'fail',
    message: '`Cdn` is reachable from the internet without a web ACL',
  },
  {
    name: 'REST API stage associated with a web ACL',
    build: (stack) => {
      const a = api(stack);
      new wafv2.CfnWebACLAssociation(stack, 'AclApi', {
        resourceArn: a.deploymentStage.stageArn,
        webAclArn: webAcl(stack, 'REGIONAL').attrArn,
      });
    },
    target: 'Api/DeploymentStage.prod',
    expect: 'pass',
  },
  {
    name: 'regional REST API stage without a web ACL',
    build: (stack) => void api(stack),
    target: 'Api/DeploymentStage.prod',
    expect: 'fail',
    message: '`Api/DeploymentStage.prod` is reachable from the internet without a web ACL',
  },
]);
