import { escapeJsonText } from './escape';
import type { Report } from './model';
import { writeChunked } from './write';

/**
 * The report as JSON (two-space indent, trailing newline): the stable contract of {@link Report}.
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
  for (const [key, value] of Object.entries(report) as [string, unknown][]) {
    const big = Array.isArray(value) && value.length > BATCH;
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
      const part = JSON.stringify({ [key]: list.slice(at, at + BATCH) }, null, 2);
      const entries = part.slice(skip, -6);
      write(`${at === 0 ? '\n' : ',\n'}${escapeJsonText(entries)}`);
    }
    write('\n  ]');
  }
  write(first ? '{}\n' : '\n}\n');
}

/** Write the JSON report to a file piece by piece (see {@link writeJson}). */
export function writeJsonFile(file: string, report: Report): void {
  writeChunked(file, (write) => writeJson(report, write));
}
