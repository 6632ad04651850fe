import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { IamUser } from '@cdktf/provider-aws/lib/iam-user';
import { IamUserPolicy } from '@cdktf/provider-aws/lib/iam-user-policy';
import { IamUserPolicyAttachment } from '@cdktf/provider-aws/lib/iam-user-policy-attachment';
import { IamGroup } from '@cdktf/provider-aws/lib/iam-group';
import { IamGroupPolicy } from '@cdktf/provider-aws/lib/iam-group-policy';
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
  {
    name: 'Terraform user without policies, its group holding the policy',
    source: 'cdktf',
    build: (stack) => {
      new IamUser(stack, 'Deployer', { name: 'deployer' });
      const group = new IamGroup(stack, 'Deployers', { name: 'deployers' });
      new IamGroupPolicy(stack, 'Deploy', {
        group: group.name,
        policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 's3:PutObject', Resource: '*' }] }),
      });
    },
    target: 'Deployer',
    expect: 'pass',
  },
  {
    name: 'Terraform aws_iam_user_policy naming the user by its name',
    source: 'cdktf',
    build: (stack) => {
      new IamUser(stack, 'Deployer', { name: 'deployer' });
      new IamUserPolicy(stack, 'Deploy', {
        name: 'deploy',
        user: 'deployer',
        policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 's3:PutObject', Resource: '*' }] }),
      });
    },
    target: 'Deployer',
    expect: 'fail',
    message: '`Deployer` holds inline policy `deploy` directly instead of through a group',
  },
  {
    name: 'Terraform aws_iam_user_policy_attachment of an AWS managed policy',
    source: 'cdktf',
    build: (stack) => {
      const user = new IamUser(stack, 'Deployer', { name: 'deployer' });
      new IamUserPolicyAttachment(stack, 'ReadOnly', {
        user: user.name,
        policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
      });
    },
    target: 'Deployer',
    expect: 'fail',
    message: /managed policy `arn:aws:iam::aws:policy\/ReadOnlyAccess`/,
  },
  {
    name: 'plan: user with inline aws_iam_user_policy resources',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/regula__aws-iam-admin-policy.json',
    target: 'aws_iam_user.my_test_user',
    expect: 'fail',
  },
]);
