import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, CfnParameter, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { evaluate, gates, type Evaluation } from '../../lib/engine/evaluate';
import { namesFramework } from '../../lib/engine/pack';
import { buildReport, renderText } from '../../lib/report';
import { loadInput } from '../../lib/sources';
import { cloudFormationAdapters } from '../../lib/views/cloudformation';
import { findPack } from '../../policies/packs';
import { isSchemeRule } from '../../policies/packs/adopt';
import { RULES } from '../../policies/rules';
import { runCli } from '../support/cli';

const adopt = findPack('adopt')!;

describe('adopt pack: which rules run and how', () => {
  test('classification-scheme rules are off; the scheme-independent ones naming a classification control stay', () => {
    const scheme = RULES.filter(isSchemeRule).map((r) => r.id);
    expect(scheme).toEqual(expect.arrayContaining(['BW-DP-011', 'BW-DP-012', 'BW-DP-018', 'BW-BR-005']));
    for (const r of RULES.filter(isSchemeRule)) expect(adopt.enforcementOf(r)).toBe('disabled');
    const kept = RULES.filter((r) => namesFramework(r, 'classification') && !isSchemeRule(r));
    expect(kept.map((r) => r.id).sort()).toEqual(['BW-DP-008', 'BW-DP-009', 'BW-LT-001']);
    for (const r of kept) expect(adopt.enforcementOf(r)).not.toBe('disabled');
  });

  test('preferences are advisory or off; other high and critical rules are mandatory; unknowns do not gate', () => {
    const of = (id: string) => adopt.enforcementOf(RULES.find((r) => r.id === id)!);
    expect(of('BW-NS-021')).toBe('disabled');
    for (const id of ['BW-DP-002', 'BW-DS-008', 'BW-LT-008', 'BW-LT-009']) expect(of(id)).toBe('advisory');
    for (const r of RULES.filter((x) => !isSchemeRule(x) && ['high', 'critical'].includes(x.severity)))
      expect({ rule: r.id, enforcement: adopt.enforcementOf(r) }).toEqual({
        rule: r.id,
        enforcement: 'mandatory',
      });
    expect(adopt.unknownGates).toBe(false);
  });
});

describe('adopt pack on a template written without the classification scheme', () => {
  let outdir: string;
  let withAdopt: Evaluation;
  let withAll: Evaluation;

  beforeAll(() => {
    outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-adopt-'));
    const app = new App({ outdir, builtinCloudFormationValidation: false });
    const stack = new Stack(app, 'Shop');
    // An untagged bucket on the S3 defaults: no classification, SSE-S3, no TLS-only policy.
    new s3.Bucket(stack, 'Assets');
    // SSH open to the internet: certainly wrong.
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 });
    const sg = new ec2.SecurityGroup(stack, 'Admin', { vpc });
    sg.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(22), 'ssh');
    // Encryption chosen at deploy time, with neither a default nor allowed values: cannot be resolved
    // from the template. (With allowed values, each would be judged, and `false` would fail.)
    const encrypted = new CfnParameter(stack, 'Encrypted', { type: 'String' });
    new rds.CfnDBInstance(stack, 'Db', {
      dbInstanceClass: 'db.t3.micro',
      engine: 'postgres',
      storageEncrypted: encrypted.value,
      publiclyAccessible: false,
    });
    // An internet-facing load balancer without Shield Advanced.
    new elbv2.ApplicationLoadBalancer(stack, 'Web', { vpc, internetFacing: true });
    app.synth();
    const { graph } = loadInput([outdir]);
    const run = (pack: string) =>
      evaluate({ graph, adapters: cloudFormationAdapters(), rules: RULES, pack: findPack(pack)! });
    withAdopt = run('adopt');
    withAll = run('all');
  });

  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  const results = (e: Evaluation, rule: string, name?: string) =>
    e.results.filter((r) => r.rule.id === rule && (name === undefined || r.view.name === name));

  test('the scheme and Shield Advanced are not asked for', () => {
    expect(results(withAll, 'BW-DP-011', 'Assets').map((r) => r.outcome)).toEqual(['fail']);
    expect(results(withAdopt, 'BW-DP-011')).toEqual([]);
    expect(results(withAll, 'BW-NS-021', 'Web').map((r) => r.outcome)).toEqual(['fail']);
    expect(results(withAdopt, 'BW-NS-021')).toEqual([]);
  });

  test('service-managed encryption is reported as a preference, never gating', () => {
    const [kms] = results(withAdopt, 'BW-DP-002', 'Assets');
    expect(kms).toMatchObject({ outcome: 'fail', enforcement: 'advisory' });
    expect(gates(kms!, adopt)).toBe(false);
  });

  test('certain misconfigurations gate', () => {
    const ssh = results(withAdopt, 'BW-NS-001').filter((r) => r.outcome === 'fail');
    expect(ssh.length).toBeGreaterThan(0);
    expect(ssh.every((r) => gates(r, adopt))).toBe(true);
    const tls = results(withAdopt, 'BW-DP-006', 'Assets');
    expect(tls.map((r) => [r.outcome, gates(r, adopt)])).toEqual([['fail', true]]);
  });

  test('what cannot be resolved is reported, under mandatory enforcement, without gating', () => {
    const [db] = results(withAdopt, 'BW-DP-004', 'Db');
    expect(db).toMatchObject({ outcome: 'unknown', enforcement: 'mandatory' });
    expect(gates(db!, adopt)).toBe(false);
    expect(gates(results(withAll, 'BW-DP-004', 'Db')[0]!, findPack('all')!)).toBe(true);
  });

  test('the text report leads with what gates, and shows the unknown that does not last', () => {
    const text = renderText(
      buildReport(withAdopt, { inputs: [outdir], cwd: outdir, tool: { version: '0' } }),
    );
    const headers = text.split('\n').filter((l) => /^(FAILED|UNKNOWN), (NOT )?GATING/.test(l));
    expect(headers.map((l) => l.replace(/ \(.*$/, ''))).toEqual([
      'FAILED, GATING',
      'FAILED, NOT GATING',
      'UNKNOWN, NOT GATING',
    ]);
    const gatingBlock = text.slice(0, text.indexOf('FAILED, NOT GATING'));
    expect(gatingBlock).toContain('BW-NS-001');
    expect(gatingBlock).not.toContain('BW-DP-002');
    expect(text.slice(text.indexOf('UNKNOWN, NOT GATING'))).toContain('BW-DP-004');
  });
});

describe('adopt pack in the CLI', () => {
  test('`check --help` and `drift --help` list every pack with its description', async () => {
    for (const command of ['check', 'drift']) {
      const r = await runCli([command, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Packs (--pack):');
      expect(r.stdout).toMatch(/^ {2}adopt +For teams that have not adopted the classification scheme yet/m);
      expect(r.stdout).toMatch(/^ {2}all +Every rule\..*\(default\)$/m);
    }
  });
});
