import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App as TfApp, TerraformStack } from 'cdktf';
import { evaluate } from '../../lib/engine/evaluate';
import { ResourceGraph } from '../../lib/graph/graph';
import { definePack } from '../../lib/engine/pack';
import type { RuleResult } from '../../lib/engine/result';
import {
  isCdkCase,
  isCdktfCase,
  isPulumiCase,
  isTemplateCase,
  isTerraformPlanCase,
  type CdkRuleCase,
  type CdktfRuleCase,
  type PulumiRuleCase,
  type RuleCases,
  type TemplateRuleCase,
  type TerraformPlanRuleCase,
} from '../../lib/engine/cases';
import type { Rule } from '../../lib/engine/rule';
import { adaptersForAll, loadInput, SOURCES } from '../../lib/sources';
import { capture, type CaptureResult } from '../../lib/sources/pulumi/capture';
import { capturedRecords } from '../../lib/sources/pulumi/program';
import { toResources } from '../../lib/sources/pulumi/resource';

/** Every rule mandatory: what a test evaluates with when it judges outcomes, not packs. */
export const EVERY_RULE_MANDATORY = definePack({
  id: 'test',
  title: 'test',
  description: 'every rule mandatory',
  select: () => true,
  bySeverity: { low: 'mandatory', medium: 'mandatory', high: 'mandatory', critical: 'mandatory' },
});

/** Repository root: template cases name their template from here. */
export const REPO_ROOT = path.join(__dirname, '../..');

/**
 * Run a program under Pulumi's mocks (azure-native in westeurope, stack `test`) and read what it
 * registers as the Pulumi source reads a program: the capture and the graph. A program that fails
 * throws, naming `main`.
 */
export async function pulumiGraph(
  program: () => void,
  main = 'program',
  project = 'program',
): Promise<{ result: CaptureResult; graph: ResourceGraph }> {
  const result = await capture(
    {
      dir: REPO_ROOT,
      main,
      project,
      stack: 'test',
      config: { 'azure-native:location': 'westeurope' },
      secretKeys: [],
    },
    program,
  );
  if (result.error !== undefined) throw new Error(`${main}: the program failed: ${result.error}`);
  const records = capturedRecords(result.resources, () => ({ file: main }));
  return { result, graph: new ResourceGraph(toResources(records, () => false)) };
}

/**
 * Evaluate every case of a rule. CDK and CDKTF cases are synthesized (one stack a case, one app per
 * kind); template and plan cases read their vendored file (each file once). Each case is its own
 * estate: rules that look across the graph (a trail, a backup plan) see only its stack or file.
 */
export function runCases(rc: RuleCases): Map<string, RuleResult[]> {
  const out = new Map<string, RuleResult[]>();
  const add = (results: Map<string, RuleResult[]>) => {
    for (const [name, rs] of results) out.set(name, rs);
  };
  const cdk = rc.cases.filter(isCdkCase);
  if (cdk.length > 0) add(runCdkCases(rc.rule, cdk));
  const templates = rc.cases.filter(isTemplateCase);
  if (templates.length > 0) add(runFileCases(rc.rule, templates, (c) => c.template, byLogicalId));
  const cdktf = rc.cases.filter(isCdktfCase);
  if (cdktf.length > 0) add(runCdktfCases(rc.rule, cdktf));
  const plans = rc.cases.filter(isTerraformPlanCase);
  if (plans.length > 0) add(runFileCases(rc.rule, plans, (c) => c.file, byAddress));
  return out;
}

/**
 * Every case of a rule, Pulumi cases included: those run as programs under Pulumi's mocks, which
 * settle asynchronously.
 */
export async function runAllCases(rc: RuleCases): Promise<Map<string, RuleResult[]>> {
  const out = runCases(rc);
  const pulumi = rc.cases.filter(isPulumiCase);
  if (pulumi.length > 0) for (const [name, rs] of await runPulumiCases(rc.rule, pulumi)) out.set(name, rs);
  return out;
}

/**
 * Pulumi cases: each case's `build` runs as its own program under Pulumi's mocks (preview mode, the
 * repository's `@pulumi/pulumi`), and what it registers is read as the Pulumi source reads a program.
 */
async function runPulumiCases(
  rule: Rule,
  cases: readonly PulumiRuleCase[],
): Promise<Map<string, RuleResult[]>> {
  const adapters = adaptersForAll();
  const out = new Map<string, RuleResult[]>();
  for (const c of cases) {
    const { graph } = await pulumiGraph(() => c.build(), `case: ${c.name}`, 'cases');
    const results = [...evaluate({ graph, adapters, rules: [rule], pack: EVERY_RULE_MANDATORY }).results];
    out.set(
      c.name,
      c.target === undefined
        ? results
        : results.filter((r) => r.resource.path === c.target || r.resource.path?.startsWith(`${c.target}/`)),
    );
  }
  return out;
}

/** Whether a source that reads Terraform (plans, `cdk.tf.json`) is registered. */
export function terraformSourceRegistered(): boolean {
  return SOURCES.some((s) => s.kind === 'terraform');
}

/** Read one synthesized or vendored Terraform file, saying plainly when no source reads Terraform. */
function loadTerraform(file: string) {
  if (!fs.existsSync(file)) throw new Error(`${file} was not written`);
  if (!terraformSourceRegistered())
    throw new Error(
      `no source recognises ${file}: no Terraform source is registered in lib/sources/index.ts`,
    );
  return loadInput([file]);
}

/**
 * CDKTF cases: one app, one `TerraformStack` a case with its AWS provider, synthesized to a temporary
 * directory (no terraform binary); each stack's `cdk.tf.json` is read through the registered sources.
 */
function runCdktfCases(rule: Rule, cases: readonly CdktfRuleCase[]): Map<string, RuleResult[]> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-cdktf-cases-'));
  try {
    const app = new TfApp({ outdir });
    const stacks = cases.map((c, i) => {
      const stack = new TerraformStack(app, `Case${i}`);
      new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
      c.build(stack);
      return `Case${i}`;
    });
    app.synth();
    const out = new Map<string, RuleResult[]>();
    cases.forEach((c, i) => {
      const stack = stacks[i]!;
      const { graph } = loadTerraform(path.join(outdir, 'stacks', stack, 'cdk.tf.json'));
      const ev = evaluate({ graph, adapters: adaptersForAll(), rules: [rule], pack: EVERY_RULE_MANDATORY });
      out.set(
        c.name,
        ev.results.filter((r) => c.target === undefined || matchesTarget(r, stack, c.target)),
      );
    });
    return out;
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

const byLogicalId = (r: RuleResult, target: string) => r.resource.logicalId === target;
const byAddress = (r: RuleResult, target: string) => r.resource.address === target;

function runCdkCases(rule: Rule, cases: readonly CdkRuleCase[]): Map<string, RuleResult[]> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-cases-'));
  try {
    const app = new App({ outdir, builtinCloudFormationValidation: false });
    const stacks = cases.map((c, i) => {
      const stack = new Stack(app, `Case${i}`);
      c.build(stack);
      return stack.stackName;
    });
    app.synth();
    const { graph } = loadInput([outdir]);
    const adapters = adaptersForAll();
    const out = new Map<string, RuleResult[]>();
    cases.forEach((c, i) => {
      const stack = stacks[i]!;
      const own = new ResourceGraph([...graph.all()].filter((r) => r.stack === stack));
      const ev = evaluate({ graph: own, adapters, rules: [rule], pack: EVERY_RULE_MANDATORY });
      out.set(
        c.name,
        ev.results.filter((r) => c.target === undefined || matchesTarget(r, stack, c.target)),
      );
    });
    return out;
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** Cases read from vendored files (templates, plans): each file read and evaluated once. */
function runFileCases<C extends TemplateRuleCase | TerraformPlanRuleCase>(
  rule: Rule,
  cases: readonly C[],
  fileOf: (c: C) => string,
  matches: (r: RuleResult, target: string) => boolean,
): Map<string, RuleResult[]> {
  const adapters = adaptersForAll();
  const byFile = new Map<string, RuleResult[]>();
  const out = new Map<string, RuleResult[]>();
  for (const c of cases) {
    let results = byFile.get(fileOf(c));
    if (!results) {
      const file = path.join(REPO_ROOT, fileOf(c));
      const { graph } = isTerraformPlanCase(c) ? loadTerraform(file) : loadInput([file]);
      results = [...evaluate({ graph, adapters, rules: [rule], pack: EVERY_RULE_MANDATORY }).results];
      byFile.set(fileOf(c), results);
    }
    out.set(
      c.name,
      results.filter((r) => matches(r, c.target)),
    );
  }
  return out;
}

function matchesTarget(r: RuleResult, stack: string, target: string): boolean {
  const p = r.resource.path;
  if (!p) return r.resource.logicalId === target;
  return p === `${stack}/${target}` || p.startsWith(`${stack}/${target}/`);
}

/** All `*.cases.ts` files under policies/rules. */
export function caseFiles(root = path.join(__dirname, '../../policies/rules')): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(root, { withFileTypes: true })) {
    const p = path.join(root, entry.name);
    if (entry.isDirectory()) out.push(...caseFiles(p));
    else if (entry.name.endsWith('.cases.ts')) out.push(p);
  }
  return out.sort();
}

/**
 * All rule files under policies/rules: the files of its domain folders, not cases, not the index. Files
 * at the top of policies/rules (the catalog index, helpers such as `source.ts`) are no rules.
 */
export function ruleFiles(root = path.join(__dirname, '../../policies/rules'), inDomain = false): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(root, { withFileTypes: true })) {
    const p = path.join(root, entry.name);
    if (entry.isDirectory()) out.push(...ruleFiles(p, true));
    else if (
      inDomain &&
      entry.name.endsWith('.ts') &&
      !entry.name.endsWith('.cases.ts') &&
      entry.name !== 'index.ts'
    )
      out.push(p);
  }
  return out.sort();
}
