import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as resolver from 'aws-cdk-lib/aws-route53resolver';
import { defineCases } from '../../../lib/engine/cases';
import rule from './dns-query-logging';
import type { TerraformStack } from 'cdktf';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { Route53ResolverQueryLogConfig } from '@cdktf/provider-aws/lib/route53-resolver-query-log-config';
import { Route53ResolverQueryLogConfigAssociation } from '@cdktf/provider-aws/lib/route53-resolver-query-log-config-association';
import { Vpc as TfVpc } from '@cdktf/provider-aws/lib/vpc';
import type { RuleCase } from '../../../lib/engine/cases';

/** A Terraform VPC, with its DNS queries logged to a log group when `logged`. */
function tfVpc(stack: TerraformStack, logged: boolean): void {
  const vpc = new TfVpc(stack, 'Vpc', { cidrBlock: '10.0.0.0/16' });
  if (!logged) return;
  const group = new CloudwatchLogGroup(stack, 'DnsLogs', { retentionInDays: 365 });
  const config = new Route53ResolverQueryLogConfig(stack, 'QueryLog', {
    name: 'dns',
    destinationArn: group.arn,
  });
  new Route53ResolverQueryLogConfigAssociation(stack, 'QueryLogVpc', {
    resolverQueryLogConfigId: config.id,
    resourceId: vpc.id,
  });
}

const terraformCases: RuleCase[] = [
  {
    name: 'Terraform: query log configuration associated with the VPC',
    source: 'cdktf',
    build: (stack) => tfVpc(stack, true),
    target: 'Vpc',
    expect: 'pass',
  },
  {
    name: 'Terraform: VPC without a query log association',
    source: 'cdktf',
    build: (stack) => tfVpc(stack, false),
    target: 'Vpc',
    expect: 'fail',
    message: /`Vpc` has no Route 53 Resolver query logging configuration/,
  },
];

export default defineCases(rule, [
  {
    name: 'VPC associated with a query logging configuration',
    build: (stack) => {
      const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 0 });
      const config = new resolver.CfnResolverQueryLoggingConfig(stack, 'QueryLogs', {
        destinationArn: new logs.LogGroup(stack, 'DnsLogs').logGroupArn,
      });
      new resolver.CfnResolverQueryLoggingConfigAssociation(stack, 'QueryLogsVpc', {
        resolverQueryLogConfigId: config.attrId,
        resourceId: vpc.vpcId,
      });
    },
    target: 'Vpc',
    expect: 'pass',
  },
  {
    name: 'VPC without DNS query logging',
    build: (stack) => void new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 0 }),
    target: 'Vpc',
    expect: 'fail',
    message: '`Vpc` has no Route 53 Resolver query logging configuration',
  },
  ...terraformCases,
]);
