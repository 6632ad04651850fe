#!/usr/bin/env node
import { main, processIo } from '../lib/cli';

main(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`bulwark: internal error: ${(e as Error).message}\n`);
    process.exitCode = 2;
  },
);
