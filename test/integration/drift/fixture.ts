import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, CfnElement, DefaultStackSynthesizer, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';

/** Stack name of the fixture, as deployed. */
export const STACK = 'Shop';

/** Construct ids of the fixture's resources. */
export const IDS = {
  key: 'Key',
  data: 'Data',
  trailBucket: 'AuditBucket',
  logs: 'Logs',
  vpc: 'Vpc',
  web: 'Web',
  flowLog: 'FlowLog',
  trail: 'Trail',
  table: 'Table',
} as const;

/**
 * A compliant deployment built from real constructs: a KMS key with rotation; a bucket with that
 * key, TLS-only, versioned, public access blocked and a one-year lifecycle; a security group open on
 * 443 to the VPC's range only; VPC flow logs; a log group kept 365 days under the key; a trail with
 * log file validation, multi-region, KMS, into its own locked-down bucket; a table under the key with
 * point-in-time recovery and deletion protection. Synthesized without the bootstrap version rule
 * (the emulator has no bootstrap stack).
 */
export interface Synthesized {
  /** The cloud assembly directory. */
  readonly outdir: string;
  /** Logical ids by construct id (`IDS`). */
  readonly logicalIds: Readonly<Record<string, string>>;
}

export function synthShop(): Synthesized {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-drift-'));
  const app = new App({ outdir });
  const stack = new Stack(app, STACK, {
    synthesizer: new DefaultStackSynthesizer({ generateBootstrapVersionRule: false }),
  });
  const logicalIds: Record<string, string> = {};
  const key = new kms.Key(stack, IDS.key, { enableKeyRotation: true, removalPolicy: RemovalPolicy.DESTROY });
  const data = new s3.Bucket(stack, IDS.data, {
    encryption: s3.BucketEncryption.KMS,
    encryptionKey: key,
    enforceSSL: true,
    versioned: true,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    lifecycleRules: [{ expiration: Duration.days(365), noncurrentVersionExpiration: Duration.days(30) }],
  });
  const auditBucket = new s3.Bucket(stack, IDS.trailBucket, {
    encryption: s3.BucketEncryption.KMS,
    encryptionKey: key,
    enforceSSL: true,
    versioned: true,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
  });
  new logs.LogGroup(stack, IDS.logs, {
    retention: logs.RetentionDays.ONE_YEAR,
    encryptionKey: key,
    removalPolicy: RemovalPolicy.DESTROY,
  });
  const vpc = new ec2.CfnVPC(stack, IDS.vpc, { cidrBlock: '10.0.0.0/16' });
  new ec2.CfnSecurityGroup(stack, IDS.web, {
    groupDescription: 'web tier',
    vpcId: vpc.ref,
    securityGroupIngress: [
      {
        ipProtocol: 'tcp',
        fromPort: 443,
        toPort: 443,
        cidrIp: '10.0.0.0/16',
        description: 'HTTPS from the VPC',
      },
    ],
    securityGroupEgress: [
      {
        ipProtocol: 'tcp',
        fromPort: 443,
        toPort: 443,
        cidrIp: '10.0.0.0/16',
        description: 'HTTPS to the VPC',
      },
    ],
  });
  new ec2.CfnFlowLog(stack, IDS.flowLog, {
    resourceId: vpc.ref,
    resourceType: 'VPC',
    trafficType: 'ALL',
    logDestinationType: 's3',
    logDestination: data.bucketArn,
  });
  new cloudtrail.Trail(stack, IDS.trail, {
    bucket: auditBucket,
    encryptionKey: key,
    enableFileValidation: true,
    isMultiRegionTrail: true,
    includeGlobalServiceEvents: true,
  });
  new dynamodb.Table(stack, IDS.table, {
    partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
    encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
    encryptionKey: key,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    deletionProtection: true,
    removalPolicy: RemovalPolicy.DESTROY,
  });
  for (const id of Object.values(IDS)) {
    const child = stack.node.findChild(id);
    const resource = (child.node.defaultChild ?? child) as CfnElement;
    logicalIds[id] = stack.getLogicalId(resource);
  }
  app.synth();
  return { outdir, logicalIds };
}
