import { Size } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as efs from 'aws-cdk-lib/aws-efs';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { defineCases } from '../../../lib/engine/cases';
import rule from './store-encrypted-at-rest';

const volume = { availabilityZone: 'us-east-1a', size: Size.gibibytes(10) };

export default defineCases(rule, [
  {
    name: 'queue encrypted with the AWS managed SQS key',
    build: (stack) => {
      new sqs.Queue(stack, 'Jobs', { encryption: sqs.QueueEncryption.KMS_MANAGED });
    },
    target: 'Jobs',
    expect: 'pass',
  },
  {
    name: 'queue with encryption turned off',
    build: (stack) => {
      new sqs.Queue(stack, 'Jobs', { encryption: sqs.QueueEncryption.UNENCRYPTED });
    },
    target: 'Jobs',
    expect: 'fail',
    message: /`Jobs` is not encrypted at rest/,
  },
  {
    name: 'table on the AWS owned key is encrypted',
    build: (stack) => {
      new dynamodb.Table(stack, 'Orders', {
        partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
      });
    },
    target: 'Orders',
    expect: 'pass',
  },
  {
    name: 'topic with a KMS key',
    build: (stack) => {
      new sns.Topic(stack, 'Alerts', { masterKey: new kms.Key(stack, 'Key') });
    },
    target: 'Alerts',
    expect: 'pass',
  },
  {
    name: 'topic without a key (SNS does not encrypt by default)',
    build: (stack) => {
      new sns.Topic(stack, 'Alerts');
    },
    target: 'Alerts',
    expect: 'fail',
    message: /`Alerts` is not encrypted at rest/,
  },
  {
    name: 'volume with encryption on',
    build: (stack) => {
      new ec2.Volume(stack, 'Disk', { ...volume, encrypted: true });
    },
    target: 'Disk',
    expect: 'pass',
  },
  {
    name: 'volume without Encrypted depends on the account default',
    build: (stack) => {
      new ec2.Volume(stack, 'Disk', volume);
    },
    target: 'Disk',
    expect: 'unknown',
    message: /EBS encryption by default/,
  },
  {
    name: 'file systems are left to BW-DP-005',
    build: (stack) => {
      const vpc = new ec2.Vpc(stack, 'Vpc', {
        natGateways: 0,
        subnetConfiguration: [{ name: 'private', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
      });
      new efs.FileSystem(stack, 'Files', { vpc, encrypted: false });
    },
    target: 'Files',
    expect: 'not_applicable',
  },
]);
