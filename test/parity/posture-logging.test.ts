import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as guardduty from 'aws-cdk-lib/aws-guardduty';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as macie from 'aws-cdk-lib/aws-macie';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Cloudtrail } from '@cdktf/provider-aws/lib/cloudtrail';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { DbInstance } from '@cdktf/provider-aws/lib/db-instance';
import { EcsService } from '@cdktf/provider-aws/lib/ecs-service';
import { GuarddutyDetector } from '@cdktf/provider-aws/lib/guardduty-detector';
import { GuarddutyDetectorFeature } from '@cdktf/provider-aws/lib/guardduty-detector-feature';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { Macie2Account } from '@cdktf/provider-aws/lib/macie2-account';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
import { describeParity, type ParityPair } from '../support/parity';

// The same misconfiguration written with aws-cdk-lib and with CDK for Terraform fails the same rules,
// with the same controls, on the resources involved: threat detection and data discovery, container
// services, subscriptions, log groups, key policies and the bucket of a trail.

const openKeyPolicy = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'Admin',
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::111122223333:root' },
      Action: 'kms:*',
      Resource: '*',
    },
    { Sid: 'Open', Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:Decrypt', Resource: '*' },
  ],
};

const PAIRS: readonly ParityPair[] = [
  {
    name: 'detector with S3 Protection and Malware Protection off, without Runtime Monitoring',
    id: 'Detector',
    cdk: (s) => {
      new guardduty.CfnDetector(s, 'Detector', {
        enable: true,
        features: [
          { name: 'S3_DATA_EVENTS', status: 'DISABLED' },
          { name: 'EBS_MALWARE_PROTECTION', status: 'DISABLED' },
        ],
      });
    },
    cdktf: (s) => {
      const detector = new GuarddutyDetector(s, 'Detector', { enable: true });
      new GuarddutyDetectorFeature(s, 'S3', {
        detectorId: detector.id,
        name: 'S3_DATA_EVENTS',
        status: 'DISABLED',
      });
      new GuarddutyDetectorFeature(s, 'Malware', {
        detectorId: detector.id,
        name: 'EBS_MALWARE_PROTECTION',
        status: 'DISABLED',
      });
    },
    fails: ['BW-LT-107', 'BW-ES-001', 'BW-ES-002'],
  },
  {
    name: 'Macie paused',
    id: 'Macie',
    cdk: (s) => void new macie.CfnSession(s, 'Macie', { status: 'PAUSED' }),
    cdktf: (s) => void new Macie2Account(s, 'Macie', { status: 'PAUSED' }),
    fails: ['BW-DP-024'],
  },
  {
    name: 'ECS service giving its tasks public IP addresses',
    id: 'Web',
    cdk: (s) => {
      new ecs.CfnService(s, 'Web', {
        taskDefinition: 'web:1',
        launchType: 'FARGATE',
        networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0a'], assignPublicIp: 'ENABLED' } },
      });
    },
    cdktf: (s) => {
      new EcsService(s, 'Web', {
        name: 'web',
        taskDefinition: 'web:1',
        launchType: 'FARGATE',
        networkConfiguration: { subnets: ['subnet-0a'], assignPublicIp: true },
      });
    },
    fails: ['BW-NS-024'],
  },
  {
    name: 'topic subscription over plain HTTP',
    id: 'Hook',
    cdk: (s) => {
      const topic = new sns.Topic(s, 'Topic');
      new sns.CfnSubscription(s, 'Hook', {
        topicArn: topic.topicArn,
        protocol: 'http',
        endpoint: 'http://hooks.example.com/alerts',
      });
    },
    cdktf: (s) => {
      const topic = new SnsTopic(s, 'Topic', { name: 'alerts' });
      new SnsTopicSubscription(s, 'Hook', {
        topicArn: topic.arn,
        protocol: 'http',
        endpoint: 'http://hooks.example.com/alerts',
      });
    },
    fails: ['BW-NS-026'],
  },
  {
    name: 'log group keeping events one week',
    id: 'AppLogs',
    cdk: (s) => void new logs.CfnLogGroup(s, 'AppLogs', { logGroupName: 'app', retentionInDays: 7 }),
    cdktf: (s) => void new CloudwatchLogGroup(s, 'AppLogs', { name: 'app', retentionInDays: 7 }),
    fails: ['BW-LT-001'],
  },
  {
    name: 'key policy letting everyone decrypt',
    id: 'Key',
    cdk: (s) => void new kms.CfnKey(s, 'Key', { enableKeyRotation: true, keyPolicy: openKeyPolicy }),
    cdktf: (s) =>
      void new KmsKey(s, 'Key', { enableKeyRotation: true, policy: JSON.stringify(openKeyPolicy) }),
    fails: ['BW-DP-023'],
  },
  {
    name: 'trail writing to a bucket without access logs whose public access is not blocked',
    id: 'Trail',
    cdk: (s) => {
      const bucket = new s3.CfnBucket(s, 'AuditLogs', {
        bucketName: 'audit-logs',
        publicAccessBlockConfiguration: {
          blockPublicAcls: false,
          blockPublicPolicy: false,
          ignorePublicAcls: false,
          restrictPublicBuckets: false,
        },
      });
      new cloudtrail.CfnTrail(s, 'Trail', {
        isLogging: true,
        s3BucketName: bucket.ref,
        isMultiRegionTrail: true,
        enableLogFileValidation: true,
      });
    },
    cdktf: (s) => {
      const bucket = new S3Bucket(s, 'AuditLogs', { bucket: 'audit-logs' });
      new S3BucketPublicAccessBlock(s, 'AuditLogsBlock', {
        bucket: bucket.id,
        blockPublicAcls: false,
        blockPublicPolicy: false,
        ignorePublicAcls: false,
        restrictPublicBuckets: false,
      });
      new Cloudtrail(s, 'Trail', {
        name: 'audit',
        s3BucketName: bucket.id,
        isMultiRegionTrail: true,
        enableLogFileValidation: true,
      });
    },
    fails: ['BW-LT-006', 'BW-LT-007'],
  },
  {
    name: 'database instance without automatic minor version upgrade',
    id: 'Db',
    cdk: (s) => {
      new rds.CfnDBInstance(s, 'Db', {
        engine: 'postgres',
        dbInstanceClass: 'db.t3.micro',
        allocatedStorage: '20',
        masterUsername: 'app',
        manageMasterUserPassword: true,
        storageEncrypted: true,
        autoMinorVersionUpgrade: false,
      });
    },
    cdktf: (s) => {
      new DbInstance(s, 'Db', {
        engine: 'postgres',
        instanceClass: 'db.t3.micro',
        allocatedStorage: 20,
        username: 'app',
        manageMasterUserPassword: true,
        storageEncrypted: true,
        autoMinorVersionUpgrade: false,
      });
    },
    fails: ['BW-DP-022'],
  },
  {
    name: 'multi-region trail delivering to CloudWatch Logs without CIS metric filters',
    id: 'Trail',
    cdk: (s) => {
      const group = new logs.CfnLogGroup(s, 'TrailLogs', { logGroupName: 'trail', retentionInDays: 365 });
      new cloudtrail.CfnTrail(s, 'Trail', {
        isLogging: true,
        s3BucketName: 'org-audit-logs',
        isMultiRegionTrail: true,
        enableLogFileValidation: true,
        cloudWatchLogsLogGroupArn: group.attrArn,
        cloudWatchLogsRoleArn: 'arn:aws:iam::111122223333:role/trail-logs',
      });
    },
    cdktf: (s) => {
      const group = new CloudwatchLogGroup(s, 'TrailLogs', { name: 'trail', retentionInDays: 365 });
      new Cloudtrail(s, 'Trail', {
        name: 'audit',
        s3BucketName: 'org-audit-logs',
        isMultiRegionTrail: true,
        enableLogFileValidation: true,
        cloudWatchLogsGroupArn: `${group.arn}:*`,
        cloudWatchLogsRoleArn: 'arn:aws:iam::111122223333:role/trail-logs',
      });
    },
    fails: ['BW-LT-010'],
  },
];

describeParity(
  'posture and logging: the same misconfiguration in CDK and CDKTF fails the same rules and controls',
  PAIRS,
);
