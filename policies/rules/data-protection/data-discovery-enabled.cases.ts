import * as macie from 'aws-cdk-lib/aws-macie';
import { defineCases } from '../../../lib/engine/cases';
import rule from './data-discovery-enabled';
import { Macie2Account } from '@cdktf/provider-aws/lib/macie2-account';

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
    message:
      /^`Macie`: Macie is paused: it discovers no sensitive data in the buckets of its account and region$/,
  },
  {
    name: 'terraform: aws_macie2_account on its default status (enabled)',
    source: 'cdktf',
    build: (stack) => void new Macie2Account(stack, 'Macie', {}),
    target: 'Macie',
    expect: 'pass',
  },
  {
    name: 'terraform: aws_macie2_account with status PAUSED',
    source: 'cdktf',
    build: (stack) => void new Macie2Account(stack, 'Macie', { status: 'PAUSED' }),
    target: 'Macie',
    expect: 'fail',
    message:
      /^`Macie`: Macie is paused: it discovers no sensitive data in the buckets of its account and region$/,
  },
  {
    name: 'terraform plan: aws_macie2_account with status PAUSED',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-posture-logging/plan.json',
    target: 'aws_macie2_account.bad',
    expect: 'fail',
    message: /: Macie is paused: it discovers no sensitive data in the buckets of its account and region$/,
  },
]);
