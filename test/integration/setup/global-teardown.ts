import type { ChildProcess } from 'node:child_process';
import { SERVER_KEY } from './global-setup';

/** Stop the moto server global setup started. */
export default async function globalTeardown(): Promise<void> {
  const child = (globalThis as Record<string, unknown>)[SERVER_KEY] as ChildProcess | undefined;
  if (!child || child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
