/** Where the CLI writes, and what it knows of its terminal. `lib/` never calls process.exit. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Standard output is a terminal (colour and progress allowed). */
  readonly isTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

export function processIo(): CliIo {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    isTTY: Boolean(process.stdout.isTTY),
    env: process.env,
    cwd: process.cwd(),
  };
}

/** Colour only on a terminal, and never when NO_COLOR is set. */
export function useColor(io: CliIo): boolean {
  return io.isTTY && !io.env.NO_COLOR && io.env.TERM !== 'dumb';
}

/** Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or input error. */
export const EXIT = { clean: 0, findings: 1, error: 2 } as const;
