import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { defineCases } from '../../../lib/engine/cases';
import rule from './iam-user-permissions-via-groups';

export default defineCases(rule, [
  {
    name: 'user that gets its permissions from a group',
    build: (stack) => {
      const readers = new iam.Group(stack, 'Readers');
      new s3.Bucket(stack, 'Reports').grantRead(readers);
      new iam.User(stack, 'Analyst', { groups: [readers] });
    },
    target: 'Analyst',
    expect: 'pass',
  },
  {
    name: 'user granted bucket access directly',
    build: (stack) => {
      const user = new iam.User(stack, 'Analyst');
      new s3.Bucket(stack, 'Reports').grantRead(user);
    },
    target: 'Analyst/Resource',
    expect: 'fail',
    message: /`Analyst` holds policy `[^`]+` directly instead of through a group/,
  },
  {
    name: 'user with an AWS managed policy attached',
    build: (stack) => {
      new iam.User(stack, 'Analyst', {
        managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('ReadOnlyAccess')],
      });
    },
    target: 'Analyst',
    expect: 'fail',
    message: /managed policy `arn:aws:iam::aws:policy\/ReadOnlyAccess`/,
  },
]);
