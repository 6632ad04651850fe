import { Template } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { ClassifiedTable } from '../../../lib/aws/stores';
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
const PK = { name: 'pk', type: dynamodb.AttributeType.STRING };

function table(level: Classification, extra: Partial<ConstructorParameters<typeof ClassifiedTable>[2]> = {}) {
  const s = stack();
  const c = new ClassifiedTable(s, 'Table', {
    classification: level,
    partitionKey: PK,
    allowedVpcEndpoints: VPCE,
    ...extra,
  });
  return { s, c, t: Template.fromStack(s) };
}

/** The table's cells for DynamoDB tables, one row a level. */
const CELLS = {
  [Classification.PUBLIC]: {
    sse: { SSEEnabled: false },
    rotation: undefined,
    pitr: undefined,
    ttl: false,
    protect: false,
    tag: 'public',
    clearance: undefined,
    mfa: false,
  },
  [Classification.INTERNAL]: {
    sse: { SSEEnabled: true },
    rotation: undefined,
    pitr: 35,
    ttl: true,
    protect: true,
    tag: 'internal',
    clearance: undefined,
    mfa: false,
  },
  [Classification.CONFIDENTIAL]: {
    sse: { SSEEnabled: true, SSEType: 'KMS' },
    rotation: 365,
    pitr: 35,
    ttl: true,
    protect: true,
    tag: 'confidential',
    clearance: undefined,
    mfa: false,
  },
  [Classification.RESTRICTED]: {
    sse: { SSEEnabled: true, SSEType: 'KMS' },
    rotation: 180,
    pitr: 35,
    ttl: true,
    protect: true,
    tag: 'restricted',
    clearance: ['restricted', 'top-secret'],
    mfa: false,
  },
  [Classification.TOP_SECRET]: {
    sse: { SSEEnabled: true, SSEType: 'KMS' },
    rotation: 90,
    pitr: 30,
    ttl: true,
    protect: true,
    tag: 'top-secret',
    clearance: ['top-secret'],
    mfa: true,
  },
} as const;

/**
 * What stays open on a table that is correct by the table of levels: the engine cannot read a TTL
 * period (items expire at times the application writes), and BW-DP-021 asks deletion protection of
 * PUBLIC tables, which the table of levels does not.
 */
describe('ClassifiedTable', () => {
  describe.each(ALL_LEVELS)('%s', (level) => {
    const cell = CELLS[level];

    test('encryption at rest and key rotation', () => {
      const { t } = table(level);
      const sse = only(t, 'AWS::DynamoDB::Table').Properties.SSESpecification as Record<string, unknown>;
      expect(sse).toMatchObject(cell.sse);
      if (cell.rotation === undefined) {
        t.resourceCountIs('AWS::KMS::Key', 0);
        expect(sse.KMSMasterKeyId).toBeUndefined();
      } else {
        const key = only(t, 'AWS::KMS::Key');
        expect(key.Properties).toMatchObject({
          EnableKeyRotation: true,
          RotationPeriodInDays: cell.rotation,
        });
        expect(sse.KMSMasterKeyId).toEqual({
          'Fn::GetAtt': [Object.keys(t.findResources('AWS::KMS::Key'))[0], 'Arn'],
        });
      }
    });

    test('point-in-time recovery never outliving the data, deletion protection, retain, tag', () => {
      const { t } = table(level);
      const r = only(t, 'AWS::DynamoDB::Table');
      expect(r.Properties.PointInTimeRecoverySpecification).toEqual(
        cell.pitr === undefined
          ? undefined
          : { PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: cell.pitr },
      );
      expect(r.Properties.DeletionProtectionEnabled).toBe(cell.protect);
      expect(r.DeletionPolicy).toBe(cell.protect ? 'Retain' : 'Delete');
      expect(r.Properties.Tags).toEqual([{ Key: 'data-classification', Value: cell.tag }]);
    });

    test('data expiry by the TTL attribute where the level sets a retention', () => {
      const { t } = table(level);
      expect(only(t, 'AWS::DynamoDB::Table').Properties.TimeToLiveSpecification).toEqual(
        cell.ttl ? { AttributeName: 'expiresAt', Enabled: true } : undefined,
      );
    });

    test('resource policy: TLS only; clearance, VPC endpoints and MFA by level', () => {
      const { t } = table(level);
      const doc = (only(t, 'AWS::DynamoDB::Table').Properties.ResourcePolicy as { PolicyDocument: unknown })
        .PolicyDocument;
      expect(statement(doc, 'DenyInsecureTransport')).toMatchObject({
        Effect: 'Deny',
        Action: 'dynamodb:*',
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      });
      const clearance = statement(doc, 'DenyWithoutClearance');
      if (!cell.clearance) {
        expect(statements(doc)).toHaveLength(1);
        return;
      }
      expect(clearance!.Condition).toMatchObject({
        StringNotEquals: { 'aws:PrincipalTag/clearance': cell.clearance },
      });
      expect(clearance!.Action).toEqual(
        expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query']),
      );
      expect(JSON.stringify(clearance!.Action)).not.toMatch(/DeleteTable|dynamodb:\*|CreateBackup/);
      expect(statement(doc, 'DenyOutsideVpcEndpoints')!.Condition).toMatchObject({
        StringNotEqualsIfExists: { 'aws:SourceVpce': VPCE },
      });
      expect(statement(doc, 'DenyHumansWithoutMfa') !== undefined).toBe(cell.mfa);
      expect(
        statement(only(t, 'AWS::KMS::Key').Properties.KeyPolicy, 'DenyKeyUseWithoutClearance'),
      ).toBeDefined();
    });

    test('the engine finds no gating result; open: only what it cannot read or the table does not ask', () => {
      const run = evaluate((s) => {
        new ClassifiedTable(s, 'Table', {
          classification: level,
          partitionKey: PK,
          allowedVpcEndpoints: VPCE,
        });
      }, 'Table');
      expect(run.viewErrors).toEqual([]);
      expect(run.results.length).toBeGreaterThan(0);
      expect(show(run.gating)).toEqual([]);
      expect(show(openOnStore(run))).toEqual([]);
    });
  });

  test('a custom TTL attribute', () => {
    const { t } = table(Classification.CONFIDENTIAL, { timeToLiveAttribute: 'ttl' });
    t.hasResourceProperties('AWS::DynamoDB::Table', {
      TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
    });
  });

  test('CONFIDENTIAL accepts a shared key', () => {
    const s = stack();
    const shared = new kms.Key(s, 'Shared', { enableKeyRotation: true });
    new ClassifiedTable(s, 'Table', {
      classification: Classification.CONFIDENTIAL,
      partitionKey: PK,
      encryptionKey: shared,
    });
    const t = Template.fromStack(s);
    t.resourceCountIs('AWS::KMS::Key', 1);
    t.hasResourceProperties('AWS::DynamoDB::Table', {
      SSESpecification: {
        KMSMasterKeyId: { 'Fn::GetAtt': [s.getLogicalId(shared.node.defaultChild as kms.CfnKey), 'Arn'] },
      },
    });
  });

  test('grants go to the principal for the table, its indexes and the key', () => {
    const s = stack();
    const role = new iam.Role(s, 'App', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    const c = new ClassifiedTable(s, 'Table', {
      classification: Classification.CONFIDENTIAL,
      partitionKey: PK,
    });
    c.grantReadWriteData(role);
    const doc = only(Template.fromStack(s), 'AWS::IAM::Policy').Properties.PolicyDocument;
    const text = JSON.stringify(doc);
    expect(text).toContain('dynamodb:GetItem');
    expect(text).toContain('dynamodb:PutItem');
    expect(text).toContain('/index/*');
    expect(text).toContain('kms:Decrypt');
    expect(c.dataRetentionDays).toBe(365);
  });

  describe('validation', () => {
    test('TOP_SECRET with a given key names both props', () => {
      const s = stack();
      expect(
        () =>
          new ClassifiedTable(s, 'Table', {
            classification: Classification.TOP_SECRET,
            partitionKey: PK,
            allowedVpcEndpoints: VPCE,
            encryptionKey: new kms.Key(s, 'K'),
          }),
      ).toThrow(
        /`classification` TOP_SECRET requires a customer-managed key dedicated.*remove `encryptionKey`.*BULWARK_DEDICATED_KEY/,
      );
    });

    test('RESTRICTED without VPC endpoints', () => {
      expect(
        () =>
          new ClassifiedTable(stack(), 'Table', {
            classification: Classification.RESTRICTED,
            partitionKey: PK,
          }),
      ).toThrow(/`classification` RESTRICTED.*`allowedVpcEndpoints`.*BULWARK_VPC_ENDPOINTS_REQUIRED/);
    });
  });
});
