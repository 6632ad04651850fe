import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import { defineCases } from '../../../lib/engine/cases';
import rule from './trail-log-file-validation';

export default defineCases(rule, [
  {
    name: 'trail on the construct default (validation on)',
    build: (stack) => {
      new cloudtrail.Trail(stack, 'Trail');
    },
    target: 'Trail',
    expect: 'pass',
  },
  {
    name: 'trail with file validation turned off',
    build: (stack) => {
      new cloudtrail.Trail(stack, 'Trail', { enableFileValidation: false });
    },
    target: 'Trail',
    expect: 'fail',
    message: /`Trail` does not validate log files/,
  },
]);
