import { Tags } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import { defineCases } from '../../../lib/engine/cases';
import rule from './log-pii-masking';

const masking = () =>
  new logs.DataProtectionPolicy({
    identifiers: [logs.DataIdentifier.EMAILADDRESS, logs.DataIdentifier.NAME],
  });

export default defineCases(rule, [
  {
    name: 'confidential log group with a masking policy',
    build: (stack) => {
      const g = new logs.LogGroup(stack, 'AppLogs', { dataProtectionPolicy: masking() });
      Tags.of(g).add('data-classification', 'confidential');
    },
    target: 'AppLogs',
    expect: 'pass',
  },
  {
    name: 'confidential log group without a masking policy',
    build: (stack) => {
      Tags.of(new logs.LogGroup(stack, 'AppLogs')).add('data-classification', 'confidential');
    },
    target: 'AppLogs',
    expect: 'fail',
    message: /`AppLogs` is CONFIDENTIAL and has no data protection policy that masks PII/,
  },
  {
    name: 'restricted log group without a masking policy',
    build: (stack) => {
      Tags.of(new logs.LogGroup(stack, 'AppLogs')).add('data-classification', 'restricted');
    },
    target: 'AppLogs',
    expect: 'fail',
  },
  {
    name: 'internal log group needs no masking',
    build: (stack) => {
      Tags.of(new logs.LogGroup(stack, 'AppLogs')).add('data-classification', 'internal');
    },
    target: 'AppLogs',
    expect: 'not_applicable',
  },
]);
