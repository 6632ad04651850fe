import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as nfw from 'aws-cdk-lib/aws-networkfirewall';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { ApiGatewayDeployment } from '@cdktf/provider-aws/lib/api-gateway-deployment';
import { ApiGatewayDomainName } from '@cdktf/provider-aws/lib/api-gateway-domain-name';
import { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { ApiGatewayStage } from '@cdktf/provider-aws/lib/api-gateway-stage';
import { Apigatewayv2Api } from '@cdktf/provider-aws/lib/apigatewayv2-api';
import { Apigatewayv2Stage } from '@cdktf/provider-aws/lib/apigatewayv2-stage';
import { CloudfrontDistribution } from '@cdktf/provider-aws/lib/cloudfront-distribution';
import { NetworkfirewallFirewall } from '@cdktf/provider-aws/lib/networkfirewall-firewall';
import { NetworkfirewallFirewallPolicy } from '@cdktf/provider-aws/lib/networkfirewall-firewall-policy';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { Wafv2WebAcl } from '@cdktf/provider-aws/lib/wafv2-web-acl';
import { describeParity, type ParityPair } from '../support/parity';

// The same endpoint or network-service misconfiguration written with aws-cdk-lib and with CDK for
// Terraform: the rules that fail (or cannot decide) on the resources involved, with their controls,
// are the same.

const CERT = 'arn:aws:acm:us-east-1:111122223333:certificate/0a1b2c3d-0000-4000-8000-000000000000';
const CACHE_POLICY = '658327ea-f89d-4fab-a63d-7e88639e58f6';
const VISIBILITY = { cloudWatchMetricsEnabled: true, metricName: 'm', sampledRequestsEnabled: true };
const TF_VISIBILITY = { cloudwatchMetricsEnabled: true, metricName: 'm', sampledRequestsEnabled: true };

const PAIRS: readonly ParityPair[] = [
  {
    name: 'a distribution on the default certificate serving plain HTTP from an HTTP-only origin, without logs or web ACL',
    cdk: (s) =>
      void new cloudfront.CfnDistribution(s, 'Cdn', {
        distributionConfig: {
          enabled: true,
          origins: [
            {
              id: 'app',
              domainName: 'app.example.com',
              customOriginConfig: { originProtocolPolicy: 'http-only', originSslProtocols: ['TLSv1.2'] },
            },
          ],
          defaultCacheBehavior: {
            targetOriginId: 'app',
            viewerProtocolPolicy: 'allow-all',
            cachePolicyId: CACHE_POLICY,
          },
          viewerCertificate: { cloudFrontDefaultCertificate: true },
        },
      }),
    cdktf: (s) =>
      void new CloudfrontDistribution(s, 'Cdn', {
        enabled: true,
        origin: [
          {
            originId: 'app',
            domainName: 'app.example.com',
            customOriginConfig: {
              httpPort: 80,
              httpsPort: 443,
              originProtocolPolicy: 'http-only',
              originSslProtocols: ['TLSv1.2'],
            },
          },
        ],
        defaultCacheBehavior: {
          targetOriginId: 'app',
          viewerProtocolPolicy: 'allow-all',
          allowedMethods: ['GET', 'HEAD'],
          cachedMethods: ['GET', 'HEAD'],
          cachePolicyId: CACHE_POLICY,
        },
        restrictions: { geoRestriction: { restrictionType: 'none' } },
        viewerCertificate: { cloudfrontDefaultCertificate: true },
      }),
    id: 'Cdn',
    fails: ['BW-LT-105', 'BW-NS-005', 'BW-NS-006', 'BW-NS-009', 'BW-NS-010', 'BW-NS-021'],
  },
  {
    name: 'a regional REST API stage without access logs or web ACL, on the default TLS 1.0 policy',
    cdk: (s) => {
      const api = new apigw.CfnRestApi(s, 'Api', {
        name: 'orders',
        endpointConfiguration: { types: ['REGIONAL'] },
      });
      const deployment = new apigw.CfnDeployment(s, 'Deployment', { restApiId: api.ref });
      new apigw.CfnStage(s, 'Stage', { restApiId: api.ref, deploymentId: deployment.ref, stageName: 'prod' });
    },
    cdktf: (s) => {
      const api = new ApiGatewayRestApi(s, 'Api', {
        name: 'orders',
        endpointConfiguration: { types: ['REGIONAL'] },
      });
      const deployment = new ApiGatewayDeployment(s, 'Deployment', { restApiId: api.id });
      new ApiGatewayStage(s, 'Stage', { restApiId: api.id, deploymentId: deployment.id, stageName: 'prod' });
    },
    id: 'Stage',
    fails: ['BW-LT-103', 'BW-NS-009', 'BW-NS-013'],
  },
  {
    name: 'an HTTP API stage without access logs',
    cdk: (s) => {
      const api = new apigwv2.CfnApi(s, 'Api', { name: 'orders', protocolType: 'HTTP' });
      new apigwv2.CfnStage(s, 'Stage', { apiId: api.ref, stageName: '$default', autoDeploy: true });
    },
    cdktf: (s) => {
      const api = new Apigatewayv2Api(s, 'Api', { name: 'orders', protocolType: 'HTTP' });
      new Apigatewayv2Stage(s, 'Stage', { apiId: api.id, name: '$default', autoDeploy: true });
    },
    id: 'Stage',
    fails: ['BW-LT-103'],
  },
  {
    name: 'a custom domain name on TLS_1_0',
    cdk: (s) =>
      void new apigw.CfnDomainName(s, 'Domain', {
        domainName: 'api.example.com',
        regionalCertificateArn: CERT,
        endpointConfiguration: { types: ['REGIONAL'] },
        securityPolicy: 'TLS_1_0',
      }),
    cdktf: (s) =>
      void new ApiGatewayDomainName(s, 'Domain', {
        domainName: 'api.example.com',
        regionalCertificateArn: CERT,
        endpointConfiguration: { types: ['REGIONAL'] },
        securityPolicy: 'TLS_1_0',
      }),
    id: 'Domain',
    fails: ['BW-NS-013'],
  },
  {
    name: 'a gateway VPC endpoint without a policy',
    cdk: (s) => {
      const vpc = new ec2.CfnVPC(s, 'Vpc', { cidrBlock: '10.0.0.0/16' });
      new ec2.CfnVPCEndpoint(s, 'S3', { vpcId: vpc.ref, serviceName: 'com.amazonaws.eu-west-1.s3' });
    },
    cdktf: (s) => {
      const vpc = new Vpc(s, 'Vpc', { cidrBlock: '10.0.0.0/16' });
      new VpcEndpoint(s, 'S3', { vpcId: vpc.id, serviceName: 'com.amazonaws.eu-west-1.s3' });
    },
    id: 'S3',
    fails: ['BW-NS-023'],
  },
  {
    name: 'a web ACL whose only rule group counts',
    cdk: (s) =>
      void new wafv2.CfnWebACL(s, 'Acl', {
        scope: 'REGIONAL',
        defaultAction: { allow: {} },
        visibilityConfig: VISIBILITY,
        rules: [
          {
            name: 'common',
            priority: 0,
            statement: {
              managedRuleGroupStatement: { vendorName: 'AWS', name: 'AWSManagedRulesCommonRuleSet' },
            },
            overrideAction: { count: {} },
            visibilityConfig: VISIBILITY,
          },
        ],
      }),
    cdktf: (s) =>
      void new Wafv2WebAcl(s, 'Acl', {
        name: 'web',
        scope: 'REGIONAL',
        defaultAction: { allow: {} },
        visibilityConfig: TF_VISIBILITY,
        rule: [
          {
            name: 'common',
            priority: 0,
            statement: {
              managed_rule_group_statement: { name: 'AWSManagedRulesCommonRuleSet', vendor_name: 'AWS' },
            },
            overrideAction: { count: {} },
            visibilityConfig: TF_VISIBILITY,
          },
        ],
      }),
    id: 'Acl',
    fails: ['BW-NS-025'],
  },
  {
    name: 'a network firewall forwarding in the default action order, without stateful groups or logs',
    cdk: (s) => {
      const vpc = new ec2.CfnVPC(s, 'Vpc', { cidrBlock: '10.0.0.0/16' });
      const subnet = new ec2.CfnSubnet(s, 'Inspection', { vpcId: vpc.ref, cidrBlock: '10.0.0.0/28' });
      const policy = new nfw.CfnFirewallPolicy(s, 'Policy', {
        firewallPolicyName: 'edge',
        firewallPolicy: {
          statelessDefaultActions: ['aws:forward_to_sfe'],
          statelessFragmentDefaultActions: ['aws:forward_to_sfe'],
        },
      });
      new nfw.CfnFirewall(s, 'Firewall', {
        firewallName: 'edge',
        firewallPolicyArn: policy.attrFirewallPolicyArn,
        vpcId: vpc.ref,
        subnetMappings: [{ subnetId: subnet.ref }],
      });
    },
    cdktf: (s) => {
      const vpc = new Vpc(s, 'Vpc', { cidrBlock: '10.0.0.0/16' });
      const subnet = new Subnet(s, 'Inspection', { vpcId: vpc.id, cidrBlock: '10.0.0.0/28' });
      const policy = new NetworkfirewallFirewallPolicy(s, 'Policy', {
        name: 'edge',
        firewallPolicy: {
          statelessDefaultActions: ['aws:forward_to_sfe'],
          statelessFragmentDefaultActions: ['aws:forward_to_sfe'],
        },
      });
      new NetworkfirewallFirewall(s, 'Firewall', {
        name: 'edge',
        firewallPolicyArn: policy.arn,
        vpcId: vpc.id,
        subnetMapping: [{ subnetId: subnet.id }],
      });
    },
    id: 'Firewall',
    fails: ['BW-NS-019', 'BW-NS-020'],
  },
];

describeParity('endpoint parity: CDK and CDK for Terraform', PAIRS, { unknowns: true });
