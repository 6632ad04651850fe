#!/usr/bin/env node
import { main, processIo } from '../lib/cli';

// A reader that stops early (`bulwark check --help | head`) closes the pipe: what is left to write
// has no reader, which is not an error of the check. Any other failure to write is one line.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') return;
  process.stderr.write(`bulwark: cannot write to standard output (${e.code ?? e.message})\n`);
  process.exitCode = 2;
});

main(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`bulwark: internal error: ${(e as Error).message}\n`);
    process.exitCode = 2;
  },
);
