import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError } from '../errors';
import type { Report } from '../report/model';
import { render, writeReportFile, type Format } from '../report/render';
import { useColor, type CliIo } from './io';

/**
 * Render a report and write it to `output` (creating its folder), or to standard output with colour
 * when that is a terminal and the format is text. A JSON or SARIF report is written to its file
 * piece by piece, never held whole.
 */
export function emitReport(report: Report, format: Format, output: string | undefined, io: CliIo): void {
  if (output === undefined) {
    io.stdout(render(format, report, { color: format === 'text' && useColor(io) }));
    return;
  }
  const out = path.resolve(io.cwd, output);
  try {
    fs.mkdirSync(path.dirname(out), { recursive: true });
    writeReportFile(format, out, report);
  } catch (e) {
    throw new InputError(
      'BULWARK_USAGE',
      output,
      `cannot write the report (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    );
  }
  io.stderr(`bulwark: ${format} report written to ${output}\n`);
}
