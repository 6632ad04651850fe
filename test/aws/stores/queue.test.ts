import { Duration } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { ClassifiedQueue } from '../../../lib/aws/stores';
import {
  ALL_LEVELS,
  Classification,
  evaluate,
  openOnStore,
  show,
  stack,
  statement,
  type Resources,
} from './support';

const VPCE = ['vpce-0a1b2c3d4e5f60718'];
const FOURTEEN_DAYS = 1_209_600;

function queue(level: Classification, extra: Partial<ConstructorParameters<typeof ClassifiedQueue>[2]> = {}) {
  const s = stack();
  const c = new ClassifiedQueue(s, 'Queue', { classification: level, allowedVpcEndpoints: VPCE, ...extra });
  return { s, c, t: Template.fromStack(s) };
}

/** The table's cells for queues, one row a level (SQS keeps messages at most 14 days). */
const CELLS = {
  [Classification.PUBLIC]: {
    sse: 'sqs',
    rotation: undefined,
    retain: false,
    tag: 'public',
    clearance: undefined,
    mfa: false,
  },
  [Classification.INTERNAL]: {
    sse: 'alias/aws/sqs',
    rotation: undefined,
    retain: true,
    tag: 'internal',
    clearance: undefined,
    mfa: false,
  },
  [Classification.CONFIDENTIAL]: {
    sse: 'customer',
    rotation: 365,
    retain: true,
    tag: 'confidential',
    clearance: undefined,
    mfa: false,
  },
  [Classification.RESTRICTED]: {
    sse: 'customer',
    rotation: 180,
    retain: true,
    tag: 'restricted',
    clearance: ['restricted', 'top-secret'],
    mfa: false,
  },
  [Classification.TOP_SECRET]: {
    sse: 'customer',
    rotation: 90,
    retain: true,
    tag: 'top-secret',
    clearance: ['top-secret'],
    mfa: true,
  },
} as const;

describe('ClassifiedQueue', () => {
  describe.each(ALL_LEVELS)('%s', (level) => {
    const cell = CELLS[level];

    test('encryption, retention, retain and tag on the queue and its dead-letter queue', () => {
      const { s, c, t } = queue(level, { deadLetterQueue: { maxReceiveCount: 5 } });
      const queues = Object.values(t.findResources('AWS::SQS::Queue') as Resources);
      expect(queues).toHaveLength(2);
      for (const q of queues) {
        if (cell.sse === 'sqs') {
          expect(q.Properties.SqsManagedSseEnabled).toBe(true);
          expect(q.Properties.KmsMasterKeyId).toBeUndefined();
        } else if (cell.sse === 'alias/aws/sqs') {
          expect(q.Properties.KmsMasterKeyId).toBe('alias/aws/sqs');
        } else {
          const keyId = s.getLogicalId(c.encryptionKey!.node.defaultChild as kms.CfnKey);
          expect(q.Properties.KmsMasterKeyId).toEqual({ 'Fn::GetAtt': [keyId, 'Arn'] });
          expect(t.toJSON().Resources[keyId].Properties).toMatchObject({
            EnableKeyRotation: true,
            RotationPeriodInDays: cell.rotation,
          });
        }
        expect(q.Properties.MessageRetentionPeriod).toBe(FOURTEEN_DAYS);
        expect(q.DeletionPolicy).toBe(cell.retain ? 'Retain' : 'Delete');
        expect(q.Properties.Tags).toEqual([{ Key: 'data-classification', Value: cell.tag }]);
      }
      t.hasResourceProperties('AWS::SQS::Queue', { RedrivePolicy: { maxReceiveCount: 5 } });
    });

    test('queue policies: TLS only; clearance, VPC endpoints and MFA by level', () => {
      const { t } = queue(level, { deadLetterQueue: { maxReceiveCount: 5 } });
      const policies = Object.values(t.findResources('AWS::SQS::QueuePolicy') as Resources);
      expect(policies).toHaveLength(2);
      for (const p of policies) {
        const doc = p.Properties.PolicyDocument;
        expect(JSON.stringify(doc)).toContain('"aws:SecureTransport":"false"');
        const clearance = statement(doc, 'DenyWithoutClearance');
        if (!cell.clearance) {
          expect(clearance).toBeUndefined();
          continue;
        }
        expect(clearance!.Condition).toMatchObject({
          StringNotEquals: { 'aws:PrincipalTag/clearance': cell.clearance },
        });
        expect(clearance!.Action).toEqual(expect.arrayContaining(['sqs:SendMessage', 'sqs:ReceiveMessage']));
        expect(statement(doc, 'DenyOutsideVpcEndpoints')!.Condition).toMatchObject({
          StringNotEqualsIfExists: { 'aws:SourceVpce': VPCE },
        });
        expect(statement(doc, 'DenyHumansWithoutMfa') !== undefined).toBe(cell.mfa);
      }
    });

    test('the engine finds no gating result and nothing open', () => {
      const run = evaluate((s) => {
        new ClassifiedQueue(s, 'Queue', {
          classification: level,
          allowedVpcEndpoints: VPCE,
          deadLetterQueue: { maxReceiveCount: 3 },
        });
      }, 'Queue');
      expect(run.viewErrors).toEqual([]);
      expect(run.results.length).toBeGreaterThan(0);
      expect(show(run.gating)).toEqual([]);
      expect(show(openOnStore(run))).toEqual([]);
    });
  });

  test('a shorter retention period is kept', () => {
    const { t } = queue(Classification.INTERNAL, { retentionPeriod: Duration.days(4) });
    t.hasResourceProperties('AWS::SQS::Queue', { MessageRetentionPeriod: 345_600 });
  });

  test('grants go through the queue and the key', () => {
    const s = stack();
    const role = new iam.Role(s, 'App', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    const c = new ClassifiedQueue(s, 'Queue', { classification: Classification.CONFIDENTIAL });
    c.grantSendMessages(role);
    c.grantConsumeMessages(role);
    const text = JSON.stringify(Template.fromStack(s).findResources('AWS::IAM::Policy'));
    for (const a of ['sqs:SendMessage', 'sqs:ReceiveMessage', 'kms:GenerateDataKey*', 'kms:Decrypt'])
      expect(text).toContain(a);
  });

  describe('validation', () => {
    test('RESTRICTED with a given key names both props', () => {
      const s = stack();
      expect(
        () =>
          new ClassifiedQueue(s, 'Queue', {
            classification: Classification.RESTRICTED,
            allowedVpcEndpoints: VPCE,
            encryptionKey: new kms.Key(s, 'K'),
          }),
      ).toThrow(
        /`classification` RESTRICTED requires a customer-managed key dedicated.*remove `encryptionKey`/,
      );
    });

    test('a retention period longer than SQS or the level allows', () => {
      expect(
        () =>
          new ClassifiedQueue(stack(), 'Queue', {
            classification: Classification.CONFIDENTIAL,
            retentionPeriod: Duration.days(20),
          }),
      ).toThrow(
        /`classification` CONFIDENTIAL keeps messages at most 14 days: lower `retentionPeriod` \(20 days\).*BULWARK_RETENTION_TOO_LONG/,
      );
    });

    test('TOP_SECRET without VPC endpoints', () => {
      expect(
        () => new ClassifiedQueue(stack(), 'Queue', { classification: Classification.TOP_SECRET }),
      ).toThrow(/BULWARK_VPC_ENDPOINTS_REQUIRED/);
    });
  });
});
