import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import { defineCases } from '../../../lib/engine/cases';
import rule from './trail-cloudwatch-logs';

export default defineCases(rule, [
  {
    name: 'trail sending its events to CloudWatch Logs',
    build: (stack) => {
      new cloudtrail.Trail(stack, 'Trail', { sendToCloudWatchLogs: true });
    },
    target: 'Trail',
    expect: 'pass',
  },
  {
    name: 'trail on the CDK default (bucket only)',
    build: (stack) => {
      new cloudtrail.Trail(stack, 'Trail');
    },
    target: 'Trail',
    expect: 'fail',
    message: /`Trail` does not deliver its events to CloudWatch Logs/,
  },
]);
