import * as path from 'node:path';
import { checkPaths } from '../check';
import { gates } from '../engine/evaluate';
import { SEVERITIES, type Severity } from '../engine/rule';
import { buildReport } from '../report/model';
import type { Format } from '../report';
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
}

/**
 * `bulwark check <path...>`: evaluate artifacts, print or write the report, return the exit code:
 * 1 when a mandatory finding is at or above `failOn`, or when part of the input could not be read
 * (the report lists it as incomplete).
 */
export function runCheckCommand(paths: readonly string[], o: CheckCommandOptions, io: CliIo): number {
  const run = checkPaths(
    paths.map((p) => path.resolve(io.cwd, p)),
    {
      pack: o.pack,
      suppressionsFile: o.suppressions ? path.resolve(io.cwd, o.suppressions) : undefined,
      findingsOnly: o.includePassed !== true,
    },
  );
  const report = buildReport(run.evaluation, {
    includePassed: o.includePassed,
    tool: { name: 'bulwark', version: VERSION },
    inputs: [...paths],
    cwd: io.cwd,
    incomplete: run.input.incomplete,
  });
  emitReport(report, o.format, o.output, io);
  const floor = SEVERITIES.indexOf(o.failOn);
  const gating = run.evaluation.results.filter(
    (r) => gates(r, run.evaluation.pack) && SEVERITIES.indexOf(r.rule.severity) >= floor,
  );
  // Input that was not read completely is never all clear: what was not read was not checked.
  return gating.length > 0 || run.input.incomplete.length > 0 ? EXIT.findings : EXIT.clean;
}
