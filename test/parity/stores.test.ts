import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as efs from 'aws-cdk-lib/aws-efs';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { DbInstance } from '@cdktf/provider-aws/lib/db-instance';
import { DynamodbTable } from '@cdktf/provider-aws/lib/dynamodb-table';
import { EbsVolume } from '@cdktf/provider-aws/lib/ebs-volume';
import { EfsFileSystem } from '@cdktf/provider-aws/lib/efs-file-system';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { describeParity, type ParityPair } from '../support/parity';

// The same data-store misconfiguration written with aws-cdk-lib (L1 resources, so both sides set the
// same arguments) and with CDK for Terraform fails the same rules, with the same controls.

const PAIRS: readonly ParityPair[] = [
  {
    name: 'DB instance without storage encryption',
    id: 'Db',
    cdk: (s) => {
      new rds.CfnDBInstance(s, 'Db', {
        engine: 'postgres',
        dbInstanceClass: 'db.t3.micro',
        allocatedStorage: '20',
        publiclyAccessible: false,
      });
    },
    cdktf: (s) => {
      new DbInstance(s, 'Db', { engine: 'postgres', instanceClass: 'db.t3.micro', allocatedStorage: 20 });
    },
    fails: ['BW-DP-004'],
  },
  {
    name: 'DB instance publicly accessible',
    id: 'Db',
    cdk: (s) => {
      new rds.CfnDBInstance(s, 'Db', {
        engine: 'postgres',
        dbInstanceClass: 'db.t3.micro',
        allocatedStorage: '20',
        storageEncrypted: true,
        publiclyAccessible: true,
      });
    },
    cdktf: (s) => {
      new DbInstance(s, 'Db', {
        engine: 'postgres',
        instanceClass: 'db.t3.micro',
        allocatedStorage: 20,
        storageEncrypted: true,
        publiclyAccessible: true,
      });
    },
    fails: ['BW-DP-009'],
  },
  {
    name: 'topic without a KMS key',
    id: 'Alerts',
    cdk: (s) => {
      new sns.CfnTopic(s, 'Alerts', { topicName: 'alerts' });
    },
    cdktf: (s) => {
      new SnsTopic(s, 'Alerts', { name: 'alerts' });
    },
    fails: ['BW-DP-003', 'BW-DP-007'],
  },
  {
    name: 'queue with SQS-managed encryption turned off',
    id: 'Jobs',
    cdk: (s) => {
      new sqs.CfnQueue(s, 'Jobs', { queueName: 'jobs', sqsManagedSseEnabled: false });
    },
    cdktf: (s) => {
      new SqsQueue(s, 'Jobs', { name: 'jobs', sqsManagedSseEnabled: false });
    },
    fails: ['BW-DP-003', 'BW-DP-007'],
  },
  {
    name: 'file system without encryption',
    id: 'Share',
    cdk: (s) => {
      new efs.CfnFileSystem(s, 'Share', {});
    },
    cdktf: (s) => {
      new EfsFileSystem(s, 'Share', {});
    },
    fails: ['BW-DP-005'],
  },
  {
    name: 'volume with encryption turned off',
    id: 'Disk',
    cdk: (s) => {
      new ec2.CfnVolume(s, 'Disk', { availabilityZone: 'eu-west-1a', size: 10, encrypted: false });
    },
    cdktf: (s) => {
      new EbsVolume(s, 'Disk', { availabilityZone: 'eu-west-1a', size: 10, encrypted: false });
    },
    fails: ['BW-DP-003'],
  },
  {
    name: 'table without point-in-time recovery',
    id: 'Orders',
    cdk: (s) => {
      new dynamodb.CfnTable(s, 'Orders', {
        keySchema: [{ attributeName: 'pk', keyType: 'HASH' }],
        attributeDefinitions: [{ attributeName: 'pk', attributeType: 'S' }],
        billingMode: 'PAY_PER_REQUEST',
      });
    },
    cdktf: (s) => {
      new DynamodbTable(s, 'Orders', {
        name: 'orders',
        hashKey: 'pk',
        attribute: [{ name: 'pk', type: 'S' }],
        billingMode: 'PAY_PER_REQUEST',
      });
    },
    fails: ['BW-BR-002'],
  },
  {
    name: 'log group kept forever without a key',
    id: 'Audit',
    cdk: (s) => {
      new logs.CfnLogGroup(s, 'Audit', { logGroupName: 'audit' });
    },
    cdktf: (s) => {
      new CloudwatchLogGroup(s, 'Audit', { name: 'audit' });
    },
    fails: ['BW-DP-011'],
  },
];

describeParity('stores: the same misconfiguration in CDK and CDKTF fails the same rules and controls', PAIRS);
