import * as iam from 'aws-cdk-lib/aws-iam';
import { IamUser } from '@cdktf/provider-aws/lib/iam-user';
import { IamAccessKey } from '@cdktf/provider-aws/lib/iam-access-key';
import { defineCases } from '../../../lib/engine/cases';
import rule from './no-user-access-keys';

export default defineCases(rule, [
  {
    name: 'user without access keys',
    build: (stack) => void new iam.User(stack, 'Deployer'),
    target: 'Deployer',
    expect: 'pass',
  },
  {
    name: 'user with an access key created by the stack',
    build: (stack) => {
      new iam.AccessKey(stack, 'DeployerKey', { user: new iam.User(stack, 'Deployer') });
    },
    target: 'Deployer',
    expect: 'fail',
    message: /`Deployer` has a long-lived access key `DeployerKey[^`]*`/,
  },
  {
    name: 'inactive access key',
    build: (stack) => {
      new iam.AccessKey(stack, 'DeployerKey', {
        user: new iam.User(stack, 'Deployer'),
        status: iam.AccessKeyStatus.INACTIVE,
      });
    },
    target: 'Deployer',
    expect: 'pass',
  },
  {
    name: 'Terraform user without access keys',
    source: 'cdktf',
    build: (stack) => void new IamUser(stack, 'Deployer', { name: 'deployer' }),
    target: 'Deployer',
    expect: 'pass',
  },
  {
    name: 'Terraform aws_iam_access_key for the user (Active by default)',
    source: 'cdktf',
    build: (stack) => {
      const user = new IamUser(stack, 'Deployer', { name: 'deployer' });
      new IamAccessKey(stack, 'Key', { user: user.name });
    },
    target: 'Deployer',
    expect: 'fail',
    message: /`Deployer` has a long-lived access key/,
  },
  {
    name: 'Terraform aws_iam_access_key with status Inactive',
    source: 'cdktf',
    build: (stack) => {
      const user = new IamUser(stack, 'Deployer', { name: 'deployer' });
      new IamAccessKey(stack, 'Key', { user: user.name, status: 'Inactive' });
    },
    target: 'Deployer',
    expect: 'pass',
  },
]);
