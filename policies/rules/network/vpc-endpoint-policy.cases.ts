import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { CfnParameter, type Stack } from 'aws-cdk-lib';
import { defineCases, type RuleCase } from '../../../lib/engine/cases';
import rule from './vpc-endpoint-policy';
import type { TerraformStack } from 'cdktf';
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { VpcEndpoint, type VpcEndpointConfig } from '@cdktf/provider-aws/lib/vpc-endpoint';

function vpc(stack: Stack): ec2.Vpc {
  return new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 0 });
}

/** Reading objects of the organisation's buckets only. */
const ORG_READ = new iam.PolicyStatement({
  principals: [new iam.AnyPrincipal()],
  actions: ['s3:GetObject'],
  resources: ['*'],
  conditions: { StringEquals: { 'aws:ResourceOrgID': 'o-abcdef1234' } },
});

/** A Terraform S3 gateway endpoint `S3` in a new VPC; `extra` sets more arguments. */
function tfEndpoint(stack: TerraformStack, extra: Partial<VpcEndpointConfig> = {}): void {
  const vpc = new Vpc(stack, 'Vpc', { cidrBlock: '10.0.0.0/16' });
  new VpcEndpoint(stack, 'S3', { vpcId: vpc.id, serviceName: 'com.amazonaws.eu-west-1.s3', ...extra });
}

const terraformCases: RuleCase[] = [
  {
    name: 'Terraform: gateway endpoint whose `policy` limits it to the organisation',
    source: 'cdktf',
    build: (stack) =>
      tfEndpoint(stack, {
        policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: '*',
              Action: 's3:GetObject',
              Resource: '*',
              Condition: { StringEquals: { 'aws:ResourceOrgID': 'o-abcdef1234' } },
            },
          ],
        }),
      }),
    target: 'S3',
    expect: 'pass',
  },
  {
    name: 'Terraform: gateway endpoint without `policy`',
    source: 'cdktf',
    build: (stack) => tfEndpoint(stack),
    target: 'S3',
    expect: 'fail',
    message:
      '`S3` has no endpoint policy: any principal may reach any resource of `com.amazonaws.eu-west-1.s3` through it',
  },
  {
    name: 'Terraform: endpoint policy written out as full access with aws_iam_policy_document',
    source: 'cdktf',
    build: (stack) => {
      const doc = new DataAwsIamPolicyDocument(stack, 'Full', {
        statement: [
          {
            effect: 'Allow',
            actions: ['*'],
            resources: ['*'],
            principals: [{ type: '*', identifiers: ['*'] }],
          },
        ],
      });
      tfEndpoint(stack, { policy: doc.json });
    },
    target: 'S3',
    expect: 'fail',
    message: /statement 1 of the endpoint policy allows every principal every action on every resource/,
  },
  {
    name: 'Terraform: Gateway Load Balancer endpoints take no policy',
    source: 'cdktf',
    build: (stack) =>
      tfEndpoint(stack, {
        vpcEndpointType: 'GatewayLoadBalancer',
        serviceName: 'com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0',
      }),
    target: 'S3',
    expect: 'not_applicable',
  },
  {
    name: 'terraform plan: endpoint policy limited to the organisation',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-endpoints/plan.json',
    target: 'aws_vpc_endpoint.good',
    expect: 'pass',
  },
  {
    name: 'terraform plan: endpoint without `policy` (known only after apply)',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-endpoints/plan.json',
    target: 'aws_vpc_endpoint.bare',
    expect: 'fail',
    message: /has no endpoint policy/,
  },
];

export default defineCases(rule, [
  {
    name: 'gateway endpoint limited to the organisation',
    build: (stack) => {
      const s3 = new ec2.GatewayVpcEndpoint(stack, 'S3', {
        vpc: vpc(stack),
        service: ec2.GatewayVpcEndpointAwsService.S3,
      });
      s3.addToPolicy(ORG_READ);
    },
    target: 'S3',
    expect: 'pass',
  },
  {
    name: 'gateway endpoint without a policy',
    build: (stack) =>
      void new ec2.GatewayVpcEndpoint(stack, 'S3', {
        vpc: vpc(stack),
        service: ec2.GatewayVpcEndpointAwsService.S3,
      }),
    target: 'S3',
    expect: 'fail',
    message: /`S3` has no endpoint policy: any principal may reach any resource of `com\.amazonaws\./,
  },
  {
    name: 'interface endpoint without a policy',
    build: (stack) =>
      void new ec2.InterfaceVpcEndpoint(stack, 'Sqs', {
        vpc: vpc(stack),
        service: ec2.InterfaceVpcEndpointAwsService.SQS,
      }),
    target: 'Sqs',
    expect: 'fail',
    message: /`Sqs` has no endpoint policy/,
  },
  {
    name: 'interface endpoint allowing one queue of the account',
    build: (stack) => {
      const sqs = new ec2.InterfaceVpcEndpoint(stack, 'Sqs', {
        vpc: vpc(stack),
        service: ec2.InterfaceVpcEndpointAwsService.SQS,
      });
      sqs.addToPolicy(
        new iam.PolicyStatement({
          principals: [new iam.AnyPrincipal()],
          actions: ['sqs:SendMessage'],
          resources: ['arn:aws:sqs:eu-west-1:123456789012:orders'],
        }),
      );
    },
    target: 'Sqs',
    expect: 'pass',
  },
  {
    name: 'endpoint policy written out as full access',
    build: (stack) =>
      void new ec2.CfnVPCEndpoint(stack, 'S3', {
        vpcId: vpc(stack).vpcId,
        serviceName: 'com.amazonaws.eu-west-1.s3',
        policyDocument: {
          Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' }],
        },
      }),
    target: 'S3',
    expect: 'fail',
    message: /statement 1 of the endpoint policy allows every principal every action on every resource/,
  },
  {
    name: 'endpoint policy given as a parameter',
    build: (stack) => {
      const doc = new CfnParameter(stack, 'EndpointPolicy');
      new ec2.CfnVPCEndpoint(stack, 'S3', {
        vpcId: vpc(stack).vpcId,
        serviceName: 'com.amazonaws.eu-west-1.s3',
        policyDocument: doc.valueAsString,
      });
    },
    target: 'S3',
    expect: 'unknown',
    message: /the endpoint policy cannot be resolved/,
  },
  {
    name: 'Gateway Load Balancer endpoints take no policy',
    build: (stack) =>
      void new ec2.CfnVPCEndpoint(stack, 'Inspection', {
        vpcId: vpc(stack).vpcId,
        serviceName: 'com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0',
        vpcEndpointType: 'GatewayLoadBalancer',
      }),
    target: 'Inspection',
    expect: 'not_applicable',
  },
  ...terraformCases,
]);
