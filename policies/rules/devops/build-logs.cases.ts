import * as codebuild from 'aws-cdk-lib/aws-codebuild';
import { defineCases } from '../../../lib/engine/cases';
import rule from './build-logs';

const buildSpec = () => codebuild.BuildSpec.fromObject({ version: '0.2' });

export default defineCases(rule, [
  {
    name: 'project on the default CloudWatch Logs',
    build: (stack) => void new codebuild.Project(stack, 'Build', { buildSpec: buildSpec() }),
    target: 'Build',
    expect: 'pass',
  },
  {
    name: 'project with CloudWatch Logs disabled and no S3 logs',
    build: (stack) => {
      new codebuild.Project(stack, 'Build', {
        buildSpec: buildSpec(),
        logging: { cloudWatch: { enabled: false } },
      });
    },
    target: 'Build',
    expect: 'fail',
    message: '`Build` turns off every build log destination',
  },
]);
