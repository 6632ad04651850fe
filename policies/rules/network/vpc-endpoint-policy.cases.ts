import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { CfnParameter, type Stack } from 'aws-cdk-lib';
import { defineCases } from '../../../lib/engine/cases';
import rule from './vpc-endpoint-policy';

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
]);
