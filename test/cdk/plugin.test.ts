import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { BulwarkValidationPlugin } from '../../lib/cdk';
import { buildReport, renderJson, renderText } from '../../lib/report';
import { escapeControl } from '../../lib/report/escape';
import { relativePath } from '../../lib/paths';
import { VERSION } from '../../lib/version';

function appWithPlugin() {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-plugin-'));
  const app = new App({ outdir, builtinCloudFormationValidation: false });
  let printed = '';
  const plugin = new BulwarkValidationPlugin({ out: (t) => void (printed += t) });
  Validations.of(app).addPlugins(plugin);
  return { app, outdir, plugin, printed: () => printed };
}

describe('CDK validation plugin', () => {
  test('an app with a bucket accepting requests without TLS fails synthesis, naming the construct path', () => {
    const { app, outdir } = appWithPlugin();
    new s3.Bucket(new Stack(app, 'Shop'), 'Plain');
    expect(() => app.synth()).toThrow(/Shop\/Plain\/Resource[\s\S]*Bulwark::BW-DP-006/);
    const report = JSON.parse(
      fs.readFileSync(path.join(outdir, 'validation-report.json'), 'utf8'),
    ) as unknown;
    const text = JSON.stringify(report);
    expect(text).toContain('BW-DP-006');
    expect(text).toContain('Shop/Plain/Resource');
    fs.rmSync(outdir, { recursive: true, force: true });
  });

  test('a compliant app synthesizes; the report is printed and written to the cloud assembly as JSON only', () => {
    const { app, outdir, printed } = appWithPlugin();
    const stack = new Stack(app, 'Shop');
    const key = new kms.Key(stack, 'Key', { enableKeyRotation: true });
    new s3.Bucket(stack, 'Orders', { encryptionKey: key, enforceSSL: true, versioned: true });
    expect(() => app.synth()).not.toThrow();
    expect(printed()).toMatch(/checks of \d+ rules on \d+ resources/);
    const json = JSON.parse(fs.readFileSync(path.join(outdir, 'bulwark.report.json'), 'utf8')) as {
      summary: { gating: number };
    };
    expect(json.summary.gating).toBe(0);
    expect(fs.readdirSync(outdir).filter((f) => f.startsWith('bulwark.'))).toEqual(['bulwark.report.json']);
    fs.rmSync(outdir, { recursive: true, force: true });
  });

  test('SARIF and HTML are written when asked for', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-plugin-'));
    const app = new App({ outdir, builtinCloudFormationValidation: false });
    Validations.of(app).addPlugins(
      new BulwarkValidationPlugin({ out: () => undefined, reportFormats: ['json', 'sarif', 'html'] }),
    );
    const stack = new Stack(app, 'Shop');
    const key = new kms.Key(stack, 'Key', { enableKeyRotation: true });
    new s3.Bucket(stack, 'Orders', { encryptionKey: key, enforceSSL: true, versioned: true });
    expect(() => app.synth()).not.toThrow();
    expect(fs.existsSync(path.join(outdir, 'bulwark.report.json'))).toBe(true);
    expect(fs.existsSync(path.join(outdir, 'bulwark.sarif'))).toBe(true);
    expect(fs.readFileSync(path.join(outdir, 'bulwark.report.html'), 'utf8')).toMatch(
      /^<!DOCTYPE html>[\s\S]*<title>Bulwark report: No gating findings/,
    );
    fs.rmSync(outdir, { recursive: true, force: true });
  });

  test('it prints the gating findings in full, the others one line per rule, the counts, the score and the report files', () => {
    const { app, outdir, plugin, printed } = appWithPlugin();
    new s3.Bucket(new Stack(app, 'Shop'), 'Plain');
    expect(() => app.synth()).toThrow(/BW-DP-006/);
    const report = buildReport(plugin.lastEvaluation!, {
      tool: { name: 'bulwark', version: VERSION },
      inputs: [path.join(outdir, 'Shop.template.json')],
      cwd: process.cwd(),
    });
    const text = printed();
    const lines = text.split('\n');
    const gating = report.findings.filter((f) => f.gating);
    const advisory = report.findings.filter((f) => !f.gating && !f.suppressed);
    expect(gating.length).toBeGreaterThan(0);
    expect(advisory.length).toBeGreaterThan(0);
    // Each gating finding with its location and fix; no other finding has a location line.
    for (const f of gating) expect(text).toContain(`${f.ruleId} ${escapeControl(f.message)}`);
    expect(lines.filter((l) => l.startsWith('      at ')).length).toBe(gating.length);
    expect(lines.filter((l) => l.startsWith('      fix: ')).length).toBe(gating.length);
    // Each rule with findings that do not gate: one line with its count.
    const byRule = new Map<string, number>();
    for (const f of advisory) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
    for (const [rule, n] of byRule) {
      const line = lines.filter((l) => l.includes(` ${rule} `));
      expect(line).toHaveLength(1);
      expect(line[0]).toMatch(new RegExp(`\\] ${rule} ${n} (failed|unknown)`));
    }
    expect(text).toContain(`NOT GATING (${advisory.length})`);
    const s = report.summary;
    expect(text).toContain(`${s.passed} passed, ${s.failed} failed, ${s.unknown} unknown`);
    expect(text).toMatch(/^Score +\d+\.\d%  overall$/m);
    expect(
      text.endsWith(`Reports: ${relativePath(path.join(outdir, 'bulwark.report.json'), process.cwd())}\n`),
    ).toBe(true);
    fs.rmSync(outdir, { recursive: true, force: true });
  });

  test("printFindings: 'all' prints every finding, as the CLI's text report does", () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-plugin-'));
    const app = new App({ outdir, builtinCloudFormationValidation: false });
    let printed = '';
    const plugin = new BulwarkValidationPlugin({
      out: (t) => void (printed += t),
      printFindings: 'all',
      writeReports: false,
    });
    Validations.of(app).addPlugins(plugin);
    new s3.Bucket(new Stack(app, 'Shop'), 'Plain');
    expect(() => app.synth()).toThrow(/BW-DP-006/);
    const report = buildReport(plugin.lastEvaluation!, {
      tool: { name: 'bulwark', version: VERSION },
      inputs: [path.join(outdir, 'Shop.template.json')],
      cwd: process.cwd(),
    });
    expect(printed).toBe(renderText(report));
    expect(printed).toContain('FAILED, NOT GATING');
    fs.rmSync(outdir, { recursive: true, force: true });
  });

  test('only the report files asked for are written; the JSON one is the report as the CLI renders it', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-plugin-'));
    const app = new App({ outdir, builtinCloudFormationValidation: false });
    const plugin = new BulwarkValidationPlugin({ out: () => undefined, reportFormats: ['json'] });
    Validations.of(app).addPlugins(plugin);
    new s3.Bucket(new Stack(app, 'Shop'), 'Plain');
    expect(() => app.synth()).toThrow(/BW-DP-006/);
    expect(fs.existsSync(path.join(outdir, 'bulwark.sarif'))).toBe(false);
    const text = fs.readFileSync(path.join(outdir, 'bulwark.report.json'), 'utf8');
    const report = buildReport(plugin.lastEvaluation!, {
      tool: { name: 'bulwark', version: VERSION },
      inputs: [path.join(outdir, 'Shop.template.json')],
      cwd: process.cwd(),
    });
    expect(text).toBe(renderJson(report));
    fs.rmSync(outdir, { recursive: true, force: true });
  });

  test('Validations.of(x).acknowledge() suppresses the finding, and the report lists the reason', () => {
    const { app, outdir, plugin } = appWithPlugin();
    const stack = new Stack(app, 'Shop');
    const b = new s3.Bucket(stack, 'Plain', { enforceSSL: true });
    Validations.of(b).acknowledge({
      id: 'Bulwark::BW-DP-002',
      reason: 'Holds only public build artefacts mirrored from upstream',
    });
    expect(() => app.synth()).not.toThrow();
    const r = plugin.lastEvaluation!.results.find(
      (x) => x.rule.id === 'BW-DP-002' && x.resource.path === 'Shop/Plain/Resource',
    )!;
    expect(r.outcome).toBe('fail');
    expect(r.suppression?.suppression.reason).toMatch(/public build artefacts/);
    expect(r.suppression?.suppression.origin).toBe('cdk-acknowledgement');
    fs.rmSync(outdir, { recursive: true, force: true });
  });
});
