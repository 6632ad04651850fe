import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { defineCases } from '../../../lib/engine/cases';
import rule from './secret-rotation';

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
]);
