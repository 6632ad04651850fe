import { main } from '../../lib/cli';
import type { CliIo } from '../../lib/cli/io';

/** Run the CLI in-process and capture what it prints. */
export async function runCli(argv: string[], opts: { cwd?: string; isTTY?: boolean } = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    isTTY: opts.isTTY ?? false,
    env: {},
    cwd: opts.cwd ?? process.cwd(),
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}
