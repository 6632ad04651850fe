import * as iam from 'aws-cdk-lib/aws-iam';
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
]);
