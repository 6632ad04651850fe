import * as config from 'aws-cdk-lib/aws-config';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Stack } from 'aws-cdk-lib';
import { ConfigConfigurationRecorder } from '@cdktf/provider-aws/lib/config-configuration-recorder';
import { ConfigConfigurationRecorderStatus } from '@cdktf/provider-aws/lib/config-configuration-recorder-status';
import { defineCases } from '../../../lib/engine/cases';
import rule from './config-records-all';

function recorder(stack: Stack, props: Partial<config.CfnConfigurationRecorderProps>): void {
  const role = new iam.Role(stack, 'ConfigRole', {
    assumedBy: new iam.ServicePrincipal('config.amazonaws.com'),
    managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWS_ConfigRole')],
  });
  new config.CfnConfigurationRecorder(stack, 'Recorder', { roleArn: role.roleArn, ...props });
}

const everything = { allSupported: true, includeGlobalResourceTypes: true };

export default defineCases(rule, [
  {
    name: 'recorder of all supported types, global IAM types included',
    build: (stack) => recorder(stack, { recordingGroup: everything }),
    target: 'Recorder',
    expect: 'pass',
  },
  {
    name: 'recorder without a recording group skips global IAM types',
    build: (stack) => recorder(stack, {}),
    target: 'Recorder',
    expect: 'fail',
    message: '`Recorder` does not record global IAM resource types',
  },
  {
    name: 'recorder limited to two resource types',
    build: (stack) =>
      recorder(stack, {
        recordingGroup: {
          allSupported: false,
          resourceTypes: ['AWS::S3::Bucket', 'AWS::EC2::SecurityGroup'],
        },
      }),
    target: 'Recorder',
    expect: 'fail',
    message: '`Recorder` does not record all supported resource types',
  },
  {
    name: 'recorder that is not started on create',
    build: (stack) => recorder(stack, { recordingGroup: everything, startedOnCreate: false }),
    target: 'Recorder',
    expect: 'fail',
    message: '`Recorder` is not started',
  },
  {
    name: 'Terraform recorder of every type, global ones included, started by its status resource',
    source: 'cdktf',
    build: (stack) => {
      const recorder = new ConfigConfigurationRecorder(stack, 'Recorder', {
        name: 'default',
        roleArn: 'arn:aws:iam::123456789012:role/config',
        recordingGroup: { allSupported: true, includeGlobalResourceTypes: true },
      });
      new ConfigConfigurationRecorderStatus(stack, 'Status', { name: recorder.name, isEnabled: true });
    },
    target: 'Recorder',
    expect: 'pass',
  },
  {
    name: 'Terraform recorder without an aws_config_configuration_recorder_status (never started)',
    source: 'cdktf',
    build: (stack) =>
      void new ConfigConfigurationRecorder(stack, 'Recorder', {
        name: 'default',
        roleArn: 'arn:aws:iam::123456789012:role/config',
        recordingGroup: { allSupported: true, includeGlobalResourceTypes: true },
      }),
    target: 'Recorder',
    expect: 'fail',
    message: /is not started/,
  },
  {
    name: 'Terraform recorder without recording_group leaves out the global IAM types',
    source: 'cdktf',
    build: (stack) => {
      const recorder = new ConfigConfigurationRecorder(stack, 'Recorder', {
        name: 'default',
        roleArn: 'arn:aws:iam::123456789012:role/config',
      });
      new ConfigConfigurationRecorderStatus(stack, 'Status', { name: recorder.name, isEnabled: true });
    },
    target: 'Recorder',
    expect: 'fail',
    message: /does not record global IAM resource types/,
  },
]);
