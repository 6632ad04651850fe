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
]);
