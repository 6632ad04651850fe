import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  AUDIT_LOG_MIN_RETENTION_DAYS,
  Classification,
  LEVELS,
  requirementsFor,
  tagValue,
} from '../../lib/classification';
import {
  AuditTrailSink,
  COMPLIANCE_LOCK_GRACE_DAYS,
  ClassifiedBackup,
  ClassifiedKey,
  SegmentedNetwork,
  Tier,
  allocateSubnets,
} from '../../lib/terraform';
import { buildExampleApp } from '../../examples/terraform/app';
import { CIS_METRIC_FILTERS } from '../../lib/aws/audit/cis-metric-filters';
import { policyOf, synth } from './support';

const TOPICS = { critical: 'arn:t:c', high: 'arn:t:h', medium: 'arn:t:m', low: 'arn:t:l' };

describe.each(LEVELS)('ClassifiedKey %s', (level) => {
  test('rotation is on with the level period (yearly where the level sets none)', () => {
    const out = synth((s) => new ClassifiedKey(s, 'K', { classification: level, description: 'k' }));
    const key = out.one('aws_kms_key', /^K_Key_/);
    expect(key.args).toMatchObject({
      enable_key_rotation: true,
      rotation_period_in_days: requirementsFor(level).keyRotationDays ?? 365,
      deletion_window_in_days: 30,
      tags: { 'data-classification': tagValue(level) },
    });
    expect(policyOf(key).Statement[0]!.Action).toBe('kms:*');
  });
});

test('a key rotated less often than its level asks is refused', () => {
  expect(() =>
    synth(
      (s) =>
        new ClassifiedKey(s, 'K', {
          classification: Classification.RESTRICTED,
          description: 'k',
          rotationPeriodDays: 365,
        }),
    ),
  ).toThrow(/BULWARK_KEY_ROTATION/);
});

describe('SegmentedNetwork', () => {
  const out = synth((s) => {
    const n = new SegmentedNetwork(s, 'Net', { availabilityZones: ['eu-west-1a', 'eu-west-1b'] });
    n.allowFlow(Tier.APPLICATION, Tier.DATA, { protocol: 'tcp', fromPort: 5432 }, 'PostgreSQL');
  });
  const cidrs = allocateSubnets('10.0.0.0/16', 2)!;

  test('subnets per tier and zone, none mapping public addresses', () => {
    const subnets = out.of('aws_subnet');
    expect(subnets).toHaveLength(6);
    expect(subnets.map((s) => s.args.cidr_block).sort()).toEqual(Object.values(cidrs).flat().sort());
    expect(subnets.every((s) => s.args.map_public_ip_on_launch === false)).toBe(true);
  });

  test('the default security group is closed and tier groups carry no inline rule', () => {
    expect(out.one('aws_default_security_group', /^Net_DefaultSecurityGroup_/).args).toMatchObject({
      ingress: [],
      egress: [],
    });
    for (const sg of out.of('aws_security_group')) {
      expect(sg.args.ingress).toBeUndefined();
      expect(sg.args.egress).toBeUndefined();
    }
  });

  test('flow logs record all traffic into a KMS-encrypted log group kept as audit logs', () => {
    const flow = out.one('aws_flow_log', /^Net_FlowLog_/);
    expect(flow.args.traffic_type).toBe('ALL');
    const group = out.one('aws_cloudwatch_log_group', /^Net_AuditLogGroup_/);
    expect(group.args.retention_in_days).toBe(AUDIT_LOG_MIN_RETENTION_DAYS);
    expect(group.args.kms_key_id).toMatch(/^\$\{aws_kms_key\.Net_AuditLogKey_\w+\.arn\}$/);
    expect(flow.args.log_destination).toBe(`\${aws_cloudwatch_log_group.${group.name}.arn}`);
  });

  test('the data tier ACL denies the ingress tier and admits the application and data tiers, both ways', () => {
    const acl = out.one('aws_network_acl', /^Net_DataAcl_/);
    for (const way of ['ingress', 'egress'] as const) {
      const rules = acl.args[way] as { rule_no: number; action: string; cidr_block: string }[];
      const by = (tier: Tier) => rules.filter((r) => cidrs[tier].includes(r.cidr_block)).map((r) => r.action);
      expect(by(Tier.INGRESS)).toEqual(['deny', 'deny']);
      expect(by(Tier.APPLICATION)).toEqual(['allow', 'allow']);
      expect(by(Tier.DATA)).toEqual(['allow', 'allow']);
      const denyMax = Math.max(...rules.filter((r) => r.action === 'deny').map((r) => r.rule_no));
      expect(Math.min(...rules.filter((r) => r.action === 'allow').map((r) => r.rule_no))).toBeGreaterThan(
        denyMax,
      );
    }
  });

  test('a flow between the ingress and the data tier is refused', () => {
    expect(() =>
      synth((s) =>
        new SegmentedNetwork(s, 'N', { availabilityZones: ['a'] }).allowFlow(
          Tier.INGRESS,
          Tier.DATA,
          { protocol: 'tcp', fromPort: 5432 },
          'direct',
        ),
      ),
    ).toThrow(/BULWARK_TIER_FLOW_DATA_INGRESS/);
  });
});

describe('AuditTrailSink', () => {
  const out = synth((s) => new AuditTrailSink(s, 'Audit', { alarmTopicArns: TOPICS }));

  test('a multi-region trail with log file validation, encrypted with the sink key', () => {
    const trail = out.one('aws_cloudtrail', /^Audit_Trail_/);
    expect(trail.args).toMatchObject({
      is_multi_region_trail: true,
      include_global_service_events: true,
      enable_log_file_validation: true,
      enable_logging: true,
    });
    expect(trail.args.kms_key_id).toMatch(/^\$\{aws_kms_key\.Audit_Key_\w+\.arn\}$/);
  });

  test('the log bucket is immutable (object lock in compliance mode) for the audit retention', () => {
    const bucket = out.one('aws_s3_bucket', /^Audit_Bucket_/);
    expect(bucket.args.object_lock_enabled).toBe(true);
    const lock = out.one('aws_s3_bucket_object_lock_configuration', /^Audit_BucketObjectLock_/);
    expect(lock.args.rule).toEqual({
      default_retention: { mode: 'COMPLIANCE', days: AUDIT_LOG_MIN_RETENTION_DAYS },
    });
    const policy = policyOf(out.one('aws_s3_bucket_policy', /^Audit_BucketPolicy_/));
    expect(policy.Statement.some((s) => s.Condition?.Bool?.['aws:SecureTransport'] === 'false')).toBe(true);
    expect(out.one('aws_s3_bucket_logging', /^Audit_AccessLogging/).args.target_prefix).toBe('audit-bucket/');
  });

  test('the log group is kept a year, encrypted, masks secrets, and every CIS alarm goes to its severity topic', () => {
    const group = out.one('aws_cloudwatch_log_group', /^Audit_LogGroup_/);
    expect(group.args.retention_in_days).toBe(AUDIT_LOG_MIN_RETENTION_DAYS);
    expect(group.args.kms_key_id).toMatch(/^\$\{aws_kms_key\.Audit_Key_\w+\.arn\}$/);
    const masking = JSON.parse(
      out.one('aws_cloudwatch_log_data_protection_policy', /^Audit_LogGroupDataProtection_/).args
        .policy_document as string,
    ) as { Statement: { Operation: Record<string, unknown> }[] };
    expect(masking.Statement.some((st) => 'Deidentify' in st.Operation)).toBe(true);
    const alarms = out.of('aws_cloudwatch_metric_alarm');
    expect(alarms).toHaveLength(CIS_METRIC_FILTERS.length);
    for (const f of CIS_METRIC_FILTERS) {
      const alarm = alarms.find((a) => (a.args.alarm_name as string).endsWith(`-${f.id}`))!;
      expect(alarm.args.alarm_actions).toEqual([TOPICS[f.severity]]);
    }
  });

  test('retention below the audit minimum is refused', () => {
    expect(() =>
      synth(
        (s) =>
          new AuditTrailSink(s, 'A', {
            alarmTopicArns: TOPICS,
            retentionDays: AUDIT_LOG_MIN_RETENTION_DAYS - 1,
          }),
      ),
    ).toThrow(/BULWARK_AUDIT_RETENTION/);
  });
});

describe.each(LEVELS.filter((l) => requirementsFor(l).backup.cadence !== 'none'))(
  'ClassifiedBackup %s',
  (level) => {
    const req = requirementsFor(level);
    const copy = 'arn:aws:backup:eu-central-1:111122223333:backup-vault:copies';
    const out = synth(
      (s) => new ClassifiedBackup(s, 'B', { classification: level, copyDestinationVaultArn: copy }),
    );

    test('plan keeps the level retention, continuous where the cadence takes point-in-time', () => {
      const rule = (out.one('aws_backup_plan', /^B_Plan_/).args.rule as Record<string, unknown>[])[0]!;
      expect(rule.lifecycle).toEqual({ delete_after: req.backup.retentionDays });
      expect(rule.enable_continuous_backup).toBe(req.backup.cadence !== 'daily');
      expect(rule.recovery_point_tags).toEqual({ 'data-classification': tagValue(level) });
    });

    test('the vault is encrypted with a customer key and locked as the level asks', () => {
      const vault = out.one('aws_backup_vault', /^B_Vault_/);
      expect(vault.args.kms_key_arn).toMatch(/^\$\{aws_kms_key\.B_Key_\w+\.arn\}$/);
      const locks = out.of('aws_backup_vault_lock_configuration');
      if (req.backup.vaultLock === 'none') {
        expect(locks).toHaveLength(0);
      } else {
        expect(locks).toHaveLength(1);
        expect(locks[0]!.args.max_retention_days).toBe(req.dataRetentionDays);
        expect(locks[0]!.args.changeable_for_days).toBe(
          req.backup.vaultLock === 'compliance' ? COMPLIANCE_LOCK_GRACE_DAYS : undefined,
        );
      }
    });

    test('the selection takes every resource tagged with the level', () => {
      expect(out.one('aws_backup_selection', /^B_Selection_/).args.selection_tag).toEqual([
        { type: 'STRINGEQUALS', key: 'data-classification', value: tagValue(level) },
      ]);
    });
  },
);

test('RESTRICTED backups without a cross-region copy are refused', () => {
  expect(() =>
    synth((s) => new ClassifiedBackup(s, 'B', { classification: Classification.RESTRICTED })),
  ).toThrow(/BULWARK_BACKUP_COPY_REQUIRED/);
});

test('the example synthesizes a cdktf.out whose resources carry their construct path', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-tf-example-'));
  try {
    buildExampleApp(outdir).synth();
    const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8')) as {
      stacks: Record<string, { synthesizedStackPath: string }>;
    };
    const stack = manifest.stacks['bulwark-example']!;
    const json = JSON.parse(fs.readFileSync(path.join(outdir, stack.synthesizedStackPath), 'utf8')) as {
      resource: Record<string, Record<string, { '//'?: { metadata?: { path?: string } } }>>;
    };
    const all = Object.values(json.resource).flatMap((byName) => Object.values(byName));
    expect(all.length).toBeGreaterThan(100);
    for (const r of all) expect(r['//']?.metadata?.path).toMatch(/^bulwark-example\//);
    expect(json.resource['aws_s3_bucket']!['Patients_Bucket_7F65AD58']?.['//']?.metadata?.path).toBe(
      'bulwark-example/Patients/Bucket',
    );
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
});
