import { CfnResource } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sam from 'aws-cdk-lib/aws-sam';
import { defineCases } from '../../../lib/engine/cases';
import rule from './transforms-expanded';

const fn = {
  codeUri: 's3://artifacts/app.zip',
  handler: 'index.handler',
  runtime: 'nodejs20.x',
};

export default defineCases(rule, [
  {
    name: 'SAM function expanded into the resources it deploys',
    build: (stack) => {
      new sam.CfnFunction(stack, 'Api', fn);
    },
    target: 'Api',
    expect: 'pass',
  },
  {
    name: 'SAM simple table expanded into a DynamoDB table',
    build: (stack) => {
      new sam.CfnSimpleTable(stack, 'Orders', { sseSpecification: { sseEnabled: true } });
    },
    target: 'Orders',
    expect: 'pass',
  },
  {
    name: 'SAM type declared in a template without the SAM transform',
    build: (stack) => {
      new CfnResource(stack, 'Worker', { type: 'AWS::Serverless::Function', properties: { ...fn } });
    },
    target: 'Worker',
    expect: 'fail',
    message:
      /`Worker` \(`AWS::Serverless::Function`\) is not deployable as written: .*needs `Transform: AWS::Serverless-2016-10-31`/,
  },
  {
    name: 'SAM type Bulwark does not expand',
    build: (stack) => {
      stack.addTransform('AWS::Serverless-2016-10-31');
      new CfnResource(stack, 'Graph', {
        type: 'AWS::Serverless::GraphQLApi',
        properties: { SchemaUri: 's3://artifacts/schema.graphql', Auth: { Type: 'API_KEY' } },
      });
    },
    target: 'Graph',
    expect: 'unknown',
    message:
      /`Graph` \(`AWS::Serverless::GraphQLApi`\) is not read as deployed: transform `AWS::Serverless-2016-10-31`: the SAM type `AWS::Serverless::GraphQLApi` is not expanded/,
  },
  {
    name: 'SAM function with an event source Bulwark does not expand',
    build: (stack) => {
      new sam.CfnFunction(stack, 'Consumer', {
        ...fn,
        events: {
          Broker: {
            type: 'MQ',
            properties: { broker: 'arn:aws:mq:eu-west-1:111111111111:broker:b:1', queues: ['q'] } as never,
          },
        },
      });
    },
    target: 'Consumer',
    expect: 'unknown',
    message: /event `Broker` of `Consumer` has type `MQ`, which Bulwark does not expand/,
  },
  {
    name: 'template processed by a macro',
    build: (stack) => {
      stack.addTransform('AcmeDefaults');
      new s3.CfnBucket(stack, 'Data');
    },
    target: 'Data',
    expect: 'unknown',
    message:
      /`Data` \(`AWS::S3::Bucket`\) is not read as deployed: transform `AcmeDefaults`: .*`AcmeDefaults` is not expanded by Bulwark/,
  },
]);
