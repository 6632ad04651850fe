import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { ClassifiedObjectStore } from '../../../lib/aws/stores';
import {
  ALL_LEVELS,
  Classification,
  evaluate,
  only,
  openOnStore,
  show,
  stack,
  statement,
  statements,
} from './support';

const VPCE = ['vpce-0a1b2c3d4e5f60718'];

function store(
  level: Classification,
  extra: Partial<ConstructorParameters<typeof ClassifiedObjectStore>[2]> = {},
) {
  const s = stack();
  const c = new ClassifiedObjectStore(s, 'Store', {
    classification: level,
    allowedVpcEndpoints: VPCE,
    accessLogsBucket: s3.Bucket.fromBucketName(s, 'AccessLogs', 'access-logs'),
    ...extra,
  });
  return { s, c, t: Template.fromStack(s) };
}

/** The table's cells for object stores, one row a level. */
const CELLS = {
  [Classification.PUBLIC]: {
    bucketKey: false,
    sse: 'AES256',
    key: 'none',
    rotation: undefined,
    tls: 1.2,
    expiry: undefined,
    noncurrent: undefined,
    versioned: false,
    retain: false,
    tag: 'public',
    clearance: undefined,
    mfa: false,
  },
  [Classification.INTERNAL]: {
    bucketKey: true,
    sse: 'aws:kms',
    key: 'aws-managed',
    rotation: undefined,
    tls: 1.2,
    expiry: 730,
    noncurrent: 35,
    versioned: true,
    retain: true,
    tag: 'internal',
    clearance: undefined,
    mfa: false,
  },
  [Classification.CONFIDENTIAL]: {
    bucketKey: true,
    sse: 'aws:kms',
    key: 'customer',
    rotation: 365,
    tls: 1.2,
    expiry: 365,
    noncurrent: 35,
    versioned: true,
    retain: true,
    tag: 'confidential',
    clearance: undefined,
    mfa: false,
  },
  [Classification.RESTRICTED]: {
    bucketKey: false,
    sse: 'aws:kms',
    key: 'customer',
    rotation: 180,
    tls: 1.3,
    expiry: 180,
    noncurrent: 35,
    versioned: true,
    retain: true,
    tag: 'restricted',
    clearance: ['restricted', 'top-secret'],
    mfa: false,
  },
  [Classification.TOP_SECRET]: {
    bucketKey: false,
    sse: 'aws:kms:dsse',
    key: 'customer',
    rotation: 90,
    tls: 1.3,
    expiry: 30,
    noncurrent: 30,
    versioned: true,
    retain: true,
    tag: 'top-secret',
    clearance: ['top-secret'],
    mfa: true,
  },
} as const;

describe('ClassifiedObjectStore', () => {
  describe.each(ALL_LEVELS)('%s', (level) => {
    const cell = CELLS[level];

    test('encryption at rest and key rotation', () => {
      const { t } = store(level);
      const bucket = only(t, 'AWS::S3::Bucket');
      const rule = (
        bucket.Properties.BucketEncryption as {
          ServerSideEncryptionConfiguration: Record<string, Record<string, unknown>>[];
        }
      ).ServerSideEncryptionConfiguration[0]!;
      expect(rule.ServerSideEncryptionByDefault!.SSEAlgorithm).toBe(cell.sse);
      if (cell.key === 'customer') {
        const key = only(t, 'AWS::KMS::Key');
        expect(key.Properties).toMatchObject({
          EnableKeyRotation: true,
          RotationPeriodInDays: cell.rotation,
        });
        expect(rule.ServerSideEncryptionByDefault!.KMSMasterKeyID).toEqual({
          'Fn::GetAtt': [Object.keys(t.findResources('AWS::KMS::Key'))[0], 'Arn'],
        });
      } else {
        t.resourceCountIs('AWS::KMS::Key', 0);
        expect(rule.ServerSideEncryptionByDefault!.KMSMasterKeyID).toBeUndefined();
      }
      // DSSE-KMS has no bucket keys; from RESTRICTED up every request reaches the key policy.
      expect(rule.BucketKeyEnabled ?? false).toBe(cell.bucketKey);
    });

    test('in transit: TLS only, minimum version by level', () => {
      const { t } = store(level);
      const doc = only(t, 'AWS::S3::BucketPolicy').Properties.PolicyDocument;
      expect(statements(doc)).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            Effect: 'Deny',
            Action: 's3:*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
          expect.objectContaining({
            Effect: 'Deny',
            Action: 's3:*',
            Condition: { NumericLessThan: { 's3:TlsVersion': cell.tls } },
          }),
        ]),
      );
    });

    test('public access blocked, ACLs disabled', () => {
      const { t } = store(level);
      t.hasResourceProperties('AWS::S3::Bucket', {
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      });
    });

    test('data retention, versioning and noncurrent versions never outliving the data', () => {
      const { t } = store(level);
      const props = only(t, 'AWS::S3::Bucket').Properties;
      const rule = (props.LifecycleConfiguration as { Rules: Record<string, unknown>[] }).Rules[0]!;
      expect(rule.Status).toBe('Enabled');
      expect(rule.ExpirationInDays).toBe(cell.expiry);
      expect(
        (rule.NoncurrentVersionExpiration as { NoncurrentDays: number } | undefined)?.NoncurrentDays,
      ).toBe(cell.noncurrent);
      if (cell.expiry !== undefined) expect(cell.noncurrent!).toBeLessThanOrEqual(cell.expiry);
      expect(props.VersioningConfiguration).toEqual(cell.versioned ? { Status: 'Enabled' } : undefined);
    });

    test('retained on stack deletion where deletion protection applies; tagged', () => {
      const { t } = store(level);
      const bucket = only(t, 'AWS::S3::Bucket');
      expect(bucket.DeletionPolicy).toBe(cell.retain ? 'Retain' : 'Delete');
      expect(bucket.Properties.Tags).toEqual(
        expect.arrayContaining([{ Key: 'data-classification', Value: cell.tag }]),
      );
      for (const key of Object.values(t.findResources('AWS::KMS::Key'))) {
        expect(key.DeletionPolicy).toBe('Retain');
        expect(key.Properties.Tags).toEqual([{ Key: 'data-classification', Value: cell.tag }]);
      }
    });

    test('access model: clearance tag, VPC endpoints and MFA on the data plane only', () => {
      const { t } = store(level);
      const doc = only(t, 'AWS::S3::BucketPolicy').Properties.PolicyDocument;
      const clearance = statement(doc, 'DenyWithoutClearance');
      const network = statement(doc, 'DenyOutsideVpcEndpoints');
      const mfa = statement(doc, 'DenyHumansWithoutMfa');
      if (!cell.clearance) {
        expect([clearance, network, mfa]).toEqual([undefined, undefined, undefined]);
        return;
      }
      for (const s of [clearance, network, mfa].filter(Boolean)) {
        expect(s!.Effect).toBe('Deny');
        expect(s!.Action).toEqual(
          expect.arrayContaining(['s3:GetObject*', 's3:PutObject*', 's3:DeleteObject*', 's3:ListBucket*']),
        );
        expect(JSON.stringify(s!.Action)).not.toMatch(/PutBucketPolicy|s3:\*|DeleteBucket"/);
      }
      expect(clearance!.Condition).toMatchObject({
        StringNotEquals: { 'aws:PrincipalTag/clearance': cell.clearance },
        Bool: { 'aws:PrincipalIsAWSService': 'false' },
      });
      expect(network!.Condition).toMatchObject({
        StringNotEqualsIfExists: { 'aws:SourceVpce': VPCE },
        BoolIfExists: { 'aws:PrincipalIsAWSService': 'false', 'aws:ViaAWSService': 'false' },
      });
      if (cell.mfa) {
        expect(mfa!.Condition).toMatchObject({
          BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false', 'aws:PrincipalIsAWSService': 'false' },
        });
      } else expect(mfa).toBeUndefined();
      // The key admits only cleared principals to its material; the account keeps administering it.
      const policy = only(t, 'AWS::KMS::Key').Properties.KeyPolicy;
      expect(statement(policy, 'DenyKeyUseWithoutClearance')).toMatchObject({
        Effect: 'Deny',
        Action: expect.arrayContaining(['kms:Decrypt', 'kms:GenerateDataKey*']),
        Condition: { StringNotEquals: { 'aws:PrincipalTag/clearance': cell.clearance } },
      });
      expect(JSON.stringify(statement(policy, 'DenyKeyUseWithoutClearance')!.Action)).not.toMatch(
        /PutKeyPolicy|ScheduleKeyDeletion|kms:\*/,
      );
      expect(statements(policy)).toEqual(
        expect.arrayContaining([expect.objectContaining({ Effect: 'Allow', Action: 'kms:*' })]),
      );
    });

    test('the engine finds no gating result and nothing open', () => {
      const run = evaluate((s) => {
        const accessLogs = new s3.Bucket(s, 'AccessLogs', { enforceSSL: true });
        new ClassifiedObjectStore(s, 'Store', {
          classification: level,
          allowedVpcEndpoints: VPCE,
          accessLogsBucket: accessLogs,
        });
      }, 'Store');
      expect(run.viewErrors).toEqual([]);
      expect(run.results.length).toBeGreaterThan(0);
      expect(show(run.gating)).toEqual([]);
      expect(show(openOnStore(run))).toEqual([]);
    });
  });

  test('CONFIDENTIAL accepts a shared customer key and creates none', () => {
    const s = stack();
    const shared = new kms.Key(s, 'Shared', { enableKeyRotation: true });
    new ClassifiedObjectStore(s, 'Store', {
      classification: Classification.CONFIDENTIAL,
      encryptionKey: shared,
    });
    const t = Template.fromStack(s);
    t.resourceCountIs('AWS::KMS::Key', 1);
    t.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          {
            ServerSideEncryptionByDefault: {
              SSEAlgorithm: 'aws:kms',
              KMSMasterKeyID: {
                'Fn::GetAtt': [s.getLogicalId(shared.node.defaultChild as kms.CfnKey), 'Arn'],
              },
            },
          },
        ],
      },
    });
  });

  test('PUBLIC with publicRead: objects readable by anyone, opt-out recorded and reported as suppressed', () => {
    const { t } = store(Classification.PUBLIC, { publicRead: { reason: 'static website assets' } });
    t.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        IgnorePublicAcls: true,
        BlockPublicPolicy: false,
        RestrictPublicBuckets: false,
      },
    });
    const doc = only(t, 'AWS::S3::BucketPolicy').Properties.PolicyDocument;
    expect(statement(doc, 'PublicRead')).toMatchObject({
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: 's3:GetObject',
    });

    const run = evaluate((s) => {
      new ClassifiedObjectStore(s, 'Site', {
        classification: Classification.PUBLIC,
        publicRead: { reason: 'static website assets' },
        accessLogsBucket: new s3.Bucket(s, 'AccessLogs', { enforceSSL: true }),
      });
    }, 'Site');
    expect(show(run.gating)).toEqual([]);
    expect(show(openOnStore(run))).toEqual([]);
    const suppressed = run.results.filter((r) => r.suppression);
    expect(suppressed.map((r) => r.rule.id)).toEqual(['BW-DP-008']);
    expect(suppressed[0]!.suppression!.suppression.reason).toMatch(/static website assets.*publicRead/);
  });

  test('server access logs go to the given bucket under the construct prefix', () => {
    const s = stack();
    const logs = new s3.Bucket(s, 'AccessLogs', { enforceSSL: true });
    new ClassifiedObjectStore(s, 'Store', {
      classification: Classification.INTERNAL,
      accessLogsBucket: logs,
    });
    Template.fromStack(s).hasResourceProperties('AWS::S3::Bucket', {
      LoggingConfiguration: {
        DestinationBucketName: { Ref: s.getLogicalId(logs.node.defaultChild as s3.CfnBucket) },
        LogFilePrefix: Match.stringLikeRegexp('^SStore[0-9A-F]{8}/$'),
      },
    });
  });

  test('below RESTRICTED without an access logs bucket: none is written, none created, the engine says so', () => {
    const s = stack();
    new ClassifiedObjectStore(s, 'Store', { classification: Classification.CONFIDENTIAL });
    const t = Template.fromStack(s);
    t.resourceCountIs('AWS::S3::Bucket', 1);
    expect(only(t, 'AWS::S3::Bucket').Properties.LoggingConfiguration).toBeUndefined();
    const run = evaluate((st) => {
      new ClassifiedObjectStore(st, 'Store', { classification: Classification.CONFIDENTIAL });
    }, 'Store');
    expect(show(run.gating)).toEqual([]);
    expect(show(openOnStore(run))).toEqual(['BW-LT-008: `Store/Bucket` records no server access logs']);
  });

  test('grants go through the bucket and the key', () => {
    const s = stack();
    const role = new iam.Role(s, 'Reader', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    const c = new ClassifiedObjectStore(s, 'Store', { classification: Classification.CONFIDENTIAL });
    c.grantRead(role);
    c.grantWrite(role);
    const doc = only(Template.fromStack(s), 'AWS::IAM::Policy').Properties.PolicyDocument;
    const actions = statements(doc).flatMap((st) => [st.Action].flat());
    expect(actions).toEqual(
      expect.arrayContaining(['s3:GetObject*', 's3:PutObject', 'kms:Decrypt', 'kms:GenerateDataKey*']),
    );
  });

  test('TOP_SECRET workload roles are exempt from MFA only', () => {
    const s = stack();
    const role = new iam.Role(s, 'Worker', {
      assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com'),
    });
    new ClassifiedObjectStore(s, 'Store', {
      classification: Classification.TOP_SECRET,
      allowedVpcEndpoints: VPCE,
      accessLogsBucket: s3.Bucket.fromBucketName(s, 'AccessLogs', 'access-logs'),
      workloadRoles: [role],
    });
    const doc = only(Template.fromStack(s), 'AWS::S3::BucketPolicy').Properties.PolicyDocument;
    const arn = { 'Fn::GetAtt': [s.getLogicalId(role.node.defaultChild as iam.CfnRole), 'Arn'] };
    expect(statement(doc, 'DenyHumansWithoutMfa')!.Condition).toMatchObject({
      ArnNotLike: { 'aws:PrincipalArn': [arn] },
    });
    expect(JSON.stringify(statement(doc, 'DenyOutsideVpcEndpoints'))).not.toContain('ArnNotLike');
  });

  describe('validation', () => {
    test('RESTRICTED with a given key names both props', () => {
      const s = stack();
      const shared = new kms.Key(s, 'Shared');
      expect(
        () =>
          new ClassifiedObjectStore(s, 'Store', {
            classification: Classification.RESTRICTED,
            allowedVpcEndpoints: VPCE,
            accessLogsBucket: s3.Bucket.fromBucketName(s, 'AccessLogs', 'access-logs'),
            encryptionKey: shared,
          }),
      ).toThrow(
        /^S\/Store: `classification` RESTRICTED requires a customer-managed key dedicated to the store.*remove `encryptionKey`.*\[BULWARK_DEDICATED_KEY\]/,
      );
    });

    test('RESTRICTED without VPC endpoints', () => {
      expect(
        () => new ClassifiedObjectStore(stack(), 'Store', { classification: Classification.RESTRICTED }),
      ).toThrow(
        /`classification` RESTRICTED admits access only through VPC endpoints: set `allowedVpcEndpoints`.*\[BULWARK_VPC_ENDPOINTS_REQUIRED\]/,
      );
    });

    test('publicRead above PUBLIC', () => {
      expect(
        () =>
          new ClassifiedObjectStore(stack(), 'Store', {
            classification: Classification.INTERNAL,
            publicRead: { reason: 'static website assets' },
          }),
      ).toThrow(
        /`classification` INTERNAL blocks public access: remove `publicRead`.*\[BULWARK_PUBLIC_READ_LEVEL\]/,
      );
    });

    test('publicRead with a KMS key', () => {
      const s = stack();
      expect(
        () =>
          new ClassifiedObjectStore(s, 'Store', {
            classification: Classification.PUBLIC,
            publicRead: { reason: 'static website assets' },
            encryptionKey: new kms.Key(s, 'K'),
          }),
      ).toThrow(/`publicRead`.*remove `encryptionKey`.*\[BULWARK_PUBLIC_READ_KMS\]/);
    });

    test('publicRead needs a real reason', () => {
      expect(
        () =>
          new ClassifiedObjectStore(stack(), 'Store', {
            classification: Classification.PUBLIC,
            publicRead: { reason: 'why' },
          }),
      ).toThrow(/BULWARK_OPT_OUT_REASON/);
    });

    test('every problem is reported in one error', () => {
      const s = stack();
      expect(
        () =>
          new ClassifiedObjectStore(s, 'Store', {
            classification: Classification.TOP_SECRET,
            encryptionKey: new kms.Key(s, 'K'),
            publicRead: { reason: 'static website assets' },
          }),
      ).toThrow(
        /5 problems:[\s\S]*BULWARK_DEDICATED_KEY[\s\S]*BULWARK_VPC_ENDPOINTS_REQUIRED[\s\S]*BULWARK_ACCESS_LOGS_REQUIRED[\s\S]*BULWARK_PUBLIC_READ_LEVEL[\s\S]*BULWARK_PUBLIC_READ_KMS/,
      );
    });
  });
});
