import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError } from '../errors';
import { render, writeJson, type Format, type Report } from '../report';
import { useColor, type CliIo } from './io';

/**
 * Render a report and write it to `output` (creating its folder), or to standard output with colour
 * when that is a terminal and the format is text. A JSON report is written to its file piece by
 * piece, never held whole.
 */
export function emitReport(report: Report, format: Format, output: string | undefined, io: CliIo): void {
  if (output === undefined) {
    io.stdout(render(format, report, { color: format === 'text' && useColor(io) }));
    return;
  }
  const out = path.resolve(io.cwd, output);
  try {
    fs.mkdirSync(path.dirname(out), { recursive: true });
    if (format === 'json') writeFileInPieces(out, (write) => writeJson(report, write));
    else fs.writeFileSync(out, render(format, report));
  } catch (e) {
    throw new InputError(
      'BULWARK_USAGE',
      output,
      `cannot write the report (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    );
  }
  io.stderr(`bulwark: ${format} report written to ${output}\n`);
}

/** Write a file from pieces of text, in blocks of about a megabyte. */
function writeFileInPieces(file: string, produce: (write: (chunk: string) => void) => void): void {
  const fd = fs.openSync(file, 'w');
  try {
    let pending: string[] = [];
    let size = 0;
    const flush = () => {
      if (size === 0) return;
      const bytes = Buffer.from(pending.join(''), 'utf8');
      for (let at = 0; at < bytes.length;) at += fs.writeSync(fd, bytes, at);
      pending = [];
      size = 0;
    };
    produce((chunk) => {
      pending.push(chunk);
      size += chunk.length;
      if (size >= 1 << 20) flush();
    });
    flush();
  } finally {
    fs.closeSync(fd);
  }
}
