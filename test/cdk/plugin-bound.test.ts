import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Stack, Validations, type PolicyValidationPluginReport } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { BulwarkValidationPlugin, type BulwarkPluginProps } from '../../lib/cdk';
import { gates } from '../../lib/engine/evaluate';
import { relativePath } from '../../lib/paths';

const BUCKETS = 24;

interface CdkReport {
  pluginReports: {
    pluginName: string;
    violations: { ruleName: string; description: string; violatingConstructs: { constructPath: string }[] }[];
  }[];
}

/**
 * Synthesize an app of `BUCKETS` plain buckets, each failing the same rules, with the plugin: what it
 * handed CDK, what CDK threw and wrote, what Bulwark printed and wrote.
 */
function run(props: BulwarkPluginProps) {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-plugin-bound-'));
  const app = new App({ outdir, builtinCloudFormationValidation: false });
  const stack = new Stack(app, 'Shop');
  for (let i = 0; i < BUCKETS; i++) new s3.Bucket(stack, `Bucket${i}`);
  let printed = '';
  const plugin = new BulwarkValidationPlugin({ out: (t) => void (printed += t), ...props });
  let report: PolicyValidationPluginReport | undefined;
  const validate = plugin.validate.bind(plugin);
  plugin.validate = (context) => (report = validate(context));
  Validations.of(app).addPlugins(plugin);
  let thrown = '';
  try {
    app.synth();
  } catch (e) {
    thrown = (e as Error).message;
  }
  const cdk = JSON.parse(fs.readFileSync(path.join(outdir, 'validation-report.json'), 'utf8')) as CdkReport;
  const json = fs.existsSync(path.join(outdir, 'bulwark.report.json'))
    ? (JSON.parse(fs.readFileSync(path.join(outdir, 'bulwark.report.json'), 'utf8')) as {
        findings: { ruleId: string; gating: boolean }[];
      })
    : undefined;
  fs.rmSync(outdir, { recursive: true, force: true });
  const evaluation = plugin.lastEvaluation!;
  const gating = evaluation.results.filter((r) => gates(r, evaluation.pack));
  return { outdir, report: report!, thrown, cdk, json, printed, gating };
}

describe('CDK validation plugin: violations name a bounded number of resources', () => {
  const bounded = run({});
  const unbounded = run({ violationResources: Infinity });

  test('synthesis fails as it does when every resource is named, on the same rules', () => {
    expect(bounded.report.success).toBe(false);
    expect(bounded.report.success).toBe(unbounded.report.success);
    const keys = (r: PolicyValidationPluginReport) =>
      r.violations.map((v) => `${v.ruleName} ${v.ruleMetadata?.outcome}`).sort();
    expect(keys(bounded.report)).toEqual(keys(unbounded.report));
    expect(bounded.thrown).toMatch(/Bulwark::BW-DP-006/);
  });

  test('by default a violation names its first 20 resources, says how many there are, and where they all are', () => {
    const tls = bounded.report.violations.find((v) => v.ruleName === 'BW-DP-006')!;
    expect(tls.violatingResources).toHaveLength(20);
    const all = unbounded.report.violations.find((v) => v.ruleName === 'BW-DP-006')!;
    expect(all.violatingResources).toHaveLength(BUCKETS);
    expect(tls.violatingResources).toEqual(all.violatingResources.slice(0, 20));
    const file = relativePath(path.join(bounded.outdir, 'bulwark.report.json'), process.cwd());
    expect(tls.description).toBe(
      `${all.description} (20 of ${BUCKETS} resources named here, all in ${file} and the printed report)`,
    );
    expect(tls.ruleMetadata?.resources).toBe(String(BUCKETS));
    // A violation of fewer resources than the bound names them all, and says nothing more.
    for (const v of bounded.report.violations) {
      const full = unbounded.report.violations.find((x) => x.ruleName === v.ruleName)!;
      if (full.violatingResources.length <= 20) expect(v).toEqual(full);
    }
  });

  test("CDK's report names 20 constructs per rule; Bulwark's printed report and JSON file list every gating finding", () => {
    const bulwark = bounded.cdk.pluginReports.find((r) => r.pluginName === 'Bulwark')!;
    const tls = bulwark.violations.find((v) => v.ruleName === 'BW-DP-006')!;
    expect(tls.violatingConstructs).toHaveLength(20);
    expect(tls.violatingConstructs[0]!.constructPath).toBe('Shop/Bucket0/Resource');
    expect(tls.description).toContain(`20 of ${BUCKETS} resources named here`);
    const tlsFindings = bounded.gating.filter((r) => r.rule.id === 'BW-DP-006');
    expect(tlsFindings).toHaveLength(BUCKETS);
    for (let i = 0; i < BUCKETS; i++) expect(bounded.printed).toContain(`Shop/Bucket${i}/Resource`);
    expect(bounded.json!.findings.filter((f) => f.ruleId === 'BW-DP-006' && f.gating)).toHaveLength(BUCKETS);
    // CDK's printed report (the error it throws here) has a block per named resource.
    const blocks = (thrown: string) => thrown.split("Acknowledge with 'Bulwark::BW-DP-006'").length - 1;
    expect(blocks(bounded.thrown)).toBe(20);
    expect(blocks(unbounded.thrown)).toBe(BUCKETS);
  });

  test('with no report printed or written, every resource is named', () => {
    const quiet = run({ printReport: false, writeReports: false });
    const tls = quiet.report.violations.find((v) => v.ruleName === 'BW-DP-006')!;
    expect(tls.violatingResources).toHaveLength(BUCKETS);
    expect(tls.description).not.toMatch(/named here/);
  });

  test('a smaller bound, with the report only written: the description names the file', () => {
    const few = run({ violationResources: 5, printReport: false });
    const tls = few.report.violations.find((v) => v.ruleName === 'BW-DP-006')!;
    expect(tls.violatingResources).toHaveLength(5);
    const file = relativePath(path.join(few.outdir, 'bulwark.report.json'), process.cwd());
    expect(tls.description).toMatch(
      new RegExp(`\\(5 of ${BUCKETS} resources named here, all in ${file.replace(/[.]/g, '\\.')}\\)$`),
    );
  });

  test('a bound that is not a positive whole number is refused', () => {
    for (const n of [0, -1, 2.5, Number.NaN]) {
      expect(() => new BulwarkValidationPlugin({ violationResources: n })).toThrow(
        /`violationResources` takes a positive whole number/,
      );
    }
  });
});
