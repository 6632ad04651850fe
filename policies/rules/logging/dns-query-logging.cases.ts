import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as resolver from 'aws-cdk-lib/aws-route53resolver';
import { defineCases } from '../../../lib/engine/cases';
import rule from './dns-query-logging';

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
]);
