import * as codebuild from 'aws-cdk-lib/aws-codebuild';
import * as kms from 'aws-cdk-lib/aws-kms';
import { defineCases } from '../../../lib/engine/cases';
import rule from './build-artifact-encryption';
import { CodebuildProject } from '@cdktf/provider-aws/lib/codebuild-project';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';

const buildSpec = () =>
  codebuild.BuildSpec.fromObject({ version: '0.2', phases: { build: { commands: ['make'] } } });

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
    name: 'project with a customer-managed key',
    build: (stack) => {
      new codebuild.Project(stack, 'Build', {
        buildSpec: buildSpec(),
        encryptionKey: new kms.Key(stack, 'ArtifactKey', { enableKeyRotation: true }),
      });
    },
    target: 'Build',
    expect: 'pass',
  },
  {
    name: 'project on the AWS managed aws/s3 key',
    build: (stack) => void new codebuild.Project(stack, 'Build', { buildSpec: buildSpec() }),
    target: 'Build',
    expect: 'fail',
    message: '`Build` encrypts artifacts with the AWS managed key',
  },
  {
    name: 'L1 project whose artifacts disable encryption',
    build: (stack) => {
      new codebuild.CfnProject(stack, 'Build', {
        serviceRole: 'arn:aws:iam::123456789012:role/build',
        source: { type: 'NO_SOURCE', buildSpec: 'version: 0.2' },
        environment: {
          type: 'LINUX_CONTAINER',
          computeType: 'BUILD_GENERAL1_SMALL',
          image: 'aws/codebuild/standard:7.0',
        },
        artifacts: { type: 'S3', location: 'artifacts-bucket', encryptionDisabled: true },
      });
    },
    target: 'Build',
    expect: 'fail',
    message: '`Build` writes artifacts unencrypted (artifact encryption is disabled)',
  },
  {
    name: 'terraform: build project on the AWS managed key',
    source: 'cdktf',
    build: (stack) => void new CodebuildProject(stack, 'Build', { ...tfProject, environment: tfBuildEnv }),
    target: 'Build',
    expect: 'fail',
    message: /`Build` encrypts artifacts with the AWS managed key/,
  },
  {
    name: 'terraform: build project artifacts with encryption_disabled',
    source: 'cdktf',
    build: (stack) =>
      void new CodebuildProject(stack, 'Build', {
        ...tfProject,
        artifacts: { type: 'S3', location: 'artifacts', encryptionDisabled: true },
        environment: tfBuildEnv,
      }),
    target: 'Build',
    expect: 'fail',
    message: /`Build` writes artifacts unencrypted \(artifact encryption is disabled\)/,
  },
  {
    name: 'terraform: build project with a customer-managed encryption_key',
    source: 'cdktf',
    build: (stack) => {
      const key = new KmsKey(stack, 'Key', { enableKeyRotation: true });
      new CodebuildProject(stack, 'Build', { ...tfProject, environment: tfBuildEnv, encryptionKey: key.arn });
    },
    target: 'Build',
    expect: 'pass',
  },
  {
    name: 'Terraform 1.11 plan: build project without encryption_key',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-compute/plan.json',
    target: 'aws_codebuild_project.bad',
    expect: 'fail',
    message: /AWS managed key/,
  },
  {
    name: 'Terraform 1.11 plan: build project with a KMS key of the plan',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-compute/plan.json',
    target: 'aws_codebuild_project.good',
    expect: 'pass',
  },
]);
