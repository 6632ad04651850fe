import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { defineCases } from '../../../lib/engine/cases';
import rule from './object-store-access-logging';

export default defineCases(rule, [
  {
    name: 'bucket logging requests to a log bucket',
    build: (stack) => {
      const logs = new s3.Bucket(stack, 'AccessLogs');
      new s3.Bucket(stack, 'Data', { serverAccessLogsBucket: logs, serverAccessLogsPrefix: 'data/' });
    },
    target: 'Data',
    expect: 'pass',
  },
  {
    name: 'bucket on the S3 default (no access logs)',
    build: (stack) => {
      new s3.Bucket(stack, 'Data');
    },
    target: 'Data',
    expect: 'fail',
    message: /`Data` records no server access logs/,
  },
  {
    name: 'log bucket holding the server access logs of another bucket',
    build: (stack) => {
      const logs = new s3.Bucket(stack, 'AccessLogs');
      new s3.Bucket(stack, 'Data', { serverAccessLogsBucket: logs, serverAccessLogsPrefix: 'data/' });
    },
    target: 'AccessLogs',
    expect: 'not_applicable',
  },
  {
    name: 'log bucket holding application load balancer access logs',
    build: (stack) => {
      const logs = new s3.Bucket(stack, 'LbLogs');
      new elbv2.CfnLoadBalancer(stack, 'Lb', {
        subnets: ['subnet-12345678', 'subnet-87654321'],
        loadBalancerAttributes: [
          { key: 'access_logs.s3.enabled', value: 'true' },
          { key: 'access_logs.s3.bucket', value: logs.bucketName },
        ],
      });
    },
    target: 'LbLogs',
    expect: 'not_applicable',
  },
]);
