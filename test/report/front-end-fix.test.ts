import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import { evaluate } from '../../lib/engine/evaluate';
import { fixFor, frontEndOf } from '../../lib/engine/fix';
import { defineRule, type Rule } from '../../lib/engine/rule';
import { ResourceGraph } from '../../lib/graph/graph';
import type { Resource } from '../../lib/graph/resource';
import { FORMATS, render } from '../../lib/report';
import { buildReport } from '../../lib/report/model';
import { adaptersForAll, loadInput } from '../../lib/sources';
import type { KeyView } from '../../lib/views/kinds';
import { AdapterRegistry } from '../../lib/views/registry';
import { findPack } from '../../policies/packs';
import { fixTexts } from '../../lib/engine/fix';
import keyRotation from '../../policies/rules/data-protection/key-rotation';
import { runCli } from '../support/cli';

/** The CDK prop the key-rotation rule's (CDK-only) fix names. */
const CDK_TEXT = 'enableKeyRotation';
const NEUTRAL = 'no Terraform fix is written for this rule; see its rationale';

/** A Terraform resource of a made-up type, and the adapter (registered for `terraform`) that views it. */
const tfKey: Resource = {
  address: 'aws_kms_key.audit',
  type: 'fake_kms_key',
  source: 'terraform',
  properties: {},
  tags: {},
  logicalId: 'audit',
  location: { file: 'plan.json' },
};
const tfAdapters = new AdapterRegistry().register('terraform', 'fake_kms_key', (r): KeyView => ({
  kind: 'key',
  resource: r,
  name: r.logicalId!,
  keySpec: 'SYMMETRIC_DEFAULT',
  symmetric: true,
  rotationEnabled: false,
  enabled: true,
  classification: { state: 'untagged' },
}));

let dir: string;
let cfnKeys: Resource[];
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-fix-'));
  const app = new App({ outdir: dir, builtinCloudFormationValidation: false });
  new kms.Key(new Stack(app, 'Keys'), 'Data', { enableKeyRotation: false });
  app.synth();
  cfnKeys = [...loadInput([dir]).graph.all()];
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Report text with Markdown's escapes undone (HTML entities, backslashes). */
function plain(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCharCode(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_m, n: string) => String.fromCharCode(parseInt(n, 16)))
    .replace(/\\/g, '');
}

function reports(resources: Resource[], rule: Rule) {
  const ev = evaluate({
    graph: new ResourceGraph(resources),
    adapters: adaptersForAll().merge(tfAdapters),
    rules: [rule],
    pack: findPack('all')!,
  });
  expect(ev.results.map((r) => r.outcome)).toEqual(resources.map(() => 'fail'));
  const report = buildReport(ev, { inputs: ['plan.json'], cwd: dir });
  return { report, rendered: FORMATS.map((f) => [f, render(f, report, { color: false })] as const) };
}

test('the front end of a finding follows its resource source', () => {
  expect(frontEndOf(tfKey)).toBe('terraform');
  expect(frontEndOf(cfnKeys[0]!)).toBe('cdk');
  expect(frontEndOf({ source: 'live' })).toBe('cdk');
  expect(frontEndOf({ source: 'pulumi' })).toBe('pulumi');
});

test('a Terraform finding of a rule with only a CDK fix shows no CDK text in any report format', () => {
  // The key-rotation rule as it stood with its CDK fix only.
  const cdkOnly: Rule = { ...keyRotation, fix: fixTexts(keyRotation.fix).cdk! };
  const { report, rendered } = reports([tfKey], cdkOnly);
  expect(report.findings.map((f) => f.fix)).toEqual([NEUTRAL]);
  expect(report.rules.map((r) => r.fix)).toEqual([NEUTRAL]);
  for (const [format, text] of rendered) {
    expect({ format, cdk: text.includes(CDK_TEXT) }).toEqual({ format, cdk: false });
    expect({ format, neutral: text.includes(NEUTRAL) }).toEqual({ format, neutral: true });
  }
});

test('each finding shows the fix of its own front end', () => {
  const terraformText = 'Set `enable_key_rotation = true` on the `aws_kms_key`.';
  const both = defineRule({
    ...keyRotation,
    fix: { cdk: 'Set `enableKeyRotation: true` on the key.', terraform: terraformText },
  } as Parameters<typeof defineRule>[0]);
  const { report, rendered } = reports([tfKey, ...cfnKeys], both);
  const byAddress = Object.fromEntries(report.findings.map((f) => [f.resource.address, f.fix]));
  expect(byAddress).toEqual({
    'aws_kms_key.audit': terraformText,
    [cfnKeys[0]!.address]: 'Set `enableKeyRotation: true` on the key.',
  });
  expect(report.rules[0]!.fix).toBe(
    `CDK / CloudFormation: Set \`enableKeyRotation: true\` on the key. Terraform: ${terraformText}`,
  );
  for (const [format, text] of rendered)
    expect({ format, tf: plain(text).includes('enable_key_rotation') }).toEqual({
      format,
      tf: true,
    });
  expect(fixFor(both, 'pulumi')).toBe('no Pulumi fix is written for this rule; see its rationale');
});

test('`bulwark explain` prints the fix of every front end', async () => {
  const text = await runCli(['explain', 'BW-DP-010']);
  expect(text.stdout).toMatch(/^ {2}CDK \/ CloudFormation: Set `enableKeyRotation: true`/m);
  expect(text.stdout).toMatch(/^ {2}Terraform: Set `enable_key_rotation = true` on the `aws_kms_key`/m);
  expect(text.stdout).toContain('  Pulumi: no Pulumi fix is written for this rule; see its rationale');
  const json = JSON.parse((await runCli(['explain', 'BW-DP-010', '--format', 'json'])).stdout) as {
    fix: Record<string, string>;
  };
  expect(Object.keys(json.fix)).toEqual(['cdk', 'terraform', 'pulumi']);
  expect(json.fix.terraform).toMatch(/enable_key_rotation = true/);
});
