import { CfnParameter, Tags } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { defineCases } from '../../../lib/engine/cases';
import { storageAccount } from '../../../test/support/azure-native';
import rule from './classification-tag';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { classified } from '../../../test/support/terraform-stores';

const partitionKey = { name: 'id', type: dynamodb.AttributeType.STRING };

export default defineCases(rule, [
  {
    name: 'table tagged confidential',
    build: (stack) => {
      Tags.of(new dynamodb.Table(stack, 'Orders', { partitionKey })).add(
        'data-classification',
        'confidential',
      );
    },
    target: 'Orders',
    expect: 'pass',
  },
  {
    name: 'level written in enum spelling',
    build: (stack) => {
      Tags.of(new dynamodb.Table(stack, 'Orders', { partitionKey })).add('data-classification', 'TOP_SECRET');
    },
    target: 'Orders',
    expect: 'pass',
  },
  {
    name: 'table without the tag',
    build: (stack) => {
      new dynamodb.Table(stack, 'Orders', { partitionKey });
    },
    target: 'Orders',
    expect: 'fail',
    message: /`Orders` has no `data-classification` tag/,
  },
  {
    name: 'tag value that is not a level',
    build: (stack) => {
      Tags.of(new dynamodb.Table(stack, 'Orders', { partitionKey })).add('data-classification', 'secret');
    },
    target: 'Orders',
    expect: 'fail',
    message: /`secret` is not a classification level/,
  },
  {
    name: 'tag value from a parameter without default',
    build: (stack) => {
      const level = new CfnParameter(stack, 'Level');
      Tags.of(new dynamodb.Table(stack, 'Orders', { partitionKey })).add(
        'data-classification',
        level.valueAsString,
      );
    },
    target: 'Orders',
    expect: 'unknown',
    message: /parameter `Level` has no default/,
  },
  {
    name: 'terraform: queue without tags',
    source: 'cdktf',
    build: (stack) => void new SqsQueue(stack, 'Jobs', { name: 'jobs' }),
    target: 'Jobs',
    expect: 'fail',
    message: '`Jobs` has no `data-classification` tag',
  },
  {
    name: 'terraform: queue tagged data-classification = confidential',
    source: 'cdktf',
    build: (stack) => void new SqsQueue(stack, 'Jobs', { name: 'jobs', ...classified('confidential') }),
    target: 'Jobs',
    expect: 'pass',
    message: '`Jobs` is classified confidential',
  },
  {
    name: 'terraform: queue classified by the default_tags of its provider',
    source: 'cdktf',
    build: (stack) => {
      const tagged = new AwsProvider(stack, 'tagged', {
        region: 'eu-west-1',
        alias: 'tagged',
        defaultTags: [{ tags: { 'data-classification': 'internal' } }],
      });
      new SqsQueue(stack, 'Jobs', { name: 'jobs', provider: tagged });
    },
    target: 'Jobs',
    expect: 'pass',
    message: '`Jobs` is classified internal',
  },
  {
    name: 'terraform: queue tagged with a value that is no level',
    source: 'cdktf',
    build: (stack) => void new SqsQueue(stack, 'Jobs', { name: 'jobs', ...classified('secret') }),
    target: 'Jobs',
    expect: 'fail',
  },
  {
    name: 'pulumi: storage account tagged confidential',
    source: 'pulumi',
    build: () => storageAccount('data'),
    target: 'data',
    expect: 'pass',
  },
  {
    name: 'pulumi: storage account without tags',
    source: 'pulumi',
    build: () => storageAccount('data', { tags: undefined }),
    target: 'data',
    expect: 'fail',
    message: /`data` has no `data-classification` tag/,
  },
]);
