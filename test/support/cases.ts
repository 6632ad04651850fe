import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { evaluate } from '../../lib/engine/evaluate';
import { ResourceGraph } from '../../lib/graph/graph';
import { definePack } from '../../lib/engine/pack';
import type { RuleResult } from '../../lib/engine/result';
import { isCdkCase, type CdkRuleCase, type RuleCases, type TemplateRuleCase } from '../../lib/engine/cases';
import type { Rule } from '../../lib/engine/rule';
import { adaptersForAll, loadInput } from '../../lib/sources';

const everything = definePack({
  id: 'test',
  title: 'test',
  description: 'every rule mandatory',
  select: () => true,
  bySeverity: { low: 'mandatory', medium: 'mandatory', high: 'mandatory', critical: 'mandatory' },
});

/** Repository root: template cases name their template from here. */
export const REPO_ROOT = path.join(__dirname, '../..');

/**
 * Evaluate every case of a rule. CDK cases are synthesized (one stack a case, one app); template
 * cases read their vendored template (each template once). Each case is its own estate: rules that
 * look across the graph (a trail, a backup plan) see only its stack or template.
 */
export function runCases(rc: RuleCases): Map<string, RuleResult[]> {
  const out = new Map<string, RuleResult[]>();
  const cdk = rc.cases.filter(isCdkCase);
  if (cdk.length > 0) for (const [name, rs] of runCdkCases(rc.rule, cdk)) out.set(name, rs);
  const templates = rc.cases.filter((c): c is TemplateRuleCase => !isCdkCase(c));
  if (templates.length > 0) for (const [name, rs] of runTemplateCases(rc.rule, templates)) out.set(name, rs);
  return out;
}

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
      const ev = evaluate({ graph: own, adapters, rules: [rule], pack: everything });
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

function runTemplateCases(rule: Rule, cases: readonly TemplateRuleCase[]): Map<string, RuleResult[]> {
  const adapters = adaptersForAll();
  const byTemplate = new Map<string, RuleResult[]>();
  const out = new Map<string, RuleResult[]>();
  for (const c of cases) {
    let results = byTemplate.get(c.template);
    if (!results) {
      const { graph } = loadInput([path.join(REPO_ROOT, c.template)]);
      results = [...evaluate({ graph, adapters, rules: [rule], pack: everything }).results];
      byTemplate.set(c.template, results);
    }
    out.set(
      c.name,
      results.filter((r) => r.resource.logicalId === c.target),
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
