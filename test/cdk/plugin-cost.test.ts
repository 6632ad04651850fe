import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Stack, Validations, type PolicyValidationPluginReport } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { BulwarkValidationPlugin, type BulwarkPluginProps } from '../../lib/cdk';
import { gates } from '../../lib/engine/evaluate';
import * as html from '../../lib/report/html';
import * as json from '../../lib/report/json';
import * as model from '../../lib/report/model';
import * as sarif from '../../lib/report/sarif';
import * as text from '../../lib/report/text';

// Every renderer the plugin could call, each still doing its work, counted.
jest.mock('../../lib/report/html', () => spied('../../lib/report/html'));
jest.mock('../../lib/report/json', () => spied('../../lib/report/json'));
jest.mock('../../lib/report/model', () => spied('../../lib/report/model'));
jest.mock('../../lib/report/sarif', () => spied('../../lib/report/sarif'));
jest.mock('../../lib/report/text', () => spied('../../lib/report/text'));

function spied(module: string): Record<string, unknown> {
  const actual = jest.requireActual<Record<string, unknown>>(module);
  return Object.fromEntries(
    Object.entries(actual).map(([k, v]) => [
      k,
      typeof v === 'function'
        ? jest.fn((...args: unknown[]) => (v as (...a: unknown[]) => unknown)(...args))
        : v,
    ]),
  );
}

/** Calls of every rendering entry point, by name. */
function renderCalls(): Record<string, number> {
  const count = (f: unknown) => (f as jest.Mock).mock.calls.length;
  return {
    buildReport: count(model.buildReport),
    renderText: count(text.renderText),
    renderJson: count(json.renderJson),
    writeJson: count(json.writeJson),
    writeJsonFile: count(json.writeJsonFile),
    renderSarif: count(sarif.renderSarif),
    writeSarif: count(sarif.writeSarif),
    writeSarifFile: count(sarif.writeSarifFile),
    toSarif: count(sarif.toSarif),
    renderHtml: count(html.renderHtml),
  };
}

/** Synthesize an app of three plain buckets with the plugin; its report to CDK and the files written. */
function run(props: BulwarkPluginProps) {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-plugin-cost-'));
  const app = new App({ outdir, builtinCloudFormationValidation: false });
  const stack = new Stack(app, 'Shop');
  for (const id of ['Orders', 'Logs', 'Archive']) new s3.Bucket(stack, id);
  const plugin = new BulwarkValidationPlugin({ out: () => undefined, ...props });
  let report: PolicyValidationPluginReport | undefined;
  const validate = plugin.validate.bind(plugin);
  plugin.validate = (context) => (report = validate(context));
  Validations.of(app).addPlugins(plugin);
  jest.clearAllMocks();
  expect(() => app.synth()).toThrow(/BW-DP-006/);
  const files = fs.readdirSync(outdir).filter((f) => f.startsWith('bulwark.'));
  fs.rmSync(outdir, { recursive: true, force: true });
  return { plugin, report: report!, files: files.sort(), calls: renderCalls() };
}

describe('CDK validation plugin: what it renders', () => {
  test('by default: the text report printed and the JSON file written, each rendered once; SARIF and HTML are not rendered', () => {
    const { files, calls } = run({});
    expect(files).toEqual(['bulwark.report.json']);
    expect(calls).toEqual({
      buildReport: 1,
      renderText: 1,
      renderJson: 0,
      writeJson: 0,
      writeJsonFile: 1,
      renderSarif: 0,
      writeSarif: 0,
      writeSarifFile: 0,
      toSarif: 0,
      renderHtml: 0,
    });
  });

  test('JSON, SARIF and HTML when all three are asked for, each rendered once', () => {
    const { files, calls } = run({ reportFormats: ['json', 'sarif', 'html'] });
    expect(files).toEqual(['bulwark.report.html', 'bulwark.report.json', 'bulwark.sarif']);
    expect(calls).toEqual({
      buildReport: 1,
      renderText: 1,
      renderJson: 0,
      writeJson: 0,
      writeJsonFile: 1,
      renderSarif: 0,
      writeSarif: 0,
      writeSarifFile: 1,
      toSarif: 0,
      renderHtml: 1,
    });
  });

  test('only the formats asked for are rendered', () => {
    const { files, calls } = run({ printReport: false, reportFormats: ['sarif'] });
    expect(files).toEqual(['bulwark.sarif']);
    expect(calls).toMatchObject({
      buildReport: 1,
      renderText: 0,
      writeJson: 0,
      renderJson: 0,
      renderHtml: 0,
    });
    expect(calls.writeSarifFile).toBe(1);
  });

  test('with no report printed or written, no report is built', () => {
    for (const props of [
      { printReport: false, writeReports: false },
      { printReport: false, reportFormats: [] },
    ]) {
      const { files, calls } = run(props);
      expect(files).toEqual([]);
      expect(Object.values(calls).every((n) => n === 0)).toBe(true);
    }
  });
});

describe('CDK validation plugin: what it hands CDK', () => {
  test('one violation per failing rule, naming each of its resources once; passing results are only counted', () => {
    const { plugin, report } = run({ printReport: false, writeReports: false });
    const evaluation = plugin.lastEvaluation!;
    const gating = evaluation.results.filter((r) => gates(r, evaluation.pack));
    // Three plain buckets fail the same rules: per-result violations would be three times as many.
    expect(report.violations.length).toBeGreaterThan(0);
    expect(report.violations.length * 3).toBeLessThanOrEqual(gating.length);
    const keys = report.violations.map((v) => `${v.ruleName} ${v.ruleMetadata?.outcome}`);
    expect(new Set(keys).size).toBe(keys.length);
    const tls = report.violations.find((v) => v.ruleName === 'BW-DP-006')!;
    expect(tls.violatingResources.map((r) => r.resourceLogicalId).sort()).toEqual(
      gating
        .filter((r) => r.rule.id === 'BW-DP-006')
        .map((r) => r.resource.logicalId)
        .sort(),
    );
    expect(tls.violatingResources).toHaveLength(3);
    for (const v of report.violations) {
      const ids = v.violatingResources.map((r) => `${r.templatePath} ${r.resourceLogicalId}`);
      expect(new Set(ids).size).toBe(ids.length);
    }
    // Every gating result is named by the violation of its rule.
    for (const r of gating) {
      const v = report.violations.find(
        (x) => x.ruleName === r.rule.id && x.ruleMetadata?.outcome === r.outcome,
      );
      expect(v?.violatingResources.map((x) => x.resourceLogicalId)).toContain(r.resource.logicalId);
    }
    expect(evaluation.results.every((r) => r.outcome === 'fail' || r.outcome === 'unknown')).toBe(true);
    expect(evaluation.dropped.passed).toBeGreaterThan(0);
  });
});
