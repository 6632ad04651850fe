import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { defineCases, type RuleCase } from '../../../lib/engine/cases';
import rule from './cdn-access-logs';
import { CloudwatchLogDeliverySource } from '@cdktf/provider-aws/lib/cloudwatch-log-delivery-source';
import { tfDistribution } from '../network/cdn-tls.cases';

const terraformCases: RuleCase[] = [
  {
    name: 'Terraform: `logging_config` naming a bucket',
    source: 'cdktf',
    build: (stack) =>
      void tfDistribution(stack, { loggingConfig: { bucket: 'example-logs.s3.amazonaws.com' } }),
    target: 'Cdn',
    expect: 'pass',
  },
  {
    name: 'Terraform: an aws_cloudwatch_log_delivery_source of ACCESS_LOGS for the distribution',
    source: 'cdktf',
    build: (stack) => {
      const cdn = tfDistribution(stack);
      new CloudwatchLogDeliverySource(stack, 'Logs', {
        name: 'cdn',
        logType: 'ACCESS_LOGS',
        resourceArn: cdn.arn,
      });
    },
    target: 'Cdn',
    expect: 'pass',
  },
  {
    name: 'Terraform: no `logging_config` and no delivery source',
    source: 'cdktf',
    build: (stack) => void tfDistribution(stack),
    target: 'Cdn',
    expect: 'fail',
    message: '`Cdn` writes no access logs',
  },
  {
    name: 'terraform plan: `logging_config` naming a bucket',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-endpoints/plan.json',
    target: 'aws_cloudfront_distribution.good',
    expect: 'pass',
  },
  {
    name: 'terraform plan: no `logging_config`',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-endpoints/plan.json',
    target: 'aws_cloudfront_distribution.bare',
    expect: 'fail',
    message: /writes no access logs/,
  },
];

export default defineCases(rule, [
  {
    name: 'distribution logging to a bucket',
    build: (stack) => {
      new cloudfront.Distribution(stack, 'Cdn', {
        defaultBehavior: { origin: new origins.HttpOrigin('origin.example.com') },
        enableLogging: true,
        logBucket: new s3.Bucket(stack, 'Logs', { objectOwnership: s3.ObjectOwnership.OBJECT_WRITER }),
      });
    },
    target: 'Cdn',
    expect: 'pass',
  },
  {
    name: 'distribution without access logs',
    build: (stack) => {
      new cloudfront.Distribution(stack, 'Cdn', {
        defaultBehavior: { origin: new origins.HttpOrigin('origin.example.com') },
      });
    },
    target: 'Cdn',
    expect: 'fail',
    message: '`Cdn` writes no access logs',
  },
  ...terraformCases,
]);
