import { Duration, Lazy, Names, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { AUDIT_LOG_MIN_RETENTION_DAYS, Classification, atLeast, requirementsFor } from '../../classification';
import { customerKeyFor, tagClassification } from '../common/classified';
import { PropsValidator } from '../common/validation';
import type { AlarmTopics, IncidentSeverity } from '../incident/severity';
import { CIS_METRIC_FILTERS, CIS_METRIC_NAMESPACE } from './cis-metric-filters';

/** A data store whose data-plane activity the trail records, as its classification requires. */
export interface AuditedStore {
  /** The bucket or table. */
  readonly store: s3.IBucket | dynamodb.ITable;
  /** Its classification level (the audit row of the classification table). */
  readonly classification: Classification;
}

/** Props of {@link AuditLogSink}. */
export interface AuditLogSinkProps {
  /**
   * Topics of each incident severity class, e.g. `IncidentRouting.topics`; every alarm notifies
   * the topic of its severity.
   * @see mcsb-v1:IR-2, cis-aws-5.0:4.1
   */
  readonly alarmTopics: AlarmTopics;

  /**
   * How long audit records stay immutable (S3 Object Lock in compliance mode, which nobody, root
   * included, can shorten) and are kept. At least 365 days, whatever the levels of the audited stores.
   * @default Duration.days(365)
   * @see mcsb-v1:LT-6, classification:AUDIT
   */
  readonly retention?: Duration;

  /**
   * Stores whose data events the trail records: write events from CONFIDENTIAL, read and write
   * events plus an alarm on access denied from RESTRICTED, plus an alarm on every data access at
   * TOP_SECRET. PUBLIC and INTERNAL stores are covered by management events only. More can be
   * added with {@link AuditLogSink.auditStore}.
   * @default - management events only
   * @see classification:AUDIT, cis-aws-5.0:3.8, cis-aws-5.0:3.9
   */
  readonly auditedStores?: readonly AuditedStore[];

  /**
   * Name of the trail.
   * @default - generated
   */
  readonly trailName?: string;
}

/** Most data resources the basic event selectors of one trail can name, all selectors together (CloudTrail quota). */
const MAX_DATA_RESOURCES = 250;

/** Secrets that must never be readable in audit logs: masked at ingestion into the log group. */
const MASKED_IDENTIFIERS = [
  logs.DataIdentifier.AWSSECRETKEY,
  logs.DataIdentifier.OPENSSHPRIVATEKEY,
  logs.DataIdentifier.PGPPRIVATEKEY,
  logs.DataIdentifier.PKCSPRIVATEKEY,
  logs.DataIdentifier.PUTTYPRIVATEKEY,
];

type DataEvents = 'WriteOnly' | 'All';
type StoreKind = 's3' | 'dynamodb';

/**
 * The audit log sink: a multi-region CloudTrail trail with log file integrity validation (the
 * SHA-256 digest chain), encrypted with a customer-managed key, delivering to an S3 bucket under
 * Object Lock in compliance mode (versioned, TLS-only, public access blocked, its own server access
 * logs in a second bucket) and to a CloudWatch Logs group (a year, same key, secrets masked), with
 * the CIS v5.0.0 4.1-4.15 metric filters and alarms routed by severity, and data events plus access
 * alarms for the stores that their classification requires.
 *
 * The sink's own stores are tagged CONFIDENTIAL: audit records name principals, addresses and
 * resources. The log group keeps the searchable copy 365 days; the bucket keeps the immutable record
 * for `retention` (classification.md: audit logs are kept at least 365 days whatever they audit).
 *
 * @see cis-aws-5.0:3.1, cis-aws-5.0:3.2, cis-aws-5.0:3.4, cis-aws-5.0:3.5, mcsb-v1:LT-3, mcsb-v1:LT-5
 */
export class AuditLogSink extends Construct {
  /** The trail. */
  readonly trail: cloudtrail.Trail;
  /** The customer-managed key of the trail, its bucket, access logs and log group (rotated yearly). */
  readonly key: kms.Key;
  /** The immutable bucket receiving log files and digest files. */
  readonly bucket: s3.Bucket;
  /** Server access logs of {@link bucket}. */
  readonly accessLogBucket: s3.Bucket;
  /** The CloudWatch Logs group the trail delivers to. */
  readonly logGroup: logs.LogGroup;
  /** The CIS alarms, by recommendation (`4.1` .. `4.15`). */
  readonly cisAlarms: Readonly<Record<string, cloudwatch.Alarm>>;

  private readonly topics: AlarmTopics;
  private readonly selectors: Record<StoreKind, Record<DataEvents, string[]>> = {
    s3: { WriteOnly: [], All: [] },
    dynamodb: { WriteOnly: [], All: [] },
  };

  constructor(scope: Construct, id: string, props: AuditLogSinkProps) {
    super(scope, id);
    const retention = props.retention ?? Duration.days(AUDIT_LOG_MIN_RETENTION_DAYS);
    const v = new PropsValidator(this);
    v.check(
      retention.isUnresolved() || retention.toDays({ integral: false }) >= AUDIT_LOG_MIN_RETENTION_DAYS,
      'BULWARK_AUDIT_RETENTION',
      `\`retention\` must be at least ${AUDIT_LOG_MIN_RETENTION_DAYS} days for audit logs`,
    );
    v.throwIfAny();
    const days = retention.isUnresolved()
      ? retention
      : Duration.days(Math.ceil(retention.toDays({ integral: false })));
    this.topics = props.alarmTopics;
    const stack = Stack.of(this);

    this.key = customerKeyFor(
      this,
      'Key',
      Classification.CONFIDENTIAL,
      'Encrypts the audit trail, its log files, access logs and log group',
    ) as kms.Key;
    this.allowServicesToUseKey(stack);

    this.accessLogBucket = this.auditBucket('AccessLogs', days, false);
    this.bucket = this.auditBucket('Bucket', days, true);
    this.logAccessOf(this.bucket, 'audit-bucket/');

    this.logGroup = new logs.LogGroup(this, 'LogGroup', {
      retention: logs.RetentionDays.ONE_YEAR,
      encryptionKey: this.key,
      dataProtectionPolicy: new logs.DataProtectionPolicy({
        name: 'audit-secrets',
        description: 'Masks credentials and private keys that reach the audit log',
        identifiers: MASKED_IDENTIFIERS,
      }),
      removalPolicy: RemovalPolicy.RETAIN,
      deletionProtectionEnabled: true,
    });
    tagClassification(this.logGroup, Classification.CONFIDENTIAL);
    this.trail = new cloudtrail.Trail(this, 'Trail', {
      trailName: props.trailName,
      bucket: this.bucket,
      encryptionKey: this.key,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableFileValidation: true,
      managementEvents: cloudtrail.ReadWriteType.ALL,
      sendToCloudWatchLogs: true,
      cloudWatchLogGroup: this.logGroup,
    });
    // Selectors are rendered at synthesis: all management events, then data events grouped by scope.
    (this.trail.node.defaultChild as cloudtrail.CfnTrail).eventSelectors = Lazy.any({
      produce: () => this.eventSelectors(),
    });

    const alarms: Record<string, cloudwatch.Alarm> = {};
    for (const f of CIS_METRIC_FILTERS) {
      alarms[f.cis] = this.alarmOn(f.id, f.pattern, CIS_METRIC_NAMESPACE, {
        description: `CIS AWS Foundations v5.0.0 ${f.cis}: ${f.description}`,
        threshold: f.threshold,
        period: Duration.minutes(f.periodMinutes),
        severity: f.severity,
      });
    }
    this.cisAlarms = alarms;
    for (const s of props.auditedStores ?? []) this.auditStore(s.store, s.classification);
  }

  /**
   * Record a store's data events as its level requires: write events from CONFIDENTIAL; read and
   * write events and an alarm on access denied (high) from RESTRICTED; plus an alarm on every data
   * access (medium) at TOP_SECRET. PUBLIC and INTERNAL stores need management events only.
   * @see classification:AUDIT
   */
  auditStore(store: s3.IBucket | dynamodb.ITable, classification: Classification): void {
    const audit = requirementsFor(classification).audit;
    if (!atLeast(classification, Classification.CONFIDENTIAL)) return;
    const kind: StoreKind = isBucket(store) ? 's3' : 'dynamodb';
    const events: DataEvents = audit === 'data-write' ? 'WriteOnly' : 'All';
    const values = this.selectors[kind][events];
    const v = new PropsValidator(this);
    const named = Object.values(this.selectors).flatMap((byScope) => Object.values(byScope).flat()).length;
    v.check(
      named < MAX_DATA_RESOURCES,
      'BULWARK_AUDIT_SELECTOR_LIMIT',
      `\`auditedStores\` names more than ${MAX_DATA_RESOURCES} stores of CONFIDENTIAL and above, the most ` +
        'the event selectors of one trail hold: give the extra stores a trail of their own',
    );
    v.throwIfAny();
    values.push(isBucket(store) ? `${store.bucketArn}/` : store.tableArn);

    const uid = Names.uniqueId(store);
    const match = isBucket(store)
      ? `($.eventSource = "s3.amazonaws.com") && ($.requestParameters.bucketName = "${store.bucketName}")`
      : `($.eventSource = "dynamodb.amazonaws.com") && ($.requestParameters.tableName = "${store.tableName}")`;
    if (audit === 'data-read-write-alarm-denied' || audit === 'data-all-alarm') {
      this.alarmOn(`${uid}AccessDenied`, `{ ${match} && ($.errorCode = "AccessDenied*") }`, 'Bulwark/Audit', {
        description: `Access denied on ${classification} store ${store.node.path}`,
        threshold: 1,
        period: Duration.minutes(5),
        severity: 'high',
      });
    }
    if (audit === 'data-all-alarm') {
      this.alarmOn(`${uid}DataAccess`, `{ ${match} && ($.eventCategory = "Data") }`, 'Bulwark/Audit', {
        description: `Data access on ${classification} store ${store.node.path}`,
        threshold: 1,
        period: Duration.minutes(5),
        severity: 'medium',
      });
    }
  }

  /** Let `grantee` read the audit records: log files, digests and the log group, and decrypt them. */
  grantRead(grantee: iam.IGrantable): iam.Grant {
    return this.grant(grantee, (g) => {
      this.logGroup.grantRead(g);
      return this.bucket.grantRead(g);
    });
  }

  /** Every grant goes through here: the resources' grants, then the key (decrypt only). */
  private grant(grantee: iam.IGrantable, onResources: (g: iam.IGrantable) => iam.Grant): iam.Grant {
    const grant = onResources(grantee);
    this.key.grantDecrypt(grantee);
    return grant;
  }

  private auditBucket(id: string, days: Duration, objectLock: boolean): s3.Bucket {
    const bucket = new s3.Bucket(this, id, {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: this.key,
      bucketKeyEnabled: true,
      enforceSSL: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      objectLockDefaultRetention: objectLock ? s3.ObjectLockRetention.compliance(days) : undefined,
      lifecycleRules: [
        {
          expiration: days,
          noncurrentVersionExpiration: Duration.days(1),
          abortIncompleteMultipartUploadAfter: Duration.days(7),
        },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    tagClassification(bucket, Classification.CONFIDENTIAL);
    return bucket;
  }

  /**
   * Deliver the server access logs of `bucket` (the audit bucket itself, or another bucket of the
   * stack such as the AWS Config bucket) to {@link accessLogBucket} under `prefix`. Declared on the
   * L1 so that delivery goes through the logging service principal and a bucket policy scoped to the
   * source bucket, never an ACL, with or without the CDK feature flag.
   * @see cis-aws-5.0:3.4, mcsb-v1:LT-3
   */
  logAccessOf(bucket: s3.Bucket, prefix = `${Names.uniqueId(bucket)}/`): void {
    const v = new PropsValidator(this);
    v.check(
      bucket !== this.accessLogBucket,
      'BULWARK_AUDIT_ACCESS_LOG_LOOP',
      '`logAccessOf` cannot log the access-log bucket into itself: each delivery would be logged again',
    );
    v.throwIfAny();
    (bucket.node.defaultChild as s3.CfnBucket).loggingConfiguration = {
      destinationBucketName: this.accessLogBucket.bucketName,
      logFilePrefix: prefix,
    };
    this.accessLogBucket.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('logging.s3.amazonaws.com')],
        actions: ['s3:PutObject'],
        resources: [this.accessLogBucket.arnForObjects(`${prefix}*`)],
        conditions: {
          ArnLike: { 'aws:SourceArn': bucket.bucketArn },
          StringEquals: { 'aws:SourceAccount': Stack.of(this).account },
        },
      }),
    );
  }

  /** Key policy statements for the services that write with the key (CloudTrail, CloudWatch Logs, S3 logging). */
  private allowServicesToUseKey(stack: Stack): void {
    const trails = `arn:${stack.partition}:cloudtrail:*:${stack.account}:trail/*`;
    const ownTrails = `arn:${stack.partition}:cloudtrail:${stack.region}:${stack.account}:trail/*`;
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudTrailToEncryptLogs',
        principals: [new iam.ServicePrincipal('cloudtrail.amazonaws.com')],
        actions: ['kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: {
          StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': trails },
          ArnLike: { 'aws:SourceArn': ownTrails },
        },
      }),
    );
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudTrailToDescribeKey',
        principals: [new iam.ServicePrincipal('cloudtrail.amazonaws.com')],
        actions: ['kms:DescribeKey'],
        resources: ['*'],
        conditions: { ArnLike: { 'aws:SourceArn': ownTrails } },
      }),
    );
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudWatchLogsOfThisAccount',
        principals: [new iam.ServicePrincipal(`logs.${stack.region}.amazonaws.com`)],
        actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        resources: ['*'],
        conditions: {
          ArnLike: {
            'kms:EncryptionContext:aws:logs:arn': `arn:${stack.partition}:logs:${stack.region}:${stack.account}:log-group:*`,
          },
        },
      }),
    );
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowServerAccessLogDelivery',
        principals: [new iam.ServicePrincipal('logging.s3.amazonaws.com')],
        actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
      }),
    );
  }

  /** A metric filter on the trail's log group and its alarm, routed to the severity's topic. */
  private alarmOn(
    id: string,
    pattern: string,
    namespace: string,
    o: { description: string; threshold: number; period: Duration; severity: IncidentSeverity },
  ): cloudwatch.Alarm {
    const filter = new logs.MetricFilter(this, id, {
      logGroup: this.logGroup,
      filterPattern: logs.FilterPattern.literal(pattern),
      metricNamespace: namespace,
      metricName: id,
      metricValue: '1',
    });
    const alarm = new cloudwatch.Alarm(this, `${id}Alarm`, {
      alarmDescription: `${o.description} [${o.severity}]`,
      metric: filter.metric({ statistic: cloudwatch.Stats.SUM, period: o.period }),
      threshold: o.threshold,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new actions.SnsAction(this.topics[o.severity]));
    return alarm;
  }

  /** All management events, then one selector per store type and read/write scope. */
  private eventSelectors(): cloudtrail.CfnTrail.EventSelectorProperty[] {
    const out: cloudtrail.CfnTrail.EventSelectorProperty[] = [
      { includeManagementEvents: true, readWriteType: 'All' },
    ];
    const types: Record<StoreKind, string> = { s3: 'AWS::S3::Object', dynamodb: 'AWS::DynamoDB::Table' };
    for (const kind of ['s3', 'dynamodb'] as const) {
      for (const rw of ['WriteOnly', 'All'] as const) {
        const values = this.selectors[kind][rw];
        if (values.length === 0) continue;
        out.push({
          includeManagementEvents: false,
          readWriteType: rw,
          dataResources: [{ type: types[kind], values: [...values] }],
        });
      }
    }
    return out;
  }
}

function isBucket(store: s3.IBucket | dynamodb.ITable): store is s3.IBucket {
  return 'bucketArn' in store;
}
