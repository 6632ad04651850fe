import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isMap, parseDocument } from 'yaml';
import { checkPaths } from '../../lib/check';
import { errorLine } from '../../lib/cli';
import { checkExitCode } from '../../lib/cli/check';
import { InputError } from '../../lib/errors';
import { buildReport, render } from '../../lib/report';

/** Runs per property: the total over test/fuzz is above 10,000 per run. `BULWARK_FUZZ_SCALE` scales them. */
export function runs(n: number): number {
  const scale = Number(process.env.BULWARK_FUZZ_SCALE ?? '1');
  return Math.max(1, Math.round(n * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}

/**
 * fast-check parameters: `BULWARK_FUZZ_SEED` and `BULWARK_FUZZ_PATH` (both printed with a
 * counterexample) replay a failing case. Runs explore new random cases each time, except under CI,
 * where the seed is fixed so that a landing is judged on the same 10,000+ cases every time (set
 * `BULWARK_FUZZ_SEED` to explore there too).
 */
/** The seed CI runs with. */
const CI_SEED = '20261203';

export function params(numRuns: number): {
  numRuns: number;
  seed?: number;
  path?: string;
  endOnFailure: true;
} {
  const seed = process.env.BULWARK_FUZZ_SEED ?? (process.env.CI ? CI_SEED : undefined);
  const replay = process.env.BULWARK_FUZZ_PATH;
  return {
    numRuns: runs(numRuns),
    ...(seed ? { seed: Number(seed) } : {}),
    ...(replay ? { path: replay } : {}),
    endOnFailure: true,
  };
}

/** The most time one input may take to be read and judged (wall time, generous for a loaded machine). */
export const CASE_BUDGET_MS = 10_000;

/** How one input ended, as the CLI would end it. */
export type Outcome =
  | { readonly kind: 'complete'; readonly resources: Map<string, number>; readonly ms: number }
  | { readonly kind: 'input-error'; readonly line: string; readonly error: InputError; readonly ms: number };

/** Characters an error line must never carry raw: C0/C1 controls, line separators, bidi controls. */
const RAW_CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** Statistics of a fuzz run, printed once per file when BULWARK_FUZZ_STATS is set. */
export class Tally {
  complete = 0;
  inputErrors = 0;
  maxMs = 0;
  readonly codes = new Map<string, number>();

  add(o: Outcome): void {
    this.maxMs = Math.max(this.maxMs, o.ms);
    if (o.kind === 'complete') this.complete++;
    else {
      this.inputErrors++;
      this.codes.set(o.error.code, (this.codes.get(o.error.code) ?? 0) + 1);
    }
  }

  print(name: string): void {
    if (!process.env.BULWARK_FUZZ_STATS) return;
    console.log(
      `${name}: ${this.complete} complete, ${this.inputErrors} input errors ${JSON.stringify([...this.codes])}, slowest ${this.maxMs.toFixed(0)} ms; views not derived: ${JSON.stringify([...new Set(viewErrorsSeen)])}`,
    );
  }
}

/**
 * Check `paths` the way `bulwark check` does (read, evaluate every rule, build and render the JSON
 * report), in-process. The invariant of every fuzz test is enforced here:
 *
 * - it ends with a complete report (exit 0/1), or with one {@link InputError} whose rendered line
 *   is a single line without raw control characters and names the file at fault;
 * - any other exception is a crash and fails the test (it is rethrown with the input's name);
 * - it takes less than {@link CASE_BUDGET_MS};
 * - a complete report has results only with known outcomes, has read every template given, and
 *   lists every resource whose views could not be derived, with an exit code that is not clean.
 */
export function judge(paths: readonly string[]): Outcome {
  const t0 = performance.now();
  let outcome: Outcome;
  try {
    const run = checkPaths(paths, { findingsOnly: true });
    const report = buildReport(run.evaluation, {
      tool: { name: 'bulwark', version: '0.0.0' },
      inputs: [...paths],
    });
    JSON.parse(render('json', report));
    for (const r of run.evaluation.results) {
      if (!['pass', 'fail', 'not_applicable', 'unknown'].includes(r.outcome)) {
        throw new Error(`result with outcome ${String(r.outcome)}`);
      }
    }
    // A resource whose views could not be derived is reported and never passes as clean.
    if (run.evaluation.viewErrors.length > 0) {
      if (report.errors.length !== run.evaluation.viewErrors.length || checkExitCode(run, 'critical') !== 1) {
        throw new Error(`views of ${run.evaluation.viewErrors[0]!.address} could not be derived, unreported`);
      }
      viewErrorsSeen.push(...run.evaluation.viewErrors.map((e) => `${e.type}: ${e.error.slice(0, 120)}`));
    }
    const resources = new Map<string, number>();
    for (const a of run.input.artifacts) resources.set(a.file, (resources.get(a.file) ?? 0) + a.resources);
    outcome = { kind: 'complete', resources, ms: performance.now() - t0 };
  } catch (e) {
    if (!(e instanceof InputError)) {
      const err = e as Error;
      throw new Error(
        `crash on ${paths.join(' ')}: ${err.constructor.name}: ${err.message}\n${err.stack ?? ''}`,
      );
    }
    const line = errorLine(e);
    if (line.includes('\n') || RAW_CONTROL.test(line))
      throw new Error(`error line is not one inert line: ${line}`);
    if (!paths.some((p) => e.file.startsWith(p))) {
      throw new Error(`error does not name the input: ${line}`);
    }
    outcome = { kind: 'input-error', line, error: e, ms: performance.now() - t0 };
  }
  if (outcome.ms > CASE_BUDGET_MS) throw new Error(`${paths.join(' ')} took ${outcome.ms.toFixed(0)} ms`);
  return outcome;
}

/**
 * Adapter errors met while fuzzing (views that could not be derived): reported and gating, so not
 * a failure of the invariant, but bugs to fix; printed with BULWARK_FUZZ_STATS.
 */
export const viewErrorsSeen: string[] = [];

/**
 * The number of resources a template declares, read independently of Bulwark: JSON.parse for
 * JSON, the YAML document's `Resources` map for YAML. Undefined when it cannot be told.
 */
export function declaredResources(text: string): number | undefined {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (trimmed.startsWith('{')) {
    try {
      const body = JSON.parse(trimmed) as { Resources?: unknown };
      const r = body?.Resources;
      return r && typeof r === 'object' && !Array.isArray(r) ? Object.keys(r).length : undefined;
    } catch {
      // Not JSON: YAML flow style may still start with `{`.
    }
  }
  try {
    const doc = parseDocument(trimmed, { logLevel: 'silent', uniqueKeys: false });
    const root = doc.contents;
    if (!isMap(root)) return undefined;
    const resources = root.get('Resources', true);
    return isMap(resources) ? resources.items.length : undefined;
  } catch {
    return undefined;
  }
}

/** A scratch directory for one fuzz file, removed with {@link removeScratch}. */
export function scratch(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `bulwark-fuzz-${name}-`));
}

export function removeScratch(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}
