import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { HTML_CSP, SEVERITY_ORDER, type Report, type ReportFinding } from '../../lib/report';
import { runCli } from '../support/cli';
import { synthShopApp } from './support/app';
import { browserTestsEnabled, launchChromium } from './support/chromium';

/** A hand-written template whose names, tags and descriptions carry HTML, Markdown and ANSI payloads. */
const HOSTILE = path.join(__dirname, '../fixtures/hand-written/hostile-names.template.json');

/** Payloads of {@link HOSTILE} that reach the report, as a reader must see them: literally. */
const VISIBLE_PAYLOADS = [
  "<script>alert('name')</script>",
  "<img src=x onerror=alert('tag')>",
  "Hostile<svg/onload=alert('logical-id')>",
  // ANSI escapes are written as visible `\x1b`; the Markdown stays plain text.
  '**bold** [link](https://evil.example) \\x1b[31mred\\x1b[0m',
];

/** Compliance of a framework as the JSON report's `kpis.compliance` gives it. */
interface KpiCompliance {
  framework: string;
  percent: number | null;
  groups: { group: string; percent: number | null }[];
}

const isOpen = (f: ReportFinding) => (f.status === 'fail' || f.status === 'unknown') && !f.suppressed;

const describeBrowser = browserTestsEnabled() ? describe : describe.skip;

describeBrowser('HTML report in headless Chromium', () => {
  jest.setTimeout(120_000);
  let dir: string;
  let json: Report;
  let reportFile: string;
  let hostileFile: string;
  let browser: { context: BrowserContext; close: () => Promise<void> };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-html-'));
    const { outdir, suppressions } = synthShopApp(dir);
    const args = ['check', outdir, '--suppressions', suppressions];
    const j = await runCli([...args, '--format', 'json'], { cwd: dir });
    expect(j.code).toBe(1);
    json = JSON.parse(j.stdout) as Report;
    const h = await runCli([...args, '--format', 'html', '--output', 'report.html'], { cwd: dir });
    expect([h.code, h.stderr]).toEqual([1, 'bulwark: html report written to report.html\n']);
    reportFile = path.join(dir, 'report.html');
    const x = await runCli(['check', HOSTILE, '--format', 'html', '--output', 'hostile.html'], { cwd: dir });
    expect(x.code).toBe(1);
    hostileFile = path.join(dir, 'hostile.html');
    browser = await launchChromium({ javaScriptEnabled: false });
  });

  afterAll(async () => {
    await browser?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Open a file, recording every request the page makes and every dialog it opens. */
  async function open(file: string, context = browser.context) {
    const page = await context.newPage();
    const requests: string[] = [];
    const dialogs: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    return { page, requests, dialogs };
  }

  const text = async (page: Page, selector: string) => (await page.locator(selector).textContent())?.trim();

  test('the page renders: title, verdict, score gauge and severity chart visible; it requests nothing but itself', async () => {
    const { page, requests } = await open(reportFile);
    expect(await page.title()).toBe(
      `Bulwark report: Action required: ${json.summary.gating} gating findings`,
    );
    await expect(page.locator('[data-verdict="fail"]').isVisible()).resolves.toBe(true);
    await expect(page.locator('svg.gauge').isVisible()).resolves.toBe(true);
    const bars = page.locator('[data-kpi="severity"]');
    expect(await bars.count()).toBe(4);
    for (let i = 0; i < 4; i++) await expect(bars.nth(i).isVisible()).resolves.toBe(true);
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(
      HTML_CSP,
    );
    expect(requests).toEqual([pathToFileURL(reportFile).href]);
    await page.close();
  });

  test('the numbers on the page equal the JSON report of the same run', async () => {
    const { page } = await open(reportFile);
    const s = json.summary;
    expect(await text(page, '[data-kpi="score"]')).toBe(json.score.overall.score!.toFixed(1));
    expect(await page.locator('[data-kpi="score"]').getAttribute('data-value')).toBe(
      String(json.score.overall.score),
    );
    for (const severity of SEVERITY_ORDER) {
      expect([severity, await text(page, `[data-kpi="severity"][data-key="${severity}"]`)]).toEqual([
        severity,
        String(s.bySeverity[severity]),
      ]);
    }
    expect(json.score.frameworks.length).toBeGreaterThanOrEqual(3);
    for (const f of json.score.frameworks) {
      expect([f.framework, await text(page, `[data-kpi="framework"][data-key="${f.framework}"]`)]).toEqual([
        f.framework,
        f.score === null ? 'n/a' : `${f.score.toFixed(1)}%`,
      ]);
    }
    // KPIs and the weighted assessment, when the report model carries them.
    const kpis = (json as unknown as { kpis?: { compliance: KpiCompliance[] } }).kpis;
    const pct = (x: number | null) => (x === null ? 'n/a' : `${x.toFixed(1)}%`);
    for (const f of kpis?.compliance ?? []) {
      expect([f.framework, await text(page, `[data-kpi="compliance"][data-key="${f.framework}"]`)]).toEqual([
        f.framework,
        pct(f.percent),
      ]);
      for (const g of f.groups) {
        const sel =
          f.framework === 'mcsb-v1'
            ? `[data-kpi="domain"][data-key="${g.group}"]`
            : `[data-kpi="group"][data-key="${f.framework}:${g.group}"]`;
        expect([sel, (await page.locator(sel).textContent())?.trim()]).toEqual([sel, pct(g.percent)]);
      }
    }
    const assessment = (json as unknown as { assessment?: Record<string, number | null> }).assessment;
    for (const [part, v] of Object.entries(assessment ?? {}))
      expect([part, await text(page, `[data-kpi="assessment"][data-key="${part}"]`)]).toEqual([
        part,
        v === null ? 'n/a' : v.toFixed(1),
      ]);
    const open_ = json.findings.filter(isOpen);
    const tiles: Record<string, number> = {
      findings: open_.length,
      gating: s.gating,
      resources: s.resources,
      checks: s.checks,
      passed: s.passed,
      failed: s.failed,
      unknown: s.unknown,
      suppressed: s.suppressed,
    };
    for (const [kpi, n] of Object.entries(tiles))
      expect([kpi, await text(page, `[data-kpi="${kpi}"]`)]).toEqual([kpi, String(n)]);
    expect(await page.locator('tr[data-finding="open"]').count()).toBe(open_.length);
    expect(await page.locator('tr[data-finding="suppressed"]').count()).toBe(
      json.findings.filter((f) => f.suppressed).length,
    );
    expect(await page.locator('tr[data-suppression]').count()).toBe(json.suppressions.length);
    // The suppressions show reason, owner and expiry; the expired one says so.
    const expired = page.locator('tr[data-suppression="BW-LT-008"]');
    expect(await expired.innerText()).toMatch(
      /Access logging arrives with the new log archive\s+platform-security\s+2024-01-31\s+expired/,
    );
    await page.close();
  });

  test('the page loads nothing: every href is a # anchor, no src, no url(), no script', async () => {
    const html = fs.readFileSync(reportFile, 'utf8');
    const tags = html.match(/<[^>]*>/g)!;
    expect(tags.filter((t) => /\s(?:src|href|srcset|action)\s*=\s*["']?(?!#)/i.test(t))).toEqual([]);
    expect(html).not.toMatch(/url\s*\(/i);
    expect(html).not.toMatch(/<script|<link|<iframe|<img|@import/i);
    const { page } = await open(reportFile);
    const refs = (await page.evaluate(
      `[...document.querySelectorAll('[href],[src],[srcset],[action]')].map((e) => e.outerHTML)`,
    )) as string[];
    expect(refs.every((r) => /^<a href="#[a-z-]+">/.test(r))).toBe(true);
    await page.close();
  });

  test('the control drill-down opens without JavaScript: control, then rule, then the finding', async () => {
    const { page } = await open(reportFile);
    const control = page.locator('details.control[data-control="mcsb-v1:DP-3"]');
    expect(await control.getAttribute('open')).toBeNull();
    const finding = control.locator('details.rule li').first();
    await expect(finding.isVisible()).resolves.toBe(false);
    await control.locator('> summary').click();
    expect(await control.getAttribute('open')).toBe('');
    await control.locator('details.rule > summary').first().click();
    await expect(finding.isVisible()).resolves.toBe(true);
    expect(await finding.innerText()).toMatch(/Orders accepts requests without TLS/);
    await page.close();
  });

  test.each([
    ['disabled', false],
    ['enabled (the Content-Security-Policy and escaping still hold)', true],
  ])(
    'a hostile template renders as inert, visible text with JavaScript %s',
    async (_label, javaScriptEnabled) => {
      const other = javaScriptEnabled ? await launchChromium({ javaScriptEnabled: true }) : undefined;
      try {
        const { page, dialogs, requests } = await open(hostileFile, other?.context ?? browser.context);
        await page.waitForTimeout(300);
        // In-page code as text: the tests compile without the DOM library.
        const dom = (await page.evaluate(`({
          injected: document.querySelectorAll(
            'script, img, iframe, object, embed, link, foreignObject, a:not([href^="#"])',
          ).length,
          svgs: document.querySelectorAll('svg').length,
          charts: document.querySelectorAll('svg.chart, svg.gauge').length,
          handlers: [...document.querySelectorAll('*')]
            .flatMap((e) => [...e.attributes].map((a) => a.name))
            .filter((n) => n.startsWith('on')),
          text: document.body.innerText,
        })`)) as { injected: number; svgs: number; charts: number; handlers: string[]; text: string };
        expect(dialogs).toEqual([]);
        expect(dom.injected).toBe(0);
        expect(dom.svgs).toBe(dom.charts);
        expect(dom.handlers).toEqual([]);
        for (const p of VISIBLE_PAYLOADS) expect(dom.text).toContain(p);
        expect(dom.text).not.toContain('\u001b');
        expect(requests).toEqual([pathToFileURL(hostileFile).href]);
        await page.close();
      } finally {
        await other?.close();
      }
    },
  );
});
