import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import type { Stack } from 'aws-cdk-lib';
import { defineCases, type RuleCase } from '../../../lib/engine/cases';
import rule from './web-endpoint-waf';
import type { TerraformStack } from 'cdktf';
import { Wafv2WebAclAssociation } from '@cdktf/provider-aws/lib/wafv2-web-acl-association';
import { tfRestStage } from './api-tls.cases';
import { tfDistribution } from './cdn-tls.cases';
import { TF_ENFORCING_RULES, tfWebAcl } from './waf-rules-enforce.cases';

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

/** A Terraform regional REST API stage `Stage`, associated with a web ACL when `protected`. */
function tfProtectedStage(stack: TerraformStack, isProtected: boolean): void {
  const stage = tfRestStage(stack, 'REGIONAL');
  if (!isProtected) return;
  const acl = tfWebAcl(stack, TF_ENFORCING_RULES);
  new Wafv2WebAclAssociation(stack, 'Protect', { resourceArn: stage.arn, webAclArn: acl.arn });
}

const terraformCases: RuleCase[] = [
  {
    name: 'Terraform: distribution with `web_acl_id`',
    source: 'cdktf',
    build: (stack) => {
      const acl = tfWebAcl(stack, TF_ENFORCING_RULES, 'CLOUDFRONT');
      tfDistribution(stack, { webAclId: acl.arn });
    },
    target: 'Cdn',
    expect: 'pass',
  },
  {
    name: 'Terraform: distribution without `web_acl_id`',
    source: 'cdktf',
    build: (stack) => void tfDistribution(stack),
    target: 'Cdn',
    expect: 'fail',
    message: '`Cdn` is reachable from the internet without a web ACL',
  },
  {
    name: 'Terraform: REST API stage with an aws_wafv2_web_acl_association',
    source: 'cdktf',
    build: (stack) => tfProtectedStage(stack, true),
    target: 'Stage',
    expect: 'pass',
  },
  {
    name: 'Terraform: regional REST API stage without a web ACL',
    source: 'cdktf',
    build: (stack) => tfProtectedStage(stack, false),
    target: 'Stage',
    expect: 'fail',
    message: '`Stage` is reachable from the internet without a web ACL',
  },
  {
    name: 'terraform plan: distribution with `web_acl_id`',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-endpoints/plan.json',
    target: 'aws_cloudfront_distribution.good',
    expect: 'pass',
  },
  {
    name: 'terraform plan: distribution without `web_acl_id`',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-endpoints/plan.json',
    target: 'aws_cloudfront_distribution.bare',
    expect: 'fail',
    message: /without a web ACL/,
  },
  {
    name: 'terraform plan: REST API stage with an aws_wafv2_web_acl_association',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-endpoints/plan.json',
    target: 'aws_api_gateway_stage.bare',
    expect: 'pass',
  },
];

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
  ...terraformCases,
]);
