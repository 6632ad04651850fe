import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { asffBatches, driftSummary, toAsff, writeDriftOutputs } from '../../lib/report/asff';
import { checkPaths } from '../../lib/check';
import { evaluate } from '../../lib/engine/evaluate';
import { ResourceGraph } from '../../lib/graph/graph';
import {
  DRIFT_RULE_ID,
  DRIFT_SUITE,
  escapeJsonText,
  buildReport,
  renderJson,
  renderJunit,
  renderMarkdown,
  renderSarif,
  renderText,
  toSarif,
  type Report,
  type ReportDrift,
  type ReportDriftEntry,
  type SarifLog,
} from '../../lib/report';
import { cloudFormationAdapters } from '../../lib/views/cloudformation';
import { findPack } from '../../policies/packs';
import { RULES } from '../../policies/rules';

const ESC = '\u001b';
const EVIL = 'Evil|`x`<script>\u001b[31m';
const SCHEMA = path.join(
  __dirname,
  '../../node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json',
);

function entry(over: Partial<ReportDriftEntry>): ReportDriftEntry {
  return {
    kind: 'changed',
    address: 'Shop/Data666C94C7',
    type: 'AWS::S3::Bucket',
    name: 'Data',
    physicalId: 'shop-data-1',
    path: 'Shop/Data/Resource',
    stack: 'Shop',
    file: 'cdk.out/Shop.template.json',
    line: 12,
    rules: [],
    controls: [],
    severity: 'low',
    gating: true,
    message: '`Data` changed',
    ...over,
  };
}

const DRIFT: ReportDrift = {
  account: '123456789012',
  region: 'us-east-1',
  stacks: ['Shop'],
  resources: { desired: 6, read: 4, changed: 2, deleted: 1, missing: 0, unreadable: 1, notChecked: 2 },
  requests: 40,
  durationMs: 1200,
  entries: [
    entry({
      view: 'data-store',
      fact: 'encryption.atRest',
      desired: 'customer-key',
      live: 'provider',
      rules: ['BW-DP-002'],
      controls: ['mcsb-v1:DP-5'],
      severity: 'high',
      message: '`Data` encryption.atRest changed from customer-key to provider (BW-DP-002 pass -> fail)',
    }),
    entry({
      address: 'Shop/Web',
      type: 'AWS::EC2::SecurityGroup',
      name: EVIL,
      path: `Shop/${EVIL}`,
      view: 'firewall',
      fact: 'rules',
      desired: null,
      live: { direction: 'ingress', protocol: 'tcp', fromPort: 22, toPort: 22, cidr: '0.0.0.0/0' },
      rules: ['BW-NS-001'],
      controls: ['cis-aws-5.0:5.3'],
      severity: 'high',
      message: `\`${EVIL}\` rules: added ingress tcp 22 from 0.0.0.0/0 (BW-NS-001 pass -> fail)`,
    }),
    entry({
      kind: 'deleted',
      address: 'Shop/Old',
      name: 'Old',
      severity: 'high',
      message: '`Old` was deleted',
    }),
    entry({
      kind: 'unreadable',
      address: 'Shop/Key',
      type: 'AWS::KMS::Key',
      name: 'Key',
      severity: 'medium',
      message: '`Key` could not be read: AccessDenied: no',
    }),
    entry({
      kind: 'not-checked',
      address: 'Shop/Role',
      type: 'AWS::IAM::Role',
      gating: false,
      message: 'n/c',
    }),
    entry({
      kind: 'not-checked',
      address: 'Shop/Role2',
      type: 'AWS::IAM::Role',
      gating: false,
      message: 'n/c',
    }),
  ],
  accountFacts: [{ name: 'ebs-encryption-by-default', value: false }],
};

let report: Report;

beforeAll(() => {
  const evaluation = evaluate({
    graph: new ResourceGraph(),
    adapters: cloudFormationAdapters(),
    rules: RULES,
    pack: findPack('all')!,
  });
  report = buildReport(evaluation, { inputs: ['cdk.out'], tool: { version: '0.1.0' }, drift: DRIFT });
});

describe('the drift section of the report', () => {
  test('JSON carries it as given, additively', () => {
    const json = JSON.parse(renderJson(report)) as Report;
    expect(json.schemaVersion).toBe(2);
    expect(json.drift).toEqual(DRIFT);
  });

  test('text lists each difference with its rules and controls, escaped', () => {
    const text = renderText(report);
    expect(text).toMatch(/DRIFT \(4\) 2 changed facts on 2 resources, 1 deleted/);
    expect(text).toMatch(/\[HIGH\] changed `Data` encryption\.atRest changed from customer-key to provider/);
    expect(text).toMatch(/rules: BW-DP-002/);
    expect(text).toMatch(/not checked \(types drift does not read\): AWS::IAM::Role \(2\)/);
    expect(text).toMatch(/account: ebs-encryption-by-default = false/);
    expect(text).not.toContain(ESC);
  });

  test('Markdown has a drift table that artifact text cannot break', () => {
    const md = renderMarkdown(report);
    expect(md).toMatch(/## Bulwark: .* · 4 drift entries/);
    expect(md).toContain('### Drift');
    const rows = md.split('\n').filter((l) => l.startsWith('| high') || l.startsWith('| medium'));
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(row.split('|').length).toBe(8);
    expect(md).not.toContain('<script>');
    expect(md).not.toContain(ESC);
  });

  test('SARIF: one BW-DRIFT rule, a result per difference, valid against the 2.1.0 schema', () => {
    const text = renderSarif(report);
    expect(text).toBe(`${escapeJsonText(JSON.stringify(toSarif(report), null, 2))}\n`);
    const log = JSON.parse(text) as SarifLog;
    const run = log.runs[0]!;
    const rule = run.tool.driver.rules.find((r) => r.id === DRIFT_RULE_ID);
    expect(rule?.defaultConfiguration.level).toBe('error');
    const results = run.results.filter((r) => r.ruleId === DRIFT_RULE_ID);
    expect(results).toHaveLength(4);
    expect(results[0]!.properties.drift).toMatchObject({
      kind: 'changed',
      fact: 'encryption.atRest',
      rules: ['BW-DP-002'],
    });
    expect(results.find((r) => r.properties.drift?.kind === 'unreadable')?.properties.status).toBe('unknown');
    expect(new Set(results.map((r) => Object.values(r.partialFingerprints)[0])).size).toBe(4);
    expect(
      run.invocations[0]!.toolExecutionNotifications.some((n) => /AWS::IAM::Role \(2\)/.test(n.message.text)),
    ).toBe(true);
    expect(JSON.stringify(log)).not.toContain(ESC);

    const raw = JSON.parse(fs.readFileSync(SCHEMA, 'utf8')) as Record<string, unknown>;
    const schema: Record<string, unknown> = { ...raw, $id: raw.id };
    delete schema.$schema;
    delete schema.id;
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    if (!validate(log)) throw new Error(JSON.stringify(validate.errors, null, 2));
  });

  test('JUnit: a `bulwark drift` suite, failures for differences, skipped for not-checked types', () => {
    const xml = renderJunit(report);
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_' }).parse(xml) as {
      testsuites: { testsuite: { '@_name': string; '@_failures': string; '@_skipped': string }[] | object };
    };
    const suites = ([] as { '@_name': string; '@_failures': string; '@_skipped': string }[]).concat(
      doc.testsuites.testsuite as never,
    );
    const suite = suites.find((s) => s['@_name'] === DRIFT_SUITE)!;
    expect(suite['@_failures']).toBe('4');
    expect(suite['@_skipped']).toBe('2');
    expect(xml).not.toContain(ESC);
  });
});

describe('ASFF for Security Hub', () => {
  const REQUIRED = [
    'SchemaVersion',
    'Id',
    'ProductArn',
    'GeneratorId',
    'AwsAccountId',
    'Types',
    'CreatedAt',
    'UpdatedAt',
    'Severity',
    'Title',
    'Description',
    'Resources',
  ];

  test('every finding carries the required ASFF fields within their limits', () => {
    const now = new Date('2026-01-02T03:04:05Z');
    const findings = toAsff(report, { now });
    expect(findings).toHaveLength(4);
    for (const f of findings) {
      for (const k of REQUIRED) expect(f).toHaveProperty(k);
      expect(f.SchemaVersion).toBe('2018-10-08');
      expect(f.ProductArn).toBe('arn:aws:securityhub:us-east-1:123456789012:product/123456789012/default');
      expect(f.AwsAccountId).toMatch(/^\d{12}$/);
      expect(f.CreatedAt).toBe('2026-01-02T03:04:05.000Z');
      expect(['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL']).toContain(f.Severity.Label);
      expect(f.Title.length).toBeLessThanOrEqual(256);
      expect(f.Description.length).toBeLessThanOrEqual(1024);
      expect(f.Resources.length).toBeGreaterThan(0);
      for (const r of f.Resources) expect(r.Type && r.Id).toBeTruthy();
      expect(f.Types.every((t) => /^Software and Configuration Checks\//.test(t))).toBe(true);
    }
    expect(findings[0]!.Resources[0]).toMatchObject({ Type: 'AwsS3Bucket', Id: 'arn:aws:s3:::shop-data-1' });
    expect(findings[0]!.Compliance).toEqual({ Status: 'FAILED', RelatedRequirements: ['mcsb-v1:DP-5'] });
    expect(findings.find((f) => f.ProductFields?.['bulwark/kind'] === 'unreadable')?.Compliance?.Status).toBe(
      'WARNING',
    );
    // Stable ids: the same report gives the same ids, so Security Hub updates findings.
    expect(toAsff(report, { now }).map((f) => f.Id)).toEqual(findings.map((f) => f.Id));
  });

  test('the job step reads findings from the JSON report as they are in memory: titles, fixes and controls from its rules', () => {
    // A live state with failing findings: the hostile hand-written template, checked as drift's report is built.
    const run = checkPaths([path.join(__dirname, '../fixtures/hand-written/hostile-names.template.json')]);
    const live = buildReport(run.evaluation, {
      inputs: ['cdk.out'],
      tool: { version: '0.1.0' },
      drift: DRIFT,
    });
    expect(live.findings.length).toBeGreaterThan(2);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-asff-'));
    const file = path.join(dir, 'drift.json');
    fs.writeFileSync(file, renderJson(live));
    const now = new Date('2026-01-02T03:04:05Z');
    const written = writeDriftOutputs(file, path.join(dir, 'out'), { now });
    const fromFile = JSON.parse(fs.readFileSync(written[0]!, 'utf8')) as unknown[];
    expect(fromFile).toEqual(JSON.parse(JSON.stringify(toAsff(live, { now }))));
    const finding = (fromFile as { Remediation?: { Recommendation: { Text: string } } }[]).find(
      (f) => f.Remediation,
    )!;
    expect(finding.Remediation!.Recommendation.Text).toMatch(/\S/);
  });

  test('batches of at most 100, and the job step writes them with a summary', () => {
    expect(asffBatches(Array.from({ length: 250 }, (_, i) => i)).map((b) => b.length)).toEqual([
      100, 100, 50,
    ]);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-asff-'));
    const file = path.join(dir, 'drift.json');
    fs.writeFileSync(file, renderJson(report));
    const written = writeDriftOutputs(file, path.join(dir, 'out'));
    expect(written.map((f) => path.basename(f))).toEqual(['asff-000.json', 'summary.txt']);
    expect(JSON.parse(fs.readFileSync(written[0]!, 'utf8'))).toHaveLength(4);
    expect(driftSummary(report)).toMatch(/^Bulwark drift: 2 changed facts/);
  });
});
