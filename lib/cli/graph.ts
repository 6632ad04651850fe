import * as fs from 'node:fs';
import * as path from 'node:path';
import { dataFlowOfPaths, renderGraph, type GraphFormat } from '../dataflow';
import { InputError } from '../errors';
import { sanitizeTerminal } from '../report/escape';
import { EXIT, type CliIo } from './io';

export interface GraphCommandOptions {
  readonly format: GraphFormat;
  readonly output?: string;
}

/**
 * `bulwark graph <path...>`: the estate's data flows and trust boundaries as Mermaid or DOT. Exit 0
 * when everything was read and drawn; 1 when part of the input was not (each part named on standard
 * error); 2 on usage or input error.
 */
export function runGraphCommand(paths: readonly string[], o: GraphCommandOptions, io: CliIo): number {
  const run = dataFlowOfPaths(paths.map((p) => path.resolve(io.cwd, p)));
  const text = renderGraph(o.format, run.graph);
  if (o.output === undefined) io.stdout(text);
  else {
    const out = path.resolve(io.cwd, o.output);
    try {
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, text);
    } catch (e) {
      throw new InputError(
        'BULWARK_USAGE',
        o.output,
        `cannot write the graph (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
      );
    }
    io.stderr(`bulwark: ${o.format} graph written to ${o.output}\n`);
  }
  for (const n of run.notDrawn) io.stderr(`bulwark: not drawn: ${sanitizeTerminal(n)}\n`);
  return run.notDrawn.length > 0 ? EXIT.findings : EXIT.clean;
}
