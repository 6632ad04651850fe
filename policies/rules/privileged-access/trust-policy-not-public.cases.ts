import * as iam from 'aws-cdk-lib/aws-iam';
import { CfnParameter } from 'aws-cdk-lib';
import { defineCases } from '../../../lib/engine/cases';
import rule from './trust-policy-not-public';

export default defineCases(rule, [
  {
    name: 'role assumed by the Lambda service',
    build: (stack) => {
      new iam.Role(stack, 'App', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    },
    target: 'App',
    expect: 'pass',
  },
  {
    name: 'role assumed by one named account',
    build: (stack) => {
      new iam.Role(stack, 'App', { assumedBy: new iam.AccountPrincipal('111122223333') });
    },
    target: 'App',
    expect: 'pass',
  },
  {
    name: 'role assumable by any principal',
    build: (stack) => {
      new iam.Role(stack, 'App', { assumedBy: new iam.AnyPrincipal() });
    },
    target: 'App',
    expect: 'fail',
    message: '`App` can be assumed by everyone',
  },
  {
    name: 'any principal restricted to the organization',
    build: (stack) => {
      new iam.Role(stack, 'App', {
        assumedBy: new iam.AnyPrincipal().withConditions({
          StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' },
        }),
      });
    },
    target: 'App',
    expect: 'pass',
  },
  {
    name: 'trusted account given as a parameter',
    build: (stack) => {
      const account = new CfnParameter(stack, 'TrustedAccount');
      new iam.Role(stack, 'App', { assumedBy: new iam.AccountPrincipal(account.valueAsString) });
    },
    target: 'App',
    expect: 'unknown',
    message: /a trusted principal cannot be resolved/,
  },
  {
    name: 'a user has no trust policy',
    build: (stack) => {
      new iam.User(stack, 'Person');
    },
    target: 'Person',
    expect: 'not_applicable',
  },
]);
