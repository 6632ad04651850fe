import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { ClassifiedLogGroup } from '../../../lib/aws/stores';
import { ALL_LEVELS, Classification, evaluate, only, openOnStore, show, stack, statement } from './support';

function logGroup(
  level: Classification,
  extra: Partial<ConstructorParameters<typeof ClassifiedLogGroup>[2]> = {},
) {
  const s = stack();
  const c = new ClassifiedLogGroup(s, 'Logs', { classification: level, ...extra });
  return { s, c, t: Template.fromStack(s) };
}

/**
 * The table's cells for log groups, one row a level. Retention: the longest CloudWatch Logs value
 * within the level's data retention (730 days is not one: 545), 365 days where the level sets none.
 * CloudWatch Logs has no AWS managed key: INTERNAL's KMS key is a customer key rotating yearly.
 */
const CELLS = {
  [Classification.PUBLIC]: {
    rotation: undefined,
    days: 365,
    masking: false,
    protect: false,
    tag: 'public',
    clearance: undefined,
  },
  [Classification.INTERNAL]: {
    rotation: 365,
    days: 545,
    masking: false,
    protect: true,
    tag: 'internal',
    clearance: undefined,
  },
  [Classification.CONFIDENTIAL]: {
    rotation: 365,
    days: 365,
    masking: true,
    protect: true,
    tag: 'confidential',
    clearance: undefined,
  },
  [Classification.RESTRICTED]: {
    rotation: 180,
    days: 180,
    masking: true,
    protect: true,
    tag: 'restricted',
    clearance: ['restricted', 'top-secret'],
  },
  [Classification.TOP_SECRET]: {
    rotation: 90,
    days: 30,
    masking: true,
    protect: true,
    tag: 'top-secret',
    clearance: ['top-secret'],
  },
} as const;

describe('ClassifiedLogGroup', () => {
  describe.each(ALL_LEVELS)('%s', (level) => {
    const cell = CELLS[level];

    test('encryption, and a key policy that admits CloudWatch Logs for this account and region', () => {
      const { s, c, t } = logGroup(level);
      const r = only(t, 'AWS::Logs::LogGroup');
      if (cell.rotation === undefined) {
        expect(r.Properties.KmsKeyId).toBeUndefined();
        t.resourceCountIs('AWS::KMS::Key', 0);
        return;
      }
      const keyId = s.getLogicalId(c.encryptionKey!.node.defaultChild as kms.CfnKey);
      expect(r.Properties.KmsKeyId).toEqual({ 'Fn::GetAtt': [keyId, 'Arn'] });
      const key = t.toJSON().Resources[keyId];
      expect(key.Properties).toMatchObject({ EnableKeyRotation: true, RotationPeriodInDays: cell.rotation });
      expect(statement(key.Properties.KeyPolicy, 'AllowCloudWatchLogs')).toMatchObject({
        Effect: 'Allow',
        Principal: { Service: { 'Fn::Join': ['', ['logs.', { Ref: 'AWS::Region' }, '.amazonaws.com']] } },
        Condition: {
          ArnLike: {
            'kms:EncryptionContext:aws:logs:arn': {
              'Fn::Join': [
                '',
                [
                  'arn:',
                  { Ref: 'AWS::Partition' },
                  ':logs:',
                  { Ref: 'AWS::Region' },
                  ':',
                  { Ref: 'AWS::AccountId' },
                  ':log-group:*',
                ],
              ],
            },
          },
        },
      });
      expect(statement(key.Properties.KeyPolicy, 'DenyKeyUseWithoutClearance') !== undefined).toBe(
        cell.clearance !== undefined,
      );
    });

    test('retention, PII masking, deletion protection, retain, tag', () => {
      const { t } = logGroup(level);
      const r = only(t, 'AWS::Logs::LogGroup');
      expect(r.Properties.RetentionInDays).toBe(cell.days);
      expect(r.Properties.DeletionProtectionEnabled).toBe(cell.protect);
      expect(r.DeletionPolicy).toBe(cell.protect ? 'Retain' : 'Delete');
      expect(r.Properties.Tags).toEqual([{ Key: 'data-classification', Value: cell.tag }]);
      const policy = r.Properties.DataProtectionPolicy as
        { Statement: { Operation: Record<string, unknown>; DataIdentifier: unknown[] }[] } | undefined;
      if (!cell.masking) {
        expect(policy).toBeUndefined();
        return;
      }
      const deidentify = policy!.Statement.find((s) => 'Deidentify' in s.Operation)!;
      expect(deidentify.Operation.Deidentify).toEqual({ MaskConfig: {} });
      const ids = JSON.stringify(deidentify.DataIdentifier);
      for (const id of [
        'EmailAddress',
        'Name',
        'Address',
        'CreditCardNumber',
        'AwsSecretKey',
        'OpenSshPrivateKey',
      ])
        expect(ids).toContain(`data-identifier/${id}"`);
    });

    test('the engine finds no gating result and nothing open', () => {
      const run = evaluate((s) => {
        new ClassifiedLogGroup(s, 'Logs', { classification: level });
      }, 'Logs');
      expect(run.viewErrors).toEqual([]);
      expect(run.results.length).toBeGreaterThan(0);
      expect(show(run.gating)).toEqual([]);
      expect(show(openOnStore(run))).toEqual([]);
    });
  });

  test('a named log group scopes the key to itself', () => {
    const { t } = logGroup(Classification.CONFIDENTIAL, { logGroupName: '/app/orders' });
    const key = only(t, 'AWS::KMS::Key');
    expect(JSON.stringify(statement(key.Properties.KeyPolicy, 'AllowCloudWatchLogs'))).toContain(
      ':log-group:/app/orders"',
    );
  });

  test('custom identifiers replace the default set', () => {
    const { t } = logGroup(Classification.RESTRICTED, { piiIdentifiers: [logs.DataIdentifier.EMAILADDRESS] });
    const text = JSON.stringify(only(t, 'AWS::Logs::LogGroup').Properties.DataProtectionPolicy);
    expect(text).toContain('data-identifier/EmailAddress');
    expect(text).not.toContain('data-identifier/Name');
  });

  test('a shorter retention with a reason is recorded and reported as suppressed', () => {
    const reason = 'debug logs of a batch job, rerun on demand';
    const { t } = logGroup(Classification.CONFIDENTIAL, {
      retention: logs.RetentionDays.ONE_MONTH,
      shortRetention: { reason },
    });
    expect(only(t, 'AWS::Logs::LogGroup').Properties.RetentionInDays).toBe(30);
    const run = evaluate((s) => {
      new ClassifiedLogGroup(s, 'Logs', {
        classification: Classification.CONFIDENTIAL,
        retention: logs.RetentionDays.ONE_MONTH,
        shortRetention: { reason },
      });
    }, 'Logs');
    expect(show(openOnStore(run))).toEqual([]);
    const suppressed = run.results.filter((r) => r.suppression);
    expect(suppressed.map((r) => r.rule.id)).toEqual(['BW-LT-001']);
    expect(suppressed[0]!.suppression!.suppression.reason).toContain('shortRetention');
  });

  test('grants: writers and readers need no key permission; unmask is its own grant', () => {
    const s = stack();
    const role = new iam.Role(s, 'App', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    const auditor = new iam.Role(s, 'Auditor', { assumedBy: new iam.AccountRootPrincipal() });
    const c = new ClassifiedLogGroup(s, 'Logs', { classification: Classification.RESTRICTED });
    c.grantWrite(role);
    c.grantRead(role);
    c.grantUnmask(auditor);
    const policies = Template.fromStack(s).toJSON().Resources;
    const policyOf = (r: iam.Role) =>
      JSON.stringify(
        policies[s.getLogicalId(r.node.findChild('DefaultPolicy').node.defaultChild as iam.CfnPolicy)],
      );
    const text = policyOf(role);
    expect(text).toContain('logs:PutLogEvents');
    expect(text).toContain('logs:FilterLogEvents');
    expect(text).not.toContain('kms:');
    expect(text).not.toContain('logs:Unmask');
    expect(policyOf(auditor)).toContain('logs:Unmask');
    // No resource policy exists to hold readers to their clearance: the grant does.
    expect(text).toContain('{"StringEquals":{"aws:PrincipalTag/clearance":["restricted","top-secret"]}}');
  });

  describe('validation', () => {
    test('retention longer than the level allows', () => {
      expect(() => logGroup(Classification.RESTRICTED, { retention: logs.RetentionDays.ONE_YEAR })).toThrow(
        /`classification` RESTRICTED keeps data at most 180 days: lower `retention` \(365 days\).*BULWARK_RETENTION_TOO_LONG/,
      );
      expect(() => logGroup(Classification.INTERNAL, { retention: logs.RetentionDays.INFINITE })).toThrow(
        /never expires/,
      );
    });

    test('shorter retention without a reason names both props', () => {
      expect(() =>
        logGroup(Classification.CONFIDENTIAL, { retention: logs.RetentionDays.ONE_MONTH }),
      ).toThrow(
        /`retention` 30 days is shorter than the 365-day review window of `classification` CONFIDENTIAL.*`shortRetention`.*BULWARK_RETENTION_TOO_SHORT/,
      );
    });

    test('RESTRICTED with a given key names both props', () => {
      const s = stack();
      expect(
        () =>
          new ClassifiedLogGroup(s, 'Logs', {
            classification: Classification.RESTRICTED,
            encryptionKey: new kms.Key(s, 'K'),
          }),
      ).toThrow(
        /`classification` RESTRICTED requires a customer-managed key dedicated.*remove `encryptionKey`/,
      );
    });
  });
});
