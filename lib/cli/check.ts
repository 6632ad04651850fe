import * as path from 'node:path';
import { checkPaths, type CheckRun } from '../check';
import { gates } from '../engine/evaluate';
import { SEVERITIES, type Severity } from '../engine/rule';
import { InputError } from '../errors';
import { deltaOf, readBaseline } from '../report/delta';
import { buildReport, type Report } from '../report/model';
import type { Format } from '../report/render';
import { VERSION } from '../version';
import { emitReport } from './output';
import { EXIT, type CliIo } from './io';

export interface CheckCommandOptions {
  readonly format: Format;
  readonly output?: string;
  readonly failOn: Severity;
  readonly pack?: string;
  readonly suppressions?: string;
  readonly includePassed?: boolean;
  /** JSON report of the base branch: the report gains `delta` (new, fixed, unchanged findings). */
  readonly baseline?: string;
  /** Gate only on new findings (needs `baseline`). */
  readonly failOnNew?: boolean;
  /** Pulumi programs: the stack whose configuration the program runs with. */
  readonly stack?: string;
}

/**
 * `bulwark check <path...>`: evaluate artifacts, print or write the report, return the exit code:
 * see {@link checkExitCode}.
 */
export function runCheckCommand(paths: readonly string[], o: CheckCommandOptions, io: CliIo): number {
  const { report, code } = judge(paths, o, io);
  // The graph and the evaluation are no longer held: what the report does not need is freed while
  // it is written.
  emitReport(report, o.format, o.output, io);
  return code;
}

/** Read, evaluate and report, and the exit code: see {@link runCheckCommand}. */
function judge(
  paths: readonly string[],
  o: CheckCommandOptions,
  io: CliIo,
): { report: Report; code: number } {
  if (o.failOnNew && o.baseline === undefined) {
    throw new InputError(
      'BULWARK_USAGE',
      '--fail-on-new',
      'needs --baseline <base.json>, the report of the base branch',
    );
  }
  const baseline =
    o.baseline !== undefined ? readBaseline(path.resolve(io.cwd, o.baseline), io.cwd) : undefined;
  const run = checkPaths(
    paths.map((p) => path.resolve(io.cwd, p)),
    {
      pack: o.pack,
      suppressionsFile: o.suppressions ? path.resolve(io.cwd, o.suppressions) : undefined,
      findingsOnly: o.includePassed !== true,
      stack: o.stack,
    },
  );
  const built = buildReport(run.evaluation, {
    includePassed: o.includePassed,
    tool: { name: 'bulwark', version: VERSION },
    inputs: [...paths],
    cwd: io.cwd,
    incomplete: run.input.incomplete,
    skipped: run.input.skipped,
  });
  const report: Report =
    baseline !== undefined ? { ...built, delta: deltaOf(built, baseline, o.baseline!) } : built;
  const code = o.failOnNew ? newFindingsExitCode(run, report, o.failOn) : checkExitCode(run, o.failOn);
  return { report, code };
}

/**
 * The exit code under `--fail-on-new`: 1 when a new finding gates at or above `failOn`, or when
 * part of the input was not read or judged (as {@link checkExitCode}); findings the baseline
 * already had do not gate.
 */
export function newFindingsExitCode(run: CheckRun, report: Report, failOn: Severity): number {
  const floor = SEVERITIES.indexOf(failOn);
  const gating = (report.delta?.new ?? []).some((f) => f.gating && SEVERITIES.indexOf(f.severity) >= floor);
  const unjudged = run.input.incomplete.length > 0 || run.evaluation.viewErrors.length > 0;
  return gating || unjudged ? EXIT.findings : EXIT.clean;
}

/**
 * The exit code of a check run: 1 when a gating finding is at or above `failOn`, when part of the
 * input could not be read (incomplete), or when the views of a resource could not be derived (its
 * rules did not run). What was not read or judged is never all clear.
 */
export function checkExitCode(run: CheckRun, failOn: Severity): number {
  const floor = SEVERITIES.indexOf(failOn);
  const gating = run.evaluation.results.some(
    (r) => gates(r, run.evaluation.pack) && SEVERITIES.indexOf(r.rule.severity) >= floor,
  );
  const unjudged = run.input.incomplete.length > 0 || run.evaluation.viewErrors.length > 0;
  return gating || unjudged ? EXIT.findings : EXIT.clean;
}
