import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError } from '../errors';
import { render, type Format, type Report } from '../report';
import { useColor, type CliIo } from './io';

/**
 * Render a report and write it to `output` (creating its folder), or to standard output with colour
 * when that is a terminal and the format is text.
 */
export function emitReport(report: Report, format: Format, output: string | undefined, io: CliIo): void {
  const text = render(format, report, { color: output === undefined && format === 'text' && useColor(io) });
  if (output === undefined) {
    io.stdout(text);
    return;
  }
  const out = path.resolve(io.cwd, output);
  try {
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, text);
  } catch (e) {
    throw new InputError(
      'BULWARK_USAGE',
      output,
      `cannot write the report (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    );
  }
  io.stderr(`bulwark: ${format} report written to ${output}\n`);
}
