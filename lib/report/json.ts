import { escapeJsonText } from './escape';
import type { Report } from './model';

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
 * The text of {@link renderJson}, given to `write` in pieces: the top-level fields one by one, and
 * the entries of a top-level list one by one, so a report with many findings is never held as one
 * string. The pieces joined are exactly {@link renderJson}'s text.
 */
export function writeJson(report: Report, write: (chunk: string) => void): void {
  const fields: [string, string | unknown[]][] = [];
  for (const [key, value] of Object.entries(report) as [string, unknown][]) {
    if (Array.isArray(value) && value.length > 0) fields.push([key, value]);
    else {
      const text = JSON.stringify(value, null, 2);
      // As JSON.stringify does: a field whose value has no JSON form (undefined) is left out.
      if (text !== undefined) fields.push([key, text]);
    }
  }
  write('{');
  fields.forEach(([key, value], i) => {
    const name = `${i === 0 ? '' : ','}\n  ${escapeJsonText(JSON.stringify(key))}: `;
    if (typeof value === 'string') {
      write(name + indent(escapeJsonText(value), '  '));
      return;
    }
    write(`${name}[`);
    value.forEach((entry, j) => {
      // As JSON.stringify does: an entry with no JSON form is written as null.
      const text = JSON.stringify(entry, null, 2) ?? 'null';
      write(`${j === 0 ? '' : ','}\n    ${indent(escapeJsonText(text), '    ')}`);
    });
    write('\n  ]');
  });
  write(fields.length > 0 ? '\n}\n' : '}\n');
}

/** JSON text nested `by` deeper: JSON strings hold no raw line breaks, so every `\n` is layout. */
function indent(json: string, by: string): string {
  return json.includes('\n') ? json.split('\n').join(`\n${by}`) : json;
}
