import * as iam from 'aws-cdk-lib/aws-iam';
import { CfnParameter } from 'aws-cdk-lib';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { defineCases } from '../../../lib/engine/cases';
import rule from './trust-policy-not-public';

/** A trust policy for Lambda, as a Terraform `assume_role_policy` JSON string. */
const lambdaTrust = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: 'lambda.amazonaws.com' } }],
});

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
  {
    name: 'Terraform role trusted by the Lambda service',
    source: 'cdktf',
    build: (stack) => void new IamRole(stack, 'App', { assumeRolePolicy: lambdaTrust }),
    target: 'App',
    expect: 'pass',
  },
  {
    name: 'Terraform role whose aws_iam_policy_document trusts AWS principal *',
    source: 'cdktf',
    build: (stack) => {
      const trust = new DataAwsIamPolicyDocument(stack, 'Trust', {
        statement: [{ actions: ['sts:AssumeRole'], principals: [{ type: 'AWS', identifiers: ['*'] }] }],
      });
      new IamRole(stack, 'App', { assumeRolePolicy: trust.json });
    },
    target: 'App',
    expect: 'fail',
    message: /`App` can be assumed by everyone/,
  },
  {
    name: 'Terraform role trusting * within one organisation (aws:PrincipalOrgID)',
    source: 'cdktf',
    build: (stack) => {
      const trust = new DataAwsIamPolicyDocument(stack, 'Trust', {
        statement: [
          {
            actions: ['sts:AssumeRole'],
            principals: [{ type: 'AWS', identifiers: ['*'] }],
            condition: [{ test: 'StringEquals', variable: 'aws:PrincipalOrgID', values: ['o-a1b2c3d4e5'] }],
          },
        ],
      });
      new IamRole(stack, 'App', { assumeRolePolicy: trust.json });
    },
    target: 'App',
    expect: 'pass',
  },
  {
    name: 'plan: role trusting the Lambda service',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/checkov__aws-iam-inline-policies.json',
    target: 'aws_iam_role.example',
    expect: 'pass',
  },
  {
    name: 'plan: trust policy from one of several for_each policy documents is unknown',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/checkov__aws-iam-github-oidc-trust.json',
    target: 'module.poc.aws_iam_role.r1["p1"]',
    expect: 'unknown',
    message: /the trust policy cannot be resolved \(the policy document is one of/,
  },
]);
