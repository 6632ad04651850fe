import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Stack } from 'aws-cdk-lib';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { defineCases } from '../../../lib/engine/cases';
import rule from './no-privilege-escalation-on-all';
import { ROLES, SUBSCRIPTION, roleAssignment } from '../../../test/support/azure-native';

/** A deployer role that manages the policy of one role and may assume it. */
function baseline(stack: Stack): iam.Role {
  const deployer = new iam.Role(stack, 'Deployer', {
    assumedBy: new iam.ServicePrincipal('codebuild.amazonaws.com'),
  });
  const app = new iam.Role(stack, 'App', { assumedBy: deployer });
  deployer.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions: ['iam:PutRolePolicy', 'iam:AttachRolePolicy'],
      resources: [app.roleArn],
    }),
  );
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
    name: 'policy management scoped to one role',
    build: (stack) => void baseline(stack),
    target: 'Deployer',
    expect: 'pass',
  },
  {
    name: 'CDK grants on a bucket manage no permissions',
    build: (stack) => new s3.Bucket(stack, 'Data').grantReadWrite(baseline(stack)),
    target: 'Deployer',
    expect: 'pass',
  },
  {
    name: 'iam:Put*Policy and iam:Attach* on every resource',
    build: (stack) =>
      baseline(stack).addToPrincipalPolicy(
        new iam.PolicyStatement({ actions: ['iam:Put*Policy', 'iam:Attach*'], resources: ['*'] }),
      ),
    target: 'Deployer',
    expect: 'fail',
    message:
      /`Deployer\/DefaultPolicy`: policy `Deployer\/DefaultPolicy` allows `iam:AttachRolePolicy`, `iam:AttachUserPolicy`, `iam:AttachGroupPolicy`, `iam:PutRolePolicy` and 2 more on every resource \(permission management\)/,
  },
  {
    name: 'iam:CreateAccessKey for every user, in a managed policy',
    build: (stack) =>
      new iam.ManagedPolicy(stack, 'Keys', {
        roles: [baseline(stack)],
        statements: [
          new iam.PolicyStatement({
            actions: ['iam:CreateAccessKey'],
            resources: [`arn:aws:iam::${stack.account}:user/*`],
          }),
        ],
      }),
    target: 'Keys',
    expect: 'fail',
    message: /policy `Keys` allows `iam:CreateAccessKey` on every resource/,
  },
  {
    name: 'sts:AssumeRole on every role of every account',
    build: (stack) =>
      baseline(stack).addToPrincipalPolicy(
        new iam.PolicyStatement({ actions: ['sts:AssumeRole'], resources: ['arn:aws:iam::*:role/*'] }),
      ),
    target: 'Deployer',
    expect: 'fail',
    message: /allows `sts:AssumeRole` on every resource/,
  },
  {
    name: 's3:* and kms:* on every resource, in an inline policy',
    build: (stack) => {
      new iam.Role(stack, 'Ops', {
        assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
        inlinePolicies: {
          storage: new iam.PolicyDocument({
            statements: [new iam.PolicyStatement({ actions: ['s3:*', 'kms:*'], resources: ['*'] })],
          }),
        },
      });
    },
    target: 'Ops',
    expect: 'fail',
    message:
      '`Ops`: policy `storage` allows `s3:PutBucketPolicy`, `s3:PutBucketAcl`, `kms:PutKeyPolicy`, `kms:CreateGrant` on every resource (permission management)',
  },
  {
    name: 'bucket policies of every bucket limited by a resource tag',
    build: (stack) =>
      baseline(stack).addToPrincipalPolicy(
        new iam.PolicyStatement({
          actions: ['s3:PutBucketPolicy'],
          resources: ['*'],
          conditions: { StringEquals: { 'aws:ResourceTag/team': 'payments' } },
        }),
      ),
    target: 'Deployer',
    expect: 'pass',
  },
  {
    name: 'read-only IAM on every resource',
    build: (stack) =>
      baseline(stack).addToPrincipalPolicy(
        new iam.PolicyStatement({ actions: ['iam:Get*', 'iam:List*'], resources: ['*'] }),
      ),
    target: 'Deployer',
    expect: 'pass',
  },
  {
    name: 'Terraform role allowed iam:AttachRolePolicy on named resources only',
    source: 'cdktf',
    build: (stack) => {
      const role = new IamRole(stack, 'App', { assumeRolePolicy: lambdaTrust });
      new IamRolePolicy(stack, 'Grant', {
        name: 'grant',
        role: role.id,
        policy: tfPolicy(['iam:AttachRolePolicy'], ['arn:aws:iam::123456789012:role/exec']),
      });
    },
    target: 'App',
    expect: 'pass',
  },
  {
    name: 'Terraform aws_iam_role_policy allows iam:AttachRolePolicy on *',
    source: 'cdktf',
    build: (stack) => {
      const role = new IamRole(stack, 'App', { assumeRolePolicy: lambdaTrust });
      new IamRolePolicy(stack, 'Grant', {
        name: 'grant',
        role: role.id,
        policy: tfPolicy(['iam:AttachRolePolicy'], ['*']),
      });
    },
    target: 'App',
    expect: 'fail',
  },
  {
    name: 'pulumi: Contributor on the subscription cannot assign roles',
    source: 'pulumi',
    build: () => roleAssignment('grant', ROLES.contributor, SUBSCRIPTION),
    target: 'grant',
    expect: 'pass',
  },
  {
    name: 'pulumi: User Access Administrator on one resource group',
    source: 'pulumi',
    build: () => roleAssignment('grant', ROLES.userAccessAdministrator, `${SUBSCRIPTION}/resourceGroups/app`),
    target: 'grant',
    expect: 'pass',
  },
  {
    name: 'pulumi: User Access Administrator on the subscription',
    source: 'pulumi',
    build: () => roleAssignment('grant', ROLES.userAccessAdministrator, SUBSCRIPTION),
    target: 'grant',
    expect: 'fail',
    message:
      /`grant` allows `Microsoft\.Authorization\/roleAssignments\/write`, `Microsoft\.Authorization\/roleDefinitions\/write`, `Microsoft\.Authorization\/elevateAccess\/Action` on every resource of `\/subscriptions\/[0-9-]+` \(permission management\) \(role `User Access Administrator`\)/,
  },
  {
    name: 'pulumi: Owner on the subscription',
    source: 'pulumi',
    build: () => roleAssignment('grant', ROLES.owner, SUBSCRIPTION),
    target: 'grant',
    expect: 'fail',
    message: /\(permission management\) \(role `Owner`\)/,
  },
  {
    name: 'pulumi: User Access Administrator on the subscription under a condition',
    source: 'pulumi',
    build: () =>
      roleAssignment('grant', ROLES.userAccessAdministrator, SUBSCRIPTION, {
        condition:
          "((!(ActionMatches{'Microsoft.Authorization/roleAssignments/write'})) OR (@Request[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {ba92f5b4-2d11-453d-a403-e96b0029c9fe}))",
        conditionVersion: '2.0',
      }),
    target: 'grant',
    expect: 'unknown',
    message: /under a condition the check does not read/,
  },
]);
