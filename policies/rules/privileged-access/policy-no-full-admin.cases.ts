import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { CfnParameter, type Stack } from 'aws-cdk-lib';
import { defineCases } from '../../../lib/engine/cases';
import rule from './policy-no-full-admin';
import * as sam from 'aws-cdk-lib/aws-sam';

/** A role that reads one bucket through `grantRead`. */
function baseline(stack: Stack): iam.Role {
  const role = new iam.Role(stack, 'App', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  new s3.Bucket(stack, 'Data').grantRead(role);
  return role;
}

const everything = () => new iam.PolicyStatement({ actions: ['*'], resources: ['*'] });

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
]);
