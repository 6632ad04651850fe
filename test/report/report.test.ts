import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { App, Stack, Tags, Validations } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { evaluate, gates, type Evaluation } from '../../lib/engine/evaluate';
import { isFinding, isSuppressed } from '../../lib/engine/result';
import type { Suppression } from '../../lib/engine/suppression';
import {
  FINGERPRINT_KEY,
  FORMATS,
  SEVERITY_ORDER,
  buildReport,
  escapeControl,
  escapeForXml,
  escapeJsonText,
  escapeMarkdown,
  escapeSarifMessage,
  fileUri,
  fingerprint,
  isFormat,
  render,
  jsonFinding,
  renderJson,
  renderJunit,
  KPI_SUITE,
  renderMarkdown,
  renderSarif,
  renderText,
  toSarif,
  writeSarifFile,
  type Report,
  type ReportFinding,
  type ReportRule,
  type SarifLog,
} from '../../lib/report';
import { loadInput } from '../../lib/sources';
import { cloudFormationAdapters } from '../../lib/views/cloudformation';
import { AdapterRegistry } from '../../lib/views/registry';
import type { DataStoreView } from '../../lib/views/kinds';
import { findPack } from '../../policies/packs';
import { RULES } from '../../policies/rules';

/** Construct id and tag value carrying table, code-span, HTML and terminal control syntax. */
const EVIL_ID = 'Evil|`x`<script>\u001b[31m';
const EVIL_TAG = '<script>|`x`\u001b[31m';
const ESC = '\u001b';
/** The rule the app is built around; other rules may add findings, which the tests allow for. */
const RULE = 'BW-DP-006';
const SCHEMA = path.join(
  __dirname,
  '../../node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json',
);

let outdir: string;
let evaluation: Evaluation;
let report: Report;
let reportAll: Report;

beforeAll(() => {
  outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-report-'));
  const app = new App({ outdir, builtinCloudFormationValidation: false });
  const stack = new Stack(app, 'Shop');
  new s3.Bucket(stack, 'Logs');
  new s3.Bucket(stack, 'Data', {
    encryption: s3.BucketEncryption.KMS,
    encryptionKey: new kms.Key(stack, 'Key'),
    enforceSSL: true,
  });
  const evil = new s3.Bucket(stack, EVIL_ID);
  Tags.of(evil).add('data-classification', EVIL_TAG);
  new s3.Bucket(stack, 'Old');
  new s3.Bucket(stack, 'Archive');
  const acked = new s3.Bucket(stack, 'Acked');
  Validations.of(acked).acknowledge({ id: 'BW-DP-006', reason: 'vendor bucket, encrypted by the vendor' });
  app.synth();

  const suppressions: Suppression[] = [
    {
      rule: 'BW-DP-006',
      target: 'Shop/Archive',
      reason: 'cold archive | no `secrets` <b>',
      owner: 'platform',
      origin: 'file',
      declaredIn: `${path.join(outdir, 'bulwark.suppressions.yaml')}:4`,
    },
    { rule: 'BW-DP-006', target: 'Shop/Old', reason: 'legacy', expires: '2020-01-01', origin: 'file' },
    { rule: 'BW-DP-006', target: 'Shop/Gone', reason: 'removed long ago', origin: 'file' },
  ];
  const { graph } = loadInput([outdir]);
  evaluation = evaluate({
    graph,
    adapters: cloudFormationAdapters(),
    rules: RULES,
    pack: findPack('all')!,
    suppressions,
    today: new Date('2025-06-01T00:00:00Z'),
  });
  const base = { inputs: [outdir], cwd: outdir, tool: { name: 'bulwark', version: '0.1.0' } };
  report = buildReport(evaluation, base);
  reportAll = buildReport(evaluation, { ...base, includePassed: true });
});

afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

/** The BW-DP-006 entry of a report on the bucket with construct id `name`. */
const byName = (r: Report, name: string): ReportFinding => {
  const f = r.findings.find((x) => x.ruleId === RULE && x.resource.path === `Shop/${name}/Resource`);
  if (!f) throw new Error(`no ${RULE} finding on ${name}`);
  return f;
};
const ofRule = (r: Report) => r.findings.filter((f) => f.ruleId === RULE);
const ruleIdsOf = (r: Report) => [...new Set(r.findings.map((f) => f.ruleId))].sort();
const openOf = (r: Report) =>
  r.findings.filter((f) => (f.status === 'fail' || f.status === 'unknown') && !f.suppressed);

describe('model (JSON contract)', () => {
  test('the app yields the outcomes the report is tested on', () => {
    const outcome = (name: string) =>
      evaluation.results.find((r) => r.resource.path === `Shop/${name}/Resource` && r.rule.id === 'BW-DP-006')
        ?.outcome;
    expect(outcome('Logs')).toBe('fail');
    expect(outcome('Data')).toBe('pass');
    expect(outcome(EVIL_ID)).toBe('fail');
    const view = evaluation.results.find((r) => r.resource.path === `Shop/${EVIL_ID}/Resource`)!
      .view as DataStoreView;
    expect(view.classification).toMatchObject({ state: 'invalid', raw: EVIL_TAG });
  });

  test('top-level fields and summary have the documented types', () => {
    expect(report.schemaVersion).toBe(2);
    expect(report.tool).toEqual({ name: 'bulwark', version: '0.1.0' });
    expect(report.inputs).toEqual([path.basename(outdir)]);
    expect(report.incomplete).toEqual([]);
    const s = report.summary;
    for (const k of [
      'resources',
      'views',
      'rules',
      'checks',
      'passed',
      'failed',
      'unknown',
      'notApplicable',
      'suppressed',
      'gating',
    ] as const) {
      expect(typeof s[k]).toBe('number');
    }
    expect(Object.keys(s.bySeverity).sort()).toEqual(['critical', 'high', 'low', 'medium']);
    expect(s.pack).toEqual({ id: 'all', title: expect.any(String), unknownGates: true });
    expect(s.resources).toBe(evaluation.resources);
    expect(s.rules).toBe(evaluation.rules.length);
    expect(s.checks).toBe(evaluation.results.length);
    expect(s.passed + s.failed + s.unknown + s.notApplicable + s.suppressed).toBe(s.checks);
    expect(s.gating).toBe(evaluation.results.filter((r) => gates(r, evaluation.pack)).length);
    const count = (p: (x: (typeof evaluation.results)[number]) => boolean) =>
      evaluation.results.filter(p).length;
    const open = (x: (typeof evaluation.results)[number]) => !(isFinding(x) && isSuppressed(x));
    expect(s).toMatchObject({
      passed: count((x) => x.outcome === 'pass'),
      failed: count((x) => x.outcome === 'fail' && open(x)),
      unknown: count((x) => x.outcome === 'unknown' && open(x)),
      notApplicable: count((x) => x.outcome === 'not_applicable'),
      suppressed: count((x) => isFinding(x) && isSuppressed(x)),
    });
    for (const sev of SEVERITY_ORDER) {
      expect(s.bySeverity[sev]).toBe(count((x) => isFinding(x) && open(x) && x.rule.severity === sev));
    }
    // Of BW-DP-006: Logs, the evil bucket and Old (expired suppression) fail; Archive and Acked are suppressed.
    const dp = ofRule(report);
    expect(
      dp
        .filter((f) => !f.suppressed)
        .map((f) => f.resource.name)
        .sort(),
    ).toEqual([EVIL_ID, 'Logs', 'Old']);
    expect(
      dp
        .filter((f) => f.suppressed)
        .map((f) => f.resource.name)
        .sort(),
    ).toEqual(['Acked', 'Archive']);
    expect(dp.filter((f) => f.gating)).toHaveLength(3);
    expect(report.score.overall).toMatchObject({ framework: 'all', score: expect.any(Number) });
    const frameworks = report.score.frameworks.map((f) => f.framework);
    expect(frameworks).toEqual(expect.arrayContaining(['mcsb-v1', 'nist-csf-2.0']));
    expect(frameworks).toEqual([...frameworks].sort());
    expect(report.score.frameworks.find((f) => f.framework === 'mcsb-v1')!.name).toBe(
      'Microsoft Cloud Security Benchmark',
    );
    expect(report.errors).toEqual([]);
  });

  test('findings are fail and unknown results, with resource location relative to cwd', () => {
    expect(report.findings.every((f) => f.status === 'fail' || f.status === 'unknown')).toBe(true);
    expect(report.findings).toHaveLength(evaluation.results.filter(isFinding).length);
    expect(ofRule(report)).toHaveLength(5);
    const f = byName(report, 'Logs');
    expect(f).toMatchObject({
      ruleId: 'BW-DP-006',
      title: expect.any(String),
      severity: 'high',
      status: 'fail',
      enforcement: 'mandatory',
      gating: true,
      suppressed: false,
      message: expect.stringContaining('`Logs`'),
      fix: expect.any(String),
      controls: ['cis-aws-5.0:2.1.1', 'mcsb-v1:DP-3', 'nist-csf-2.0:PR.DS-02', 'gdpr:Art.32(1)(a)'],
      threats: expect.arrayContaining(['data-breach']),
      view: 'data-store',
    });
    expect(f.suppression).toBeUndefined();
    expect(f.resource).toEqual({
      address: expect.stringMatching(/^Shop\/Logs[0-9A-F]{8}$/),
      type: 'AWS::S3::Bucket',
      name: 'Logs',
      path: 'Shop/Logs/Resource',
      logicalId: expect.stringMatching(/^Logs[0-9A-F]{8}$/),
      stack: 'Shop',
      file: 'Shop.template.json',
      line: expect.any(Number),
      column: expect.any(Number),
    });
    expect(f.resource.line).toBeGreaterThan(0);
  });

  test('includePassed lists every result', () => {
    expect(reportAll.findings).toHaveLength(evaluation.results.length);
    expect(byName(reportAll, 'Data')).toMatchObject({ status: 'pass', gating: false, suppressed: false });
  });

  test('findings are sorted by severity, rule id, address', () => {
    const key = (f: ReportFinding) => [SEVERITY_ORDER.indexOf(f.severity), f.ruleId, f.resource.address];
    const keys = reportAll.findings.map(key);
    const sorted = [...keys].sort((a, b) => {
      for (let i = 0; i < a.length; i++) if (a[i]! !== b[i]!) return a[i]! < b[i]! ? -1 : 1;
      return 0;
    });
    expect(keys).toEqual(sorted);
  });

  test('a suppression in force: suppressed, with its details; an expired one: back, and says so', () => {
    const archived = byName(report, 'Archive');
    expect(archived).toMatchObject({
      suppressed: true,
      gating: false,
      suppression: {
        reason: 'cold archive | no `secrets` <b>',
        owner: 'platform',
        expired: false,
        origin: 'file',
        declaredIn: 'bulwark.suppressions.yaml:4',
      },
    });
    const old = byName(report, 'Old');
    expect(old).toMatchObject({
      suppressed: false,
      gating: true,
      suppression: { expired: true, expires: '2020-01-01' },
    });
    expect(old.message).toMatch(/suppression expired on 2020-01-01/);
    expect(byName(report, 'Acked')).toMatchObject({
      suppressed: true,
      suppression: { origin: 'cdk-acknowledgement', reason: 'vendor bucket, encrypted by the vendor' },
    });
  });

  test('every declared suppression is listed with its use', () => {
    const find = (target: string) => report.suppressions.find((s) => s.target === target);
    expect(find('Shop/Archive')).toMatchObject({ used: true, matched: 1, expired: false, origin: 'file' });
    expect(find('Shop/Old')).toMatchObject({ used: true, matched: 1, expired: true });
    expect(find('Shop/Gone')).toMatchObject({ used: false, matched: 0, expired: false });
    expect(find('Shop/Acked/Resource')).toMatchObject({
      used: true,
      origin: 'cdk-acknowledgement',
      rule: 'BW-DP-006',
    });
    expect(report.suppressions).toHaveLength(4);
  });

  test('rules of the findings carry rationale, fix, resolved controls and a help URI', () => {
    expect(report.rules.map((r) => r.id)).toEqual(ruleIdsOf(report));
    const rule = report.rules.find((r) => r.id === RULE)!;
    expect(rule.helpUri).toMatch(/^https:\/\//);
    // CIS AWS speaks of AWS only: a finding on another cloud does not assert it.
    expect(rule.controls[0]).toEqual({
      ref: 'cis-aws-5.0:2.1.1',
      title: expect.any(String),
      url: rule.helpUri,
      clouds: ['aws'],
    });
    expect(rule.controls.find((c) => c.ref.startsWith('mcsb-v1:'))!.clouds).toBeUndefined();
  });

  test('renderJson is the report, 2-space indented, with a trailing newline', () => {
    const json = renderJson(report);
    expect(json.endsWith('}\n')).toBe(true);
    expect(json.split('\n')[1]).toBe('  "schemaVersion": 2,');
    expect(JSON.parse(json)).toEqual(
      JSON.parse(JSON.stringify({ ...report, findings: report.findings.map(jsonFinding) })),
    );
    expect(json).not.toContain(ESC);
    expect(json).not.toContain(outdir);
  });

  test('renderJson, written piece by piece, is exactly the whole report stringified and escaped', () => {
    // Many findings (written in batches), some of them with no JSON form in a list (null).
    const many = Array.from({ length: 700 }, (_, i) => (i % 100 === 99 ? undefined : report.findings[0]!));
    const big = { ...report, findings: many as ReportFinding[] };
    for (const r of [report, reportAll, { ...report, findings: [], rules: [] }, big]) {
      expect(r.findings.length === 0 || r.findings.length > 1).toBe(true);
      const written = { ...r, findings: r.findings.map((f) => (f ? jsonFinding(f) : f)) };
      expect(renderJson(r)).toBe(`${escapeJsonText(JSON.stringify(written, null, 2))}\n`);
    }
  });

  test('JSON findings leave what they share with their rule to its entry in `rules`', () => {
    const json = JSON.parse(renderJson(report)) as {
      findings: Record<string, unknown>[];
      rules: ReportRule[];
    };
    expect(json.findings).toHaveLength(report.findings.length);
    json.findings.forEach((f, i) => {
      const full = report.findings[i]!;
      for (const k of ['title', 'enforcement', 'fix', 'controls', 'threats']) expect(f).not.toHaveProperty(k);
      expect(f).toEqual(JSON.parse(JSON.stringify(jsonFinding(full))));
      const rule = json.rules.find((r) => r.id === f.ruleId)!;
      expect([rule.title, rule.enforcement, rule.threats]).toEqual([
        full.title,
        full.enforcement,
        full.threats,
      ]);
      // The finding's controls are those of its rule that speak of its cloud (AWS here).
      expect(full.controls).toEqual(
        rule.controls.filter((c) => c.clouds === undefined || c.clouds.includes('aws')).map((c) => c.ref),
      );
    });
  });
});

describe('SARIF', () => {
  const validator = () => {
    const raw = JSON.parse(fs.readFileSync(SCHEMA, 'utf8')) as Record<string, unknown>;
    // The official schema is written in draft-04 (`id`, draft-04 `$schema`), which ajv 8 does not
    // ship; it uses no draft-04-only keyword, so it validates the same as draft-07. One of its
    // patterns is not valid under the `u` flag, hence `unicodeRegExp: false`.
    const schema: Record<string, unknown> = { ...raw, $id: raw.id };
    delete schema.$schema;
    delete schema.id;
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
    addFormats(ajv);
    return ajv.compile(schema);
  };

  test('validates against the official SARIF 2.1.0 schema', () => {
    const validate = validator();
    for (const r of [report, reportAll]) {
      const log = JSON.parse(renderSarif(r)) as unknown;
      const ok = validate(log);
      if (!ok) throw new Error(JSON.stringify(validate.errors, null, 2));
    }
    // The validator is not vacuous.
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
  });

  test('one run, rules with help and severity, results with file, line and construct path', () => {
    const log = JSON.parse(renderSarif(report)) as SarifLog;
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0]!;
    expect(run.tool.driver).toMatchObject({ name: 'Bulwark', version: '0.1.0' });
    expect(run.tool.driver.rules.map((x) => x.id)).toEqual(ruleIdsOf(report));
    const ruleIndex = run.tool.driver.rules.findIndex((x) => x.id === RULE);
    const rule = run.tool.driver.rules[ruleIndex]!;
    const source = report.rules.find((x) => x.id === RULE)!;
    expect(rule).toMatchObject({
      id: RULE,
      shortDescription: { text: source.title },
      fullDescription: { text: source.rationale },
      help: { text: source.fix },
      helpUri: expect.stringMatching(/^https:\/\//),
      defaultConfiguration: { level: 'error' },
      properties: { 'security-severity': '8.0', precision: 'high' },
    });
    expect(rule.properties.tags).toEqual([
      'security',
      'cis-aws-5.0:2.1.1',
      'cis-azure-6.0:9.3.4',
      'mcsb-v1:DP-3',
      'nist-csf-2.0:PR.DS-02',
      'gdpr:Art.32(1)(a)',
    ]);

    expect(run.results).toHaveLength(report.findings.length);
    const logs = run.results.find(
      (r) =>
        r.ruleId === RULE && r.locations[0]!.logicalLocations[0]!.fullyQualifiedName === 'Shop/Logs/Resource',
    );
    expect(logs).toBeDefined();
    const f = byName(report, 'Logs');
    expect(logs).toMatchObject({
      ruleId: RULE,
      ruleIndex,
      level: 'error',
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'Shop.template.json' },
            region: { startLine: f.resource.line },
          },
          logicalLocations: [{ fullyQualifiedName: 'Shop/Logs/Resource', kind: 'resource' }],
        },
      ],
      properties: { controls: f.controls, 'security-severity': '8.0' },
    });
    expect(logs!.partialFingerprints[FINGERPRINT_KEY]).toBe(fingerprint(f));
    expect(logs!.suppressions).toBeUndefined();
  });

  test('suppressed results carry a suppression, expired ones do not', () => {
    const run = (JSON.parse(renderSarif(report)) as SarifLog).runs[0]!;
    const at = (name: string) =>
      run.results.find(
        (r) =>
          r.ruleId === RULE &&
          r.locations[0]!.logicalLocations[0]!.fullyQualifiedName === `Shop/${name}/Resource`,
      )!;
    expect(at('Archive').suppressions).toEqual([
      { kind: 'external', status: 'accepted', justification: 'cold archive | no `secrets` <b>' },
    ]);
    expect(at('Acked').suppressions).toEqual([
      { kind: 'inSource', status: 'accepted', justification: 'vendor bucket, encrypted by the vendor' },
    ]);
    expect(at('Old').suppressions).toBeUndefined();
  });

  test('fingerprints are stable and distinct; artifact text has no control characters', () => {
    const a = renderSarif(report);
    expect(
      renderSarif(buildReport(evaluation, { inputs: [outdir], cwd: outdir, tool: { version: '0.1.0' } })),
    ).toBe(a);
    const prints = (JSON.parse(a) as SarifLog).runs[0]!.results.map(
      (r) => r.partialFingerprints[FINGERPRINT_KEY],
    );
    expect(new Set(prints).size).toBe(prints.length);
    expect(a).not.toContain('\\u001b');
    expect(a).toContain('\\\\x1b[31m');
  });

  test('renderSarif, written piece by piece, is exactly the whole log stringified and escaped', () => {
    // Many results (written in batches), none, and a report whose results fill exactly one batch.
    const many = (n: number) => ({
      ...report,
      findings: Array.from({ length: n }, (_, i) => report.findings[i % report.findings.length]!),
    });
    const whole = (r: Report) => `${escapeJsonText(JSON.stringify(toSarif(r), null, 2))}\n`;
    for (const r of [
      report,
      reportAll,
      { ...report, findings: [], rules: [] },
      many(64),
      many(65),
      many(700),
    ]) {
      expect(renderSarif(r)).toBe(whole(r));
    }
    expect(toSarif(many(700)).runs[0]!.results).toHaveLength(700);
    const file = path.join(outdir, 'streamed.sarif');
    writeSarifFile(file, many(700));
    expect(fs.readFileSync(file, 'utf8')).toBe(whole(many(700)));
  });

  test('artifact URIs are relative, forward-slashed and percent-encoded', () => {
    expect(fileUri('cdk.out/My Stack#1.template.json')).toBe('cdk.out/My%20Stack%231.template.json');
    expect(fileUri('a\\b\\c:d.json')).toBe('a/b/c%3Ad.json');
  });
});

describe('JUnit', () => {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    isArray: (name) => name === 'testsuite' || name === 'testcase',
  });
  interface Case {
    '@_classname': string;
    '@_name': string;
    failure?: { '@_message': string; '@_type': string; '#text': string };
    skipped?: { '@_message': string };
  }
  interface Suite {
    '@_name': string;
    '@_tests': string;
    '@_failures': string;
    '@_skipped': string;
    testcase: Case[];
  }
  const parse = (xml: string) =>
    (parser.parse(xml) as { testsuites: Record<string, string> & { testsuite: Suite[] } }).testsuites;
  const suiteOf = (doc: { testsuite: Suite[] }) =>
    doc.testsuite.find((x) => x['@_name'].startsWith(`${RULE} `))!;

  test('is well-formed and its counts match the findings', () => {
    const xml = renderJunit(report);
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = parse(xml);
    const open = report.findings.filter((f) => !f.suppressed).length;
    const skipped = report.findings.filter((f) => f.suppressed).length;
    expect(doc['@_tests']).toBe(String(report.findings.length));
    expect(doc['@_failures']).toBe(String(open));
    expect(doc['@_skipped']).toBe(String(skipped));
    // The first suite carries the KPIs as properties and has no test cases.
    expect(doc.testsuite[0]!['@_name']).toBe(KPI_SUITE);
    expect(doc.testsuite[0]!['@_tests']).toBe('0');
    const rules = doc.testsuite.slice(1);
    expect(rules.map((x) => x['@_name'].split(' ')[0])).toEqual(ruleIdsOf(report));
    for (const suite of rules) {
      const id = suite['@_name'].split(' ')[0]!;
      const of = report.findings.filter((f) => f.ruleId === id);
      expect(suite['@_name']).toBe(`${id} ${of[0]!.title}`);
      expect(suite['@_tests']).toBe(String(of.length));
      expect(suite['@_failures']).toBe(String(of.filter((f) => !f.suppressed).length));
      expect(suite['@_skipped']).toBe(String(of.filter((f) => f.suppressed).length));
      expect(suite.testcase.filter((c) => c.failure)).toHaveLength(Number(suite['@_failures']));
      expect(suite.testcase.filter((c) => c.skipped)).toHaveLength(Number(suite['@_skipped']));
    }
  });

  test('testcases name the resource and rule; failures carry severity, message, fix and location', () => {
    const suite = suiteOf(parse(renderJunit(report)));
    const f = byName(report, 'Logs');
    const c = suite.testcase.find((x) => x['@_classname'] === f.resource.address)!;
    expect(c['@_name']).toBe('BW-DP-006');
    expect(c.failure!['@_type']).toBe('high');
    expect(c.failure!['@_message']).toBe(f.message);
    expect(c.failure!['#text']).toContain(`fix: ${f.fix}`);
    expect(c.failure!['#text']).toContain(`at: Shop.template.json:${f.resource.line} (Shop/Logs/Resource)`);
    const archived = suite.testcase.find(
      (x) => x['@_classname'] === byName(report, 'Archive').resource.address,
    )!;
    expect(archived.skipped!['@_message']).toBe(
      'suppressed: cold archive | no `secrets` <b>, owner platform',
    );
  });

  test('with passed results: passing cases are empty testcases', () => {
    const doc = parse(renderJunit(reportAll));
    expect(doc['@_tests']).toBe(String(evaluation.results.length));
    const pass = suiteOf(doc).testcase.find(
      (x) => x['@_classname'] === byName(reportAll, 'Data').resource.address,
    )!;
    expect(pass.failure).toBeUndefined();
    expect(pass.skipped).toBeUndefined();
  });

  test('artifact text is escaped: no raw markup, no control bytes, round-trips as text', () => {
    const xml = renderJunit(report);
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain(ESC);
    expect(xml).toContain('&lt;script&gt;');
    const suite = suiteOf(parse(xml));
    const evil = suite.testcase.find((x) => x['@_classname'] === byName(report, EVIL_ID).resource.address)!;
    expect(evil.failure!['@_message']).toBe(escapeForXml(byName(report, EVIL_ID).message));
    expect(evil.failure!['@_message']).toContain('<script>\\x1b[31m');
  });
});

describe('text', () => {
  test('leads with gating failures, then gating unknowns, then what does not gate; severity order within', () => {
    const text = renderText(report);
    const lines = text.split('\n');
    const open = openOf(report);
    const sections = [
      ['FAILED, GATING', (f: ReportFinding) => f.gating && f.status === 'fail'],
      ['UNKNOWN, GATING', (f: ReportFinding) => f.gating && f.status === 'unknown'],
      ['FAILED, NOT GATING', (f: ReportFinding) => !f.gating && f.status === 'fail'],
      ['UNKNOWN, NOT GATING', (f: ReportFinding) => !f.gating && f.status === 'unknown'],
    ] as const;
    const expected = sections
      .map(([title, is]) => ({ title, of: open.filter(is) }))
      .filter((x) => x.of.length > 0);
    // The app yields gating failures and non-gating ones, so the order is tested, not assumed.
    expect(expected.map((x) => x.title)).toEqual(
      expect.arrayContaining(['FAILED, GATING', 'FAILED, NOT GATING']),
    );
    const headerAt = lines
      .map((l, i) => ({ l, i }))
      .filter(({ l }) => /^(FAILED|UNKNOWN), (NOT )?GATING \(\d+\)/.test(l));
    expect(headerAt.map(({ l }) => l.replace(/ \(\d+\).*$/, ''))).toEqual(expected.map((x) => x.title));
    expect(headerAt.map(({ l }) => Number(/\((\d+)\)/.exec(l)![1]))).toEqual(
      expected.map((x) => x.of.length),
    );
    expect(lines[0]).toMatch(/^FAILED, GATING \(\d+\)$/);
    // Within a section, findings come by severity, critical first.
    headerAt.forEach(({ i }, k) => {
      const end = k + 1 < headerAt.length ? headerAt[k + 1]!.i : lines.length;
      const badges = lines
        .slice(i + 1, end)
        .map((l) => /^ {2}\[(CRITICAL|HIGH|MEDIUM|LOW)\]/.exec(l)?.[1]?.toLowerCase())
        .filter((x): x is string => x !== undefined);
      expect(badges.length).toBe(expected[k]!.of.length);
      const ranks = badges.map((b) => SEVERITY_ORDER.indexOf(b as (typeof SEVERITY_ORDER)[number]));
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    });
    const i = lines.findIndex((l) => l.includes(`${RULE} \`Logs\``));
    expect(lines[i]).toMatch(/^ {2}\[HIGH\] BW-DP-006 `Logs` /);
    const f = byName(report, 'Logs');
    expect(lines[i + 1]).toBe(`      at Shop.template.json:${f.resource.line} (Shop/Logs/Resource)`);
    expect(lines[i + 2]).toBe(`      fix: ${f.fix}`);
    expect(lines[i + 3]).toBe(
      '      controls: cis-aws-5.0:2.1.1, mcsb-v1:DP-3, nist-csf-2.0:PR.DS-02, gdpr:Art.32(1)(a)',
    );
    const s = report.summary;
    expect(text).toContain(`SUPPRESSED (${s.suppressed})`);
    expect(text).toContain('UNUSED SUPPRESSIONS (1)');
    const n = (k: number, w: string) => `${k} ${w}${k === 1 ? '' : 's'}`;
    expect(text).toContain(
      `${n(s.checks, 'check')} of ${n(s.rules, 'rule')} on ${n(s.resources, 'resource')} (pack all): ` +
        `${s.passed} passed, ${s.failed} failed, ${s.unknown} unknown, ${s.notApplicable} not applicable, ` +
        `${s.suppressed} suppressed; ${s.gating} gating`,
    );
    expect(text).toMatch(/^Score +\d+\.\d% +overall$/m);
    expect(text).toMatch(/mcsb-v1 \(Microsoft Cloud Security Benchmark\)/);
    expect(text.endsWith('\n')).toBe(true);
  });

  test('without color: no escape byte at all; artifact escapes are made visible', () => {
    const text = renderText(report, { color: false });
    expect(text).not.toContain(ESC);
    expect(text).toContain('`Evil|`x`<script>\\x1b[31m`');
  });

  test('with color: our styling only, never the artifact sequence', () => {
    const text = renderText(report, { color: true });
    expect(text).toContain(ESC);
    expect(text).not.toContain(`<script>${ESC}`);
    expect(text).toContain('<script>\\x1b[31m');
    const plain = text.replace(/\u001b\[[0-9;]*m/g, '');
    expect(plain).toBe(renderText(report, { color: false }));
  });
});

describe('Markdown', () => {
  const cells = (row: string) => row.split('|').length - 2;

  test('title, summary, score, findings by severity and suppressions', () => {
    const md = renderMarkdown(report);
    const open = openOf(report);
    expect(md.startsWith(`## Bulwark: ${open.length} findings, ${report.summary.gating} gating\n`)).toBe(
      true,
    );
    expect(md).toContain(
      '| Resources | Checks | Passed | Failed | Unknown | Not applicable | Suppressed | Gating |',
    );
    expect(md).toContain('### Score');
    expect(md).toMatch(/\| Microsoft Cloud Security Benchmark \(<code>mcsb-v1<\/code>\) \| \d+\.\d% \|/);
    expect(md).toContain(`#### 🟠 High (${open.filter((f) => f.severity === 'high').length})`);
    expect(md).toContain('| Severity | Rule | Resource | Message | Fix |');
    expect(md).toContain(`Suppressed findings (${report.summary.suppressed})`);
    expect(md).toContain('### Suppressions');
    expect(md).toContain('<code>Shop/Logs/Resource</code><br>Shop.template.json:');
    expect(md).toContain('<code>Logs</code> uses');
  });

  test('artifact text cannot inject HTML, control bytes or table cells', () => {
    const md = renderMarkdown(report);
    expect(md).not.toContain('<script>');
    expect(md).not.toContain(ESC);
    expect(md).not.toContain('<b>secrets');
    // Every row of a table has as many cells as its header.
    let rows = 0;
    for (const block of md.split('\n\n')) {
      const lines = block.split('\n').filter((l) => l.startsWith('|'));
      if (lines.length === 0) continue;
      const width = cells(lines[0]!);
      for (const l of lines) {
        expect(cells(l)).toBe(width);
        rows++;
      }
    }
    expect(rows).toBeGreaterThan(10);
    const evil = md.split('\n').find((l) => l.includes(`<b>${RULE}</b>`) && l.includes('Evil'))!;
    expect(evil).toContain('<code>Shop/Evil&#124;&#96;x&#96;&lt;script&gt;&#92;x1b&#91;31m/Resource</code>');
    // No backtick survives in a table row: code spans are <code> elements.
    for (const l of md.split('\n').filter((x) => x.startsWith('|'))) expect(l).not.toContain('`');
  });
});

describe('a tag value echoed in a message', () => {
  test('is escaped in every format', () => {
    // BW-DP-011 (classification tag) echoes an invalid `data-classification` value; escaping is also
    // tested on its own in escape.test.ts, for when no rule echoes it.
    const echoed = report.findings.filter((f) => f.message.includes(EVIL_TAG));
    for (const f of echoed) {
      expect(renderText(report)).toContain(escapeControl(f.message));
      const row = renderMarkdown(report)
        .split('\n')
        .find((l) => l.includes(`<b>${f.ruleId}</b>`) && l.includes('&lt;script&gt;&#124;'));
      expect(row).toBeDefined();
      expect(row).not.toContain('<script>');
      const sarif = (JSON.parse(renderSarif(report)) as SarifLog).runs[0]!.results;
      expect(sarif.map((x) => x.message.text)).toContain(escapeSarifMessage(f.message));
      expect(renderJunit(report)).toContain('&lt;script&gt;|`x`\\x1b[31m');
    }
    expect(renderText(report, { color: false })).not.toContain(ESC);
  });
});

describe('adapter errors and incomplete inputs', () => {
  /** The same synthesized app, read by an adapter that throws on buckets with a hostile message. */
  const broken = () => {
    const adapters = new AdapterRegistry().register('cloudformation', 'AWS::S3::Bucket', (r) => {
      throw new Error(`cannot read \`${r.path ?? r.address}\` | <img src=x> ${ESC}[2J`);
    });
    const ev = evaluate({ graph: loadInput([outdir]).graph, adapters, rules: RULES, pack: findPack('all')! });
    return buildReport(ev, {
      inputs: [outdir],
      cwd: outdir,
      tool: { version: '0.1.0' },
      incomplete: [`Shop: nested stack template missing ${ESC}[1m`],
    });
  };

  test('are in the report and every format, escaped', () => {
    const r = broken();
    expect(r.errors.length).toBeGreaterThanOrEqual(6);
    expect(r.errors[0]).toEqual({
      address: expect.any(String),
      type: 'AWS::S3::Bucket',
      error: expect.any(String),
    });
    expect(r.incomplete).toHaveLength(1);
    expect(r.findings).toEqual([]);

    const text = renderText(r);
    expect(text).toContain(`ERRORS (${r.errors.length})`);
    expect(text).toContain('INCOMPLETE (1)');
    expect(text).not.toContain(ESC);

    const md = renderMarkdown(r);
    expect(md).toContain('### Errors');
    expect(md).toContain('> [!WARNING]');
    expect(md).not.toContain('<img');
    expect(md).not.toContain(ESC);

    const xml = renderJunit(r);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toContain(ESC);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_' }).parse(xml) as {
      testsuites: Record<string, string>;
    };
    expect(doc.testsuites['@_errors']).toBe(String(r.errors.length));
    expect(doc.testsuites['@_tests']).toBe(String(r.errors.length));

    const sarif = JSON.parse(renderSarif(r)) as SarifLog;
    const notes = sarif.runs[0]!.invocations[0]!.toolExecutionNotifications;
    expect(notes.filter((n) => n.level === 'error')).toHaveLength(r.errors.length);
    expect(notes.filter((n) => n.level === 'warning')).toHaveLength(1);
    expect(JSON.stringify(sarif)).not.toContain('\\u001b');
  });
});

describe('render', () => {
  test('every format renders the report, ending with a newline', () => {
    expect(FORMATS).toEqual(['text', 'json', 'sarif', 'junit', 'markdown', 'html', 'pr-comment']);
    for (const f of FORMATS) {
      expect(isFormat(f)).toBe(true);
      const out = render(f, report, { color: false });
      expect(out.endsWith('\n')).toBe(true);
      expect(out).not.toContain(ESC);
    }
    expect(isFormat('pdf')).toBe(false);
    expect(render('json', report)).toBe(renderJson(report));
  });

  test('the classification tag value is neutralised by each escaper', () => {
    expect(escapeControl(EVIL_TAG)).toBe('<script>|`x`\\x1b[31m');
    expect(escapeMarkdown(EVIL_TAG)).toBe('&lt;script&gt;&#124;&#96;x&#96;&#92;x1b&#91;31m');
    expect(escapeForXml(EVIL_TAG)).not.toContain(ESC);
  });
});
