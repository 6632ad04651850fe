import * as iam from 'aws-cdk-lib/aws-iam';
import { CfnParameter } from 'aws-cdk-lib';
import { defineCases } from '../../../lib/engine/cases';
import rule from './no-administrator-access';

const lambda = () => new iam.ServicePrincipal('lambda.amazonaws.com');
const basicExecution = () =>
  iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSLambdaBasicExecutionRole');

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
]);
