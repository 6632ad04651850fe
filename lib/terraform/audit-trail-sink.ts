import { Lazy } from 'cdktf';
import { Cloudtrail, type CloudtrailEventSelector } from '@cdktf/provider-aws/lib/cloudtrail';
import { CloudwatchLogDataProtectionPolicy } from '@cdktf/provider-aws/lib/cloudwatch-log-data-protection-policy';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { CloudwatchLogMetricFilter } from '@cdktf/provider-aws/lib/cloudwatch-log-metric-filter';
import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketLoggingA } from '@cdktf/provider-aws/lib/s3-bucket-logging';
import { S3BucketObjectLockConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-object-lock-configuration';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import { Construct } from 'constructs';
import { AUDIT_LOG_MIN_RETENTION_DAYS, Classification, atLeast, requirementsFor } from '../classification';
import { CIS_METRIC_FILTERS, CIS_METRIC_NAMESPACE } from '../aws/audit/cis-metric-filters';
import type { IncidentSeverity } from '../aws/incident/severity';
import { PropsValidator } from '../aws/common/validation';
import { awsContext, classificationTags, resourceName, type AwsContext } from './common';
import { ClassifiedKey } from './kms-key';
import { assumeRolePolicy, denyInsecureTransport, policyJson, type PolicyStatement } from './policy';

/** A bucket whose object-level activity the trail records, as its classification requires. */
export interface AuditedBucket {
  /** The bucket's ARN. */
  readonly bucketArn: string;
  /** Its classification level (the audit row of the classification table). */
  readonly classification: Classification;
}

/** Props of {@link AuditTrailSink}. */
export interface AuditTrailSinkProps {
  /**
   * ARNs of the SNS topics of each incident severity class; every CIS alarm notifies the topic of
   * its severity.
   * @see mcsb-v1:IR-2, cis-aws-5.0:4.1
   */
  readonly alarmTopicArns: Readonly<Record<IncidentSeverity, string>>;
  /**
   * Days audit records stay immutable (S3 Object Lock in compliance mode) and are kept. At least 365.
   * @default 365
   * @see mcsb-v1:LT-6, classification:AUDIT
   */
  readonly retentionDays?: number;
  /**
   * Buckets whose data events the trail records: write events from CONFIDENTIAL, read and write
   * events from RESTRICTED. PUBLIC and INTERNAL buckets are covered by management events only.
   * @default - management events only
   * @see classification:AUDIT, cis-aws-5.0:3.8, cis-aws-5.0:3.9
   */
  readonly auditedBuckets?: readonly AuditedBucket[];
  /**
   * Name of the trail.
   * @default - the construct path's ids joined by `-`
   */
  readonly trailName?: string;
}

/** Days after which incomplete multipart uploads are aborted. */
const ABORT_MULTIPART_DAYS = 7;

/** Secrets that must never be readable in audit logs: masked at ingestion into the log group. */
const MASKED_IDENTIFIERS = [
  'AwsSecretKey',
  'OpenSshPrivateKey',
  'PgpPrivateKey',
  'PkcsPrivateKey',
  'PuttyPrivateKey',
];

/**
 * The audit log sink, as the CDK `AuditLogSink`: a multi-region CloudTrail trail with log file
 * integrity validation, encrypted with a customer-managed key, delivering to an S3 bucket under
 * Object Lock in compliance mode (versioned, TLS-only, public access blocked, its server access logs
 * in a second bucket) and to a CloudWatch Logs group (a year, same key, secrets masked), with the CIS
 * v5.0.0 4.1-4.15 metric filters and alarms routed by severity, and data events for the buckets
 * their classification requires. The sink's own stores are CONFIDENTIAL.
 *
 * @see cis-aws-5.0:3.1, cis-aws-5.0:3.2, cis-aws-5.0:3.4, cis-aws-5.0:3.5, mcsb-v1:LT-3, mcsb-v1:LT-5
 */
export class AuditTrailSink extends Construct {
  /** The trail. */
  readonly trail: Cloudtrail;
  /** The customer-managed key of the trail, its buckets and log group. */
  readonly key: ClassifiedKey;
  /** The immutable bucket receiving log files and digest files. */
  readonly bucket: S3Bucket;
  /** Server access logs of {@link bucket}; other buckets may log here with {@link logAccessOf}. */
  readonly accessLogBucket: S3Bucket;
  /** The CloudWatch Logs group the trail delivers to. */
  readonly logGroup: CloudwatchLogGroup;

  private readonly accessLogStatements: PolicyStatement[];
  private readonly ctx: AwsContext;

  constructor(scope: Construct, id: string, props: AuditTrailSinkProps) {
    super(scope, id);
    const days = props.retentionDays ?? AUDIT_LOG_MIN_RETENTION_DAYS;
    const v = new PropsValidator(this);
    v.check(
      Number.isInteger(days) && days >= AUDIT_LOG_MIN_RETENTION_DAYS,
      'BULWARK_AUDIT_RETENTION',
      `\`retentionDays\` must be a whole number of at least ${AUDIT_LOG_MIN_RETENTION_DAYS} days for audit logs (got ${days})`,
    );
    v.throwIfAny();
    const ctx = awsContext(this);
    this.ctx = ctx;
    const trailName = props.trailName ?? resourceName(this, 128);
    const trailArn = `arn:${ctx.partition}:cloudtrail:${ctx.region}:${ctx.accountId}:trail/${trailName}`;

    this.key = new ClassifiedKey(this, 'Key', {
      classification: Classification.CONFIDENTIAL,
      description: 'Encrypts the audit trail, its log files, access logs and log group',
    });
    this.allowServicesToUseKey(ctx);

    const access = this.auditBucket('AccessLogs', days, false);
    this.accessLogBucket = access.bucket;
    this.accessLogStatements = access.statements;
    const audit = this.auditBucket('Bucket', days, true);
    this.bucket = audit.bucket;
    audit.statements.push(
      {
        Sid: 'CloudTrailAclCheck',
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 's3:GetBucketAcl',
        Resource: this.bucket.arn,
        Condition: { StringEquals: { 'aws:SourceArn': trailArn } },
      },
      {
        Sid: 'CloudTrailWrite',
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: `${this.bucket.arn}/AWSLogs/${ctx.accountId}/*`,
        Condition: {
          StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceArn': trailArn },
        },
      },
    );
    const auditPolicy = new S3BucketPolicy(this, 'BucketPolicy', {
      bucket: this.bucket.id,
      policy: policyJson(audit.statements),
      dependsOn: [audit.publicAccessBlock],
    });
    this.logAccessOf(this.bucket, 'audit-bucket/');
    new S3BucketPolicy(this, 'AccessLogsPolicy', {
      bucket: this.accessLogBucket.id,
      policy: Lazy.stringValue({ produce: () => policyJson(this.accessLogStatements) }),
      dependsOn: [access.publicAccessBlock],
    });

    this.logGroup = new CloudwatchLogGroup(this, 'LogGroup', {
      name: `/bulwark/audit/${trailName}`,
      retentionInDays: AUDIT_LOG_MIN_RETENTION_DAYS,
      kmsKeyId: this.key.arn,
      deletionProtectionEnabled: true,
      tags: classificationTags(Classification.CONFIDENTIAL),
      lifecycle: { preventDestroy: true },
    });
    const identifiers = MASKED_IDENTIFIERS.map(
      (d) => `arn:${ctx.partition}:dataprotection::aws:data-identifier/${d}`,
    );
    new CloudwatchLogDataProtectionPolicy(this, 'LogGroupDataProtection', {
      logGroupName: this.logGroup.name,
      policyDocument: JSON.stringify({
        Name: 'audit-secrets',
        Description: 'Masks credentials and private keys that reach the audit log',
        Version: '2021-06-01',
        Statement: [
          {
            Sid: 'audit',
            DataIdentifier: identifiers,
            Operation: { Audit: { FindingsDestination: {} } },
          },
          {
            Sid: 'redact',
            DataIdentifier: identifiers,
            Operation: { Deidentify: { MaskConfig: {} } },
          },
        ],
      }),
    });
    const role = new IamRole(this, 'TrailLogsRole', {
      assumeRolePolicy: assumeRolePolicy('cloudtrail.amazonaws.com'),
      description: 'Delivers the audit trail to its log group',
    });
    new IamRolePolicy(this, 'TrailLogsDelivery', {
      role: role.id,
      policy: policyJson([
        {
          Effect: 'Allow',
          Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          Resource: `${this.logGroup.arn}:*`,
        },
      ]),
    });

    this.trail = new Cloudtrail(this, 'Trail', {
      name: trailName,
      s3BucketName: this.bucket.id,
      kmsKeyId: this.key.arn,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableLogFileValidation: true,
      enableLogging: true,
      cloudWatchLogsGroupArn: `${this.logGroup.arn}:*`,
      cloudWatchLogsRoleArn: role.arn,
      eventSelector: eventSelectors(props.auditedBuckets ?? []),
      tags: classificationTags(Classification.CONFIDENTIAL),
      dependsOn: [auditPolicy],
    });

    for (const f of CIS_METRIC_FILTERS) {
      new CloudwatchLogMetricFilter(this, f.id, {
        name: f.id,
        logGroupName: this.logGroup.name,
        pattern: f.pattern,
        metricTransformation: { name: f.id, namespace: CIS_METRIC_NAMESPACE, value: '1' },
      });
      new CloudwatchMetricAlarm(this, `${f.id}Alarm`, {
        alarmName: `${trailName}-${f.id}`,
        alarmDescription: `CIS AWS Foundations v5.0.0 ${f.cis}: ${f.description} [${f.severity}]`,
        namespace: CIS_METRIC_NAMESPACE,
        metricName: f.id,
        statistic: 'Sum',
        period: f.periodMinutes * 60,
        threshold: f.threshold,
        evaluationPeriods: 1,
        comparisonOperator: 'GreaterThanOrEqualToThreshold',
        treatMissingData: 'notBreaching',
        alarmActions: [props.alarmTopicArns[f.severity]],
      });
    }
  }

  /**
   * Deliver the server access logs of `bucket` to {@link accessLogBucket} under `prefix`, through
   * the logging service principal and a bucket policy scoped to the source bucket, never an ACL.
   * Call before synthesis; the access-log bucket cannot log into itself.
   * @see cis-aws-5.0:3.4, mcsb-v1:LT-3
   */
  logAccessOf(bucket: S3Bucket, prefix: string): void {
    const v = new PropsValidator(this);
    v.check(
      bucket !== this.accessLogBucket,
      'BULWARK_AUDIT_ACCESS_LOG_LOOP',
      '`logAccessOf` cannot log the access-log bucket into itself: each delivery would be logged again',
    );
    v.throwIfAny();
    const n = this.accessLogStatements.length;
    new S3BucketLoggingA(this, `AccessLogging${n}`, {
      bucket: bucket.id,
      targetBucket: this.accessLogBucket.id,
      targetPrefix: prefix,
    });
    this.accessLogStatements.push({
      Effect: 'Allow',
      Principal: { Service: 'logging.s3.amazonaws.com' },
      Action: 's3:PutObject',
      Resource: `${this.accessLogBucket.arn}/${prefix}*`,
      Condition: {
        ArnLike: { 'aws:SourceArn': bucket.arn },
        StringEquals: { 'aws:SourceAccount': this.ctx.accountId },
      },
    });
  }

  /** A CONFIDENTIAL bucket of the sink: KMS with the sink's key, versioned, private, TLS only, expiring after `days`. */
  private auditBucket(id: string, days: number, objectLock: boolean) {
    const bucket = new S3Bucket(this, id, {
      objectLockEnabled: objectLock,
      forceDestroy: false,
      tags: classificationTags(Classification.CONFIDENTIAL),
      lifecycle: { preventDestroy: true },
    });
    new S3BucketServerSideEncryptionConfigurationA(this, `${id}Encryption`, {
      bucket: bucket.id,
      rule: [
        {
          applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: this.key.arn },
          bucketKeyEnabled: true,
        },
      ],
    });
    const publicAccessBlock = new S3BucketPublicAccessBlock(this, `${id}PublicAccessBlock`, {
      bucket: bucket.id,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    new S3BucketOwnershipControls(this, `${id}OwnershipControls`, {
      bucket: bucket.id,
      rule: { objectOwnership: 'BucketOwnerEnforced' },
    });
    const versioning = new S3BucketVersioningA(this, `${id}Versioning`, {
      bucket: bucket.id,
      versioningConfiguration: { status: 'Enabled' },
    });
    if (objectLock) {
      new S3BucketObjectLockConfigurationA(this, `${id}ObjectLock`, {
        bucket: bucket.id,
        rule: { defaultRetention: { mode: 'COMPLIANCE', days } },
        dependsOn: [versioning],
      });
    }
    new S3BucketLifecycleConfiguration(this, `${id}Lifecycle`, {
      bucket: bucket.id,
      rule: [
        {
          id: 'audit-expiry',
          status: 'Enabled',
          filter: [{ prefix: '' }],
          expiration: [{ days }],
          noncurrentVersionExpiration: [{ noncurrentDays: 1 }],
          abortIncompleteMultipartUpload: [{ daysAfterInitiation: ABORT_MULTIPART_DAYS }],
        },
      ],
      dependsOn: [versioning],
    });
    const statements: PolicyStatement[] = [denyInsecureTransport('s3:*', [bucket.arn, `${bucket.arn}/*`])];
    return { bucket, publicAccessBlock, statements };
  }

  /** Key policy statements for the services that write with the key (CloudTrail, CloudWatch Logs, S3 logging). */
  private allowServicesToUseKey(ctx: AwsContext): void {
    const trails = `arn:${ctx.partition}:cloudtrail:*:${ctx.accountId}:trail/*`;
    const ownTrails = `arn:${ctx.partition}:cloudtrail:${ctx.region}:${ctx.accountId}:trail/*`;
    this.key.addToPolicy({
      Sid: 'AllowCloudTrailToEncryptLogs',
      Effect: 'Allow',
      Principal: { Service: 'cloudtrail.amazonaws.com' },
      Action: 'kms:GenerateDataKey*',
      Resource: '*',
      Condition: {
        StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': trails },
        ArnLike: { 'aws:SourceArn': ownTrails },
      },
    });
    this.key.addToPolicy({
      Sid: 'AllowCloudTrailToDescribeKey',
      Effect: 'Allow',
      Principal: { Service: 'cloudtrail.amazonaws.com' },
      Action: 'kms:DescribeKey',
      Resource: '*',
      Condition: { ArnLike: { 'aws:SourceArn': ownTrails } },
    });
    this.key.addToPolicy({
      Sid: 'AllowCloudWatchLogsOfThisAccount',
      Effect: 'Allow',
      Principal: { Service: `logs.${ctx.region}.amazonaws.com` },
      Action: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
      Resource: '*',
      Condition: {
        ArnLike: {
          'kms:EncryptionContext:aws:logs:arn': `arn:${ctx.partition}:logs:${ctx.region}:${ctx.accountId}:log-group:*`,
        },
      },
    });
    this.key.addToPolicy({
      Sid: 'AllowServerAccessLogDelivery',
      Effect: 'Allow',
      Principal: { Service: 'logging.s3.amazonaws.com' },
      Action: ['kms:GenerateDataKey*', 'kms:Decrypt'],
      Resource: '*',
      Condition: { StringEquals: { 'aws:SourceAccount': ctx.accountId } },
    });
  }
}

/** All management events, then one selector per data-event scope the audited buckets' levels require. */
function eventSelectors(buckets: readonly AuditedBucket[]): CloudtrailEventSelector[] {
  const out: CloudtrailEventSelector[] = [{ includeManagementEvents: true, readWriteType: 'All' }];
  const byScope: Record<'WriteOnly' | 'All', string[]> = { WriteOnly: [], All: [] };
  for (const b of buckets) {
    if (!atLeast(b.classification, Classification.CONFIDENTIAL)) continue;
    const scope = requirementsFor(b.classification).audit === 'data-write' ? 'WriteOnly' : 'All';
    byScope[scope].push(`${b.bucketArn}/`);
  }
  for (const rw of ['WriteOnly', 'All'] as const) {
    if (byScope[rw].length === 0) continue;
    out.push({
      includeManagementEvents: false,
      readWriteType: rw,
      dataResource: [{ type: 'AWS::S3::Object', values: byScope[rw] }],
    });
  }
  return out;
}
