import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { ClassifiedTopic } from '../../../lib/aws/stores';
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

function topic(level: Classification, extra: Partial<ConstructorParameters<typeof ClassifiedTopic>[2]> = {}) {
  const s = stack();
  const c = new ClassifiedTopic(s, 'Topic', { classification: level, allowedVpcEndpoints: VPCE, ...extra });
  return { s, c, t: Template.fromStack(s) };
}

/** The table's cells for topics, one row a level (SNS encrypts only with KMS: PUBLIC gets `aws/sns`). */
const CELLS = {
  [Classification.PUBLIC]: {
    rotation: undefined,
    retain: false,
    tag: 'public',
    clearance: undefined,
    mfa: false,
  },
  [Classification.INTERNAL]: {
    rotation: undefined,
    retain: true,
    tag: 'internal',
    clearance: undefined,
    mfa: false,
  },
  [Classification.CONFIDENTIAL]: {
    rotation: 365,
    retain: true,
    tag: 'confidential',
    clearance: undefined,
    mfa: false,
  },
  [Classification.RESTRICTED]: {
    rotation: 180,
    retain: true,
    tag: 'restricted',
    clearance: ['restricted', 'top-secret'],
    mfa: false,
  },
  [Classification.TOP_SECRET]: {
    rotation: 90,
    retain: true,
    tag: 'top-secret',
    clearance: ['top-secret'],
    mfa: true,
  },
} as const;

const AWS_SNS_ALIAS = {
  'Fn::Join': [
    '',
    [
      'arn:',
      { Ref: 'AWS::Partition' },
      ':kms:',
      { Ref: 'AWS::Region' },
      ':',
      { Ref: 'AWS::AccountId' },
      ':alias/aws/sns',
    ],
  ],
};

describe('ClassifiedTopic', () => {
  describe.each(ALL_LEVELS)('%s', (level) => {
    const cell = CELLS[level];

    test('encryption, retain and tag', () => {
      const { s, c, t } = topic(level);
      const r = only(t, 'AWS::SNS::Topic');
      if (cell.rotation === undefined) {
        expect(r.Properties.KmsMasterKeyId).toEqual(AWS_SNS_ALIAS);
        t.resourceCountIs('AWS::KMS::Key', 0);
      } else {
        const keyId = s.getLogicalId(c.encryptionKey.node.defaultChild as kms.CfnKey);
        expect(r.Properties.KmsMasterKeyId).toEqual({ 'Fn::GetAtt': [keyId, 'Arn'] });
        expect(t.toJSON().Resources[keyId].Properties).toMatchObject({
          EnableKeyRotation: true,
          RotationPeriodInDays: cell.rotation,
        });
      }
      expect(r.DeletionPolicy).toBe(cell.retain ? 'Retain' : 'Delete');
      expect(r.Properties.Tags).toEqual([{ Key: 'data-classification', Value: cell.tag }]);
    });

    test('topic policy: TLS only; clearance, VPC endpoints and MFA by level', () => {
      const { t } = topic(level);
      const doc = only(t, 'AWS::SNS::TopicPolicy').Properties.PolicyDocument;
      const tls = statements(doc).filter(
        (s) => JSON.stringify(s.Condition) === '{"Bool":{"aws:SecureTransport":"false"}}',
      );
      expect(tls.flatMap((s) => [s.Action].flat()).sort()).toEqual(['sns:Publish', 'sns:Subscribe']);
      const clearance = statement(doc, 'DenyWithoutClearance');
      if (!cell.clearance) {
        expect(clearance).toBeUndefined();
        return;
      }
      expect(clearance!.Condition).toMatchObject({
        StringNotEquals: { 'aws:PrincipalTag/clearance': cell.clearance },
      });
      expect(clearance!.Action).toEqual(['sns:Publish', 'sns:Subscribe']);
      expect(statement(doc, 'DenyOutsideVpcEndpoints')!.Condition).toMatchObject({
        StringNotEqualsIfExists: { 'aws:SourceVpce': VPCE },
      });
      expect(statement(doc, 'DenyHumansWithoutMfa') !== undefined).toBe(cell.mfa);
    });

    test('the engine finds no gating result and nothing open', () => {
      const run = evaluate((s) => {
        new ClassifiedTopic(s, 'Topic', { classification: level, allowedVpcEndpoints: VPCE });
        new ClassifiedTopic(s, 'Alarms', {
          classification: level,
          allowedVpcEndpoints: VPCE,
          servicePublishers: ['cloudwatch.amazonaws.com'],
        });
      }, 'Topic');
      expect(run.viewErrors).toEqual([]);
      expect(run.results.length).toBeGreaterThan(0);
      expect(show(run.gating)).toEqual([]);
      expect(show(openOnStore(run))).toEqual([]);
    });
  });

  test('service publishers: a customer key below CONFIDENTIAL, admitted by topic and key policy for this account', () => {
    const { t } = topic(Classification.INTERNAL, { servicePublishers: ['events.amazonaws.com'] });
    const key = only(t, 'AWS::KMS::Key');
    expect(key.Properties).toMatchObject({ EnableKeyRotation: true, RotationPeriodInDays: 365 });
    const sourceAccount = { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } };
    expect(statements(key.Properties.KeyPolicy)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Principal: { Service: 'events.amazonaws.com' },
          Action: ['kms:GenerateDataKey*', 'kms:Decrypt'],
          Condition: sourceAccount,
        }),
      ]),
    );
    expect(statements(only(t, 'AWS::SNS::TopicPolicy').Properties.PolicyDocument)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Effect: 'Allow',
          Principal: { Service: 'events.amazonaws.com' },
          Action: 'sns:Publish',
          Condition: sourceAccount,
        }),
      ]),
    );
  });

  test('grants go through the topic and the customer key', () => {
    const s = stack();
    const role = new iam.Role(s, 'App', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    new ClassifiedTopic(s, 'Topic', { classification: Classification.CONFIDENTIAL }).grantPublish(role);
    const text = JSON.stringify(only(Template.fromStack(s), 'AWS::IAM::Policy').Properties.PolicyDocument);
    expect(text).toContain('sns:Publish');
    expect(text).toContain('kms:GenerateDataKey*');
  });

  describe('validation', () => {
    test('TOP_SECRET with a given key names both props', () => {
      const s = stack();
      expect(
        () =>
          new ClassifiedTopic(s, 'Topic', {
            classification: Classification.TOP_SECRET,
            allowedVpcEndpoints: VPCE,
            encryptionKey: new kms.Key(s, 'K'),
          }),
      ).toThrow(
        /`classification` TOP_SECRET requires a customer-managed key dedicated.*remove `encryptionKey`/,
      );
    });

    test('service publishers must be service principals', () => {
      expect(
        () =>
          new ClassifiedTopic(stack(), 'Topic', {
            classification: Classification.INTERNAL,
            servicePublishers: ['arn:aws:iam::123456789012:root'],
          }),
      ).toThrow(/`servicePublishers` takes service principals.*BULWARK_SERVICE_PRINCIPAL/);
    });
  });
});
