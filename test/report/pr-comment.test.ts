import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PR_COMMENT_LIMIT } from '../../lib/report';
import { runCli } from '../support/cli';
import { synthShop } from '../support/delta-apps';

describe('--format pr-comment', () => {
  let dir: string;
  const apps: string[] = [];
  let baseJson: string;
  const app = (change: Parameters<typeof synthShop>[0]) => {
    const d = synthShop(change);
    apps.push(d);
    return d;
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-pr-'));
    baseJson = path.join(dir, 'base.json');
    await runCli(['check', app({}), '--format', 'json', '--output', baseJson]);
  });
  afterAll(() => {
    for (const d of [dir, ...apps]) fs.rmSync(d, { recursive: true, force: true });
  });

  test('verdict line, score and its change, new findings with controls and fixes, fixed ones, collapsed details', async () => {
    const head = app({ openSsh: true, enforceSsl: true });
    const r = await runCli(['check', head, '--format', 'pr-comment', '--baseline', 'base.json'], {
      cwd: dir,
    });
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('## ❌ Bulwark: 1 new finding, 1 gating · 1 finding fixed');
    expect(lines[2]).toMatch(
      /^\*\*Score\*\* \d+\.\d% → \d+\.\d% \([+−±]\d+\.\d\) · \d+ unchanged findings · baseline <code>base\.json<\/code>$/,
    );
    const md = r.stdout;
    const newTable = md.slice(md.indexOf('### New findings (1)'), md.indexOf('### Fixed (1)'));
    expect(newTable).toContain('| Severity | Rule | Resource | Message | Controls | Fix |');
    expect(newTable).toMatch(
      /BW-NS-001.*Shop\/Web\/Resource.*<code>cis-aws-5\.0:5\.3<\/code>.*Remove the rule/,
    );
    const fixed = md.slice(md.indexOf('### Fixed (1)'), md.indexOf('<details>'));
    expect(fixed).toMatch(/BW-DP-006.*Shop\/Assets\/Resource/);
    expect(md).toMatch(/<details><summary>All open findings \(\d+\)<\/summary>/);
    expect(md).toContain('<details><summary>KPIs</summary>');
    expect(md).not.toContain('Truncated');
  });

  test('an unchanged app: a green verdict', async () => {
    const r = await runCli(['check', app({ retag: true }), '--format', 'pr-comment', '--baseline', baseJson]);
    expect(r.stdout.split('\n')[0]).toBe('## ✅ Bulwark: no new findings');
  });

  test('many findings: the comment stays under 65,536 characters and says it was truncated', async () => {
    const many = app({ extraBuckets: 250 });
    const r = await runCli(['check', many, '--format', 'pr-comment', '--baseline', baseJson]);
    const json = JSON.parse(
      (await runCli(['check', many, '--format', 'json', '--baseline', baseJson])).stdout,
    ) as {
      delta: { new: unknown[] };
    };
    expect(json.delta.new.length).toBeGreaterThan(1000);
    expect(r.stdout.length).toBeLessThanOrEqual(PR_COMMENT_LIMIT);
    expect(r.stdout.length).toBeGreaterThan(PR_COMMENT_LIMIT - 5_000);
    expect(r.stdout).toMatch(
      /> Truncated: \d+ rows not shown, to stay under GitHub's 65,536-character comment limit/,
    );
    expect(r.stdout.split('\n')[0]).toMatch(/^## ❌ Bulwark: \d+ new findings, \d+ gating$/);
    // Tables are cut between rows, never inside one.
    for (const l of r.stdout.split('\n').filter((x) => x.startsWith('| ')))
      expect(l.endsWith(' |')).toBe(true);
  });

  test('a hostile construct id stays inert text', async () => {
    const hostile = '<img src=x onerror=alert(1)>|**bold**[x](https://evil.example)`';
    const r = await runCli([
      'check',
      app({ assetsId: hostile }),
      '--format',
      'pr-comment',
      '--baseline',
      baseJson,
    ]);
    expect(r.stdout).not.toContain('<img');
    expect(r.stdout).not.toContain('](https://evil');
    expect(r.stdout).not.toContain('**bold**');
    expect(r.stdout).toContain('&lt;img src=x onerror=alert(1)&gt;');
    for (const l of r.stdout.split('\n').filter((x) => x.startsWith('| ') && x.includes('onerror'))) {
      // The payload's `|` adds no column.
      expect(l.split(' | ').length).toBeLessThanOrEqual(6);
    }
  });
});
