import * as codebuild from 'aws-cdk-lib/aws-codebuild';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { CfnParameter, SecretValue, type Stack } from 'aws-cdk-lib';
import { defineCases } from '../../../lib/engine/cases';
import rule from './no-plaintext-secrets';

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
]);
