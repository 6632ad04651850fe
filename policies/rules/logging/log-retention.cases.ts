import { Tags } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import { defineCases } from '../../../lib/engine/cases';
import { workspace } from '../../../test/support/azure-native';
import rule from './log-retention';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';

export default defineCases(rule, [
  {
    name: 'unclassified log group on the construct default (two years)',
    build: (stack) => {
      new logs.LogGroup(stack, 'AppLogs');
    },
    target: 'AppLogs',
    expect: 'pass',
  },
  {
    name: 'unclassified log group that never expires',
    build: (stack) => {
      new logs.LogGroup(stack, 'AppLogs', { retention: logs.RetentionDays.INFINITE });
    },
    target: 'AppLogs',
    expect: 'pass',
  },
  {
    name: 'unclassified log group kept one week',
    build: (stack) => {
      new logs.LogGroup(stack, 'AppLogs', { retention: logs.RetentionDays.ONE_WEEK });
    },
    target: 'AppLogs',
    expect: 'fail',
    message: /`AppLogs` keeps logs 7 days, less than 365/,
  },
  {
    name: 'restricted log group kept six months',
    build: (stack) => {
      const g = new logs.LogGroup(stack, 'AppLogs', { retention: logs.RetentionDays.SIX_MONTHS });
      Tags.of(g).add('data-classification', 'restricted');
    },
    target: 'AppLogs',
    expect: 'pass',
  },
  {
    name: 'restricted log group kept one year',
    build: (stack) => {
      const g = new logs.LogGroup(stack, 'AppLogs', { retention: logs.RetentionDays.ONE_YEAR });
      Tags.of(g).add('data-classification', 'restricted');
    },
    target: 'AppLogs',
    expect: 'fail',
    message: /`AppLogs` keeps RESTRICTED logs 365 days, more than the level's 180/,
  },
  {
    name: 'restricted log group kept one month',
    build: (stack) => {
      const g = new logs.LogGroup(stack, 'AppLogs', { retention: logs.RetentionDays.ONE_MONTH });
      Tags.of(g).add('data-classification', 'restricted');
    },
    target: 'AppLogs',
    expect: 'fail',
    message: /`AppLogs` keeps logs 30 days, less than 180/,
  },
  {
    name: 'confidential log group that never expires',
    build: (stack) => {
      const g = new logs.LogGroup(stack, 'AppLogs', { retention: logs.RetentionDays.INFINITE });
      Tags.of(g).add('data-classification', 'confidential');
    },
    target: 'AppLogs',
    expect: 'fail',
    message: /`AppLogs` keeps CONFIDENTIAL logs forever; the level requires expiry within 365 days/,
  },
  {
    name: 'pulumi: CONFIDENTIAL workspace keeping logs 365 days',
    source: 'pulumi',
    build: () => workspace('audit'),
    target: 'audit',
    expect: 'pass',
  },
  {
    name: 'pulumi: CONFIDENTIAL workspace keeping logs 30 days',
    source: 'pulumi',
    build: () => workspace('audit', { retentionInDays: 30 }),
    target: 'audit',
    expect: 'fail',
    message: /`audit` keeps logs 30 days, less than 365/,
  },
  {
    name: 'pulumi: workspace without retentionInDays (depends on the pricing plan)',
    source: 'pulumi',
    build: () => workspace('audit', { retentionInDays: undefined }),
    target: 'audit',
    expect: 'unknown',
    message: /`retentionInDays` is not set/,
  },
  {
    name: 'terraform: unclassified log group kept one year',
    source: 'cdktf',
    build: (stack) => void new CloudwatchLogGroup(stack, 'AppLogs', { name: 'app', retentionInDays: 365 }),
    target: 'AppLogs',
    expect: 'pass',
  },
  {
    name: 'terraform: unclassified log group kept one week',
    source: 'cdktf',
    build: (stack) => void new CloudwatchLogGroup(stack, 'AppLogs', { name: 'app', retentionInDays: 7 }),
    target: 'AppLogs',
    expect: 'fail',
    message: '`AppLogs` keeps logs 7 days, less than 365',
  },
  {
    name: 'terraform: unclassified log group without retention_in_days never expires',
    source: 'cdktf',
    build: (stack) => void new CloudwatchLogGroup(stack, 'AppLogs', { name: 'app' }),
    target: 'AppLogs',
    expect: 'pass',
  },
  {
    name: 'terraform: restricted log group without retention_in_days keeps its data forever',
    source: 'cdktf',
    build: (stack) =>
      void new CloudwatchLogGroup(stack, 'AppLogs', {
        name: 'app',
        tags: { 'data-classification': 'restricted' },
      }),
    target: 'AppLogs',
    expect: 'fail',
    message: /keeps RESTRICTED logs forever/,
  },
  {
    name: 'terraform: restricted log group kept six months',
    source: 'cdktf',
    build: (stack) =>
      void new CloudwatchLogGroup(stack, 'AppLogs', {
        name: 'app',
        retentionInDays: 180,
        tags: { 'data-classification': 'restricted' },
      }),
    target: 'AppLogs',
    expect: 'pass',
  },
  {
    name: 'terraform plan: log group kept 365 days',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-posture-logging/plan.json',
    target: 'aws_cloudwatch_log_group.good',
    expect: 'pass',
  },
  {
    name: 'terraform plan: log group kept 7 days',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-posture-logging/plan.json',
    target: 'aws_cloudwatch_log_group.bad',
    expect: 'fail',
    message: /keeps logs 7 days, less than 365/,
  },
]);
