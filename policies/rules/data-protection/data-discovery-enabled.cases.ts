import * as macie from 'aws-cdk-lib/aws-macie';
import { defineCases } from '../../../lib/engine/cases';
import rule from './data-discovery-enabled';

export default defineCases(rule, [
  {
    name: 'Macie session on its default status (enabled)',
    build: (stack) => {
      new macie.CfnSession(stack, 'Macie');
    },
    target: 'Macie',
    expect: 'pass',
  },
  {
    name: 'Macie session declared paused',
    build: (stack) => {
      new macie.CfnSession(stack, 'Macie', { status: 'PAUSED' });
    },
    target: 'Macie',
    expect: 'fail',
    message: /`Macie`: Macie is paused/,
  },
]);
