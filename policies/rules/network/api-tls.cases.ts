import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { defineCases, type RuleCase } from '../../../lib/engine/cases';
import rule from './api-tls';
import * as sam from 'aws-cdk-lib/aws-sam';
import type { TerraformStack } from 'cdktf';
import { ApiGatewayDeployment } from '@cdktf/provider-aws/lib/api-gateway-deployment';
import { ApiGatewayDomainName } from '@cdktf/provider-aws/lib/api-gateway-domain-name';
import { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { ApiGatewayStage, type ApiGatewayStageConfig } from '@cdktf/provider-aws/lib/api-gateway-stage';
import { Apigatewayv2DomainName } from '@cdktf/provider-aws/lib/apigatewayv2-domain-name';

const CERT = 'arn:aws:acm:us-east-1:111111111111:certificate/00000000-0000-0000-0000-000000000000';

/**
 * A Terraform REST API `Api` of endpoint type `type` (the provider's default, edge-optimized, when
 * undefined) deployed to stage `Stage`; `stage` adds stage arguments.
 */
export function tfRestStage(
  stack: TerraformStack,
  type?: string,
  stage: Partial<ApiGatewayStageConfig> = {},
): ApiGatewayStage {
  const api = new ApiGatewayRestApi(stack, 'Api', {
    name: 'orders',
    endpointConfiguration: type ? { types: [type] } : undefined,
  });
  const deployment = new ApiGatewayDeployment(stack, 'Deployment', { restApiId: api.id });
  return new ApiGatewayStage(stack, 'Stage', {
    restApiId: api.id,
    deploymentId: deployment.id,
    stageName: 'prod',
    ...stage,
  });
}

const terraformCases: RuleCase[] = [
  {
    name: 'Terraform: private REST API (TLS_1_2)',
    source: 'cdktf',
    build: (stack) => void tfRestStage(stack, 'PRIVATE'),
    target: 'Stage',
    expect: 'pass',
  },
  {
    name: 'Terraform: regional REST API on the default policy accepts TLS 1.0',
    source: 'cdktf',
    build: (stack) => void tfRestStage(stack, 'REGIONAL'),
    target: 'Stage',
    expect: 'fail',
    message: '`Stage` accepts TLS 1.0 (policy `TLS_1_0`)',
  },
  {
    name: 'Terraform: aws_api_gateway_domain_name without `security_policy` (TLS_1_2)',
    source: 'cdktf',
    build: (stack) =>
      void new ApiGatewayDomainName(stack, 'Domain', {
        domainName: 'api.example.com',
        regionalCertificateArn: CERT,
        endpointConfiguration: { types: ['REGIONAL'] },
      }),
    target: 'Domain',
    expect: 'pass',
  },
  {
    name: 'Terraform: aws_api_gateway_domain_name with `security_policy = "TLS_1_0"`',
    source: 'cdktf',
    build: (stack) =>
      void new ApiGatewayDomainName(stack, 'Domain', {
        domainName: 'api.example.com',
        regionalCertificateArn: CERT,
        endpointConfiguration: { types: ['REGIONAL'] },
        securityPolicy: 'TLS_1_0',
      }),
    target: 'Domain',
    expect: 'fail',
    message: '`Domain` accepts TLS 1.0 (policy `TLS_1_0`)',
  },
  {
    name: 'Terraform: aws_apigatewayv2_domain_name on TLS_1_2',
    source: 'cdktf',
    build: (stack) =>
      void new Apigatewayv2DomainName(stack, 'Domain', {
        domainName: 'api.example.com',
        domainNameConfiguration: {
          certificateArn: CERT,
          endpointType: 'REGIONAL',
          securityPolicy: 'TLS_1_2',
        },
      }),
    target: 'Domain',
    expect: 'pass',
  },
  {
    name: 'terraform plan: private REST API stage',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-endpoints/plan.json',
    target: 'aws_api_gateway_stage.good',
    expect: 'pass',
  },
  {
    name: 'terraform plan: edge-optimized REST API stage on the default TLS_1_0',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-endpoints/plan.json',
    target: 'aws_api_gateway_stage.bare',
    expect: 'fail',
    message: /accepts TLS 1\.0 \(policy `TLS_1_0`\)/,
  },
  {
    name: 'terraform plan: domain name without `security_policy`',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-endpoints/plan.json',
    target: 'aws_api_gateway_domain_name.bare',
    expect: 'pass',
  },
  {
    name: 'terraform plan: domain name on TLS_1_0',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-endpoints/plan.json',
    target: 'aws_api_gateway_domain_name.legacy',
    expect: 'fail',
    message: /accepts TLS 1\.0/,
  },
  {
    name: 'terraform plan: HTTP API domain name on TLS_1_2',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-endpoints/plan.json',
    target: 'aws_apigatewayv2_domain_name.good',
    expect: 'pass',
  },
];

export default defineCases(rule, [
  {
    name: 'HTTP API custom domain name on TLS_1_2',
    build: (stack) =>
      void new apigwv2.CfnDomainName(stack, 'Domain', {
        domainName: 'http.example.com',
        domainNameConfigurations: [
          { certificateArn: CERT, endpointType: 'REGIONAL', securityPolicy: 'TLS_1_2' },
        ],
      }),
    target: 'Domain',
    expect: 'pass',
  },
  {
    name: 'REST API with an enhanced TLS 1.2 and 1.3 security policy',
    build: (stack) => {
      const api = new apigw.RestApi(stack, 'Api');
      api.root.addMethod('GET');
      const cfn = api.node.defaultChild as apigw.CfnRestApi;
      cfn.securityPolicy = 'SecurityPolicy_TLS13_1_2_2021_06';
      cfn.endpointAccessMode = 'STRICT';
    },
    target: 'Api/DeploymentStage.prod',
    expect: 'pass',
  },
  {
    name: 'regional REST API on the default policy accepts TLS 1.0',
    build: (stack) => {
      const api = new apigw.RestApi(stack, 'Api', { endpointTypes: [apigw.EndpointType.REGIONAL] });
      api.root.addMethod('GET');
    },
    target: 'Api/DeploymentStage.prod',
    expect: 'fail',
    message: '`Api/DeploymentStage.prod` accepts TLS 1.0 (policy `TLS_1_0`)',
  },
  {
    name: 'custom domain name left on the default TLS_1_2',
    build: (stack) => {
      new apigw.DomainName(stack, 'Domain', {
        domainName: 'api.example.com',
        certificate: acm.Certificate.fromCertificateArn(stack, 'Cert', CERT),
      });
    },
    target: 'Domain',
    expect: 'pass',
  },
  {
    name: 'custom domain name set to TLS_1_0',
    build: (stack) => {
      new apigw.DomainName(stack, 'Domain', {
        domainName: 'api.example.com',
        certificate: acm.Certificate.fromCertificateArn(stack, 'Cert', CERT),
        securityPolicy: apigw.SecurityPolicy.TLS_1_0,
      });
    },
    target: 'Domain',
    expect: 'fail',
    message: '`Domain` accepts TLS 1.0 (policy `TLS_1_0`)',
  },
  {
    name: 'SAM API custom domain with Domain.SecurityPolicy TLS_1_0',
    build: (stack) => {
      new sam.CfnApi(stack, 'Api', {
        stageName: 'prod',
        definitionUri: 's3://artifacts/openapi.yaml',
        domain: {
          domainName: 'api.example.com',
          certificateArn: 'arn:aws:acm:eu-west-1:111111111111:certificate/abc',
          securityPolicy: 'TLS_1_0',
        } as sam.CfnApi.DomainConfigurationProperty,
      });
    },
    target: 'Api',
    expect: 'fail',
    message: '`Api/DomainName` accepts TLS 1.0 (policy `TLS_1_0`)',
  },
  ...terraformCases,
]);
