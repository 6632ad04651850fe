import * as iam from 'aws-cdk-lib/aws-iam';
import type { Stack } from 'aws-cdk-lib';
import { defineCases } from '../../../lib/engine/cases';
import rule from './no-passrole-on-all-roles';

/** A deployer role allowed to pass one execution role. */
function baseline(stack: Stack): iam.Role {
  const deployer = new iam.Role(stack, 'Deployer', {
    assumedBy: new iam.ServicePrincipal('codebuild.amazonaws.com'),
  });
  const exec = new iam.Role(stack, 'Exec', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  exec.grantPassRole(deployer);
  return deployer;
}

export default defineCases(rule, [
  {
    name: 'PassRole granted on one role ARN',
    build: (stack) => void baseline(stack),
    target: 'Deployer',
    expect: 'pass',
  },
  {
    name: 'PassRole on every resource',
    build: (stack) =>
      baseline(stack).addToPrincipalPolicy(
        new iam.PolicyStatement({ actions: ['iam:PassRole'], resources: ['*'] }),
      ),
    target: 'Deployer',
    expect: 'fail',
    message:
      /`Deployer\/DefaultPolicy`: policy `Deployer\/DefaultPolicy` allows `iam:PassRole` on every role/,
  },
  {
    name: 'iam:* on every role of the account, in a managed policy',
    build: (stack) => {
      new iam.ManagedPolicy(stack, 'Ops', {
        roles: [baseline(stack)],
        statements: [
          new iam.PolicyStatement({
            actions: ['iam:*'],
            resources: [`arn:aws:iam::${stack.account}:role/*`],
          }),
        ],
      });
    },
    target: 'Ops',
    expect: 'fail',
    message: /allows `iam:PassRole` on every role/,
  },
  {
    name: 'read-only IAM access on every resource passes no role',
    build: (stack) =>
      baseline(stack).addToPrincipalPolicy(
        new iam.PolicyStatement({ actions: ['iam:Get*', 'iam:List*'], resources: ['*'] }),
      ),
    target: 'Deployer',
    expect: 'pass',
  },
]);
