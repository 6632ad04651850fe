import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CloudFormationClient,
  CreateStackCommand,
  DescribeStacksCommand,
  ListStackResourcesCommand,
} from '@aws-sdk/client-cloudformation';
import { CloudTrailClient, CreateTrailCommand, StartLoggingCommand } from '@aws-sdk/client-cloudtrail';
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  DeleteLogGroupCommand,
  PutRetentionPolicyCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import {
  CreateTableCommand,
  DeleteTableCommand,
  DynamoDBClient,
  UpdateContinuousBackupsCommand,
  UpdateTableCommand,
} from '@aws-sdk/client-dynamodb';
import {
  AuthorizeSecurityGroupEgressCommand,
  EC2Client,
  RevokeSecurityGroupEgressCommand,
} from '@aws-sdk/client-ec2';
import { DescribeKeyCommand, KMSClient, PutKeyPolicyCommand } from '@aws-sdk/client-kms';
import {
  PutBucketLifecycleConfigurationCommand,
  PutBucketPolicyCommand,
  PutBucketVersioningCommand,
  PutPublicAccessBlockCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { IDS, STACK, type Synthesized } from './fixture';

/** The emulator's account. */
export const ACCOUNT = '123456789012';
const REGION = 'us-east-1';

/** Clients for the emulator (AWS_ENDPOINT_URL and the test credentials come from global setup). */
export function clients() {
  const cfg = { region: REGION };
  return {
    cfn: new CloudFormationClient(cfg),
    s3: new S3Client(cfg),
    kms: new KMSClient(cfg),
    logs: new CloudWatchLogsClient(cfg),
    ddb: new DynamoDBClient(cfg),
    trail: new CloudTrailClient(cfg),
    ec2: new EC2Client(cfg),
  };
}

/** What the fixture deployed: physical ids by construct id, and the address -> id map drift needs for the trail. */
export interface Deployed {
  readonly ids: Readonly<Record<string, string>>;
  /** Address -> physical id of the resources moto's CloudFormation drops (given to drift). */
  readonly extraPhysicalIds: Readonly<Record<string, string>>;
  readonly addresses: Readonly<Record<keyof typeof IDS, string>>;
}

/**
 * Deploy the fixture through moto's CloudFormation, then apply through the service APIs what moto's
 * CloudFormation silently drops, so that the live state matches the desired state:
 * - bucket versioning, public access block, lifecycle and bucket policies (`AWS::S3::BucketPolicy`
 *   is not created at all);
 * - the log group's KMS key (moto has no `AssociateKmsKey`: the group is recreated with it);
 * - the table's KMS encryption (moto's UpdateTable ignores it: the table is recreated) and
 *   point-in-time recovery;
 * - the security group's egress (moto keeps EC2's allow-all egress instead of the declared rule);
 * - the key policy (moto stores the template's policy object, and then fails `DescribeKey` with a
 *   500 until a policy is put back as a JSON string);
 * - the trail (`AWS::CloudTrail::Trail` is not created): created and started through CloudTrail,
 *   and its name given to drift as the physical id CloudFormation would have listed.
 */
export async function deployShop(app: Synthesized): Promise<Deployed> {
  const c = clients();
  const body = fs.readFileSync(path.join(app.outdir, `${STACK}.template.json`), 'utf8');
  await c.cfn.send(new CreateStackCommand({ StackName: STACK, TemplateBody: body }));
  const status = (await c.cfn.send(new DescribeStacksCommand({ StackName: STACK }))).Stacks?.[0]?.StackStatus;
  if (status !== 'CREATE_COMPLETE') throw new Error(`fixture stack is ${status}`);
  const listed = await c.cfn.send(new ListStackResourcesCommand({ StackName: STACK }));
  const physical = new Map<string, string>();
  for (const r of listed.StackResourceSummaries ?? [])
    if (r.LogicalResourceId && r.PhysicalResourceId) physical.set(r.LogicalResourceId, r.PhysicalResourceId);

  const ids: Record<string, string> = {};
  const addresses = {} as Record<keyof typeof IDS, string>;
  for (const [k, id] of Object.entries(IDS) as [keyof typeof IDS, string][]) {
    const lid = app.logicalIds[id];
    if (!lid) throw new Error(`fixture: no logical id for ${id}`);
    addresses[k] = `${STACK}/${lid}`;
    const pid = physical.get(lid);
    if (pid) ids[id] = pid;
  }

  const keyId = ids[IDS.key]!;
  const keyArn = `arn:aws:kms:${REGION}:${ACCOUNT}:key/${keyId}`;
  await c.kms.send(
    new PutKeyPolicyCommand({
      KeyId: keyId,
      PolicyName: 'default',
      Policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
            Action: 'kms:*',
            Resource: '*',
          },
        ],
      }),
    }),
  );
  await c.kms.send(new DescribeKeyCommand({ KeyId: keyId }));

  for (const bucketId of [IDS.data, IDS.trailBucket]) {
    const Bucket = ids[bucketId]!;
    await c.s3.send(
      new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status: 'Enabled' } }),
    );
    await c.s3.send(
      new PutPublicAccessBlockCommand({
        Bucket,
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
      }),
    );
    const statements: object[] = [
      {
        Effect: 'Deny',
        Principal: { AWS: '*' },
        Action: 's3:*',
        Resource: [`arn:aws:s3:::${Bucket}`, `arn:aws:s3:::${Bucket}/*`],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
    ];
    if (bucketId === IDS.trailBucket) {
      statements.push(
        {
          Effect: 'Allow',
          Principal: { Service: 'cloudtrail.amazonaws.com' },
          Action: 's3:GetBucketAcl',
          Resource: `arn:aws:s3:::${Bucket}`,
        },
        {
          Effect: 'Allow',
          Principal: { Service: 'cloudtrail.amazonaws.com' },
          Action: 's3:PutObject',
          Resource: `arn:aws:s3:::${Bucket}/AWSLogs/${ACCOUNT}/*`,
          Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control' } },
        },
      );
    }
    await c.s3.send(
      new PutBucketPolicyCommand({
        Bucket,
        Policy: JSON.stringify({ Version: '2012-10-17', Statement: statements }),
      }),
    );
  }
  await c.s3.send(
    new PutBucketLifecycleConfigurationCommand({
      Bucket: ids[IDS.data]!,
      LifecycleConfiguration: {
        Rules: [
          {
            ID: 'expiry',
            Status: 'Enabled',
            Filter: { Prefix: '' },
            Expiration: { Days: 365 },
            NoncurrentVersionExpiration: { NoncurrentDays: 30 },
          },
        ],
      },
    }),
  );

  // moto implements neither the log group's `KmsKeyId` in CloudFormation nor `AssociateKmsKey`:
  // the group is recreated under the same name with its key and retention.
  const logGroupName = ids[IDS.logs]!;
  await c.logs.send(new DeleteLogGroupCommand({ logGroupName }));
  await c.logs.send(new CreateLogGroupCommand({ logGroupName, kmsKeyId: keyArn }));
  await c.logs.send(new PutRetentionPolicyCommand({ logGroupName, retentionInDays: 365 }));

  // moto reads `SSESpecification` only in CreateTable (neither CloudFormation nor UpdateTable set it):
  // the table is recreated under the same name with its key.
  const TableName = ids[IDS.table]!;
  await c.ddb.send(new UpdateTableCommand({ TableName, DeletionProtectionEnabled: false }));
  await c.ddb.send(new DeleteTableCommand({ TableName }));
  await c.ddb.send(
    new CreateTableCommand({
      TableName,
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
      SSESpecification: { Enabled: true, SSEType: 'KMS', KMSMasterKeyId: keyArn },
      DeletionProtectionEnabled: true,
    }),
  );
  await c.ddb.send(
    new UpdateContinuousBackupsCommand({
      TableName,
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    }),
  );

  // moto's CloudFormation keeps the allow-all egress EC2 adds to a new group instead of the declared one.
  const GroupId = ids[IDS.web]!;
  await c.ec2.send(
    new RevokeSecurityGroupEgressCommand({
      GroupId,
      IpPermissions: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
    }),
  );
  await c.ec2.send(
    new AuthorizeSecurityGroupEgressCommand({
      GroupId,
      IpPermissions: [
        {
          IpProtocol: 'tcp',
          FromPort: 443,
          ToPort: 443,
          IpRanges: [{ CidrIp: '10.0.0.0/16', Description: 'HTTPS to the VPC' }],
        },
      ],
    }),
  );

  const trailName = 'shop-audit';
  await c.trail.send(
    new CreateTrailCommand({
      Name: trailName,
      S3BucketName: ids[IDS.trailBucket]!,
      IsMultiRegionTrail: true,
      IncludeGlobalServiceEvents: true,
      EnableLogFileValidation: true,
      KmsKeyId: keyArn,
    }),
  );
  await c.trail.send(new StartLoggingCommand({ Name: trailName }));
  ids[IDS.trail] = trailName;

  return { ids, addresses, extraPhysicalIds: { [addresses.trail]: trailName } };
}
