import { App, Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Construct } from 'constructs';
import { ClassifiedBackup } from '../../../lib/aws/backup';
import { IncidentRouting } from '../../../lib/aws/incident';
import { Classification } from '../../../lib/classification';
import { evaluateStack, unexplained, type KnownFinding } from '../incident/evaluate-stack';

/** Findings on the backups that are right to leave. */
const BACKUP_KNOWN_FINDINGS: readonly KnownFinding[] = [
  {
    finding: /^BW-BR-001 fail S\/Backup\/INTERNAL\/Vault\/Resource: /,
    why: 'the classification table locks vaults from CONFIDENTIAL up; INTERNAL backups take no vault lock',
  },
];

type Resources = Record<string, { Type: string; Properties: Record<string, unknown> }>;

const COPY = 'arn:aws:backup:eu-west-1:111111111111:backup-vault:recovery';

function stack(): Stack {
  return new Stack(new App(), 'S', { env: { account: '222222222222', region: 'eu-central-1' } });
}

function build(
  classification: Classification,
  extra: Partial<ConstructorParameters<typeof ClassifiedBackup>[2]> = {},
) {
  const s = stack();
  const b = new ClassifiedBackup(s, 'Backup', { classification, ...extra });
  return { s, b, t: Template.fromStack(s) };
}

function only(t: Template, type: string): Record<string, unknown> {
  const all = Object.values(t.findResources(type) as Resources);
  expect(all).toHaveLength(1);
  return all[0]!.Properties;
}

interface PlanRule {
  ScheduleExpression: string;
  EnableContinuousBackup?: boolean;
  Lifecycle: { DeleteAfterDays: number };
  CopyActions?: { DestinationBackupVaultArn: string; Lifecycle: { DeleteAfterDays: number } }[];
}

function rule(t: Template): PlanRule {
  const plan = only(t, 'AWS::Backup::BackupPlan') as { BackupPlan: { BackupPlanRule: PlanRule[] } };
  expect(plan.BackupPlan.BackupPlanRule).toHaveLength(1);
  return plan.BackupPlan.BackupPlanRule[0]!;
}

const DAILY = 'cron(0 5 ? * * *)';
const HOURLY = 'cron(0 * ? * * *)';

describe('ClassifiedBackup', () => {
  test('every level: a vault with a customer-managed key, retained, deletion of recovery points denied', () => {
    for (const level of [Classification.INTERNAL, Classification.CONFIDENTIAL, Classification.RESTRICTED]) {
      const { t } = build(level, { copyDestinationVaultArn: COPY });
      t.hasResource('AWS::Backup::BackupVault', {
        DeletionPolicy: 'Retain',
        Properties: Match.objectLike({
          EncryptionKeyArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^BackupKey'), 'Arn'] },
          AccessPolicy: Match.objectLike({
            Statement: [
              Match.objectLike({ Effect: 'Deny', Action: Match.arrayWith(['backup:DeleteRecoveryPoint']) }),
            ],
          }),
        }),
      });
      t.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    }
  });

  test('key rotation follows the level: yearly at CONFIDENTIAL, 180 days RESTRICTED, 90 days TOP_SECRET', () => {
    const expected: [Classification, number][] = [
      [Classification.CONFIDENTIAL, 365],
      [Classification.RESTRICTED, 180],
      [Classification.TOP_SECRET, 90],
    ];
    for (const [level, days] of expected) {
      const { t } = build(level, { copyDestinationVaultArn: COPY });
      t.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true, RotationPeriodInDays: days });
    }
  });

  test('plans select resources by their data-classification tag', () => {
    const tags: [Classification, string][] = [
      [Classification.INTERNAL, 'internal'],
      [Classification.CONFIDENTIAL, 'confidential'],
      [Classification.RESTRICTED, 'restricted'],
      [Classification.TOP_SECRET, 'top-secret'],
    ];
    for (const [level, tag] of tags) {
      const { t } = build(level, { copyDestinationVaultArn: COPY });
      t.hasResourceProperties('AWS::Backup::BackupSelection', {
        BackupSelection: Match.objectLike({
          ListOfTags: [
            { ConditionKey: 'data-classification', ConditionType: 'STRINGEQUALS', ConditionValue: tag },
          ],
        }),
      });
    }
  });

  test('INTERNAL: daily backups kept 35 days, no vault lock, no copy', () => {
    const { t } = build(Classification.INTERNAL);
    const r = rule(t);
    expect(r.ScheduleExpression).toBe(DAILY);
    expect(r.EnableContinuousBackup ?? false).toBe(false);
    expect(r.Lifecycle.DeleteAfterDays).toBe(35);
    expect(r.CopyActions).toBeUndefined();
    expect(only(t, 'AWS::Backup::BackupVault').LockConfiguration).toBeUndefined();
  });

  test('CONFIDENTIAL: daily plus point-in-time, 35 days, governance vault lock capped at the data retention', () => {
    const { t } = build(Classification.CONFIDENTIAL);
    const r = rule(t);
    expect(r.ScheduleExpression).toBe(DAILY);
    expect(r.EnableContinuousBackup).toBe(true);
    expect(r.Lifecycle.DeleteAfterDays).toBe(35);
    expect(r.CopyActions).toBeUndefined();
    // Governance mode: a lock without ChangeableForDays.
    expect(only(t, 'AWS::Backup::BackupVault').LockConfiguration).toEqual({
      MinRetentionDays: 35,
      MaxRetentionDays: 365,
    });
  });

  test('RESTRICTED: hourly plus point-in-time, 35 days, compliance vault lock, cross-region copy', () => {
    const { t } = build(Classification.RESTRICTED, { copyDestinationVaultArn: COPY });
    const r = rule(t);
    expect(r.ScheduleExpression).toBe(HOURLY);
    expect(r.EnableContinuousBackup).toBe(true);
    expect(r.Lifecycle.DeleteAfterDays).toBe(35);
    expect(r.CopyActions).toEqual([{ DestinationBackupVaultArn: COPY, Lifecycle: { DeleteAfterDays: 35 } }]);
    const lock = only(t, 'AWS::Backup::BackupVault').LockConfiguration as Record<string, number>;
    expect(lock.ChangeableForDays).toBeGreaterThanOrEqual(3);
    expect(lock.MaxRetentionDays).toBe(180);
    expect(lock.MinRetentionDays).toBe(35);
  });

  test('TOP_SECRET: continuous point-in-time kept at most 30 days, compliance lock, cross-region copy', () => {
    const { t } = build(Classification.TOP_SECRET, { copyDestinationVaultArn: COPY });
    const r = rule(t);
    expect(r.EnableContinuousBackup).toBe(true);
    expect(r.Lifecycle.DeleteAfterDays).toBeLessThanOrEqual(30);
    expect(r.CopyActions).toEqual([{ DestinationBackupVaultArn: COPY, Lifecycle: { DeleteAfterDays: 30 } }]);
    const lock = only(t, 'AWS::Backup::BackupVault').LockConfiguration as Record<string, number>;
    expect(lock.ChangeableForDays).toBeGreaterThanOrEqual(3);
    expect(lock.MaxRetentionDays).toBe(30);
    expect(lock.MinRetentionDays).toBeLessThanOrEqual(30);
  });

  test('a shorter retention is kept by the plan, the copy and the lock minimum', () => {
    const { t, b } = build(Classification.RESTRICTED, {
      copyDestinationVaultArn: COPY,
      retention: Duration.days(14),
    });
    expect(b.retentionDays).toBe(14);
    expect(rule(t).Lifecycle.DeleteAfterDays).toBe(14);
    expect(rule(t).CopyActions![0]!.Lifecycle.DeleteAfterDays).toBe(14);
    expect(
      (only(t, 'AWS::Backup::BackupVault').LockConfiguration as Record<string, number>).MinRetentionDays,
    ).toBe(14);
  });

  describe('validation', () => {
    test('PUBLIC data takes no backups', () => {
      expect(() => build(Classification.PUBLIC)).toThrow(
        /`classification` PUBLIC requires no backups.*BULWARK_BACKUP_PUBLIC/,
      );
    });

    test('RESTRICTED and TOP_SECRET require a copy destination, naming both props', () => {
      for (const level of [Classification.RESTRICTED, Classification.TOP_SECRET]) {
        expect(() => build(level)).toThrow(
          new RegExp(
            `\`classification\` ${level} requires a cross-region copy: set \`copyDestinationVaultArn\``,
          ),
        );
      }
    });

    test('backups never outlive the data', () => {
      expect(() =>
        build(Classification.TOP_SECRET, { copyDestinationVaultArn: COPY, retention: Duration.days(31) }),
      ).toThrow(
        /`retention` of 31 days outlives the data: `classification` TOP_SECRET keeps data 30 days.*BULWARK_BACKUP_RETENTION/,
      );
      expect(() => build(Classification.INTERNAL, { retention: Duration.days(731) })).toThrow(
        /`retention` of 731 days outlives the data: `classification` INTERNAL keeps data 730 days/,
      );
      expect(() => build(Classification.INTERNAL, { retention: Duration.days(90) })).not.toThrow();
    });

    test('continuous backups are kept at most 35 days', () => {
      expect(() => build(Classification.CONFIDENTIAL, { retention: Duration.days(60) })).toThrow(
        /`retention` of 60 days is longer than the 35 days AWS Backup keeps the continuous backups that `classification` CONFIDENTIAL requires/,
      );
    });

    test('the copy must go to another region', () => {
      expect(() =>
        build(Classification.RESTRICTED, {
          copyDestinationVaultArn: 'arn:aws:backup:eu-central-1:111111111111:backup-vault:same',
        }),
      ).toThrow(/`copyDestinationVaultArn` is in eu-central-1.*another region.*BULWARK_BACKUP_COPY_REGION/);
    });

    test('every problem is reported at once', () => {
      expect(() => build(Classification.TOP_SECRET, { retention: Duration.days(40) })).toThrow(/3 problems/);
    });
  });

  test('the engine finds nothing mandatory; the INTERNAL vault has no lock, as the table says', () => {
    const verdict = evaluateStack('Backup', (s) => {
      const parent = new Construct(s, 'Backup');
      const failureTopic = new IncidentRouting(s, 'Incidents').topicFor('high');
      for (const level of [
        Classification.INTERNAL,
        Classification.CONFIDENTIAL,
        Classification.RESTRICTED,
        Classification.TOP_SECRET,
      ]) {
        new ClassifiedBackup(parent, level, {
          classification: level,
          copyDestinationVaultArn: COPY,
          failureTopic,
        });
      }
    });
    expect(verdict.checked).toBeGreaterThan(0);
    expect(verdict.gating).toEqual([]);
    expect(unexplained(verdict.findings, BACKUP_KNOWN_FINDINGS)).toEqual([]);
  });

  test('failed backup and copy jobs of the vault reach the failure topic; without one, BW-BR-008 says so', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    const topic = new IncidentRouting(stack, 'Incidents').topicFor('high');
    new ClassifiedBackup(stack, 'Routed', {
      classification: Classification.CONFIDENTIAL,
      failureTopic: topic,
    });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: Match.objectLike({
        source: ['aws.backup'],
        'detail-type': ['Backup Job State Change'],
        detail: Match.objectLike({ state: ['FAILED', 'ABORTED', 'EXPIRED'] }),
      }),
    });
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: Match.objectLike({ 'detail-type': ['Copy Job State Change'] }),
    });
    const unrouted = evaluateStack('Quiet', (s) => {
      new ClassifiedBackup(s, 'Quiet', { classification: Classification.CONFIDENTIAL });
    });
    expect(unrouted.findings.join('\n')).toMatch(/BW-BR-008 fail .*reports no failed backup jobs/);
  });
});
