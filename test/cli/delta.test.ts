import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { JsonFinding, Report } from '../../lib/report';
import { runCli } from '../support/cli';
import { synthShop } from '../support/delta-apps';

/** The same shop before and after a pull request, and the base branch's JSON report. */
describe('delta mode: --baseline and --fail-on-new on a pair of apps', () => {
  let dir: string;
  let base: string;
  let head: string;
  let unchanged: string;
  let baseJson: string;
  const apps: string[] = [];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-delta-'));
    base = synthShop();
    unchanged = synthShop({ retag: true });
    // The change: SSH opened to the internet, TLS enforced on the assets bucket, the reports bucket's
    // logical id changed under the same construct path, and a tag added elsewhere.
    head = synthShop({ openSsh: true, enforceSsl: true, renameReports: true, retag: true });
    apps.push(base, unchanged, head);
    baseJson = path.join(dir, 'base.json');
    const r = await runCli(['check', base, '--format', 'json', '--output', baseJson]);
    expect(r.code).toBe(1);
  });
  afterAll(() => {
    for (const d of [dir, ...apps]) fs.rmSync(d, { recursive: true, force: true });
  });

  const json = async (app: string, ...args: string[]) => {
    const r = await runCli(['check', app, '--format', 'json', '--baseline', baseJson, ...args]);
    return { code: r.code, stderr: r.stderr, report: JSON.parse(r.stdout) as Report };
  };
  const ids = (fs: readonly JsonFinding[]) =>
    fs.map(
      (f) => `${f.ruleId} ${f.resource.path ?? f.resource.address}${f.finding ? ` [${f.finding}]` : ''}`,
    );

  test('an unchanged app with existing findings: nothing new or fixed, and --fail-on-new exits 0', async () => {
    const plain = await runCli(['check', unchanged]);
    expect(plain.code).toBe(1);
    const { code, report } = await json(unchanged, '--fail-on-new');
    expect(code).toBe(0);
    expect(report.delta!.new).toEqual([]);
    expect(report.delta!.fixed).toEqual([]);
    const open = report.findings.filter(
      (f) => (f.status === 'fail' || f.status === 'unknown') && !f.suppressed,
    );
    expect(report.delta!.unchanged).toBe(open.length);
    expect(report.delta!.unchanged).toBeGreaterThan(5);
    expect(report.delta!.scoreBefore).toBe(report.delta!.scoreAfter);
  });

  test('the risky change: SSH opened is new and gates; TLS enforced is fixed; the renamed bucket is unchanged', async () => {
    const { code, report } = await json(head, '--fail-on-new');
    expect(code).toBe(1);
    const d = report.delta!;
    expect(ids(d.new)).toEqual([expect.stringMatching(/^BW-NS-001 Shop\/Web\/Resource/)]);
    expect(d.new[0]!.severity).toBe('high');
    expect(ids(d.fixed)).toEqual(['BW-DP-006 Shop/Assets/Resource']);
    // The reports bucket's findings carry another address now, under the same construct path.
    const reports = report.findings.filter((f) => f.resource.path === 'Shop/Reports/Resource');
    expect(reports.length).toBeGreaterThan(2);
    expect(reports.every((f) => f.resource.address === 'Shop/QuarterlyReports')).toBe(true);
    expect(
      ids(d.new)
        .concat(ids(d.fixed))
        .some((s) => s.includes('Reports')),
    ).toBe(false);
    const baseline = JSON.parse(fs.readFileSync(baseJson, 'utf8')) as Report;
    const openBefore = baseline.findings.filter((f) => !f.suppressed).length;
    expect(d.unchanged).toBe(openBefore - d.fixed.length);
    expect(d.scoreBefore).toBe(baseline.score.overall.score);
    expect(d.scoreAfter).toBe(report.score.overall.score);
  });

  test('a baseline finding that is now suppressed is neither fixed nor unchanged', async () => {
    const file = path.join(dir, 'bulwark.suppressions.yaml');
    fs.writeFileSync(
      file,
      [
        'suppressions:',
        '  - rule: BW-DP-006',
        '    target: Shop/Reports/Resource',
        '    reason: Reports are read by a legacy HTTP client until it is replaced',
        '',
      ].join('\n'),
    );
    const before = (await json(head)).report.delta!;
    const { report } = await json(head, '--suppressions', file);
    const d = report.delta!;
    expect(d.suppressed).toBe(1);
    expect(ids(d.fixed)).toEqual(ids(before.fixed));
    expect(d.unchanged).toBe(before.unchanged - 1);
    expect(before.suppressed).toBe(0);
  });

  test('--fail-on-new gates at --fail-on: a new high finding passes --fail-on critical', async () => {
    expect((await json(head, '--fail-on-new', '--fail-on', 'critical')).code).toBe(0);
    expect((await json(head, '--fail-on-new', '--fail-on', 'high')).code).toBe(1);
  });

  test('a resource moved under another parent changes its construct path: fixed plus new', async () => {
    // Same logical id (address), another construct path: both carry a path, so the path decides.
    const moved = synthShop({ moveReports: true });
    apps.push(moved);
    const { report } = await json(moved);
    const d = report.delta!;
    const atNewPath = report.findings.filter((f) => f.resource.path === 'Shop/Archive/Reports/Resource');
    expect(atNewPath.length).toBeGreaterThan(2);
    expect(atNewPath.every((f) => f.resource.address === 'Shop/Reports65402A0A')).toBe(true);
    expect(d.new).toHaveLength(atNewPath.length);
    expect(d.fixed).toHaveLength(atNewPath.length);
    expect(d.fixed.every((f) => f.resource.path === 'Shop/Reports/Resource')).toBe(true);
  });

  test('the delta does not depend on the order of findings in the baseline', async () => {
    const baseline = JSON.parse(fs.readFileSync(baseJson, 'utf8')) as Report;
    const shuffled = path.join(dir, 'shuffled.json');
    fs.writeFileSync(shuffled, JSON.stringify({ ...baseline, findings: [...baseline.findings].reverse() }));
    const a = (await json(head)).report.delta!;
    const r = await runCli(['check', head, '--format', 'json', '--baseline', shuffled]);
    const b = (JSON.parse(r.stdout) as Report).delta!;
    expect({ ...b, baseline: '' }).toEqual({ ...a, baseline: '' });
  });

  test("a version 1 baseline, whose findings repeat their rule's fields, gives the same delta", async () => {
    const baseline = JSON.parse(fs.readFileSync(baseJson, 'utf8')) as {
      findings: Record<string, unknown>[];
      rules: { id: string; title: string; enforcement: string; fix: string; threats: string[] }[];
    };
    const v1 = path.join(dir, 'v1.json');
    const rule = (id: unknown) => baseline.rules.find((r) => r.id === id)!;
    const findings = baseline.findings.map((f) => ({
      ...f,
      title: rule(f.ruleId).title,
      enforcement: rule(f.ruleId).enforcement,
      fix: rule(f.ruleId).fix,
      controls: [],
      threats: rule(f.ruleId).threats,
    }));
    fs.writeFileSync(v1, JSON.stringify({ ...baseline, schemaVersion: 1, findings }));
    const a = (await json(head)).report.delta!;
    const r = await runCli(['check', head, '--format', 'json', '--baseline', v1]);
    expect(r.code).not.toBe(2);
    const b = (JSON.parse(r.stdout) as Report).delta!;
    expect({ ...b, baseline: '' }).toEqual({ ...a, baseline: '' });
  });

  describe('a baseline that is not a readable Bulwark report exits 2 with one line naming it', () => {
    const cases: [string, () => string, RegExp][] = [
      ['not JSON', () => 'cdk.out is not json {', /baseline is not JSON/],
      ['a SARIF log', () => JSON.stringify({ version: '2.1.0', runs: [] }), /not a Bulwark JSON report/],
      [
        'a report of another schema version',
        () => JSON.stringify({ ...JSON.parse(fs.readFileSync(baseJson, 'utf8')), schemaVersion: 0 }),
        /schema version 0; this bulwark reads versions 1 and 2/,
      ],
      [
        'a report without findings',
        () => {
          const report = JSON.parse(fs.readFileSync(baseJson, 'utf8')) as Record<string, unknown>;
          delete report.findings;
          return JSON.stringify(report);
        },
        /not a complete Bulwark JSON report \(top level: must have required property 'findings'\)/,
      ],
    ];
    test.each(cases)('%s', async (_name, content, message) => {
      const file = path.join(dir, 'bad-base.json');
      fs.writeFileSync(file, content());
      const r = await runCli(['check', head, '--baseline', file], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^bulwark: bad-base\.json: /);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toContain('[BULWARK_BASELINE_INVALID]');
    });

    test('a missing baseline file', async () => {
      const r = await runCli(['check', head, '--baseline', 'nope.json'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^bulwark: nope\.json: cannot read the baseline \(ENOENT\)/);
    });
  });

  test('--fail-on-new without --baseline is a usage error', async () => {
    const r = await runCli(['check', head, '--fail-on-new']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--fail-on-new: needs --baseline/);
  });
});
