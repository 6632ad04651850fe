import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { CfnParameter, type Stack } from 'aws-cdk-lib';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { DynamodbTable } from '@cdktf/provider-aws/lib/dynamodb-table';
import { defineCases } from '../../../lib/engine/cases';
import rule from './policy-no-full-admin';
import * as authorization from '@pulumi/azure-native/authorization';
import * as resources from '@pulumi/azure-native/resources';
import { ROLES, SUBSCRIPTION, roleAssignment, storageAccount } from '../../../test/support/azure-native';
import * as sam from 'aws-cdk-lib/aws-sam';

/** A role that reads one bucket through `grantRead`. */
function baseline(stack: Stack): iam.Role {
  const role = new iam.Role(stack, 'App', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  new s3.Bucket(stack, 'Data').grantRead(role);
  return role;
}

const everything = () => new iam.PolicyStatement({ actions: ['*'], resources: ['*'] });

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
    name: 'role with grants on one bucket',
    build: (stack) => void baseline(stack),
    target: 'App',
    expect: 'pass',
  },
  {
    name: 'inline policy of the role allows * on *',
    build: (stack) => {
      new iam.Role(stack, 'App', {
        assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
        inlinePolicies: { admin: new iam.PolicyDocument({ statements: [everything()] }) },
      });
    },
    target: 'App',
    expect: 'fail',
    message: '`App`: policy `admin` allows `*` actions on `*` resources',
  },
  {
    name: 'statement added to the role default policy allows * on *',
    build: (stack) => void baseline(stack).addToPrincipalPolicy(everything()),
    target: 'App/DefaultPolicy',
    expect: 'fail',
    message: /allows `\*` actions on `\*` resources/,
  },
  {
    name: 'customer managed policy attached to the role allows * on *',
    build: (stack) => {
      new iam.ManagedPolicy(stack, 'Admin', {
        roles: [baseline(stack)],
        statements: [everything()],
      });
    },
    target: 'Admin',
    expect: 'fail',
  },
  {
    name: 'a Deny of * on * is not a grant',
    build: (stack) =>
      void baseline(stack).addToPrincipalPolicy(
        new iam.PolicyStatement({ effect: iam.Effect.DENY, actions: ['*'], resources: ['*'] }),
      ),
    target: 'App',
    expect: 'pass',
  },
  {
    name: 'all actions of one service on * is not full administration',
    build: (stack) =>
      void baseline(stack).addToPrincipalPolicy(
        new iam.PolicyStatement({ actions: ['s3:*'], resources: ['*'] }),
      ),
    target: 'App',
    expect: 'pass',
  },
  {
    name: 'action given as a parameter on every resource',
    build: (stack) => {
      const action = new CfnParameter(stack, 'Action');
      baseline(stack).addToPrincipalPolicy(
        new iam.PolicyStatement({ actions: [action.valueAsString], resources: ['*'] }),
      );
    },
    target: 'App',
    expect: 'unknown',
    message: /may allow `\*` on `\*`/,
  },
  {
    name: 'SAM function whose inline policy statement allows * on *',
    build: (stack) => {
      new sam.CfnFunction(stack, 'Fn', {
        codeUri: 's3://artifacts/app.zip',
        handler: 'index.handler',
        runtime: 'nodejs20.x',
        policies: [{ statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }],
      });
    },
    target: 'Fn',
    expect: 'fail',
    message: /`Fn\/Role`: policy `FnRolePolicy0` allows `\*` actions on `\*` resources/,
  },
  {
    name: 'SAM function with a managed policy and a policy template',
    build: (stack) => {
      new sam.CfnFunction(stack, 'Fn', {
        codeUri: 's3://artifacts/app.zip',
        handler: 'index.handler',
        runtime: 'nodejs20.x',
        policies: ['AmazonS3ReadOnlyAccess', { sqsPollerPolicy: { queueName: 'jobs' } }],
      });
    },
    target: 'Fn',
    expect: 'pass',
  },
  {
    name: 'Terraform role whose policy document reads one bucket',
    source: 'cdktf',
    build: (stack) => {
      const doc = new DataAwsIamPolicyDocument(stack, 'Read', {
        statement: [{ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::data/*'] }],
      });
      new IamRole(stack, 'App', {
        assumeRolePolicy: lambdaTrust,
        inlinePolicy: [{ name: 'read', policy: doc.json }],
      });
    },
    target: 'App',
    expect: 'pass',
  },
  {
    name: 'Terraform aws_iam_role_policy allows * on *',
    source: 'cdktf',
    build: (stack) => {
      const role = new IamRole(stack, 'App', { assumeRolePolicy: lambdaTrust });
      new IamRolePolicy(stack, 'Admin', { name: 'admin', role: role.id, policy: tfPolicy(['*'], ['*']) });
    },
    target: 'App',
    expect: 'fail',
    message: '`App`: policy `admin` allows `*` actions on `*` resources',
  },
  {
    name: 'Terraform aws_iam_policy from an aws_iam_policy_document allows * on *',
    source: 'cdktf',
    build: (stack) => {
      const doc = new DataAwsIamPolicyDocument(stack, 'All', {
        statement: [{ effect: 'Allow', actions: ['*'], resources: ['*'] }],
      });
      new IamPolicy(stack, 'Admin', { policy: doc.json });
    },
    target: 'Admin',
    expect: 'fail',
  },
  {
    name: 'plan: customer managed policy allows * on *',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/regula__aws-iam-admin-policy.json',
    target: 'aws_iam_policy.invalid_policy',
    expect: 'fail',
  },
  {
    name: 'plan: a Deny of * on * is not a grant',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/regula__aws-iam-admin-policy.json',
    target: 'aws_iam_policy.valid_deny_policy',
    expect: 'pass',
  },
  {
    name: 'plan: role with an aws_iam_role_policy allowing * on *',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/regula__aws-iam-admin-policy.json',
    target: 'aws_iam_role.my_test_role',
    expect: 'fail',
    message: /policy `invalid_role_policy` allows `\*` actions on `\*` resources/,
  },
  {
    name: 'Terraform role policy naming a table by interpolation in its JSON reads that table only',
    source: 'cdktf',
    build: (stack) => {
      const table = new DynamodbTable(stack, 'Posts', {
        name: 'posts',
        hashKey: 'id',
        attribute: [{ name: 'id', type: 'S' }],
        billingMode: 'PAY_PER_REQUEST',
      });
      const role = new IamRole(stack, 'App', { assumeRolePolicy: lambdaTrust });
      new IamRolePolicy(stack, 'Read', {
        name: 'read',
        role: role.id,
        policy: tfPolicy(['dynamodb:GetItem'], [table.arn]),
      });
    },
    target: 'App',
    expect: 'pass',
  },
  {
    name: 'pulumi: a data role on one storage account, as the components assign them',
    source: 'pulumi',
    build: () => roleAssignment('grant', ROLES.storageBlobDataContributor, storageAccount('data').id),
    target: 'grant',
    expect: 'pass',
  },
  {
    name: 'pulumi: Owner on one resource group is not every resource',
    source: 'pulumi',
    build: () => roleAssignment('grant', ROLES.owner, `${SUBSCRIPTION}/resourceGroups/app`),
    target: 'grant',
    expect: 'pass',
  },
  {
    name: 'pulumi: Owner on a resource group of the program',
    source: 'pulumi',
    build: () => roleAssignment('grant', ROLES.owner, new resources.ResourceGroup('app').id),
    target: 'grant',
    expect: 'pass',
  },
  {
    name: 'pulumi: Owner on the tenant root',
    source: 'pulumi',
    build: () => roleAssignment('grant', ROLES.owner, '/'),
    target: 'grant',
    expect: 'fail',
    message: /on every resource of `\/`/,
  },
  {
    name: 'pulumi: Owner on the subscription',
    source: 'pulumi',
    build: () => roleAssignment('grant', ROLES.owner, SUBSCRIPTION),
    target: 'grant',
    expect: 'fail',
    message:
      /`grant` allows every action \(`\*`\) on every resource of `\/subscriptions\/0{8}-[0-9-]+` \(role `Owner`\)/,
  },
  {
    name: 'pulumi: Owner on a management group',
    source: 'pulumi',
    build: () =>
      roleAssignment('grant', ROLES.owner, '/providers/Microsoft.Management/managementGroups/platform'),
    target: 'grant',
    expect: 'fail',
    message: /on every resource of `\/providers\/Microsoft\.Management\/managementGroups\/platform`/,
  },
  {
    name: 'pulumi: Contributor on the subscription leaves permission management out (BW-PA-007 judges the rest)',
    source: 'pulumi',
    build: () => roleAssignment('grant', ROLES.contributor, SUBSCRIPTION),
    target: 'grant',
    expect: 'pass',
  },
  {
    name: 'pulumi: a custom role of the program allowing `*`, on the subscription',
    source: 'pulumi',
    build: () => {
      const role = new authorization.RoleDefinition('admin', {
        scope: SUBSCRIPTION,
        roleName: 'platform-admin',
        permissions: [{ actions: ['*'] }],
        assignableScopes: [SUBSCRIPTION],
      });
      roleAssignment('grant', role, SUBSCRIPTION);
    },
    target: 'grant',
    expect: 'fail',
    message: /\(role `platform-admin`\)/,
  },
  {
    name: 'pulumi: a role id that is neither built in nor declared, on the subscription',
    source: 'pulumi',
    build: () => roleAssignment('grant', '11111111-2222-3333-4444-555555555555', SUBSCRIPTION),
    target: 'grant',
    expect: 'unknown',
    message: /role definition `11111111-2222-3333-4444-555555555555` is not a built-in role/,
  },
]);
