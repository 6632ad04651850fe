import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, CfnStack, NestedStack, Stack, Stage } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { runCli } from '../support/cli';

// A real cloud assembly (a stack with two levels of nested stacks, and a stage), copied and broken
// one way per test: what a failed or tampered build leaves behind.
describe('bulwark check: a broken cloud assembly exits 2 with one line naming the file', () => {
  let root: string;
  let assembly: string;
  let nested: Record<string, string>;
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-asm-'));
    assembly = path.join(root, 'cdk.out');
    const app = new App({ outdir: assembly });
    const stack = new Stack(app, 'Shop');
    new s3.Bucket(stack, 'Orders');
    const reporting = new NestedStack(stack, 'Reporting');
    new s3.Bucket(reporting, 'Exports');
    new s3.Bucket(new NestedStack(reporting, 'Archive'), 'Cold');
    new s3.Bucket(new Stack(new Stage(app, 'Prod'), 'Web'), 'Site');
    app.synth();
    nested = templateFiles(path.join(assembly, 'Shop.metadata.json'));
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  /** Construct path -> template file, from a stack's metadata file. */
  function templateFiles(file: string): Record<string, string> {
    const md = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<
      string,
      { type: string; data?: unknown }[]
    >;
    const out: Record<string, string> = {};
    for (const [p, entries] of Object.entries(md)) {
      for (const e of entries) if (e.type === 'aws:cdk:templateFile') out[p] = e.data as string;
    }
    return out;
  }

  /** A copy of the assembly, changed by `breakIt`. */
  function broken(name: string, breakIt: (dir: string) => void): string {
    const dir = path.join(root, name);
    fs.cpSync(assembly, dir, { recursive: true });
    breakIt(dir);
    return dir;
  }

  function editJson(file: string, edit: (j: Record<string, unknown>) => void): void {
    const j = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    edit(j);
    fs.writeFileSync(file, JSON.stringify(j, null, 1));
  }

  function pointNestedAt(dir: string, constructPath: string, templateFile: string): void {
    editJson(path.join(dir, 'Shop.metadata.json'), (md) => {
      for (const e of md[constructPath] as { type: string; data?: unknown }[]) {
        if (e.type === 'aws:cdk:templateFile') e.data = templateFile;
      }
    });
  }

  async function expectInputError(dir: string, message: RegExp): Promise<void> {
    const r = await runCli(['check', dir]);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(r.code).toBe(2);
  }

  test('the intact assembly is read: every stack and nested stack', async () => {
    expect(Object.keys(nested).sort()).toEqual(['/Shop', '/Shop/Reporting', '/Shop/Reporting/Archive']);
    const r = await runCli(['check', '--format', 'json', assembly]);
    expect(r.stderr).toBe('');
    expect([0, 1]).toContain(r.code);
  });

  test('a nested stack the metadata gives no template is reported incomplete, never clean', async () => {
    const dir = broken('nested-unlisted', (d) =>
      editJson(path.join(d, 'Shop.metadata.json'), (md) => {
        md['/Shop/Reporting/Archive'] = (md['/Shop/Reporting/Archive'] as { type: string }[]).filter(
          (e) => e.type !== 'aws:cdk:templateFile',
        );
      }),
    );
    const r = await runCli(['check', '--format', 'json', '--fail-on', 'critical', dir]);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as { incomplete: string[] };
    expect(report.incomplete).toEqual([
      expect.stringMatching(
        /^nested stack `Shop\/Reporting[^`]*\/Archive[^`]*` \(AWS::CloudFormation::Stack\): its template is not in the input/,
      ),
    ]);
    expect(r.code).toBe(1);
    const intact = await runCli(['check', '--format', 'json', '--fail-on', 'critical', assembly]);
    expect(intact.code).toBe(0);
    expect((JSON.parse(intact.stdout) as { incomplete: string[] }).incomplete).toEqual([]);
  });

  test('a template file with a nested stack: the nested template is not read, and the report says so', async () => {
    const outdir = path.join(root, 'cfn-stack');
    const app = new App({ outdir, builtinCloudFormationValidation: false });
    const stack = new Stack(app, 'Parent');
    new CfnStack(stack, 'Child', { templateUrl: 'https://example.com/child.template.json' });
    app.synth();
    const r = await runCli(['check', '--fail-on', 'critical', path.join(outdir, 'Parent.template.json')]);
    expect(r.stdout).toMatch(/INCOMPLETE \(1\)/);
    expect(r.stdout).toMatch(
      /nested stack `Parent\/Child` \(AWS::CloudFormation::Stack\): its template is not in the input/,
    );
    expect(r.code).toBe(1);
  });

  test('a nested stack template that is missing', async () => {
    const file = nested['/Shop/Reporting/Archive']!;
    const dir = broken('missing-nested', (d) => fs.rmSync(path.join(d, file)));
    await expectInputError(
      dir,
      new RegExp(
        `${file.replace(/\./g, '\\.')}: no such file \\(the template of nested stack \`Shop/Reporting/Archive\`\\)`,
      ),
    );
  });

  test('a nested stack template that is a directory', async () => {
    const file = nested['/Shop/Reporting']!;
    const dir = broken('nested-is-dir', (d) => {
      fs.rmSync(path.join(d, file));
      fs.mkdirSync(path.join(d, file));
    });
    await expectInputError(dir, /is a directory, expected a template file/);
  });

  test('a nested stack or stack whose template file leads out of the assembly', async () => {
    await expectInputError(
      broken('nested-outside', (d) => pointNestedAt(d, '/Shop/Reporting', '..')),
      /Shop\.metadata\.json: nested stack `Shop\/Reporting`: its template file `\.\.` is not a file inside the cloud assembly/,
    );
    await expectInputError(
      broken('stack-outside', (d) =>
        editJson(path.join(d, 'manifest.json'), (m) => {
          const art = (m.artifacts as Record<string, { properties?: { templateFile?: string } }>).Shop!;
          art.properties!.templateFile = '../cdk.out/Shop.template.json';
        }),
      ),
      /manifest\.json: stack artifact `Shop`: templateFile `\.\.\/cdk\.out\/Shop\.template\.json` is not a file inside the cloud assembly/,
    );
  });

  test('a nested stack whose template is its parent stack template', async () => {
    const dir = broken('nested-parent', (d) => pointNestedAt(d, '/Shop/Reporting', 'Shop.template.json'));
    await expectInputError(
      dir,
      /Shop\.metadata\.json: nested stack `Shop\/Reporting` uses template `Shop\.template\.json`, the template of `Shop` that contains it: a cycle of nested stacks/,
    );
  });

  test('a nested stack whose template is the template of the nested stack that contains it', async () => {
    const dir = broken('nested-cycle', (d) =>
      pointNestedAt(d, '/Shop/Reporting/Archive', nested['/Shop/Reporting']!),
    );
    await expectInputError(
      dir,
      /nested stack `Shop\/Reporting\/Archive` uses template .* the template of `Shop\/Reporting` that contains it: a cycle of nested stacks/,
    );
  });

  test('an assembly that nests itself', async () => {
    const dir = broken('self-nesting', (d) =>
      editJson(path.join(d, 'manifest.json'), (m) => {
        (m.artifacts as Record<string, unknown>).Loop = {
          type: 'cdk:cloud-assembly',
          properties: { directoryName: '.', displayName: 'Loop' },
        };
      }),
    );
    await expectInputError(
      dir,
      /manifest\.json: nested assembly `Loop` \(directory `\.`\) is this assembly or one that contains it: a cycle of nested assemblies/,
    );
  });

  test('a nested assembly that nests the assembly containing it', async () => {
    const dir = broken('mutual-nesting', (d) =>
      editJson(path.join(d, 'assembly-Prod', 'manifest.json'), (m) => {
        (m.artifacts as Record<string, unknown>).Back = {
          type: 'cdk:cloud-assembly',
          properties: { directoryName: '..' },
        };
      }),
    );
    await expectInputError(
      dir,
      /assembly-Prod\/manifest\.json: nested assembly `Back` \(directory `\.\.`\) is this assembly or one that contains it/,
    );
  });

  test('a nested assembly outside the cloud assembly', async () => {
    const dir = broken('nested-outside', (d) =>
      editJson(path.join(d, 'manifest.json'), (m) => {
        const artifacts = m.artifacts as Record<string, { properties?: Record<string, unknown> }>;
        artifacts['assembly-Prod']!.properties!.directoryName = '..';
      }),
    );
    await expectInputError(
      dir,
      /nested-outside\/manifest\.json: nested assembly `assembly-Prod` \(directory `\.\.`\) is outside the cloud assembly/,
    );
  });

  test('stack metadata nested 100,000 levels deep', async () => {
    const dir = broken('deep-metadata', (d) =>
      fs.writeFileSync(
        path.join(d, 'Shop.metadata.json'),
        `{"/Shop": [{"type": "aws:cdk:acknowledged-rules", "data": ${'['.repeat(100_000)}${']'.repeat(100_000)}}]}`,
      ),
    );
    await expectInputError(
      dir,
      /Shop\.metadata\.json: objects and lists are nested more than \d+ levels deep/,
    );
  });

  test.each([
    [
      'an artifact that is not an object',
      (a: Record<string, unknown>) => void (a.Shop = 7),
      /artifact `Shop`: is not an object/,
    ],
    [
      'a template file that is not a string',
      (a: Record<string, unknown>) =>
        void ((a.Shop as { properties: Record<string, unknown> }).properties.templateFile = ['x']),
      /artifact `Shop`: `properties\.templateFile` is not a string/,
    ],
    [
      'metadata entries that are not a list',
      (a: Record<string, unknown>) => void ((a.Shop as Record<string, unknown>).metadata = { '/Shop': 'x' }),
      /artifact `Shop`: entries of `\/Shop` are not a list/,
    ],
  ])('a manifest with %s', async (name, edit, message) => {
    const dir = broken(`manifest-${name.replace(/\W+/g, '-')}`, (d) =>
      editJson(path.join(d, 'manifest.json'), (m) => edit(m.artifacts as Record<string, unknown>)),
    );
    await expectInputError(dir, message);
  });
});
