import * as codebuild from 'aws-cdk-lib/aws-codebuild';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { CfnParameter, SecretValue, type Stack } from 'aws-cdk-lib';
import { defineCases } from '../../../lib/engine/cases';
import rule from './no-plaintext-secrets';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { EcsTaskDefinition } from '@cdktf/provider-aws/lib/ecs-task-definition';
import { CodebuildProject } from '@cdktf/provider-aws/lib/codebuild-project';
import type { Construct } from 'constructs';

/** A function that reads its database password from Secrets Manager by ARN. */
function fn(stack: Stack, environment: Record<string, string>): void {
  const secret = new secretsmanager.Secret(stack, 'DbSecret');
  new lambda.Function(stack, 'Fn', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => {}'),
    environment: { DB_SECRET_ARN: secret.secretArn, LOG_LEVEL: 'info', ...environment },
  });
}

function task(stack: Stack, environment: Record<string, string>): void {
  const def = new ecs.FargateTaskDefinition(stack, 'Task');
  def.addContainer('App', {
    image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx'),
    environment,
  });
}

const tfFunction = {
  functionName: 'app',
  role: 'arn:aws:iam::123456789012:role/app',
  handler: 'index.handler',
  runtime: 'nodejs22.x',
  filename: 'app.zip',
};
/** An ECS task definition whose `container_definitions` is the JSON of `containers`. */
const tfTask = (
  stack: Construct,
  containers: object[],
  extra: { networkMode?: string; pidMode?: string } = {},
) =>
  new EcsTaskDefinition(stack, 'Task', {
    family: 'app',
    containerDefinitions: JSON.stringify(
      containers.map((c) => ({ name: 'app', image: 'app:1', essential: true, ...c })),
    ),
    ...extra,
  });
const tfProject = {
  name: 'build',
  serviceRole: 'arn:aws:iam::123456789012:role/build',
  artifacts: { type: 'NO_ARTIFACTS' },
  source: { type: 'NO_SOURCE', buildspec: 'version: 0.2' },
};
const tfBuildEnv = {
  computeType: 'BUILD_GENERAL1_SMALL',
  image: 'aws/codebuild/standard:7.0',
  type: 'LINUX_CONTAINER',
};

export default defineCases(rule, [
  {
    name: 'function passing the secret ARN only',
    build: (stack) => fn(stack, {}),
    target: 'Fn',
    expect: 'pass',
  },
  {
    name: 'function with a literal database password',
    build: (stack) => fn(stack, { DB_PASSWORD: 'hunter2' }),
    target: 'Fn',
    expect: 'fail',
    message: '`Fn`: environment variable `DB_PASSWORD` holds a plaintext value',
  },
  {
    name: 'function with a literal API key',
    build: (stack) => fn(stack, { 'STRIPE_API-KEY': 'sk_live_123' }),
    target: 'Fn',
    expect: 'fail',
  },
  {
    name: 'function with a Secrets Manager dynamic reference',
    build: (stack) =>
      fn(stack, { API_TOKEN: SecretValue.secretsManager('prod/api', { jsonField: 'token' }).unsafeUnwrap() }),
    target: 'Fn',
    expect: 'pass',
  },
  {
    name: 'function with a token from a parameter',
    build: (stack) => fn(stack, { API_TOKEN: new CfnParameter(stack, 'Token').valueAsString }),
    target: 'Fn',
    expect: 'unknown',
    message: /`API_TOKEN` comes from a value that cannot be resolved/,
  },
  {
    name: 'container with a plain configuration value',
    build: (stack) => task(stack, { PORT: '8080' }),
    target: 'Task',
    expect: 'pass',
  },
  {
    name: 'container with a literal secret key',
    build: (stack) => task(stack, { SECRET_KEY: 'not-so-secret' }),
    target: 'Task',
    expect: 'fail',
    message: '`Task` container `App`: environment variable `SECRET_KEY` holds a plaintext value',
  },
  {
    name: 'build project reading its token from Secrets Manager',
    build: (stack) => {
      new codebuild.Project(stack, 'Build', {
        buildSpec: codebuild.BuildSpec.fromObject({ version: '0.2' }),
        environmentVariables: {
          NPM_TOKEN: { type: codebuild.BuildEnvironmentVariableType.SECRETS_MANAGER, value: 'ci/npm:token' },
        },
      });
    },
    target: 'Build',
    expect: 'pass',
  },
  {
    name: 'build project with a plaintext token',
    build: (stack) => {
      new codebuild.Project(stack, 'Build', {
        buildSpec: codebuild.BuildSpec.fromObject({ version: '0.2' }),
        environmentVariables: { NPM_TOKEN: { value: 'npm_abc123' } },
      });
    },
    target: 'Build',
    expect: 'fail',
    message: '`Build`: environment variable `NPM_TOKEN` holds a plaintext value',
  },
  {
    name: 'terraform: function environment holds a password',
    source: 'cdktf',
    build: (stack) =>
      void new LambdaFunction(stack, 'Fn', {
        ...tfFunction,
        environment: { variables: { DB_PASSWORD: 'hunter2' } },
      }),
    target: 'Fn',
    expect: 'fail',
    message: /`Fn`: environment variable `DB_PASSWORD` holds a plaintext value/,
  },
  {
    name: 'terraform: function environment names the secret by ARN',
    source: 'cdktf',
    build: (stack) =>
      void new LambdaFunction(stack, 'Fn', {
        ...tfFunction,
        environment: {
          variables: { DB_PASSWORD_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:db' },
        },
      }),
    target: 'Fn',
    expect: 'pass',
  },
  {
    name: 'terraform: container environment holds an API key',
    source: 'cdktf',
    build: (stack) => void tfTask(stack, [{ environment: [{ name: 'API_KEY', value: 'sk-live-1234' }] }]),
    target: 'Task',
    expect: 'fail',
    message: /`Task` container `app`: environment variable `API_KEY` holds a plaintext value/,
  },
  {
    name: 'terraform: container takes its API key from secrets',
    source: 'cdktf',
    build: (stack) =>
      void tfTask(stack, [
        {
          secrets: [
            { name: 'API_KEY', valueFrom: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:api' },
          ],
        },
      ]),
    target: 'Task',
    expect: 'pass',
  },
  {
    name: 'terraform: build project with a plaintext token variable',
    source: 'cdktf',
    build: (stack) =>
      void new CodebuildProject(stack, 'Build', {
        ...tfProject,
        environment: { ...tfBuildEnv, environmentVariable: [{ name: 'GITHUB_TOKEN', value: 'ghp_1234' }] },
      }),
    target: 'Build',
    expect: 'fail',
    message: /`Build`: environment variable `GITHUB_TOKEN` holds a plaintext value/,
  },
  {
    name: 'terraform: build project reads its token from Parameter Store',
    source: 'cdktf',
    build: (stack) =>
      void new CodebuildProject(stack, 'Build', {
        ...tfProject,
        environment: {
          ...tfBuildEnv,
          environmentVariable: [{ name: 'GITHUB_TOKEN', value: '/ci/github-token', type: 'PARAMETER_STORE' }],
        },
      }),
    target: 'Build',
    expect: 'pass',
  },
  {
    name: 'Terraform plan: function environment holds DB_PASSWORD in clear (terraform-compliance)',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/terraform-compliance__aws-alb-https-listener-tls-policy-stack.json',
    target: 'module.lambda_TFUpgradeTest.aws_lambda_function.lambda',
    expect: 'fail',
    message: /environment variable `DB_PASSWORD` holds a plaintext value/,
  },
  {
    name: 'Terraform 1.11 plan: build project with a plaintext GITHUB_TOKEN',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-compute/plan.json',
    target: 'aws_codebuild_project.bad',
    expect: 'fail',
    message: /`GITHUB_TOKEN` holds a plaintext value/,
  },
  {
    name: 'Terraform 1.11 plan: build project reading its token from Parameter Store',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-compute/plan.json',
    target: 'aws_codebuild_project.good',
    expect: 'pass',
  },
  {
    name: 'Terraform 1.11 plan: function variable from a sensitive input variable is redacted in the plan',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-compute/plan.json',
    target: 'aws_lambda_function.bad',
    expect: 'unknown',
    message: /`API_TOKEN` comes from a value that cannot be resolved \(sensitive value/,
  },
  {
    name: 'Terraform 1.11 plan: container definitions known only after apply leave the environment unresolved',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-compute/plan.json',
    target: 'aws_ecs_task_definition.pending',
    expect: 'unknown',
    message: /the environment cannot be resolved/,
  },
]);
