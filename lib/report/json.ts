import { cloudOfTerraformType, type Cloud } from '../engine/clouds';
import { escapeJsonText } from './escape';
import type { ReportFinding } from './findings';
import type { Report, ReportRule } from './model';
import { writeChunked } from './write';

/**
 * A finding as the JSON report writes it: without the fields it shares with its rule (`title`,
 * `enforcement`, `fix`, `controls`, `threats`), which the rule's entry in `rules` gives once.
 */
export type JsonFinding = Omit<ReportFinding, 'title' | 'enforcement' | 'fix' | 'controls' | 'threats'>;

/** A finding as the JSON report writes it: see {@link JsonFinding}. Keys keep the report's order. */
export function jsonFinding(f: JsonFinding): JsonFinding {
  // Built key by key, so an absent optional field is absent (never `undefined`) and no key is deleted.
  const out: Record<string, unknown> = {
    ruleId: f.ruleId,
    severity: f.severity,
    status: f.status,
    gating: f.gating,
    suppressed: f.suppressed,
  };
  if (f.suppression !== undefined) out.suppression = f.suppression;
  out.message = f.message;
  if (f.finding !== undefined) out.finding = f.finding;
  out.view = f.view;
  out.resource = f.resource;
  return out as unknown as JsonFinding;
}

/** The cloud of a resource type as a JSON report names it (`AWS::S3::Bucket`, `aws_s3_bucket`, `azure-native:…`). */
function cloudOfType(type: string): Cloud | undefined {
  if (type.startsWith('AWS::')) return 'aws';
  if (type.startsWith('azure-native:')) return 'azure';
  return cloudOfTerraformType(type);
}

/**
 * A JSON report read back as the report is in memory: each finding of version 2 takes its rule's
 * title, enforcement, fix, threats and the controls that speak of its resource's cloud from the
 * rule's entry in `rules` (a finding of version 1 carries them already). The text must be a
 * Bulwark JSON report.
 */
export function readJsonReport(text: string): Report {
  const report = JSON.parse(text) as Report;
  const rules = new Map<string, ReportRule>(report.rules.map((r) => [r.id, r]));
  const full = (f: JsonFinding | ReportFinding): ReportFinding => {
    const rule = rules.get(f.ruleId);
    if ('title' in f || !rule) return f as ReportFinding;
    const cloud = cloudOfType(f.resource.type);
    return {
      ...f,
      title: rule.title,
      enforcement: rule.enforcement,
      fix: rule.fix,
      controls: rule.controls
        .filter((c) => c.clouds === undefined || cloud === undefined || c.clouds.includes(cloud))
        .map((c) => c.ref),
      threats: rule.threats,
    };
  };
  return { ...report, findings: report.findings.map(full) };
}

/** A field of the report as JSON writes it: the delta's findings through {@link jsonFinding}. */
function jsonField(key: string, value: unknown): unknown {
  if (key !== 'delta' || value === undefined) return value;
  const d = value as NonNullable<Report['delta']>;
  return { ...d, new: d.new.map(jsonFinding), fixed: d.fixed.map(jsonFinding) };
}

/**
 * The report as JSON (two-space indent, trailing newline): the stable contract of {@link Report},
 * its findings written as {@link JsonFinding}s.
 * C1 controls, bidirectional controls and line separators from the artifacts are written as `\u`
 * escapes, so the text holds none raw.
 */
export function renderJson(report: Report): string {
  const chunks: string[] = [];
  writeJson(report, (c) => chunks.push(c));
  return chunks.join('');
}

/**
 * Entries of a top-level list stringified together, as one piece: few enough that a piece stays a
 * small string, which dies young instead of filling the large-object space until a full collection.
 */
const BATCH = 64;

/**
 * The text of {@link renderJson}, given to `write` in pieces: the top-level fields one by one, and
 * the entries of a top-level list {@link BATCH} at a time, so a report with many findings is never
 * held as one string. Each piece is stringified inside an object of its own field, so it comes out
 * at its depth in the report; the pieces joined are exactly {@link renderJson}'s text.
 */
export function writeJson(report: Report, write: (chunk: string) => void): void {
  let first = true;
  for (const [key, raw] of Object.entries(report) as [string, unknown][]) {
    const value = jsonField(key, raw);
    // Findings are always written a batch at a time, through jsonFinding.
    const big = Array.isArray(value) && (value.length > BATCH || (key === 'findings' && value.length > 0));
    // `{\n  "key": VALUE\n}`, or `{}` when the value has no JSON form (a field JSON.stringify omits).
    const text = JSON.stringify({ [key]: big ? [] : value }, null, 2);
    if (text === '{}') continue;
    // Without the braces; for a big list, without its closing bracket too.
    const field = escapeJsonText(text.slice(2, big ? -3 : -2));
    write(first ? `{\n${field}` : `,\n${field}`);
    first = false;
    if (!big) continue;
    const list = value as unknown[];
    // `{\n  "key": [\n    ENTRIES\n  ]\n}`: the entries, already indented for their depth.
    const skip = `{\n  ${JSON.stringify(key)}: [\n`.length;
    for (let at = 0; at < list.length; at += BATCH) {
      const batch = list.slice(at, at + BATCH);
      const part = JSON.stringify(
        { [key]: key === 'findings' ? batch.map((f) => (f ? jsonFinding(f as ReportFinding) : f)) : batch },
        null,
        2,
      );
      // The separator and the entries given apart: the entries are written from the stringified
      // text as they are, without a joined copy.
      write(at === 0 ? '\n' : ',\n');
      write(escapeJsonText(part.slice(skip, -6)));
    }
    write('\n  ]');
  }
  write(first ? '{}\n' : '\n}\n');
}

/** Write the JSON report to a file piece by piece (see {@link writeJson}). */
export function writeJsonFile(file: string, report: Report): void {
  writeChunked(file, (write) => writeJson(report, write));
}
