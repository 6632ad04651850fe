import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { evaluate } from '../../lib/engine/evaluate';
import { ResourceGraph } from '../../lib/graph/graph';
import { definePack } from '../../lib/engine/pack';
import type { RuleResult } from '../../lib/engine/result';
import type { RuleCases } from '../../lib/engine/cases';
import { loadInput } from '../../lib/sources';
import { cloudFormationAdapters } from '../../lib/views/cloudformation';

const everything = definePack({
  id: 'test',
  title: 'test',
  description: 'every rule mandatory',
  select: () => true,
  bySeverity: { low: 'mandatory', medium: 'mandatory', high: 'mandatory', critical: 'mandatory' },
});

/** Synthesize every case of a rule (one stack a case, one app), then evaluate the rule on each stack. */
export function runCases(rc: RuleCases): Map<string, RuleResult[]> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-cases-'));
  try {
    const app = new App({ outdir, builtinCloudFormationValidation: false });
    const stacks = rc.cases.map((c, i) => {
      const stack = new Stack(app, `Case${i}`);
      c.build(stack);
      return stack.stackName;
    });
    app.synth();
    const { graph } = loadInput([outdir]);
    const adapters = cloudFormationAdapters();
    const out = new Map<string, RuleResult[]>();
    rc.cases.forEach((c, i) => {
      const stack = stacks[i]!;
      // Each case is its own estate: rules that look across the graph (a trail, a backup plan) see only it.
      const own = new ResourceGraph([...graph.all()].filter((r) => r.stack === stack));
      const ev = evaluate({ graph: own, adapters, rules: [rc.rule], pack: everything });
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
 * All rule files under policies/rules: `<domain>/<slug>.ts`, not cases, not the index. Files directly under
 * policies/rules (the catalog and its helpers) are not rules.
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
