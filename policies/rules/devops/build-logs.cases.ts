import * as codebuild from 'aws-cdk-lib/aws-codebuild';
import { defineCases } from '../../../lib/engine/cases';
import rule from './build-logs';
import { CodebuildProject } from '@cdktf/provider-aws/lib/codebuild-project';

const buildSpec = () => codebuild.BuildSpec.fromObject({ version: '0.2' });

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
  {
    name: 'terraform: build project with CloudWatch Logs disabled and no S3 logs',
    source: 'cdktf',
    build: (stack) =>
      void new CodebuildProject(stack, 'Build', {
        ...tfProject,
        environment: tfBuildEnv,
        logsConfig: { cloudwatchLogs: { status: 'DISABLED' } },
      }),
    target: 'Build',
    expect: 'fail',
    message: /`Build` turns off every build log destination/,
  },
  {
    name: 'terraform: build project on the CloudWatch Logs default',
    source: 'cdktf',
    build: (stack) => void new CodebuildProject(stack, 'Build', { ...tfProject, environment: tfBuildEnv }),
    target: 'Build',
    expect: 'pass',
  },
  {
    name: 'Terraform 1.11 plan: build project with CloudWatch Logs disabled',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-compute/plan.json',
    target: 'aws_codebuild_project.bad',
    expect: 'fail',
    message: /turns off every build log destination/,
  },
  {
    name: 'Terraform 1.11 plan: build project on the logging defaults',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-compute/plan.json',
    target: 'aws_codebuild_project.good',
    expect: 'pass',
  },
]);
