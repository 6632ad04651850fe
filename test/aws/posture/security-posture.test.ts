import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { SecurityPosture } from '../../../lib/aws/posture';
import { AuditLogSink } from '../../../lib/aws/audit';
import { ClassifiedBackup } from '../../../lib/aws/backup';
import { IncidentRouting } from '../../../lib/aws/incident';
import { Classification } from '../../../lib/classification';
import { evaluateStack, unexplained, type KnownFinding } from '../incident/evaluate-stack';

/** Findings on the posture that are right to leave. */
const POSTURE_KNOWN_FINDINGS: readonly KnownFinding[] = [
  {
    finding: /^BW-LT-009 fail S\/Posture\/ConfigBucket\/Resource: .*read data events/,
    why:
      'the Config bucket is CONFIDENTIAL, whose audit row asks for write events only; CIS 3.9 read events on ' +
      'every bucket is an account-wide choice of the trail, not of this construct',
  },
];

type Resources = Record<string, { Type: string; Properties: Record<string, unknown>; DependsOn?: string[] }>;

function build() {
  const s = new Stack(new App(), 'S');
  const posture = new SecurityPosture(s, 'Posture');
  return { s, posture, t: Template.fromStack(s) };
}

describe('SecurityPosture', () => {
  test('AWS Config records every supported type, global IAM types included, with the AWS_ConfigRole', () => {
    const { t } = build();
    t.resourceCountIs('AWS::Config::ConfigurationRecorder', 1);
    t.hasResourceProperties('AWS::Config::ConfigurationRecorder', {
      RecordingGroup: { AllSupported: true, IncludeGlobalResourceTypes: true },
      RoleARN: { 'Fn::GetAtt': [Match.stringLikeRegexp('^PostureConfigRole'), 'Arn'] },
    });
    t.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: Match.objectLike({
        Statement: [Match.objectLike({ Principal: { Service: 'config.amazonaws.com' } })],
      }),
      ManagedPolicyArns: [
        {
          'Fn::Join': [
            '',
            ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/service-role/AWS_ConfigRole'],
          ],
        },
      ],
    });
  });

  test('the delivery channel writes to an encrypted, TLS-only, blocked bucket', () => {
    const { t, s, posture } = build();
    t.hasResourceProperties('AWS::Config::DeliveryChannel', {
      S3BucketName: { Ref: s.getLogicalId(posture.configBucket.node.defaultChild as never) },
      S3KmsKeyArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^PostureKey'), 'Arn'] },
    });
    const bucket = (t.findResources('AWS::S3::Bucket') as Resources)[
      s.getLogicalId(posture.configBucket.node.defaultChild as never)
    ]!.Properties;
    expect(JSON.stringify(bucket.BucketEncryption)).toContain('aws:kms');
    expect(bucket.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    t.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  test('managed Config rules, each evaluated after the recorder exists', () => {
    const { t } = build();
    const rules = Object.values(t.findResources('AWS::Config::ConfigRule') as Resources);
    const identifiers = rules.map(
      (r) => (r.Properties.Source as { SourceIdentifier: string }).SourceIdentifier,
    );
    for (const id of [
      'S3_BUCKET_SSL_REQUESTS_ONLY',
      'CLOUD_TRAIL_ENABLED',
      'ENCRYPTED_VOLUMES',
      'RDS_STORAGE_ENCRYPTED',
      'INCOMING_SSH_DISABLED',
      'VPC_FLOW_LOGS_ENABLED',
      'IAM_POLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS',
      'CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED',
      'CMK_BACKING_KEY_ROTATION_ENABLED',
    ]) {
      expect(identifiers).toContain(id);
    }
    for (const r of rules) {
      expect(r.DependsOn).toEqual(expect.arrayContaining([expect.stringMatching(/^PostureRecorder/)]));
    }
  });

  test('Security Hub with the FSBP v1.0.0 and CIS AWS Foundations v5.0.0 standards', () => {
    const { t } = build();
    t.resourceCountIs('AWS::SecurityHub::Hub', 1);
    t.hasResourceProperties('AWS::SecurityHub::Hub', {
      EnableDefaultStandards: false,
      ControlFindingGenerator: 'SECURITY_CONTROL',
    });
    const arn = (path: string) => ({
      'Fn::Join': [
        '',
        ['arn:', { Ref: 'AWS::Partition' }, ':securityhub:', { Ref: 'AWS::Region' }, `::${path}`],
      ],
    });
    t.hasResourceProperties('AWS::SecurityHub::Standard', {
      StandardsArn: arn('standards/aws-foundational-security-best-practices/v/1.0.0'),
    });
    t.hasResourceProperties('AWS::SecurityHub::Standard', {
      StandardsArn: arn('standards/cis-aws-foundations-benchmark/v/5.0.0'),
    });
    for (const std of Object.values(t.findResources('AWS::SecurityHub::Standard') as Resources)) {
      expect(std.DependsOn).toEqual([expect.stringMatching(/^PostureSecurityHub/)]);
    }
  });

  test('GuardDuty with every protection plan, Runtime Monitoring agents managed', () => {
    const { t } = build();
    const detector = Object.values(t.findResources('AWS::GuardDuty::Detector') as Resources)[0]!.Properties;
    expect(detector.Enable).toBe(true);
    const features = detector.Features as {
      Name: string;
      Status: string;
      AdditionalConfiguration?: unknown[];
    }[];
    expect(features.map((f) => f.Name).sort()).toEqual(
      [
        'EBS_MALWARE_PROTECTION',
        'EKS_AUDIT_LOGS',
        'LAMBDA_NETWORK_LOGS',
        'RDS_LOGIN_EVENTS',
        'RUNTIME_MONITORING',
        'S3_DATA_EVENTS',
      ].sort(),
    );
    expect(features.every((f) => f.Status === 'ENABLED')).toBe(true);
    expect(features.find((f) => f.Name === 'RUNTIME_MONITORING')!.AdditionalConfiguration).toEqual([
      { Name: 'EKS_ADDON_MANAGEMENT', Status: 'ENABLED' },
      { Name: 'ECS_FARGATE_AGENT_MANAGEMENT', Status: 'ENABLED' },
      { Name: 'EC2_AGENT_MANAGEMENT', Status: 'ENABLED' },
    ]);
  });

  test('IAM Access Analyzer for the account', () => {
    build().t.hasResourceProperties('AWS::AccessAnalyzer::Analyzer', { Type: 'ACCOUNT' });
  });

  test('Inspector is enabled through inspector2:Enable, for EC2, ECR and Lambda', () => {
    const { t } = build();
    const custom = Object.values(t.findResources('Custom::AWS') as Resources);
    expect(custom).toHaveLength(1);
    const create = JSON.stringify(custom[0]!.Properties.Create);
    expect(create).toContain('inspector2');
    expect(create).toContain('Enable');
    for (const type of ['EC2', 'ECR', 'LAMBDA']) expect(create).toContain(`\\"${type}\\"`);
    const policy = JSON.stringify(t.findResources('AWS::IAM::Policy'));
    expect(policy).toContain('inspector2:Enable');
  });

  test('ECR scans every repository on push and continuously (enhanced scanning)', () => {
    const { t } = build();
    t.hasResourceProperties('AWS::ECR::RegistryScanningConfiguration', {
      ScanType: 'ENHANCED',
      Rules: [
        { ScanFrequency: 'CONTINUOUS_SCAN', RepositoryFilters: [{ Filter: '*', FilterType: 'WILDCARD' }] },
      ],
    });
  });

  test('the engine finds nothing mandatory; composed with the audit sink and backups, what it reports is explained', () => {
    const verdict = evaluateStack('Posture', (s) => {
      const posture = new SecurityPosture(s, 'Posture');
      const routing = new IncidentRouting(s, 'Incidents');
      const audit = new AuditLogSink(s, 'Audit', { alarmTopics: routing.topics });
      audit.logAccessOf(posture.configBucket);
      audit.auditStore(posture.configBucket, Classification.CONFIDENTIAL);
      new ClassifiedBackup(s, 'Backup', { classification: Classification.CONFIDENTIAL });
    });
    expect(verdict.checked).toBeGreaterThan(0);
    expect(verdict.gating).toEqual([]);
    expect(unexplained(verdict.findings, POSTURE_KNOWN_FINDINGS)).toEqual([]);
  });
});
