import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { checkGraph } from '../../../lib/check';
import { gates } from '../../../lib/engine/evaluate';
import type { RuleResult } from '../../../lib/engine/result';
import { loadInput } from '../../../lib/sources';

/** What the engine says about the resources under one construct path. */
export interface StackVerdict {
  /** Results that fail the default pack (mandatory fail or unknown). */
  readonly gating: readonly string[];
  /** Every `fail` or `unknown`, gating or not: `rule outcome path: message`. */
  readonly findings: readonly string[];
  /** Number of results on the construct (to prove the engine saw it). */
  readonly checked: number;
}

/**
 * Synthesize an app with one stack `S` built by `build`, evaluate it with every rule and the default
 * pack, and report the results on resources under `S/<prefix>`.
 */
export function evaluateStack(prefix: string, build: (stack: Stack) => void): StackVerdict {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-construct-'));
  try {
    const app = new App({ outdir });
    build(new Stack(app, 'S'));
    app.synth();
    const { evaluation } = checkGraph(loadInput([outdir]).graph);
    const mine = evaluation.results.filter((r) => (r.resource.path ?? '').startsWith(`S/${prefix}/`));
    const show = (r: RuleResult) => `${r.rule.id} ${r.outcome} ${r.resource.path}: ${r.message}`;
    return {
      gating: mine.filter((r) => gates(r, evaluation.pack)).map(show),
      findings: mine.filter((r) => r.outcome === 'fail' || r.outcome === 'unknown').map(show),
      checked: mine.length,
    };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** A finding a construct is known to raise, and why the construct is right regardless. */
export interface KnownFinding {
  readonly finding: RegExp;
  readonly why: string;
}

/** The findings no known finding explains. */
export function unexplained(findings: readonly string[], known: readonly KnownFinding[]): string[] {
  return findings.filter((f) => !known.some((k) => k.finding.test(f)));
}
