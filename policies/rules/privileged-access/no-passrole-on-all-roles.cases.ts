import * as iam from 'aws-cdk-lib/aws-iam';
import type { Stack } from 'aws-cdk-lib';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
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

/** A trust policy for Lambda, as a Terraform `assume_role_policy` JSON string. */
const lambdaTrust = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: 'lambda.amazonaws.com' } }],
});
/** A policy document string with one statement. */
const tfPolicy = (actions: string[], resources: string[]) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: actions, Resource: resources }],
  });

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
  {
    name: 'Terraform role allowed iam:PassRole on named resources only',
    source: 'cdktf',
    build: (stack) => {
      const role = new IamRole(stack, 'App', { assumeRolePolicy: lambdaTrust });
      new IamRolePolicy(stack, 'Grant', {
        name: 'grant',
        role: role.id,
        policy: tfPolicy(['iam:PassRole'], ['arn:aws:iam::123456789012:role/exec']),
      });
    },
    target: 'App',
    expect: 'pass',
  },
  {
    name: 'Terraform aws_iam_role_policy allows iam:PassRole on *',
    source: 'cdktf',
    build: (stack) => {
      const role = new IamRole(stack, 'App', { assumeRolePolicy: lambdaTrust });
      new IamRolePolicy(stack, 'Grant', {
        name: 'grant',
        role: role.id,
        policy: tfPolicy(['iam:PassRole'], ['*']),
      });
    },
    target: 'App',
    expect: 'fail',
    message: /policy `grant` allows `iam:PassRole` on every role/,
  },
]);
