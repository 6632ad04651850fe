import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import { Classification } from '../../../lib/classification';
import { checkGraph } from '../../../lib/check';
import type { RuleResult } from '../../../lib/engine/result';
import { gates } from '../../../lib/engine/evaluate';
import { loadInput } from '../../../lib/sources';

export { Classification };

/** A fresh stack named `S` in its own app (feature flags off). */
export function stack(): Stack {
  return new Stack(new App(), 'S');
}

export type Resources = Record<
  string,
  { Type: string; Properties: Record<string, unknown>; DeletionPolicy?: string; UpdateReplacePolicy?: string }
>;

/** The only resource of `type` in the template. */
export function only(t: Template, type: string): Resources[string] {
  const found = Object.values(t.findResources(type) as Resources);
  expect(found).toHaveLength(1);
  return found[0]!;
}

/** Statements of a policy document, as synthesized. */
export function statements(doc: unknown): Record<string, unknown>[] {
  return (doc as { Statement: Record<string, unknown>[] }).Statement;
}

/** The statement with `sid`, or undefined. */
export function statement(doc: unknown, sid: string): Record<string, unknown> | undefined {
  return statements(doc).find((s) => s.Sid === sid);
}

export interface EngineRun {
  /** Results on resources under `S/<target>`. */
  readonly results: readonly RuleResult[];
  /** Those that would fail synthesis or a check run. */
  readonly gating: readonly RuleResult[];
  /** Failures and unknowns that no opt-out suppresses. */
  readonly open: readonly RuleResult[];
  readonly viewErrors: readonly unknown[];
}

/** Synthesize a stack built by `build` and evaluate it with every rule of the default pack. */
export function evaluate(build: (s: Stack) => void, target: string): EngineRun {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-stores-'));
  try {
    const app = new App({ outdir });
    const s = new Stack(app, 'S');
    build(s);
    app.synth();
    const { evaluation } = checkGraph(loadInput([outdir]).graph);
    const results = evaluation.results.filter(
      (r) => r.resource.path === `S/${target}` || r.resource.path?.startsWith(`S/${target}/`),
    );
    return {
      results,
      gating: results.filter((r) => gates(r, evaluation.pack)),
      open: results.filter((r) => (r.outcome === 'fail' || r.outcome === 'unknown') && !r.suppression),
      viewErrors: evaluation.viewErrors,
    };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/**
 * Rules that judge the estate around a store rather than the store: a trail recording its data
 * events (the audit log sink) and a backup plan selecting it by its tag (the classified backup).
 * A store alone cannot satisfy them; they never gate.
 */
export const ESTATE_RULES = ['BW-LT-009', 'BW-DP-018', 'BW-BR-005'];

/** Open results beyond the estate rules. */
export function openOnStore(run: EngineRun): readonly RuleResult[] {
  return run.open.filter((r) => !ESTATE_RULES.includes(r.rule.id));
}

/** `id: message` of results, for readable expectations. */
export function show(results: readonly RuleResult[]): string[] {
  return results.map((r) => `${r.rule.id}: ${r.message}`);
}

export const ALL_LEVELS = [
  Classification.PUBLIC,
  Classification.INTERNAL,
  Classification.CONFIDENTIAL,
  Classification.RESTRICTED,
  Classification.TOP_SECRET,
] as const;
