import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { main } from '../../lib/cli';
import type { CliIo } from '../../lib/cli/io';

describe('bulwark check --format json --output FILE', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-json-output-'));
    const app = new App({ outdir: path.join(dir, 'cdk.out'), builtinCloudFormationValidation: false });
    const stack = new Stack(app, 'Shop');
    for (let i = 0; i < 3; i++) new s3.Bucket(stack, `Plain\u202e${i}`);
    app.synth();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('writes the same text as the report printed on standard output', async () => {
    const run = async (args: string[]) => {
      let stdout = '';
      const io: CliIo = {
        stdout: (t) => void (stdout += t),
        stderr: () => undefined,
        isTTY: false,
        env: {},
        cwd: dir,
      };
      const code = await main(['check', 'cdk.out', '--format', 'json', ...args], io);
      return { code, stdout };
    };
    const printed = await run([]);
    const written = await run(['--output', 'out/report.json']);
    expect(written.code).toBe(printed.code);
    const text = fs.readFileSync(path.join(dir, 'out', 'report.json'), 'utf8');
    expect(text).toBe(printed.stdout);
    const parsed = JSON.parse(text) as { findings: unknown[] };
    expect(parsed.findings.length).toBeGreaterThan(3);
    expect(text).toContain('\\u202e');
    expect(text).not.toContain('\u202e');
  });
});
