import * as path from 'node:path';
import { SingleBar } from 'cli-progress';
import { driftIamPolicy } from '../drift/permissions';
import { runDrift, type DriftRun } from '../drift/run';
import type { AwsAccess, LiveReader } from '../drift/reader';
import { gates } from '../engine/evaluate';
import { SEVERITIES, type Severity } from '../engine/rule';
import { InputError } from '../errors';
import { buildReport, type Format, type Report } from '../report';
import { VERSION } from '../version';
import { emitReport } from './output';
import { EXIT, type CliIo } from './io';

/** Options of `bulwark drift`, as the CLI parses them. */
export interface DriftCommandOptions {
  /** Cloud assembly directory or template; default `cdk.out`. */
  readonly app: string;
  /** Stacks to compare (repeatable); default every stack of the app. */
  readonly stack?: readonly string[];
  readonly region?: string;
  readonly profile?: string;
  readonly format: Format;
  readonly output?: string;
  readonly failOn: Severity;
  /** Resources read at once (a positive integer; the CLI gives a string). */
  readonly concurrency?: number | string;
  readonly pack?: string;
  readonly suppressions?: string;
  readonly includePassed?: boolean;
  /** Print the least-privilege IAM policy and exit. */
  readonly printIamPolicy?: boolean;
}

/** What an embedding (or a test) may supply instead of the defaults. */
export interface DriftCommandDeps {
  /** Credentials and attempts beyond what the options say. */
  readonly aws?: AwsAccess;
  readonly reader?: LiveReader;
  /** Physical ids CloudFormation cannot list (see `DriftOptions.physicalIds`). */
  readonly physicalIds?: Readonly<Record<string, string>>;
  /** Abort signal; default: the first SIGINT stops scheduling reads. */
  readonly signal?: AbortSignal;
  /** Receives the run (tests, embedding). */
  readonly onRun?: (run: DriftRun, report: Report) => void;
}

function concurrencyOf(v: number | string | undefined): number {
  if (v === undefined) return 8;
  const n = typeof v === 'number' ? v : Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 256)
    throw new InputError(
      'BULWARK_USAGE',
      `--concurrency ${String(v)}`,
      'give a whole number between 1 and 256',
    );
  return n;
}

/**
 * `bulwark drift`: compare the deployed stacks with the desired state, print or write the report,
 * return the exit code: 0 clean, 1 drift or live findings at or above `--fail-on`, 2 usage or input
 * error (including a missing stack and unreachable AWS).
 */
export async function runDriftCommand(
  o: DriftCommandOptions,
  io: CliIo,
  deps: DriftCommandDeps = {},
): Promise<number> {
  if (o.printIamPolicy) {
    io.stdout(`${JSON.stringify(driftIamPolicy(), null, 2)}\n`);
    return EXIT.clean;
  }
  const concurrency = concurrencyOf(o.concurrency);
  const controller = new AbortController();
  const onSigint = () => {
    io.stderr('\nbulwark: interrupted; finishing the reads in flight (press Ctrl-C again to stop at once)\n');
    controller.abort();
  };
  if (!deps.signal) process.once('SIGINT', onSigint);
  const bar =
    io.isTTY && !io.env.CI
      ? new SingleBar({
          format: 'bulwark drift [{bar}] {value}/{total} resources | {duration_formatted}',
          stream: process.stderr,
          clearOnComplete: true,
          hideCursor: true,
        })
      : undefined;
  let run: DriftRun;
  try {
    run = await runDrift({
      app: path.resolve(io.cwd, o.app),
      stacks: o.stack,
      aws: {
        ...deps.aws,
        ...(o.region ? { region: o.region } : {}),
        ...(o.profile ? { profile: o.profile } : {}),
      },
      concurrency,
      pack: o.pack,
      suppressionsFile: o.suppressions ? path.resolve(io.cwd, o.suppressions) : undefined,
      signal: deps.signal ?? controller.signal,
      physicalIds: deps.physicalIds,
      reader: deps.reader,
      cwd: io.cwd,
      onProgress: bar
        ? (done, total) => {
            if (done === 0) bar.start(total, 0);
            else bar.update(done);
          }
        : undefined,
    });
  } finally {
    bar?.stop();
    process.removeListener('SIGINT', onSigint);
  }

  const report = buildReport(run.evaluation, {
    includePassed: o.includePassed,
    tool: { name: 'bulwark', version: VERSION },
    inputs: [o.app],
    cwd: io.cwd,
    incomplete: run.incomplete,
    drift: run.drift,
  });
  deps.onRun?.(run, report);
  emitReport(report, o.format, o.output, io);
  return driftExitCode(run, report, o.failOn);
}

/**
 * 1 when a gating drift entry or a gating live finding is at or above `failOn`, else 0. A drift
 * entry counts at the severity of the highest rule it touches (deleted and missing resources at
 * least `high`; a change no rule reads at `low`).
 */
export function driftExitCode(run: DriftRun, report: Report, failOn: Severity): number {
  const floor = SEVERITIES.indexOf(failOn);
  const findings = run.evaluation.results.some(
    (r) => gates(r, run.evaluation.pack) && SEVERITIES.indexOf(r.rule.severity) >= floor,
  );
  const drift = (report.drift?.entries ?? []).some(
    (e) => e.gating && SEVERITIES.indexOf(e.severity) >= floor,
  );
  return findings || drift ? EXIT.findings : EXIT.clean;
}
