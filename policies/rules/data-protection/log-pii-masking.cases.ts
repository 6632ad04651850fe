import { Tags } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import { CloudwatchLogDataProtectionPolicy } from '@cdktf/provider-aws/lib/cloudwatch-log-data-protection-policy';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { DataAwsPartition } from '@cdktf/provider-aws/lib/data-aws-partition';
import type { TerraformStack } from 'cdktf';
import { defineCases } from '../../../lib/engine/cases';
import rule from './log-pii-masking';

const masking = () =>
  new logs.DataProtectionPolicy({
    identifiers: [logs.DataIdentifier.EMAILADDRESS, logs.DataIdentifier.NAME],
  });

/** A CONFIDENTIAL log group as CDKTF writes it; `deidentify` adds the masking statement to its policy. */
function terraformGroup(stack: TerraformStack, deidentify: boolean): void {
  const partition = new DataAwsPartition(stack, 'Partition');
  const group = new CloudwatchLogGroup(stack, 'App', {
    name: 'app',
    tags: { 'data-classification': 'CONFIDENTIAL' },
  });
  const email = `arn:${partition.partition}:dataprotection::aws:data-identifier/EmailAddress`;
  const statements: object[] = [
    { Sid: 'audit', DataIdentifier: [email], Operation: { Audit: { FindingsDestination: {} } } },
  ];
  if (deidentify)
    statements.push({
      Sid: 'redact',
      DataIdentifier: [email],
      Operation: { Deidentify: { MaskConfig: {} } },
    });
  new CloudwatchLogDataProtectionPolicy(stack, 'Masking', {
    logGroupName: group.name,
    policyDocument: JSON.stringify({ Name: 'masking', Version: '2021-06-01', Statement: statements }),
  });
}

export default defineCases(rule, [
  {
    name: 'confidential log group with a masking policy',
    build: (stack) => {
      const g = new logs.LogGroup(stack, 'AppLogs', { dataProtectionPolicy: masking() });
      Tags.of(g).add('data-classification', 'confidential');
    },
    target: 'AppLogs',
    expect: 'pass',
  },
  {
    name: 'confidential log group without a masking policy',
    build: (stack) => {
      Tags.of(new logs.LogGroup(stack, 'AppLogs')).add('data-classification', 'confidential');
    },
    target: 'AppLogs',
    expect: 'fail',
    message: /`AppLogs` is CONFIDENTIAL and has no data protection policy that masks PII/,
  },
  {
    name: 'restricted log group without a masking policy',
    build: (stack) => {
      Tags.of(new logs.LogGroup(stack, 'AppLogs')).add('data-classification', 'restricted');
    },
    target: 'AppLogs',
    expect: 'fail',
  },
  {
    name: 'internal log group needs no masking',
    build: (stack) => {
      Tags.of(new logs.LogGroup(stack, 'AppLogs')).add('data-classification', 'internal');
    },
    target: 'AppLogs',
    expect: 'not_applicable',
  },
  {
    name: 'terraform: confidential log group whose data protection policy de-identifies e-mail addresses',
    source: 'cdktf',
    build: (stack) => terraformGroup(stack, true),
    target: 'App',
    expect: 'pass',
  },
  {
    name: 'terraform: confidential log group whose data protection policy only audits',
    source: 'cdktf',
    build: (stack) => terraformGroup(stack, false),
    target: 'App',
    expect: 'fail',
  },
]);
