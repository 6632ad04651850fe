import * as path from 'node:path';
import { checkPaths } from '../../lib/check';
import {
  buildReport,
  escapeHtml,
  htmlInline,
  renderHtml,
  type Report,
  type ReportDrift,
} from '../../lib/report';

/** The hand-written hostile template: a bucket and an SSH-open security group with HTML, Markdown and ANSI names. */
const HOSTILE = path.join(__dirname, '../fixtures/hand-written/hostile-names.template.json');

let report: Report;
beforeAll(() => {
  // In memory, as `bulwark check --format html` builds it (JSON leaves rule fields to `rules`).
  const run = checkPaths([HOSTILE]);
  report = buildReport(run.evaluation, { inputs: [HOSTILE], incomplete: run.input.incomplete });
  expect(report.summary.gating).toBeGreaterThan(0);
});

describe('HTML escaping', () => {
  test('escapeHtml: markup characters become entities, control characters visible escapes', () => {
    expect(escapeHtml(`<img src=x onerror="alert('1')">&\u001b[31m\u202e`)).toBe(
      '&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;\\x1b[31m\\u202e',
    );
  });

  test('htmlInline: backtick spans become <code>, their content escaped; an unpaired backtick stays text', () => {
    expect(htmlInline('`<b>` is **not** bold `x')).toBe('<code>&lt;b&gt;</code> is **not** bold `x');
  });
});

describe('renderHtml', () => {
  test('the page is self-contained: a Content-Security-Policy forbidding scripts and loads, no script, no URL', () => {
    const html = renderHtml(report);
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:;`,
    );
    // Inside tags (artifact text is escaped, so its `<` is `&lt;` and never starts one).
    const tags = html.match(/<[^>]*>/g)!;
    expect(
      tags.filter((t) => /^<script|\s(?:src|href|srcset|action)\s*=\s*["']?(?!#)|url\s*\(/i.test(t)),
    ).toEqual([]);
    expect(html).toContain('&lt;img src=x onerror=alert(&#39;tag&#39;)&gt;');
    expect(html.endsWith('</html>\n')).toBe(true);
  });

  test('without a delta there is no delta section; with one, its counts, scores and findings are shown', () => {
    expect(renderHtml(report)).not.toContain('id="delta"');
    const [a, b] = report.findings;
    const html = renderHtml({
      ...report,
      delta: {
        new: [a!],
        fixed: [b!],
        unchanged: 5,
        suppressed: 0,
        baseline: 'base.json',
        scoreBefore: 80,
        scoreAfter: 72.5,
      },
    } as Report);
    expect(html).toContain('id="delta"');
    expect(html).toMatch(
      /Score <span data-kpi="score-before">80\.0<\/span> → <span data-kpi="score-after">72\.5<\/span> \(−7\.5\)/,
    );
    expect(html).toContain('<span data-kpi="delta-new">1</span>');
    expect(html).toContain('<span data-kpi="delta-fixed">1</span>');
    expect(html).toContain('<span data-kpi="delta-unchanged">5</span>');
    expect(html.match(/<tr data-finding="delta"/g)).toHaveLength(2);
  });

  test('without KPIs, open findings per MCSB domain count each finding once per domain its rule asserts', () => {
    // A report without compliance figures (an older report given as a baseline, or drift) falls back
    // to counting open findings per domain.
    const withoutKpis = { ...report, kpis: undefined } as unknown as typeof report;
    const html = renderHtml(withoutKpis);
    const open = report.findings.filter((f) => !f.suppressed);
    const dp = open.filter((f) => f.controls.some((c) => c.startsWith('mcsb-v1:DP-'))).length;
    expect(dp).toBeGreaterThan(0);
    expect(html).toMatch(new RegExp(`data-kpi="domain-findings" data-key="DP" data-value="${dp}">${dp}<`));
  });

  test('with KPIs and an assessment, compliance per framework, per MCSB domain and per group is drawn from them', () => {
    const kpis = {
      compliance: [
        {
          framework: 'mcsb-v1',
          name: 'Microsoft Cloud Security Benchmark',
          percent: 62.5,
          compliant: 5,
          applicable: 8,
          groups: [{ group: 'DP', title: 'Data Protection', percent: 40, compliant: 2, applicable: 5 }],
        },
        {
          framework: 'nist-csf-2.0',
          name: 'NIST Cybersecurity Framework',
          percent: 50,
          compliant: 3,
          applicable: 6,
          groups: [{ group: 'PR', title: 'Protect', percent: 50, compliant: 3, applicable: 6 }],
        },
      ],
    };
    const assessment = { technical: 70, operational: 55.5, compliance: 60, overall: 62.6 };
    const html = renderHtml({ ...report, kpis, assessment } as unknown as Report);
    expect(html).toMatch(/data-kpi="compliance" data-key="mcsb-v1" data-value="62.5">62\.5%</);
    expect(html).toContain('5 of 8 controls compliant');
    expect(html).toMatch(/data-kpi="domain" data-key="DP" data-value="40">40\.0%</);
    expect(html).toMatch(/data-kpi="group" data-key="nist-csf-2.0:PR" data-value="50">50\.0%</);
    expect(html).toMatch(/data-kpi="assessment" data-key="overall" data-value="62.6">62\.6</);
    expect(html).toMatch(/data-kpi="assessment" data-key="operational" data-value="55.5">55\.5</);
    expect(html).not.toContain('data-kpi="domain-findings"');
    // The severity-weighted score per framework stays.
    expect(html).toMatch(/data-kpi="framework" data-key="mcsb-v1"/);
  });

  test('a drift section lists each difference, its message escaped', () => {
    const drift: ReportDrift = {
      stacks: ['Shop'],
      resources: { desired: 2, read: 2, changed: 1, deleted: 0, missing: 0, unreadable: 0, notChecked: 0 },
      entries: [
        {
          kind: 'changed',
          address: 'Shop/Orders',
          type: 'AWS::S3::Bucket',
          name: 'Orders<b>',
          path: 'Shop/Orders/Resource',
          fact: 'tlsOnly',
          desired: true,
          live: false,
          rules: ['BW-DP-006'],
          controls: ['mcsb-v1:DP-3'],
          severity: 'high',
          gating: true,
          message: '`Orders<b>` no longer denies requests without TLS',
        },
      ],
      accountFacts: [],
    };
    const html = renderHtml({ ...report, drift });
    expect(html).toContain('<h2>Drift (1)</h2>');
    expect(html).toContain('<code>Orders&lt;b&gt;</code> no longer denies requests without TLS');
    expect(html).toContain('<code>BW-DP-006</code>');
  });
});
