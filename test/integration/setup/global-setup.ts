import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { MOTO_LOG, MOTO_SERVER, MOTO_VERSION, VENV } from './moto';

/** The running server, for global teardown (same process). */
export const SERVER_KEY = '__bulwarkMotoServer';

function installMoto(): void {
  if (fs.existsSync(MOTO_SERVER)) return;
  if (!fs.existsSync(path.join(VENV, 'bin', 'python'))) {
    execFileSync('python3', ['-m', 'venv', VENV], { stdio: 'inherit' });
  }
  execFileSync(
    path.join(VENV, 'bin', 'pip'),
    ['install', '--quiet', '--disable-pip-version-check', `moto[server]==${MOTO_VERSION}`],
    { stdio: 'inherit' },
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function waitReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`moto_server exited with code ${child.exitCode}; see ${MOTO_LOG}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`moto_server did not answer ${url} within ${timeoutMs} ms; see ${MOTO_LOG}`);
}

/**
 * Integration tests run against a real AWS API emulator: install moto's server into the project's
 * `.venv` once (cached), start it on a free port of 127.0.0.1, and point the AWS SDK at it. Test
 * workers inherit the environment set here.
 */
export default async function globalSetup(): Promise<void> {
  installMoto();
  const port = await freePort();
  const log = fs.openSync(MOTO_LOG, 'w');
  const child = spawn(MOTO_SERVER, ['-H', '127.0.0.1', '-p', String(port)], {
    stdio: ['ignore', log, log],
  });
  (globalThis as Record<string, unknown>)[SERVER_KEY] = child;
  const url = `http://127.0.0.1:${port}`;
  await waitReady(`${url}/moto-api/`, child, 30_000);
  process.env.BULWARK_MOTO_URL = url;
  process.env.AWS_ENDPOINT_URL = url;
  process.env.AWS_ACCESS_KEY_ID = 'testing';
  process.env.AWS_SECRET_ACCESS_KEY = 'testing';
  process.env.AWS_REGION = 'us-east-1';
  delete process.env.AWS_PROFILE;
  delete process.env.AWS_SESSION_TOKEN;
}
