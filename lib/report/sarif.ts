import { createHash } from 'node:crypto';
import type { Severity } from '../engine/rule';
import { DRIFT_RULE_ID, driftDifferences, driftFingerprint, driftSeverity, notCheckedByType } from './drift';
import { escapeControl, escapeJsonText, escapeSarifMessage } from './escape';
import type { DriftValue, Report, ReportDriftEntry, ReportFinding, ReportRule } from './model';
import { kpiFigures, type ReportAssessment } from './kpis';
import { writeChunked } from './write';

/** SARIF `level` of a result, by severity. */
export const SARIF_LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
};

/** GitHub code scanning's `security-severity` (a CVSS-like score, as a string), by severity. */
export const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
};

/** Key of the partial fingerprint Bulwark writes: rule id, resource address and finding, hashed. */
export const FINGERPRINT_KEY = 'bulwarkFinding/v1';

/** A SARIF 2.1.0 log (the subset Bulwark writes). */
export interface SarifLog {
  readonly $schema: string;
  readonly version: '2.1.0';
  readonly runs: readonly SarifRun[];
}

/** One SARIF run. */
export interface SarifRun {
  readonly tool: { readonly driver: SarifDriver };
  readonly invocations: readonly SarifInvocation[];
  readonly columnKind: 'utf16CodeUnits';
  readonly results: readonly SarifResult[];
  /**
   * The run's KPIs: `kpis` (every figure of {@link kpiFigures} by name, null for n/a),
   * `assessment` and, with a baseline, `delta` (counts and scores).
   */
  readonly properties: {
    readonly kpis: Readonly<Record<string, number | null>>;
    readonly assessment: ReportAssessment;
    readonly delta?: {
      readonly new: number;
      readonly fixed: number;
      readonly unchanged: number;
      readonly suppressed: number;
      readonly scoreBefore: number | null;
      readonly scoreAfter: number | null;
    };
  };
}

/** The tool component that produced the run. */
export interface SarifDriver {
  readonly name: string;
  readonly version: string;
  readonly semanticVersion?: string;
  readonly informationUri?: string;
  readonly rules: readonly SarifRule[];
}

/** A `reportingDescriptor` for one rule. */
export interface SarifRule {
  readonly id: string;
  readonly name: string;
  readonly shortDescription: { readonly text: string };
  readonly fullDescription: { readonly text: string };
  readonly help: { readonly text: string; readonly markdown: string };
  readonly helpUri?: string;
  readonly defaultConfiguration: { readonly level: 'error' | 'warning' | 'note' };
  readonly properties: {
    readonly tags: readonly string[];
    readonly 'security-severity': string;
    readonly precision: 'high';
  };
}

/** How the run went: adapter errors and incomplete inputs as notifications. */
export interface SarifInvocation {
  readonly executionSuccessful: boolean;
  readonly toolExecutionNotifications: readonly {
    readonly level: 'error' | 'warning';
    readonly message: { readonly text: string };
  }[];
}

/** One result: a failure or an unknown on one resource. */
export interface SarifResult {
  readonly ruleId: string;
  readonly ruleIndex: number;
  readonly level: 'error' | 'warning' | 'note';
  readonly message: { readonly text: string };
  readonly locations: readonly {
    readonly physicalLocation?: {
      readonly artifactLocation: { readonly uri: string; readonly uriBaseId: string };
      readonly region?: { readonly startLine: number; readonly startColumn?: number };
    };
    readonly logicalLocations: readonly { readonly fullyQualifiedName: string; readonly kind: 'resource' }[];
  }[];
  readonly partialFingerprints: Readonly<Record<string, string>>;
  readonly suppressions?: readonly {
    readonly kind: 'external' | 'inSource';
    readonly status: 'accepted';
    readonly justification: string;
  }[];
  readonly properties: {
    readonly status: 'fail' | 'unknown';
    readonly severity: Severity;
    readonly enforcement: string;
    readonly controls: readonly string[];
    readonly 'security-severity': string;
    readonly finding?: string;
    readonly resourceType: string;
    /** Drift results (`BW-DRIFT`): what differs and which rules it touches. */
    readonly drift?: {
      readonly kind: string;
      readonly fact?: string;
      readonly desired?: DriftValue;
      readonly live?: DriftValue;
      readonly rules: readonly string[];
      readonly physicalId?: string;
    };
  };
}

/**
 * SARIF 2.1.0 for code scanning: one run; one rule descriptor per rule with results; one result per
 * failure or unknown (suppressed ones carry `suppressions`). Locations name the template file and
 * line, and the construct path (or address) as a logical location. Artifact text is stripped of
 * control characters, since SARIF viewers print it.
 */
export function renderSarif(report: Report): string {
  const chunks: string[] = [];
  writeSarif(report, (c) => chunks.push(c));
  return chunks.join('');
}

/** The SARIF log object of {@link renderSarif}. */
export function toSarif(report: Report): SarifLog {
  const { log, count, result } = sarifParts(report);
  const results: SarifResult[] = [];
  for (let i = 0; i < count; i++) results.push(result(i));
  return { ...log, runs: [{ ...log.runs[0]!, results }] };
}

/** Results stringified together, as one piece (a small string, as the JSON report's). */
const BATCH = 64;

/** Indentation of a run's results (JSON.stringify, two spaces a level): log, runs, run, results. */
const RESULTS_KEY = '\n      "results": []';

/**
 * The text of {@link renderSarif}, given to `write` in pieces: the log without its results, then the
 * results {@link BATCH} at a time, each batch stringified at its depth in the log, so a log with many
 * results is never held as one object or one string. The pieces joined are exactly the log as
 * `JSON.stringify(toSarif(report), null, 2)` writes it, escaped by {@link escapeJsonText}.
 */
export function writeSarif(report: Report, write: (chunk: string) => void): void {
  const { log, count, result } = sarifParts(report);
  const text = escapeJsonText(JSON.stringify(log, null, 2));
  const at = text.indexOf(RESULTS_KEY);
  if (count === 0 || at < 0) {
    write(`${text}\n`);
    return;
  }
  const open = at + RESULTS_KEY.length - 1;
  write(text.slice(0, open));
  // `{\n  "runs": [\n    {\n      "results": [\n        ENTRIES\n      ]\n    }\n  ]\n}`
  const skip = '{\n  "runs": [\n    {\n      "results": [\n'.length;
  const tail = '\n      ]\n    }\n  ]\n}'.length;
  for (let from = 0; from < count; from += BATCH) {
    const batch: SarifResult[] = [];
    for (let i = from; i < Math.min(count, from + BATCH); i++) batch.push(result(i));
    const part = JSON.stringify({ runs: [{ results: batch }] }, null, 2);
    write(from === 0 ? '\n' : ',\n');
    write(escapeJsonText(part.slice(skip, -tail)));
  }
  write(`\n      ${text.slice(open)}\n`);
}

/** Write the SARIF log to a file piece by piece (see {@link writeSarif}). */
export function writeSarifFile(file: string, report: Report): void {
  writeChunked(file, (write) => writeSarif(report, write));
}

/**
 * The SARIF log with an empty `results` list, and its results one at a time: the findings (fail and
 * unknown, in report order), then the drift differences.
 */
function sarifParts(report: Report): {
  readonly log: SarifLog;
  readonly count: number;
  readonly result: (i: number) => SarifResult;
} {
  const findings = report.findings.filter((f) => f.status === 'fail' || f.status === 'unknown');
  const used = new Set(findings.map((f) => f.ruleId));
  const rules = report.rules.filter((r) => used.has(r.id));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const drift = report.drift ? driftDifferences(report.drift) : [];
  const descriptors = rules.map(descriptor);
  if (drift.length > 0) descriptors.push(driftDescriptor(driftSeverity(report)));
  const notChecked = report.drift ? notCheckedByType(report.drift) : [];
  const notifications = [
    ...report.errors.map((e) => ({
      level: 'error' as const,
      message: {
        text: escapeSarifMessage(`${e.address} (${e.type}): views could not be derived: ${e.error}`),
      },
    })),
    ...report.incomplete.map((i) => ({
      level: 'warning' as const,
      message: { text: escapeSarifMessage(`incomplete input: ${i}`) },
    })),
    ...(notChecked.length > 0
      ? [
          {
            level: 'warning' as const,
            message: {
              text: escapeSarifMessage(
                `drift not checked for types Bulwark does not read live: ${notChecked.map(([t, n]) => `${t} (${n})`).join(', ')}`,
              ),
            },
          },
        ]
      : []),
  ];
  const semver = /^\d+\.\d+\.\d+(?:[-+].*)?$/.test(report.tool.version) ? report.tool.version : undefined;
  const log: SarifLog = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Bulwark',
            version: report.tool.version,
            ...(semver ? { semanticVersion: semver } : {}),
            ...(report.tool.informationUri ? { informationUri: report.tool.informationUri } : {}),
            rules: descriptors,
          },
        },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        columnKind: 'utf16CodeUnits',
        results: [],
        properties: {
          kpis: Object.fromEntries(kpiFigures(report)),
          assessment: report.assessment,
          ...(report.delta
            ? {
                delta: {
                  new: report.delta.new.length,
                  fixed: report.delta.fixed.length,
                  unchanged: report.delta.unchanged,
                  suppressed: report.delta.suppressed,
                  scoreBefore: report.delta.scoreBefore,
                  scoreAfter: report.delta.scoreAfter,
                },
              }
            : {}),
        },
      },
    ],
  };
  return {
    log,
    count: findings.length + drift.length,
    result: (i) =>
      i < findings.length
        ? result(findings[i]!, index.get(findings[i]!.ruleId) ?? -1)
        : driftResult(drift[i - findings.length]!, rules.length),
  };
}

function descriptor(rule: ReportRule): SarifRule {
  const controls = rule.controls.map((c) => c.ref);
  const links = rule.controls
    .map((c) => (c.url?.startsWith('https://') ? `[${c.ref}](${c.url})` : `\`${c.ref}\``))
    .join(', ');
  return {
    id: rule.id,
    name: pascalCase(rule.title),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.rationale },
    help: { text: rule.fix, markdown: `${rule.fix}\n\n${rule.rationale}\n\nControls: ${links}` },
    ...(rule.helpUri !== undefined ? { helpUri: rule.helpUri } : {}),
    defaultConfiguration: { level: SARIF_LEVEL[rule.severity] },
    properties: {
      tags: ['security', ...controls],
      'security-severity': SECURITY_SEVERITY[rule.severity],
      precision: 'high',
    },
  };
}

function result(f: ReportFinding, ruleIndex: number): SarifResult {
  const r = f.resource;
  const physical =
    r.file !== undefined
      ? {
          physicalLocation: {
            artifactLocation: { uri: fileUri(r.file), uriBaseId: '%SRCROOT%' },
            ...(r.line !== undefined
              ? {
                  region: { startLine: r.line, ...(r.column !== undefined ? { startColumn: r.column } : {}) },
                }
              : {}),
          },
        }
      : {};
  const suppression = f.suppressed && f.suppression;
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: SARIF_LEVEL[f.severity],
    message: { text: escapeSarifMessage(f.message) },
    locations: [
      {
        ...physical,
        logicalLocations: [{ fullyQualifiedName: escapeControl(r.path ?? r.address), kind: 'resource' }],
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(f) },
    ...(suppression
      ? {
          suppressions: [
            {
              kind: suppression.origin === 'file' ? ('external' as const) : ('inSource' as const),
              status: 'accepted' as const,
              justification: escapeControl(suppression.reason),
            },
          ],
        }
      : {}),
    properties: {
      status: f.status as 'fail' | 'unknown',
      severity: f.severity,
      enforcement: f.enforcement,
      controls: f.controls,
      'security-severity': SECURITY_SEVERITY[f.severity],
      ...(f.finding !== undefined ? { finding: f.finding } : {}),
      resourceType: r.type,
    },
  };
}

function driftDescriptor(severity: Severity): SarifRule {
  const text =
    'A deployed resource differs from the desired state outside the pipeline: a security fact changed, the ' +
    'resource was deleted or is missing, or it could not be read. The rules and controls each difference touches ' +
    'are in the result.';
  const fix =
    'Redeploy the desired state (or change it through the pipeline if the live change is wanted), and find who ' +
    'changed it outside the pipeline (CloudTrail).';
  return {
    id: DRIFT_RULE_ID,
    name: 'DeployedResourcesMatchTheDesiredState',
    shortDescription: { text: 'Deployed resources match the desired security configuration' },
    fullDescription: { text },
    help: { text: fix, markdown: `${fix}\n\n${text}` },
    defaultConfiguration: { level: SARIF_LEVEL[severity] },
    properties: {
      tags: ['security', 'drift'],
      'security-severity': SECURITY_SEVERITY[severity],
      precision: 'high',
    },
  };
}

function driftResult(e: ReportDriftEntry, ruleIndex: number): SarifResult {
  const physical =
    e.file !== undefined
      ? {
          physicalLocation: {
            artifactLocation: { uri: fileUri(e.file), uriBaseId: '%SRCROOT%' },
            ...(e.line !== undefined ? { region: { startLine: e.line } } : {}),
          },
        }
      : {};
  return {
    ruleId: DRIFT_RULE_ID,
    ruleIndex,
    level: SARIF_LEVEL[e.severity],
    message: { text: escapeSarifMessage(e.message) },
    locations: [
      {
        ...physical,
        logicalLocations: [{ fullyQualifiedName: escapeControl(e.path ?? e.address), kind: 'resource' }],
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: driftFingerprint(e) },
    properties: {
      status: e.kind === 'unreadable' ? 'unknown' : 'fail',
      severity: e.severity,
      enforcement: e.gating ? 'mandatory' : 'advisory',
      controls: e.controls,
      'security-severity': SECURITY_SEVERITY[e.severity],
      finding: e.fact !== undefined ? `${e.kind}:${e.fact}` : e.kind,
      resourceType: e.type,
      drift: {
        kind: e.kind,
        ...(e.fact !== undefined ? { fact: e.fact } : {}),
        ...(e.desired !== undefined ? { desired: e.desired } : {}),
        ...(e.live !== undefined ? { live: e.live } : {}),
        rules: e.rules,
        ...(e.physicalId !== undefined ? { physicalId: e.physicalId } : {}),
      },
    },
  };
}

/** Stable across runs and line moves: the rule, the resource address and the finding. */
export function fingerprint(f: Pick<ReportFinding, 'ruleId' | 'finding' | 'resource'>): string {
  return createHash('sha256')
    .update(`${f.ruleId}\u0000${f.resource.address}\u0000${f.finding ?? ''}`)
    .digest('hex');
}

/** A relative path as a URI reference: forward slashes, each segment percent-encoded. */
export function fileUri(file: string): string {
  return file
    .split(/[\\/]/)
    .map((seg) => encodeURIComponent(seg))
    .join('/');
}

function pascalCase(title: string): string {
  const name = title
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
  return name || 'Rule';
}
