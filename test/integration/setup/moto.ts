import * as path from 'node:path';

/** Project root: the virtual environment and the server log live under it. */
export const ROOT = path.resolve(__dirname, '../../..');

/** The moto version the integration tests are written against. */
export const MOTO_VERSION = '5.2.5';

/** Project-local virtual environment (git-ignored). */
export const VENV = path.join(ROOT, '.venv');

/** The server executable inside {@link VENV}. */
export const MOTO_SERVER = path.join(VENV, 'bin', 'moto_server');

/** Where the server writes its log. */
export const MOTO_LOG = path.join(VENV, 'moto_server.log');

/** The server's base URL, as global setup exports it. */
export function motoUrl(): string {
  const url = process.env.BULWARK_MOTO_URL;
  if (!url)
    throw new Error(
      'BULWARK_MOTO_URL is not set: run the integration project through jest (its global setup starts moto)',
    );
  return url;
}

/** POST to the moto API (`reset`, `reset-auth`). */
export async function motoApi(endpoint: 'reset' | 'reset-auth', body?: string): Promise<void> {
  const res = await fetch(`${motoUrl()}/moto-api/${endpoint}`, { method: 'POST', body });
  if (!res.ok) throw new Error(`moto ${endpoint}: HTTP ${res.status}`);
}

/** Forget every resource of every service and account. */
export async function resetMoto(): Promise<void> {
  await motoApi('reset');
}
