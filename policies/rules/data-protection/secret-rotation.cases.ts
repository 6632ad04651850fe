import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { defineCases } from '../../../lib/engine/cases';
import rule from './secret-rotation';
import { SecretsmanagerSecret } from '@cdktf/provider-aws/lib/secretsmanager-secret';
import { SecretsmanagerSecretRotation } from '@cdktf/provider-aws/lib/secretsmanager-secret-rotation';

export default defineCases(rule, [
  {
    name: 'database credentials with hosted rotation',
    build: (stack) => {
      new secretsmanager.Secret(stack, 'DbCredentials').addRotationSchedule('Rotation', {
        hostedRotation: secretsmanager.HostedRotation.postgreSqlSingleUser(),
      });
    },
    target: 'DbCredentials',
    expect: 'pass',
  },
  {
    name: 'secret without a rotation schedule',
    build: (stack) => {
      new secretsmanager.Secret(stack, 'ApiToken');
    },
    target: 'ApiToken',
    expect: 'fail',
    message: /`ApiToken` has no rotation schedule/,
  },
  {
    name: 'Terraform: aws_secretsmanager_secret_rotation names the secret',
    source: 'cdktf',
    build: (stack) => {
      const secret = new SecretsmanagerSecret(stack, 'Secret', { name: 'db' });
      new SecretsmanagerSecretRotation(stack, 'Rotation', {
        secretId: secret.id,
        rotationLambdaArn: 'arn:aws:lambda:eu-west-1:111122223333:function:rotate',
        rotationRules: { automaticallyAfterDays: 30 },
      });
    },
    target: 'Secret',
    expect: 'pass',
  },
  {
    name: 'Terraform: aws_secretsmanager_secret without a rotation',
    source: 'cdktf',
    build: (stack) => {
      new SecretsmanagerSecret(stack, 'Secret', { name: 'db' });
    },
    target: 'Secret',
    expect: 'fail',
    message: /`Secret` has no rotation schedule/,
  },
]);
