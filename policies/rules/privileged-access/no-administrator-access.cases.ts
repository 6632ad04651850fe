import * as iam from 'aws-cdk-lib/aws-iam';
import { CfnParameter } from 'aws-cdk-lib';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { defineCases } from '../../../lib/engine/cases';
import rule from './no-administrator-access';

const lambda = () => new iam.ServicePrincipal('lambda.amazonaws.com');
const basicExecution = () =>
  iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSLambdaBasicExecutionRole');

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
    name: 'role with the Lambda basic execution policy',
    build: (stack) => {
      new iam.Role(stack, 'App', { assumedBy: lambda(), managedPolicies: [basicExecution()] });
    },
    target: 'App',
    expect: 'pass',
  },
  {
    name: 'role with AdministratorAccess',
    build: (stack) => {
      new iam.Role(stack, 'App', {
        assumedBy: lambda(),
        managedPolicies: [
          basicExecution(),
          iam.ManagedPolicy.fromAwsManagedPolicyName('AdministratorAccess'),
        ],
      });
    },
    target: 'App',
    expect: 'fail',
    message: '`App` holds `arn:aws:iam::aws:policy/AdministratorAccess`',
  },
  {
    name: 'group with AdministratorAccess',
    build: (stack) => {
      new iam.Group(stack, 'Admins', {
        managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AdministratorAccess')],
      });
    },
    target: 'Admins',
    expect: 'fail',
  },
  {
    name: 'role with a customer managed policy of the stack',
    build: (stack) => {
      const role = new iam.Role(stack, 'App', { assumedBy: lambda() });
      role.addManagedPolicy(
        new iam.ManagedPolicy(stack, 'Read', {
          statements: [new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] })],
        }),
      );
    },
    target: 'App',
    expect: 'pass',
  },
  {
    name: 'role with a managed policy ARN given as a parameter',
    build: (stack) => {
      const arn = new CfnParameter(stack, 'PolicyArn');
      new iam.Role(stack, 'App', {
        assumedBy: lambda(),
        managedPolicies: [iam.ManagedPolicy.fromManagedPolicyArn(stack, 'Given', arn.valueAsString)],
      });
    },
    target: 'App',
    expect: 'unknown',
    message: /managed policy ARN cannot be resolved/,
  },
  // From a real template: CIS AWS 1.15 forbids identities holding full administrative privileges.
  {
    name: 'real template: EC2 role holding the AdministratorAccess managed policy',
    source: 'cloudformation-template',
    template:
      'test/fixtures/real-world/aws-cloudformation-templates/cloudfront-custom-origin-lambda-edge.yaml',
    target: 'AdministratorAccessIAMRole',
    expect: 'fail',
    message: '`AdministratorAccessIAMRole` holds `arn:aws:iam::aws:policy/AdministratorAccess`',
  },
  {
    name: 'real template: Lambda@Edge role with basic execution and X-Ray write policies',
    source: 'cloudformation-template',
    template:
      'test/fixtures/real-world/aws-cloudformation-templates/cloudfront-custom-origin-lambda-edge.yaml',
    target: 'LambdaEdgeIAMRole',
    expect: 'pass',
  },
  {
    name: 'Terraform role with an inline policy of its own',
    source: 'cdktf',
    build: (stack) => {
      new IamRole(stack, 'App', {
        assumeRolePolicy: lambdaTrust,
        inlinePolicy: [{ name: 'read', policy: tfPolicy(['s3:GetObject'], ['arn:aws:s3:::data/*']) }],
      });
    },
    target: 'App',
    expect: 'pass',
  },
  {
    name: 'Terraform role attached to AdministratorAccess by aws_iam_role_policy_attachment',
    source: 'cdktf',
    build: (stack) => {
      const role = new IamRole(stack, 'App', { assumeRolePolicy: lambdaTrust });
      new IamRolePolicyAttachment(stack, 'Admin', {
        role: role.name,
        policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess',
      });
    },
    target: 'App',
    expect: 'fail',
    message: '`App` holds `arn:aws:iam::aws:policy/AdministratorAccess`',
  },
  {
    name: 'Terraform role listing AdministratorAccess in managed_policy_arns',
    source: 'cdktf',
    build: (stack) => {
      new IamRole(stack, 'App', {
        assumeRolePolicy: lambdaTrust,
        managedPolicyArns: ['arn:aws:iam::aws:policy/AdministratorAccess'],
      });
    },
    target: 'App',
    expect: 'fail',
  },
  {
    name: 'plan: instance role attached to AmazonEC2RoleforSSM only',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/terraform-compliance__aws-alb-https-listener-tls-policy-stack.json',
    target: 'aws_iam_role.instance_role',
    expect: 'pass',
  },
]);
