import { StopLoggingCommand } from '@aws-sdk/client-cloudtrail';
import { PutRetentionPolicyCommand } from '@aws-sdk/client-cloudwatch-logs';
import { AuthorizeSecurityGroupIngressCommand } from '@aws-sdk/client-ec2';
import { DisableKeyRotationCommand } from '@aws-sdk/client-kms';
import {
  DeleteBucketCommand,
  DeleteBucketEncryptionCommand,
  DeleteBucketPolicyCommand,
  DeletePublicAccessBlockCommand,
  PutBucketVersioningCommand,
} from '@aws-sdk/client-s3';
import { runDriftCommand, type DriftCommandOptions } from '../../../lib/cli/drift';
import type { CliIo } from '../../../lib/cli/io';
import { DRIFT_PERMISSIONS, driftIamPolicy, READ_ONLY_ACTION } from '../../../lib/drift/permissions';
import type { AwsAccess } from '../../../lib/drift/reader';
import { runDrift } from '../../../lib/drift/run';
import type { Report, ReportDriftEntry } from '../../../lib/report';
import { runCli } from '../../support/cli';
import { motoApi, resetMoto } from '../setup/moto';
import { clients, deployShop, type Deployed } from './deploy';
import { IDS, STACK, synthShop, type Synthesized } from './fixture';
import { deployScale, PER_STACK } from './scale';
import { iam, xmlValue } from './iam';

jest.setTimeout(120_000);

let app: Synthesized;
let deployed: Deployed;
const aws = clients();

beforeAll(() => {
  app = synthShop();
});

interface Outcome {
  readonly code: number;
  readonly report: Report;
  readonly stderr: string;
  readonly entries: readonly ReportDriftEntry[];
}

/** `bulwark drift` on the fixture, through the command (JSON report), as the CLI runs it. */
async function drift(opts: Partial<DriftCommandOptions> = {}, access: AwsAccess = {}): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    isTTY: false,
    env: {},
    cwd: process.cwd(),
  };
  const code = await runDriftCommand({ app: app.outdir, format: 'json', failOn: 'high', ...opts }, io, {
    physicalIds: deployed.extraPhysicalIds,
    aws: access,
    signal: new AbortController().signal,
  });
  const report = JSON.parse(stdout) as Report;
  const entries = (report.drift?.entries ?? []).filter((e) => e.kind !== 'not-checked');
  return { code, report, stderr, entries };
}

/** The one drift entry on `address` about `fact` (or of `kind`). */
function only(entries: readonly ReportDriftEntry[], address: string, fact?: string): ReportDriftEntry {
  const hits = entries.filter((e) => e.address === address && (fact === undefined || e.fact === fact));
  expect(hits).toHaveLength(1);
  return hits[0]!;
}

describe('bulwark drift against moto', () => {
  beforeEach(async () => {
    await resetMoto();
    deployed = await deployShop(app);
  });

  test('a compliant deployment has no drift, and the run only sends listed read commands', async () => {
    const run = await runDrift({ app: app.outdir, physicalIds: deployed.extraPhysicalIds });
    const differences = run.drift.entries.filter((e) => e.kind !== 'not-checked');
    expect(differences).toEqual([]);
    expect(run.drift.resources).toMatchObject({
      desired: 11,
      read: 8,
      deleted: 0,
      missing: 0,
      unreadable: 0,
    });
    const operations = new Set(DRIFT_PERMISSIONS.map((p) => `${p.service}:${p.operation}`));
    expect(run.sent.size).toBeGreaterThan(10);
    for (const op of run.sent.keys()) {
      expect(operations).toContain(op);
      expect(op).toMatch(/:(Describe|Get|List|Head)/);
    }
    const result = await drift({ failOn: 'low' });
    expect(result.entries).toEqual([]);
    expect(result.code).toBe(0);
    expect(result.report.drift?.accountFacts[0]).toMatchObject({ name: 'ebs-encryption-by-default' });
  });

  test('DeletePublicAccessBlock: public access blocked -> open, BW-DP-008, exit 1', async () => {
    await aws.s3.send(new DeletePublicAccessBlockCommand({ Bucket: deployed.ids[IDS.data] }));
    const r = await drift();
    const e = only(r.entries, deployed.addresses.data, 'publicAccess');
    expect(e).toMatchObject({ kind: 'changed', desired: 'blocked', live: 'open', view: 'data-store' });
    expect(e.rules).toContain('BW-DP-008');
    expect(e.controls).toContain('cis-aws-5.0:2.1.4');
    expect(e.message).toMatch(/`Data` publicAccess changed from blocked to open/);
    expect(r.code).toBe(1);
  });

  test('DeleteBucketEncryption: customer key -> provider encryption, BW-DP-002 (medium); exit 1 at --fail-on medium', async () => {
    await aws.s3.send(new DeleteBucketEncryptionCommand({ Bucket: deployed.ids[IDS.data] }));
    const r = await drift({ failOn: 'medium' });
    const e = only(r.entries, deployed.addresses.data, 'encryption.atRest');
    // The bucket keeps SSE-S3: the key the store lost is BW-DP-002's concern, a medium rule.
    expect(e).toMatchObject({ desired: 'customer-key', live: 'provider', severity: 'medium' });
    expect(e.rules).toContain('BW-DP-002');
    expect(e.controls).toEqual(expect.arrayContaining(['mcsb-v1:DP-5', 'nist-csf-2.0:PR.DS-01']));
    expect(r.code).toBe(1);
  });

  test('bucket policy deleted: TLS-only true -> false, BW-DP-006, exit 1', async () => {
    await aws.s3.send(new DeleteBucketPolicyCommand({ Bucket: deployed.ids[IDS.data] }));
    const r = await drift();
    const e = only(r.entries, deployed.addresses.data, 'tlsOnly');
    expect(e).toMatchObject({ desired: true, live: false });
    expect(e.rules).toContain('BW-DP-006');
    expect(e.controls).toContain('cis-aws-5.0:2.1.1');
    expect(r.code).toBe(1);
  });

  test('versioning suspended: versioning true -> false, BW-BR-009 (medium); exit 1 at --fail-on medium', async () => {
    await aws.s3.send(
      new PutBucketVersioningCommand({
        Bucket: deployed.ids[IDS.data],
        VersioningConfiguration: { Status: 'Suspended' },
      }),
    );
    const r = await drift({ failOn: 'medium' });
    const e = only(r.entries, deployed.addresses.data, 'versioning');
    expect(e).toMatchObject({ kind: 'changed', desired: true, live: false, gating: true });
    // The rules named are those whose outcome this change alone alters.
    expect(e.rules).toContain('BW-BR-009');
    expect(e.severity).toBe('medium');
    expect(r.code).toBe(1);
  });

  test('0.0.0.0/0 on port 22: firewall rule added, BW-NS-001, exit 1', async () => {
    await aws.ec2.send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId: deployed.ids[IDS.web],
        IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
      }),
    );
    const r = await drift();
    const e = only(r.entries, deployed.addresses.web, 'rules');
    expect(e).toMatchObject({ kind: 'changed', view: 'firewall', desired: null, severity: 'high' });
    expect(e.live).toMatchObject({
      direction: 'ingress',
      protocol: 'tcp',
      fromPort: 22,
      source: { cidr: '0.0.0.0/0' },
    });
    expect(e.message).toMatch(/added ingress tcp 22 from 0\.0\.0\.0\/0/);
    expect(e.rules).toContain('BW-NS-001');
    expect(e.controls).toEqual(expect.arrayContaining(['cis-aws-5.0:5.3', 'mcsb-v1:NS-1']));
    expect(r.code).toBe(1);
    // The live finding too: (b) rule failures on the live state.
    expect(r.report.findings.some((f) => f.ruleId === 'BW-NS-001' && f.status === 'fail')).toBe(true);
  });

  test('key rotation disabled: rotationEnabled true -> false, BW-DP-010; exit 1 at medium, 0 at high', async () => {
    await aws.kms.send(new DisableKeyRotationCommand({ KeyId: deployed.ids[IDS.key] }));
    const r = await drift({ failOn: 'medium' });
    const e = only(r.entries, deployed.addresses.key, 'rotationEnabled');
    expect(e).toMatchObject({ view: 'key', desired: true, live: false, severity: 'medium' });
    expect(e.rules).toContain('BW-DP-010');
    expect(e.controls).toContain('cis-aws-5.0:3.6');
    expect(r.code).toBe(1);
    expect((await drift({ failOn: 'high' })).code).toBe(0);
  });

  test('log retention lowered: 365 -> 7 days, BW-LT-001, exit 1 at medium', async () => {
    await aws.logs.send(
      new PutRetentionPolicyCommand({ logGroupName: deployed.ids[IDS.logs], retentionInDays: 7 }),
    );
    const r = await drift({ failOn: 'medium' });
    const e = only(r.entries, deployed.addresses.logs, 'dataRetentionDays');
    expect(e).toMatchObject({ desired: 365, live: 7 });
    expect(e.rules).toContain('BW-LT-001');
    expect(e.controls).toContain('mcsb-v1:LT-6');
    expect(r.code).toBe(1);
  });

  test('trail logging stopped: logging true -> false, BW-LT-003, exit 1', async () => {
    await aws.trail.send(new StopLoggingCommand({ Name: deployed.ids[IDS.trail] }));
    const r = await drift();
    const e = only(r.entries, deployed.addresses.trail, 'logging');
    expect(e).toMatchObject({ view: 'audit-trail', desired: true, live: false, severity: 'high' });
    expect(e.rules).toContain('BW-LT-003');
    expect(e.controls).toContain('cis-aws-5.0:3.1');
    expect(r.code).toBe(1);
  });

  test('a bucket deleted: reported deleted, with the rules that applied to it, exit 1', async () => {
    await aws.s3.send(new DeleteBucketCommand({ Bucket: deployed.ids[IDS.data] }));
    const r = await drift();
    const e = only(r.entries, deployed.addresses.data);
    expect(e).toMatchObject({ kind: 'deleted', physicalId: deployed.ids[IDS.data] });
    expect(['high', 'critical']).toContain(e.severity);
    expect(e.rules).toEqual(expect.arrayContaining(['BW-DP-002', 'BW-DP-006', 'BW-DP-008']));
    expect(e.message).toMatch(/`Data` \(AWS::S3::Bucket `shop-data.*`\) was deleted outside the pipeline/);
    expect(r.report.drift?.resources.deleted).toBe(1);
    expect(r.code).toBe(1);
  });

  describe('AccessDenied on one resource (moto IAM enforcement)', () => {
    afterEach(async () => {
      await motoApi('reset-auth', 'inf');
    });

    /**
     * A user whose policy is the drift policy (with the two S3 action names moto uses instead of
     * AWS's: `s3:HeadBucket`, `s3:GetPublicAccessBlock`) and an explicit deny; then moto starts
     * authorising every request with IAM.
     */
    async function deniedUser(deny: { Action: string; Resource: string | string[] }): Promise<AwsAccess> {
      await iam({ Action: 'CreateUser', UserName: 'auditor' });
      const allow = driftIamPolicy().Statement[0]!;
      await iam({
        Action: 'PutUserPolicy',
        UserName: 'auditor',
        PolicyName: 'drift',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { ...allow, Action: [...allow.Action, 's3:HeadBucket', 's3:GetPublicAccessBlock'] },
            { Effect: 'Deny', ...deny },
          ],
        }),
      });
      const created = await iam({ Action: 'CreateAccessKey', UserName: 'auditor' });
      await motoApi('reset-auth', '0');
      return {
        credentials: {
          accessKeyId: xmlValue(created, 'AccessKeyId'),
          secretAccessKey: xmlValue(created, 'SecretAccessKey'),
        },
        maxAttempts: 2,
      };
    }

    test('a denied bucket is unreadable (unknown with the error); everything else reads clean', async () => {
      const bucket = deployed.ids[IDS.data]!;
      const access = await deniedUser({
        Action: 's3:*',
        Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
      });
      const r = await drift({ failOn: 'high' }, access);
      const e = only(r.entries, deployed.addresses.data);
      expect(e).toMatchObject({ kind: 'unreadable', gating: true });
      expect(e.message).toMatch(/`Data` could not be read: AccessDenied/);
      // The rules that could not be evaluated: the store's, up to BW-DP-003 (critical).
      expect(e.rules).toEqual(expect.arrayContaining(['BW-DP-002', 'BW-DP-003', 'BW-DP-008']));
      expect(e.severity).toBe('critical');
      expect(r.entries.filter((x) => x.address !== deployed.addresses.data)).toEqual([]);
      expect(r.report.incomplete.some((i) => i.includes(deployed.addresses.data))).toBe(true);
      expect(r.code).toBe(1);
    });

    test('unknown only, below --fail-on: a denied trail (rules up to high) exits 0 at critical, 1 at high', async () => {
      const access = await deniedUser({ Action: 'cloudtrail:*', Resource: '*' });
      const atCritical = await drift({ failOn: 'critical' }, access);
      const e = only(atCritical.entries, deployed.addresses.trail);
      expect(e).toMatchObject({ kind: 'unreadable', severity: 'high' });
      expect(e.message).toMatch(/`Trail` could not be read: AccessDenied/);
      expect(e.rules).toEqual(expect.arrayContaining(['BW-LT-002', 'BW-LT-003']));
      expect(atCritical.entries).toHaveLength(1);
      expect(atCritical.code).toBe(0);
      expect((await drift({ failOn: 'high' }, access)).code).toBe(1);
    });
  });

  test('Ctrl-C: reads in flight finish, the rest is reported unread and the report incomplete', async () => {
    const controller = new AbortController();
    const run = await runDrift({
      app: app.outdir,
      physicalIds: deployed.extraPhysicalIds,
      concurrency: 1,
      signal: controller.signal,
      onProgress: (done) => {
        if (done === 2) controller.abort();
      },
    });
    expect(run.drift.resources.read).toBe(2);
    expect(run.incomplete[0]).toMatch(/^interrupted: 6 of 8 resources were not read/);
    const unread = run.drift.entries.filter((e) => e.kind === 'unreadable');
    expect(unread).toHaveLength(6);
    expect(unread.every((e) => !e.gating && /interrupted/.test(e.message))).toBe(true);
  });

  test('a stack that is not deployed is a clear input error (exit 2)', async () => {
    await resetMoto();
    const r = await runCli(['drift', '--app', app.outdir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bulwark: Shop: no such CloudFormation stack .*\[BULWARK_STACK_NOT_FOUND\]/);
  });

  test('--stack naming a stack the app does not have is an input error (exit 2)', async () => {
    const r = await runCli(['drift', '--app', app.outdir, '--stack', 'Nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Nope: the app has no such stack \(its stacks: Shop\)/);
  });

  test('the CLI end to end: text report names the drift and the live findings', async () => {
    await aws.s3.send(new DeletePublicAccessBlockCommand({ Bucket: deployed.ids[IDS.data] }));
    // The trail is not listed by moto's CloudFormation: the plain CLI reports it missing.
    const r = await runCli(['drift', '--app', app.outdir, '--stack', STACK]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/DRIFT \(2\)/);
    expect(r.stdout).toMatch(/changed `Data` publicAccess changed from blocked to open/);
    expect(r.stdout).toMatch(/missing `Trail` \(AWS::CloudTrail::Trail\) is not deployed/);
  });
});

describe('bulwark drift without credentials', () => {
  test('no credentials is a one-line input error (exit 2)', async () => {
    const saved = { ...process.env };
    try {
      delete process.env.AWS_ACCESS_KEY_ID;
      delete process.env.AWS_SECRET_ACCESS_KEY;
      process.env.AWS_SHARED_CREDENTIALS_FILE = '/nonexistent/credentials';
      process.env.AWS_CONFIG_FILE = '/nonexistent/config';
      process.env.AWS_EC2_METADATA_DISABLED = 'true';
      const r = await runCli(['drift', '--app', app.outdir]);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/cannot reach AWS .*\[BULWARK_AWS_ACCESS\]/);
    } finally {
      process.env = saved;
    }
  });
});

test('every command in the permissions table is a read', () => {
  for (const p of DRIFT_PERMISSIONS) expect(p.action).toMatch(READ_ONLY_ACTION);
});

describe('scale', () => {
  test('1,000 resources are read and compared; the run reports how long it took', async () => {
    await resetMoto();
    const dir = await deployScale();
    const started = Date.now();
    const run = await runDrift({ app: dir, concurrency: 8 });
    const seconds = (Date.now() - started) / 1000;
    expect(run.drift.resources).toMatchObject({ desired: 2 * PER_STACK, read: 2 * PER_STACK, changed: 0 });
    expect(run.drift.entries.filter((e) => e.kind !== 'not-checked')).toEqual([]);
    console.log(
      `bulwark drift: ${2 * PER_STACK} resources (${PER_STACK} buckets, ${PER_STACK} security groups), ` +
        `${run.drift.requests} requests, ${seconds.toFixed(1)} s at concurrency 8 against moto`,
    );
    expect(seconds).toBeLessThan(180);
  }, 300_000);
});
