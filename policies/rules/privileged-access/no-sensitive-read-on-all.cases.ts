import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import type { Stack } from 'aws-cdk-lib';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { defineCases } from '../../../lib/engine/cases';
import rule from './no-sensitive-read-on-all';
import { ROLES, SUBSCRIPTION, roleAssignment, storageAccount } from '../../../test/support/azure-native';

/** A workload role reading its own bucket, table, secret and parameter through CDK grants. */
function baseline(stack: Stack): iam.Role {
  const role = new iam.Role(stack, 'App', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  new s3.Bucket(stack, 'Data').grantRead(role);
  new dynamodb.Table(stack, 'Orders', {
    partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
  }).grantReadData(role);
  new secretsmanager.Secret(stack, 'ApiKey').grantRead(role);
  new ssm.StringParameter(stack, 'Endpoint', { stringValue: 'https://example.com' }).grantRead(role);
  return role;
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
    name: 'CDK read grants on its own bucket, table, secret and parameter',
    build: (stack) => void baseline(stack),
    target: 'App',
    expect: 'pass',
  },
  {
    name: 'secretsmanager:GetSecretValue on every resource',
    build: (stack) =>
      baseline(stack).addToPrincipalPolicy(
        new iam.PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: ['*'] }),
      ),
    target: 'App',
    expect: 'fail',
    message:
      '`App/DefaultPolicy`: policy `App/DefaultPolicy` allows `secretsmanager:GetSecretValue` on every resource (reads of secrets or stored data)',
  },
  {
    name: 'ssm:GetParameter* on every parameter of the account',
    build: (stack) =>
      baseline(stack).addToPrincipalPolicy(
        new iam.PolicyStatement({
          actions: ['ssm:GetParameter*'],
          resources: [`arn:aws:ssm:${stack.region}:${stack.account}:parameter/*`],
        }),
      ),
    target: 'App',
    expect: 'fail',
    message:
      /allows `ssm:GetParameter`, `ssm:GetParameters`, `ssm:GetParametersByPath`, `ssm:GetParameterHistory` on every resource/,
  },
  {
    name: 's3:GetObject on every object of every bucket',
    build: (stack) =>
      baseline(stack).addToPrincipalPolicy(
        new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::*/*'] }),
      ),
    target: 'App',
    expect: 'fail',
    message: /allows `s3:GetObject` on every resource/,
  },
  {
    name: 's3:GetObject on the objects of one bucket named by a hand-written ARN',
    build: (stack) =>
      baseline(stack).addToPrincipalPolicy(
        new iam.PolicyStatement({
          actions: ['s3:GetObject', 's3:GetObjectVersion'],
          resources: ['arn:aws:s3:::reports-archive/*', 'arn:aws:s3:::reports/2026/*'],
        }),
      ),
    target: 'App',
    expect: 'pass',
  },
  {
    name: 'dynamodb:Scan on every table, in a managed policy',
    build: (stack) =>
      new iam.ManagedPolicy(stack, 'Reader', {
        roles: [baseline(stack)],
        statements: [
          new iam.PolicyStatement({
            actions: ['dynamodb:Scan', 'dynamodb:Query'],
            resources: ['arn:aws:dynamodb:*:*:table/*'],
          }),
        ],
      }),
    target: 'Reader',
    expect: 'fail',
    message: /policy `Reader` allows `dynamodb:Query`, `dynamodb:Scan` on every resource/,
  },
  {
    name: 'describing every table and listing every bucket reads no data',
    build: (stack) =>
      baseline(stack).addToPrincipalPolicy(
        new iam.PolicyStatement({
          actions: ['dynamodb:DescribeTable', 's3:ListAllMyBuckets', 'secretsmanager:ListSecrets'],
          resources: ['*'],
        }),
      ),
    target: 'App',
    expect: 'pass',
  },
  {
    name: 'secret values of every secret tagged for the application',
    build: (stack) =>
      baseline(stack).addToPrincipalPolicy(
        new iam.PolicyStatement({
          actions: ['secretsmanager:GetSecretValue'],
          resources: ['*'],
          conditions: { StringEquals: { 'secretsmanager:ResourceTag/app': 'orders' } },
        }),
      ),
    target: 'App',
    expect: 'pass',
  },
  {
    name: 'Terraform role allowed secretsmanager:GetSecretValue on named resources only',
    source: 'cdktf',
    build: (stack) => {
      const role = new IamRole(stack, 'App', { assumeRolePolicy: lambdaTrust });
      new IamRolePolicy(stack, 'Grant', {
        name: 'grant',
        role: role.id,
        policy: tfPolicy(
          ['secretsmanager:GetSecretValue'],
          ['arn:aws:secretsmanager:eu-west-1:123456789012:secret:app-AbCdEf'],
        ),
      });
    },
    target: 'App',
    expect: 'pass',
  },
  {
    name: 'Terraform aws_iam_role_policy allows secretsmanager:GetSecretValue on *',
    source: 'cdktf',
    build: (stack) => {
      const role = new IamRole(stack, 'App', { assumeRolePolicy: lambdaTrust });
      new IamRolePolicy(stack, 'Grant', {
        name: 'grant',
        role: role.id,
        policy: tfPolicy(['secretsmanager:GetSecretValue'], ['*']),
      });
    },
    target: 'App',
    expect: 'fail',
  },
  {
    name: 'pulumi: a blob data role on one storage account',
    source: 'pulumi',
    build: () => roleAssignment('grant', ROLES.storageBlobDataContributor, storageAccount('data').id),
    target: 'grant',
    expect: 'pass',
  },
  {
    name: 'pulumi: Reader on the subscription reads configuration, not keys',
    source: 'pulumi',
    build: () => roleAssignment('grant', ROLES.reader, SUBSCRIPTION),
    target: 'grant',
    expect: 'pass',
  },
  {
    name: 'pulumi: Contributor on the subscription lists the keys of every storage account',
    source: 'pulumi',
    build: () => roleAssignment('grant', ROLES.contributor, SUBSCRIPTION),
    target: 'grant',
    expect: 'fail',
    message:
      /`grant` allows `Microsoft\.Storage\/storageAccounts\/listkeys\/action`, `Microsoft\.DocumentDB\/databaseAccounts\/listKeys\/action` on every resource of .* \(reads of secrets or stored data\) \(role `Contributor`\)/,
  },
]);
