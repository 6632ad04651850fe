import * as fs from 'node:fs';
import * as path from 'node:path';
import { PutBucketPolicyCommand } from '@aws-sdk/client-s3';
import {
  DRIFT_PERMISSIONS,
  READ_ONLY_ACTION,
  driftActions,
  driftIamPolicy,
  permissionFor,
} from '../../lib/drift/permissions';
import { LiveReader, UnlistedCommandError } from '../../lib/drift/reader';
import { runCli } from '../support/cli';

const DRIFT_DIR = path.join(__dirname, '../../lib/drift');

/** Every TypeScript file of the drift code. */
function driftSources(dir = DRIFT_DIR): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? driftSources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Command classes a file imports from an AWS SDK client: [module, exported name]. */
function importedCommands(source: string): [string, string][] {
  const out: [string, string][] = [];
  const re = /import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*'(@aws-sdk\/client-[a-z0-9-]+)'/g;
  for (const m of source.matchAll(re)) {
    for (const spec of m[1]!.split(',')) {
      const name = spec
        .trim()
        .replace(/^type\s+/, '')
        .split(/\s+as\s+/)[0]!
        .trim();
      if (name.endsWith('Command')) out.push([m[2]!, name]);
    }
  }
  return out;
}

describe('drift permissions', () => {
  const files = driftSources().filter((f) => !f.endsWith('permissions.ts'));

  test('every command the drift code imports is in the permissions table', () => {
    const seen: string[] = [];
    for (const file of files) {
      const source = fs.readFileSync(file, 'utf8');
      for (const [mod, name] of importedCommands(source)) {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const cls = (require(mod) as Record<string, unknown>)[name];
        const listed = DRIFT_PERMISSIONS.find((p) => p.command === cls);
        expect({ file: path.relative(DRIFT_DIR, file), command: name, listed: !!listed }).toEqual({
          file: path.relative(DRIFT_DIR, file),
          command: name,
          listed: true,
        });
        seen.push(name);
      }
    }
    expect(seen.length).toBeGreaterThan(30);
  });

  test('every command of the table is used by the drift code (nothing granted that is never sent)', () => {
    const sources = files.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
    for (const p of DRIFT_PERMISSIONS) {
      const name = (p.command as { name: string }).name;
      expect({ command: name, used: new RegExp(`\\b${name}\\b`).test(sources) }).toEqual({
        command: name,
        used: true,
      });
    }
  });

  test('only the live reader constructs SDK clients or calls send', () => {
    for (const file of files) {
      if (file.endsWith('reader.ts')) continue;
      const source = fs.readFileSync(file, 'utf8');
      expect({ file, client: /new \w+Client\(/.test(source) }).toEqual({ file, client: false });
      expect({ file, send: /\bclient\.send\(|\.send\(\s*command/.test(source) }).toEqual({
        file,
        send: false,
      });
    }
  });

  test('no policy action is a write: Describe, Get and List only', () => {
    const actions = driftActions();
    expect(actions.length).toBeGreaterThan(30);
    for (const a of actions) expect(a).toMatch(READ_ONLY_ACTION);
    for (const p of DRIFT_PERMISSIONS) expect(p.operation).toMatch(/^(Describe|Get|List|Head)[A-Za-z]+$/);
    expect(actions).toEqual(expect.arrayContaining(['cloudformation:ListStackResources', 's3:ListBucket']));
    const doc = driftIamPolicy();
    expect(doc.Statement).toHaveLength(1);
    expect(doc.Statement[0]).toMatchObject({ Effect: 'Allow', Resource: '*' });
    expect(doc.Statement[0]!.Action).toEqual(actions);
  });

  test('each table entry names the command it authorises', () => {
    for (const p of DRIFT_PERMISSIONS) {
      expect((p.command as { name: string }).name).toBe(`${p.operation}Command`);
      expect(permissionFor(new (p.command as new (i: object) => object)({}))).toBe(p);
    }
  });

  test('the live reader refuses a command outside the table, before any request', async () => {
    const reader = new LiveReader({
      region: 'us-east-1',
      credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
    });
    await expect(
      reader.send(new PutBucketPolicyCommand({ Bucket: 'b', Policy: '{}' })),
    ).rejects.toBeInstanceOf(UnlistedCommandError);
    expect(reader.requests).toBe(0);
  });

  test('`bulwark drift --print-iam-policy` prints the policy and needs no AWS access', async () => {
    const r = await runCli(['drift', '--print-iam-policy']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(driftIamPolicy());
  });
});

describe('bulwark drift usage errors', () => {
  test('a bad --app path is an input error (exit 2)', async () => {
    const r = await runCli(['drift', '--app', 'no/such/cdk.out']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no\/such\/cdk\.out: no such file or directory .*\[BULWARK_PATH_NOT_FOUND\]/);
  });

  test('--concurrency must be a positive whole number', async () => {
    const r = await runCli(['drift', '--concurrency', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--concurrency 0: give a whole number between 1 and 256/);
  });

  test('--help documents the run, exit codes and AWS_ENDPOINT_URL', async () => {
    const r = await runCli(['drift', '--help']);
    expect(r.code).toBe(0);
    for (const s of ['--stack <name>', '--print-iam-policy', 'Exit codes', 'AWS_ENDPOINT_URL', 'Examples']) {
      expect(r.stdout).toContain(s);
    }
  });
});
