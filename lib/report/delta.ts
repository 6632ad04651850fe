import * as fs from 'node:fs';
import { once } from '../once';
import { InputError } from '../errors';
import { relativePath } from '../paths';
import type { ReportFinding } from './findings';
import type { JsonFinding } from './json';
import type { Report } from './model';
import { REPORT_SCHEMA } from './schema';

/** How this change moved the findings, against the report of the base branch. */
export interface ReportDelta {
  /** The baseline report, relative to the working directory. */
  readonly baseline: string;
  /** Open findings (fail or unknown, not suppressed) that the baseline does not have. */
  readonly new: readonly ReportFinding[];
  /** Open findings of the baseline that this run no longer has (as the baseline's JSON wrote them). */
  readonly fixed: readonly JsonFinding[];
  /** Open findings present in both. */
  readonly unchanged: number;
  /**
   * Open findings of the baseline that this run still finds but a suppression in force now covers:
   * neither fixed nor unchanged (the report's `suppressions` say why).
   */
  readonly suppressed: number;
  /** The baseline's overall score. */
  readonly scoreBefore: number | null;
  /** This run's overall score. */
  readonly scoreAfter: number | null;
}

/** The parts of a baseline report that delta mode reads (validated by {@link REPORT_SCHEMA}). */
export interface BaselineReport {
  /** Version 1 reports, whose findings also repeat their rule's fields, are read too. */
  readonly schemaVersion: 1 | 2;
  readonly score: { readonly overall: { readonly score: number | null } };
  readonly findings: readonly JsonFinding[];
}

/** The baseline's validator, compiled on first use: a run without a baseline never builds it. */
const validator = once(() => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the validator library is loaded with the validator
  const { default: Ajv } = require('ajv') as typeof import('ajv');
  return new Ajv({ allErrors: false, strict: false }).compile(REPORT_SCHEMA);
});

/** Whether a finding is open: failed or unknown, and no suppression in force covers it. */
export function isOpenFinding(f: JsonFinding): boolean {
  return (f.status === 'fail' || f.status === 'unknown') && !f.suppressed;
}

/**
 * Parse a baseline: the JSON report of the base branch. Anything else (not JSON, another tool's
 * output, a report of another schema version, a report missing what delta mode reads) is an input
 * error naming the file.
 */
export function parseBaseline(text: string, file: string): BaselineReport {
  const bad = (detail: string) => new InputError('BULWARK_BASELINE_INVALID', file, detail);
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw bad(
      'baseline is not JSON: give the report of the base branch written by `bulwark check --format json`',
    );
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data) || !('schemaVersion' in data)) {
    throw bad(
      'baseline is not a Bulwark JSON report (`bulwark check --format json`): it has no `schemaVersion`',
    );
  }
  const version = (data as { schemaVersion: unknown }).schemaVersion;
  if (version !== 1 && version !== 2) {
    throw bad(
      `baseline is a report of schema version ${JSON.stringify(version).slice(0, 20)}; this bulwark reads versions 1 and 2: regenerate it on the base branch with this version`,
    );
  }
  const validate = validator();
  if (!validate(data)) {
    const e = validate.errors?.[0];
    const where = e?.instancePath ? e.instancePath.replace(/^\//, '').replace(/\//g, '.') : 'top level';
    throw bad(
      `baseline is not a complete Bulwark JSON report (${where}: ${e?.message ?? 'invalid'}): regenerate it with \`bulwark check --format json\``,
    );
  }
  return data as unknown as BaselineReport;
}

/** Read and parse a baseline file: see {@link parseBaseline}. */
export function readBaseline(file: string, cwd: string = process.cwd()): BaselineReport {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(
      'BULWARK_PATH_NOT_FOUND',
      relativePath(file, cwd),
      `cannot read the baseline (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    );
  }
  return parseBaseline(text, relativePath(file, cwd));
}

const key = (...parts: (string | undefined)[]) => JSON.stringify(parts.map((p) => p ?? null));
const pathKey = (f: JsonFinding) => key(f.ruleId, f.finding, f.resource.path);
const addressKey = (f: JsonFinding) => key(f.ruleId, f.finding, f.resource.address);

/**
 * Classify the open findings of `current` against those of `baseline` as new, fixed or unchanged.
 * Two findings are the same when rule and finding key agree and, when both carry a construct path,
 * the paths agree (a resource whose logical id changed under the same path is unchanged), else the
 * addresses agree. Findings are paired one to one, so two equal findings against one count once each.
 */
export function deltaOf(current: Report, baseline: BaselineReport, baselineFile: string): ReportDelta {
  const before = baseline.findings.filter(isOpenFinding);
  const after = current.findings.filter(isOpenFinding);
  const byPath = new Map<string, number[]>();
  const byAddress = new Map<string, number[]>();
  before.forEach((f, i) => {
    if (f.resource.path !== undefined) push(byPath, pathKey(f), i);
    push(byAddress, addressKey(f), i);
  });
  const matched = new Set<number>();
  const take = (list: number[] | undefined, ok: (i: number) => boolean): boolean => {
    const i = list?.find((x) => !matched.has(x) && ok(x));
    if (i === undefined) return false;
    matched.add(i);
    return true;
  };
  const matches = (f: ReportFinding): boolean =>
    f.resource.path !== undefined
      ? take(byPath.get(pathKey(f)), () => true) ||
        take(byAddress.get(addressKey(f)), (i) => before[i]!.resource.path === undefined)
      : take(byAddress.get(addressKey(f)), () => true);
  const added: ReportFinding[] = [];
  let unchanged = 0;
  for (const f of after) {
    if (matches(f)) unchanged++;
    else added.push(f);
  }
  // What is left of the baseline and is now suppressed was not fixed.
  let suppressed = 0;
  for (const f of current.findings) {
    if (f.suppressed && (f.status === 'fail' || f.status === 'unknown') && matches(f)) suppressed++;
  }
  return {
    baseline: baselineFile,
    new: added,
    fixed: before.filter((_, i) => !matched.has(i)),
    unchanged,
    suppressed,
    scoreBefore: baseline.score.overall.score,
    scoreAfter: current.score.overall.score,
  };
}

function push(m: Map<string, number[]>, k: string, i: number): void {
  const list = m.get(k);
  if (list) list.push(i);
  else m.set(k, [i]);
}
