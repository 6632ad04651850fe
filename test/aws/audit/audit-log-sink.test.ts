import { App, Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AuditLogSink } from '../../../lib/aws/audit';
import { IncidentRouting } from '../../../lib/aws/incident';
import { Classification } from '../../../lib/classification';
import { ClassifiedBackup } from '../../../lib/aws/backup';
import { evaluateStack, unexplained, type KnownFinding } from '../incident/evaluate-stack';

/** Findings on the sink that are right to leave: the rules do not know a bucket is the trail's own sink. */
const SINK_KNOWN_FINDINGS: readonly KnownFinding[] = [
  {
    finding: /^BW-(DP-018|LT-009) fail S\/Audit\/(Bucket|AccessLogs)\/Resource: /,
    why:
      "data events of the trail on its own log bucket, or on the bucket receiving that bucket's access logs, " +
      'would record every delivery of the trail and loop',
  },
  {
    finding: /^BW-LT-008 fail S\/Audit\/AccessLogs\/Resource: /,
    why: 'the access-log bucket cannot log into itself, and a third bucket would only move the question',
  },
];

type Resources = Record<string, { Type: string; Properties: Record<string, unknown> }>;

function stack(): Stack {
  return new Stack(new App(), 'S');
}

function sink(s: Stack, extra: Partial<ConstructorParameters<typeof AuditLogSink>[2]> = {}) {
  const routing = new IncidentRouting(s, 'Incidents');
  const audit = new AuditLogSink(s, 'Audit', { alarmTopics: routing.topics, ...extra });
  return { routing, audit };
}

function selectors(
  t: Template,
): { ReadWriteType: string; IncludeManagementEvents: boolean; DataResources?: { Type: string }[] }[] {
  const trail = Object.values(t.findResources('AWS::CloudTrail::Trail') as Resources)[0]!;
  return trail.Properties.EventSelectors as never;
}

function filterPatterns(t: Template): string[] {
  return Object.values(t.findResources('AWS::Logs::MetricFilter') as Resources).map((f) =>
    JSON.stringify(f.Properties.FilterPattern),
  );
}

/**
 * CIS AWS Foundations Benchmark v5.0.0 section 4: the terms each recommendation's filter pattern
 * must test (event names and fields from the benchmark's remediation).
 */
const CIS_TERMS: Record<string, string[]> = {
  '4.1': ['*UnauthorizedOperation', 'AccessDenied*', 'delivery.logs.amazonaws.com', 'HeadBucket'],
  '4.2': ['ConsoleLogin', 'additionalEventData.MFAUsed', 'Yes'],
  '4.3': ['$.userIdentity.type = \\"Root\\"', 'invokedBy NOT EXISTS', 'AwsServiceEvent'],
  '4.4': [
    'DeleteGroupPolicy',
    'PutRolePolicy',
    'CreatePolicyVersion',
    'AttachUserPolicy',
    'DetachGroupPolicy',
  ],
  '4.5': ['CreateTrail', 'UpdateTrail', 'DeleteTrail', 'StartLogging', 'StopLogging'],
  '4.6': ['ConsoleLogin', 'Failed authentication'],
  '4.7': ['kms.amazonaws.com', 'DisableKey', 'ScheduleKeyDeletion'],
  '4.8': [
    's3.amazonaws.com',
    'PutBucketAcl',
    'PutBucketPolicy',
    'DeleteBucketPolicy',
    'PutBucketReplication',
  ],
  '4.9': [
    'config.amazonaws.com',
    'StopConfigurationRecorder',
    'DeleteDeliveryChannel',
    'PutConfigurationRecorder',
  ],
  '4.10': [
    'AuthorizeSecurityGroupIngress',
    'RevokeSecurityGroupEgress',
    'CreateSecurityGroup',
    'DeleteSecurityGroup',
  ],
  '4.11': [
    'CreateNetworkAcl',
    'CreateNetworkAclEntry',
    'DeleteNetworkAclEntry',
    'ReplaceNetworkAclAssociation',
  ],
  '4.12': [
    'CreateCustomerGateway',
    'AttachInternetGateway',
    'DeleteInternetGateway',
    'DetachInternetGateway',
  ],
  '4.13': ['CreateRoute', 'CreateRouteTable', 'ReplaceRouteTableAssociation', 'DisassociateRouteTable'],
  '4.14': [
    'CreateVpc',
    'DeleteVpc',
    'ModifyVpcAttribute',
    'CreateVpcPeeringConnection',
    'EnableVpcClassicLink',
  ],
  '4.15': [
    'organizations.amazonaws.com',
    'AcceptHandshake',
    'CreateAccount',
    'LeaveOrganization',
    'UpdatePolicy',
  ],
};

describe('AuditLogSink', () => {
  test('a multi-region trail with global events, log file validation, KMS and CloudWatch Logs delivery', () => {
    const s = stack();
    sink(s);
    const t = Template.fromStack(s);
    t.resourceCountIs('AWS::CloudTrail::Trail', 1);
    t.hasResourceProperties('AWS::CloudTrail::Trail', {
      IsLogging: true,
      IsMultiRegionTrail: true,
      IncludeGlobalServiceEvents: true,
      EnableLogFileValidation: true,
      KMSKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^AuditKey'), 'Arn'] },
      CloudWatchLogsLogGroupArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^AuditLogGroup'), 'Arn'] },
      S3BucketName: { Ref: Match.stringLikeRegexp('^AuditBucket') },
    });
    expect(selectors(t)).toEqual([{ IncludeManagementEvents: true, ReadWriteType: 'All' }]);
  });

  test('the key rotates yearly and lets CloudTrail, CloudWatch Logs and S3 log delivery use it', () => {
    const s = stack();
    const { audit } = sink(s);
    const t = Template.fromStack(s);
    const key = t.findResources('AWS::KMS::Key') as Resources;
    const props = key[s.getLogicalId(audit.key.node.defaultChild as never)]!.Properties;
    expect(props.EnableKeyRotation).toBe(true);
    expect(props.RotationPeriodInDays).toBe(365);
    const principals = JSON.stringify((props.KeyPolicy as { Statement: unknown[] }).Statement);
    expect(principals).toContain('cloudtrail.amazonaws.com');
    expect(principals).toContain('kms:EncryptionContext:aws:cloudtrail:arn');
    expect(principals).toContain('kms:EncryptionContext:aws:logs:arn');
    expect(principals).toContain('logging.s3.amazonaws.com');
  });

  test('the log bucket: Object Lock in compliance mode for 365 days, versioned, KMS, TLS-only, blocked, access-logged', () => {
    const s = stack();
    sink(s);
    const t = Template.fromStack(s);
    t.hasResourceProperties('AWS::S3::Bucket', {
      ObjectLockEnabled: true,
      ObjectLockConfiguration: {
        ObjectLockEnabled: 'Enabled',
        Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 365 } },
      },
      VersioningConfiguration: { Status: 'Enabled' },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          Match.objectLike({ ServerSideEncryptionByDefault: Match.objectLike({ SSEAlgorithm: 'aws:kms' }) }),
        ],
      },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LoggingConfiguration: { DestinationBucketName: { Ref: Match.stringLikeRegexp('^AuditAccessLogs') } },
    });
    const policies = Object.values(t.findResources('AWS::S3::BucketPolicy') as Resources);
    expect(policies).toHaveLength(2);
    for (const p of policies) {
      expect(JSON.stringify(p.Properties.PolicyDocument)).toContain('"aws:SecureTransport":"false"');
    }
  });

  test('the access-log bucket is encrypted, TLS-only, blocked, expires its logs and takes delivery by policy', () => {
    const s = stack();
    const { audit } = sink(s);
    const t = Template.fromStack(s);
    const id = s.getLogicalId(audit.accessLogBucket.node.defaultChild as never);
    const props = (t.findResources('AWS::S3::Bucket') as Resources)[id]!.Properties;
    expect(JSON.stringify(props.BucketEncryption)).toContain('aws:kms');
    expect(props.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(props.AccessControl).toBeUndefined();
    expect(props.LifecycleConfiguration).toEqual({
      Rules: [expect.objectContaining({ ExpirationInDays: 365, Status: 'Enabled' })],
    });
    t.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: id },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'logging.s3.amazonaws.com' },
            Action: 's3:PutObject',
          }),
        ]),
      },
    });
  });

  test('logAccessOf delivers the access logs of another bucket by a policy scoped to it, and refuses the loop', () => {
    const s = stack();
    const { audit } = sink(s);
    const other = new s3.Bucket(s, 'Other');
    audit.logAccessOf(other, 'other/');
    const t = Template.fromStack(s);
    t.hasResourceProperties('AWS::S3::Bucket', {
      LoggingConfiguration: {
        DestinationBucketName: s.resolve(audit.accessLogBucket.bucketName),
        LogFilePrefix: 'other/',
      },
    });
    t.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: s.resolve(audit.accessLogBucket.bucketName),
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: 'logging.s3.amazonaws.com' },
            Condition: Match.objectLike({ ArnLike: { 'aws:SourceArn': s.resolve(other.bucketArn) } }),
          }),
        ]),
      },
    });
    expect(() => audit.logAccessOf(audit.accessLogBucket)).toThrow(/BULWARK_AUDIT_ACCESS_LOG_LOOP/);
  });

  test('a longer retention locks and keeps the records longer', () => {
    const s = stack();
    sink(s, { retention: Duration.days(730) });
    Template.fromStack(s).hasResourceProperties('AWS::S3::Bucket', {
      ObjectLockConfiguration: { Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 730 } } },
      LifecycleConfiguration: { Rules: [Match.objectLike({ ExpirationInDays: 730 })] },
    });
  });

  test('a retention under 365 days is refused, naming the prop', () => {
    expect(() => sink(stack(), { retention: Duration.days(90) })).toThrow(
      /`retention` must be at least 365 days.*\[BULWARK_AUDIT_RETENTION\]/,
    );
  });

  test('the log group keeps a year, is encrypted with the key, masks secrets and resists deletion', () => {
    const s = stack();
    sink(s);
    Template.fromStack(s).hasResource('AWS::Logs::LogGroup', { DeletionPolicy: 'Retain' });
    Template.fromStack(s).hasResourceProperties('AWS::Logs::LogGroup', {
      RetentionInDays: 365,
      DeletionProtectionEnabled: true,
      KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^AuditKey'), 'Arn'] },
      DataProtectionPolicy: Match.objectLike({
        Statement: Match.arrayWith([Match.objectLike({ Operation: { Deidentify: { MaskConfig: {} } } })]),
      }),
    });
  });

  test('the 15 CIS v5.0.0 metric filters (4.1-4.15) with their patterns, each with an alarm', () => {
    const s = stack();
    const { audit } = sink(s);
    const t = Template.fromStack(s);
    t.resourceCountIs('AWS::Logs::MetricFilter', 15);
    t.resourceCountIs('AWS::CloudWatch::Alarm', 15);
    const patterns = filterPatterns(t);
    for (const [cis, terms] of Object.entries(CIS_TERMS)) {
      const match = patterns.filter((p) => terms.every((term) => p.includes(term)));
      expect({ cis, found: match.length > 0 }).toEqual({ cis, found: true });
    }
    expect(Object.keys(audit.cisAlarms).sort()).toEqual(Object.keys(CIS_TERMS).sort());
    for (const f of Object.values(t.findResources('AWS::Logs::MetricFilter') as Resources)) {
      expect(f.Properties.MetricTransformations).toEqual([
        expect.objectContaining({ MetricNamespace: 'CISBenchmark', MetricValue: '1' }),
      ]);
    }
  });

  test('alarms: CIS thresholds (1 in 5 minutes), console sign-in failures at 5 in 5 minutes', () => {
    const s = stack();
    const { audit } = sink(s);
    const t = Template.fromStack(s);
    const alarms = t.findResources('AWS::CloudWatch::Alarm') as Resources;
    for (const [cis, alarm] of Object.entries(audit.cisAlarms)) {
      const props = alarms[s.getLogicalId(alarm.node.defaultChild as never)]!.Properties;
      expect(props).toEqual(
        expect.objectContaining({
          Period: 300,
          Statistic: 'Sum',
          EvaluationPeriods: 1,
          ComparisonOperator: 'GreaterThanOrEqualToThreshold',
          Threshold: cis === '4.6' ? 5 : 1,
        }),
      );
    }
  });

  test('alarm actions go to the topic of their severity: root usage and trail changes are critical', () => {
    const s = stack();
    const { audit, routing } = sink(s);
    const t = Template.fromStack(s);
    const alarms = t.findResources('AWS::CloudWatch::Alarm') as Resources;
    const actionOf = (cis: string) =>
      alarms[s.getLogicalId(audit.cisAlarms[cis]!.node.defaultChild as never)]!.Properties.AlarmActions;
    expect(actionOf('4.3')).toEqual([s.resolve(routing.topics.critical.topicArn)]);
    expect(actionOf('4.5')).toEqual([s.resolve(routing.topics.critical.topicArn)]);
    expect(actionOf('4.7')).toEqual([s.resolve(routing.topics.critical.topicArn)]);
    expect(actionOf('4.4')).toEqual([s.resolve(routing.topics.high.topicArn)]);
    expect(actionOf('4.10')).toEqual([s.resolve(routing.topics.medium.topicArn)]);
  });

  describe('data events by classification (the audit row of the table)', () => {
    function audited(level: Classification) {
      const s = stack();
      const store = new s3.Bucket(s, 'Store');
      sink(s, { auditedStores: [{ store, classification: level }] });
      return { s, t: Template.fromStack(s) };
    }

    test('PUBLIC and INTERNAL: management events only, no store alarms', () => {
      for (const level of [Classification.PUBLIC, Classification.INTERNAL]) {
        const { t } = audited(level);
        expect(selectors(t)).toHaveLength(1);
        t.resourceCountIs('AWS::Logs::MetricFilter', 15);
      }
    });

    test('CONFIDENTIAL: data-plane write events', () => {
      const { t } = audited(Classification.CONFIDENTIAL);
      expect(selectors(t)[1]).toEqual({
        IncludeManagementEvents: false,
        ReadWriteType: 'WriteOnly',
        DataResources: [
          {
            Type: 'AWS::S3::Object',
            Values: [{ 'Fn::Join': ['', [{ 'Fn::GetAtt': [expect.stringMatching(/^Store/), 'Arn'] }, '/']] }],
          },
        ],
      });
      t.resourceCountIs('AWS::Logs::MetricFilter', 15);
    });

    test('RESTRICTED: read and write events, and an alarm on access denied to the store', () => {
      const { t } = audited(Classification.RESTRICTED);
      expect(selectors(t)[1]).toEqual(
        expect.objectContaining({ ReadWriteType: 'All', IncludeManagementEvents: false }),
      );
      t.resourceCountIs('AWS::Logs::MetricFilter', 16);
      const denied = filterPatterns(t).filter((p) => p.includes('AccessDenied*') && p.includes('bucketName'));
      expect(denied).toHaveLength(1);
      expect(denied[0]).toContain('"Ref":"Store');
      t.resourceCountIs('AWS::CloudWatch::Alarm', 16);
    });

    test('TOP_SECRET: read and write events, alarms on access denied and on every data access', () => {
      const { t } = audited(Classification.TOP_SECRET);
      expect(selectors(t)[1]).toEqual(expect.objectContaining({ ReadWriteType: 'All' }));
      t.resourceCountIs('AWS::Logs::MetricFilter', 17);
      expect(
        filterPatterns(t).filter((p) => p.includes('eventCategory') && p.includes('bucketName')),
      ).toHaveLength(1);
      t.resourceCountIs('AWS::CloudWatch::Alarm', 17);
    });

    test('tables too, grouped by read/write scope; stores can be added after construction', () => {
      const s = stack();
      const key = { partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING } };
      const { audit } = sink(s, {
        auditedStores: [
          { store: new dynamodb.Table(s, 'Orders', key), classification: Classification.CONFIDENTIAL },
        ],
      });
      audit.auditStore(new dynamodb.Table(s, 'Payments', key), Classification.CONFIDENTIAL);
      audit.auditStore(new dynamodb.Table(s, 'Keys', key), Classification.RESTRICTED);
      const sel = selectors(Template.fromStack(s));
      expect(sel).toHaveLength(3);
      expect(sel[1]).toEqual(
        expect.objectContaining({
          ReadWriteType: 'WriteOnly',
          DataResources: [{ Type: 'AWS::DynamoDB::Table', Values: [expect.anything(), expect.anything()] }],
        }),
      );
      expect(sel[2]).toEqual(
        expect.objectContaining({
          ReadWriteType: 'All',
          DataResources: [{ Type: 'AWS::DynamoDB::Table', Values: [expect.anything()] }],
        }),
      );
    });
  });

  test('more stores than the 250 data resources one trail holds are refused', () => {
    const s = stack();
    const { audit } = sink(s);
    const add = (i: number) => audit.auditStore(new s3.Bucket(s, `Store${i}`), Classification.CONFIDENTIAL);
    for (let i = 0; i < 250; i++) add(i);
    expect(() => add(250)).toThrow(/more than 250 stores.*\[BULWARK_AUDIT_SELECTOR_LIMIT\]/);
  });

  test('grantRead gives the log files, the log group and the key', () => {
    const s = stack();
    const { audit } = sink(s);
    const reader = new iam.Role(s, 'Reader', { assumedBy: new iam.AccountRootPrincipal() });
    audit.grantRead(reader);
    const doc = JSON.stringify(Template.fromStack(s).findResources('AWS::IAM::Policy'));
    expect(doc).toContain('s3:GetObject*');
    expect(doc).toContain('logs:FilterLogEvents');
    expect(doc).toContain('kms:Decrypt');
  });

  test('the engine finds nothing mandatory on the sink; what it reports is explained', () => {
    const verdict = evaluateStack('Audit', (s) => {
      const routing = new IncidentRouting(s, 'Incidents');
      new AuditLogSink(s, 'Audit', {
        alarmTopics: routing.topics,
        auditedStores: [
          Classification.INTERNAL,
          Classification.CONFIDENTIAL,
          Classification.RESTRICTED,
          Classification.TOP_SECRET,
        ].map((classification) => ({ store: new s3.Bucket(s, `Store${classification}`), classification })),
      });
      // The sink's buckets are CONFIDENTIAL: the CONFIDENTIAL backup plan selects them by tag.
      new ClassifiedBackup(s, 'Backup', { classification: Classification.CONFIDENTIAL });
    });
    expect(verdict.checked).toBeGreaterThan(0);
    expect(verdict.gating).toEqual([]);
    expect(unexplained(verdict.findings, SINK_KNOWN_FINDINGS)).toEqual([]);
  });
});
