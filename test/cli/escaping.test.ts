import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { escapeSarifMessage } from '../../lib/report/escape';
import { runCli } from '../support/cli';

const ESC = '\u001b';
const CLEAR = `${ESC}[2J`;
const OSC8 = `${ESC}]8;;https://evil.example${ESC}\\click${ESC}]8;;${ESC}\\`;
/** C1 controls, bidi overrides and isolates, line and paragraph separators. */
const INVISIBLE = '\u0085\u009b\u202a\u202e\u2066\u2069\u2028\u2029';
const RAW_INVISIBLE = /[\u0080-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

describe('escaping of template content on stderr and in reports', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-esc-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('an input error quoting template content cannot drive the terminal or span lines', async () => {
    const file = path.join(dir, 'hostile-id.json');
    const id = `Bad${CLEAR}${OSC8}\nnext line${INVISIBLE}`;
    fs.writeFileSync(file, JSON.stringify({ Resources: { [id]: { Type: 7 } } }));
    const r = await runCli(['check', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /resource `Bad\\x1b\[2J\\x1b\]8;;https:\/\/evil\.example.*` has a `Type` that is not a string/,
    );
    expect(r.stderr).not.toContain(ESC);
    expect(r.stderr).not.toMatch(RAW_INVISIBLE);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  test('a file name with control characters is escaped too', async () => {
    const file = path.join(dir, `name${CLEAR}.json`);
    fs.writeFileSync(file, '{"Resources": ');
    const r = await runCli(['check', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('name\\x1b[2J.json');
    expect(r.stderr).not.toContain(ESC);
  });

  describe('reports on an app whose construct ids carry link syntax and invisible characters', () => {
    const LINK = '[click](https:evil.example)';
    let outdir: string;
    beforeAll(() => {
      outdir = path.join(dir, 'cdk.out');
      const app = new App({ outdir, builtinCloudFormationValidation: false });
      const stack = new Stack(app, 'Shop');
      new s3.Bucket(stack, `Logs${LINK}`);
      new s3.Bucket(stack, `Data${INVISIBLE}`);
      app.synth();
    });

    test('SARIF message text escapes [text](target) link syntax', async () => {
      const r = await runCli(['check', '--format', 'sarif', outdir]);
      expect(r.stderr).toBe('');
      const sarif = JSON.parse(r.stdout) as { runs: { results: { message: { text: string } }[] }[] };
      const texts = sarif.runs[0]!.results.map((x) => x.message.text);
      const linked = texts.filter((t) => t.includes('click'));
      expect(linked.length).toBeGreaterThan(0);
      for (const t of linked) {
        expect(t).toContain('Logs\\[click\\](https:evil.example)');
        expect(t).not.toMatch(/(^|[^\\])\[click/);
      }
    });

    test.each(['json', 'sarif'])(
      'the %s report holds no raw C1, bidi or line-separator character',
      async (format) => {
        const r = await runCli(['check', '--format', format, '--include-passed', outdir]);
        expect(r.stderr).toBe('');
        expect(RAW_INVISIBLE.test(r.stdout)).toBe(false);
        expect(r.stdout.includes('\\u202e')).toBe(true);
      },
    );

    test('the JSON report escapes with JSON escapes: the parsed report names the resource as declared', async () => {
      const r = await runCli(['check', '--format', 'json', outdir]);
      const paths = (JSON.parse(r.stdout) as { findings: { resource: { path?: string } }[] }).findings.map(
        (f) => f.resource.path,
      );
      expect(paths).toContain(`Shop/Data${INVISIBLE}/Resource`);
    });
  });

  test('escapeSarifMessage: brackets, and a backslash before a bracket, are escaped', () => {
    expect(escapeSarifMessage('a [b](c) d')).toBe('a \\[b\\](c) d');
    expect(escapeSarifMessage('x\\[y](z)')).toBe('x\\\\\\[y\\](z)');
    expect(escapeSarifMessage('C:\\path\\file')).toBe('C:\\path\\file');
  });
});
