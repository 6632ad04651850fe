import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { ASSESSMENT_WEIGHTS } from '../../lib/engine/assessment';
import type { Report } from '../../lib/report';
import { runCli } from '../support/cli';
import { synthShop } from '../support/delta-apps';

/** The figures of a JSON report, read from its fields (not through the renderers' helper). */
function figuresOf(r: Report): Map<string, number | null> {
  const m = new Map<string, number | null>();
  for (const s of ['critical', 'high', 'medium', 'low'] as const)
    m.set(`severity.${s}`, r.kpis.bySeverity[s]);
  m.set('secureScore', r.kpis.secureScore);
  for (const k of ['technical', 'operational', 'compliance', 'overall'] as const)
    m.set(`assessment.${k}`, r.assessment[k]);
  for (const f of r.kpis.compliance) {
    m.set(`compliance.${f.framework}`, f.percent);
    for (const g of f.groups) m.set(`compliance.${f.framework}.${g.group}`, g.percent);
  }
  if (r.delta) {
    m.set('delta.new', r.delta.new.length);
    m.set('delta.fixed', r.delta.fixed.length);
    m.set('delta.unchanged', r.delta.unchanged);
    m.set('delta.suppressed', r.delta.suppressed);
    m.set('delta.scoreBefore', r.delta.scoreBefore);
    m.set('delta.scoreAfter', r.delta.scoreAfter);
  }
  return m;
}

const num = (s: string) => (s === 'n/a' ? null : Number(s));

describe('KPIs and the weighted assessment', () => {
  let dir: string;
  const apps: string[] = [];
  let head: string;
  let baseJson: string;
  let json: Report;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-kpi-'));
    const base = synthShop();
    head = synthShop({ openSsh: true, enforceSsl: true });
    apps.push(base, head);
    baseJson = path.join(dir, 'base.json');
    await runCli(['check', base, '--format', 'json', '--output', baseJson]);
    json = JSON.parse(
      (await runCli(['check', head, '--format', 'json', '--baseline', baseJson])).stdout,
    ) as Report;
  });
  afterAll(() => {
    for (const d of [dir, ...apps]) fs.rmSync(d, { recursive: true, force: true });
  });

  const render = async (format: string) =>
    (await runCli(['check', head, '--format', format, '--baseline', baseJson])).stdout;

  test('counts by severity and the secure score are the summary and the overall score', () => {
    expect(json.kpis.bySeverity).toEqual(json.summary.bySeverity);
    expect(json.kpis.secureScore).toBe(json.score.overall.score);
  });

  test('overall = 0.4 technical + 0.3 operational + 0.3 compliance', () => {
    const a = json.assessment;
    expect(a.technical).not.toBeNull();
    expect(a.operational).not.toBeNull();
    expect(a.compliance).not.toBeNull();
    const expected =
      ASSESSMENT_WEIGHTS.technical * a.technical! +
      ASSESSMENT_WEIGHTS.operational * a.operational! +
      ASSESSMENT_WEIGHTS.compliance * a.compliance!;
    expect(Math.abs(a.overall! - expected)).toBeLessThanOrEqual(0.05);
  });

  test('compliance per framework and per MCSB domain, NIST CSF function, CIS section and GDPR article', () => {
    const by = (fw: string) => json.kpis.compliance.find((f) => f.framework === fw)!;
    const groups = (fw: string) => by(fw).groups.map((g) => g.group);
    expect(groups('mcsb-v1')).toEqual(expect.arrayContaining(['NS', 'DP']));
    for (const g of groups('nist-csf-2.0')) expect(['GV', 'ID', 'PR', 'DE', 'RS', 'RC']).toContain(g);
    for (const g of groups('cis-aws-5.0')) expect(g).toMatch(/^\d+$/);
    expect(groups('gdpr')).toEqual(expect.arrayContaining(['Art.32']));
    for (const f of json.kpis.compliance) {
      expect(f.compliant).toBeLessThanOrEqual(f.applicable);
      expect(f.groups.reduce((n, g) => n + g.applicable, 0)).toBe(f.applicable);
      expect(f.percent).toBe(Math.round((1000 * f.compliant) / f.applicable) / 10);
    }
    // The open SSH port makes the MCSB network domain non-compliant in part.
    const ns = by('mcsb-v1').groups.find((g) => g.group === 'NS')!;
    expect(ns.compliant).toBeLessThan(ns.applicable);
  });

  test('the same numbers in every format: json, text, sarif, junit, markdown, pr-comment', async () => {
    const expected = figuresOf(json);
    expect(expected.size).toBeGreaterThan(20);

    const sarif = JSON.parse(await render('sarif')) as {
      runs: { properties: { kpis: Record<string, number | null>; assessment: unknown } }[];
    };
    expect(new Map(Object.entries(sarif.runs[0]!.properties.kpis))).toEqual(expected);
    expect(sarif.runs[0]!.properties.assessment).toEqual(json.assessment);

    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(
      await render('junit'),
    ) as {
      testsuites: {
        testsuite: { name: string; properties?: { property: { name: string; value: string }[] } }[];
      };
    };
    const kpiSuite = xml.testsuites.testsuite.find((s) => s.name === 'bulwark: kpis')!;
    expect(new Map(kpiSuite.properties!.property.map((p) => [p.name, num(p.value)]))).toEqual(expected);

    for (const format of ['markdown', 'pr-comment']) {
      const md = await render(format);
      const rows = [...md.matchAll(/^\| <code>([^<]+)<\/code> \| ([^ |]+) \|$/gm)].map(
        (m) => [m[1]!, num(m[2]!)] as const,
      );
      expect({ format, figures: new Map(rows) }).toEqual({ format, figures: expected });
    }

    const text = await render('text');
    const pct = (s: string) => num(s.replace('%', ''));
    const a =
      /Assessment (\S+) overall = 0\.4 x technical (\S+) \+ 0\.3 x operational (\S+) \+ 0\.3 x compliance (\S+)/.exec(
        text,
      )!;
    expect([pct(a[1]!), pct(a[2]!), pct(a[3]!), pct(a[4]!)]).toEqual([
      expected.get('assessment.overall'),
      expected.get('assessment.technical'),
      expected.get('assessment.operational'),
      expected.get('assessment.compliance'),
    ]);
    expect(pct(/Secure score (\S+)/.exec(text)![1]!)).toBe(expected.get('secureScore'));
    for (const f of json.kpis.compliance) {
      const line = new RegExp(`^Compliance ${f.framework.replace(/[.]/g, '\\.')} (\\S+) .*: (.*)$`, 'm').exec(
        text,
      )!;
      expect(pct(line[1]!)).toBe(f.percent);
      const groups = line[2]!.split(', ').map((g) => g.split(' '));
      expect(groups.map(([g, v]) => [g, pct(v!)])).toEqual(f.groups.map((g) => [g.group, g.percent]));
    }
    const d =
      /Delta against .*: (\d+) new, (\d+) fixed, (\d+) unchanged, (\d+) now suppressed; score (\S+) -> (\S+)/.exec(
        text,
      )!;
    expect([num(d[1]!), num(d[2]!), num(d[3]!), num(d[4]!), pct(d[5]!), pct(d[6]!)]).toEqual([
      expected.get('delta.new'),
      expected.get('delta.fixed'),
      expected.get('delta.unchanged'),
      expected.get('delta.suppressed'),
      expected.get('delta.scoreBefore'),
      expected.get('delta.scoreAfter'),
    ]);
    const sev = /Open findings by severity critical (\d+), high (\d+), medium (\d+), low (\d+)/.exec(text)!;
    expect(sev.slice(1).map(num)).toEqual(
      ['critical', 'high', 'medium', 'low'].map((s) => expected.get(`severity.${s}`)),
    );
  });
});
