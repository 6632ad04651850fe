import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../support/cli';

// Malformed inputs are hand-written on purpose: no tool emits them.
describe('bulwark check: bad input exits 2 with one line naming the file', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-bad-'));
    fs.writeFileSync(path.join(dir, 'empty.json'), '');
    fs.writeFileSync(path.join(dir, 'blank.yaml'), '  \n\n');
    fs.writeFileSync(
      path.join(dir, 'truncated.json'),
      '{\n  "Resources": {\n    "B": { "Type": "AWS::S3::Bucket"',
    );
    fs.writeFileSync(path.join(dir, 'binary.json'), Buffer.from([0x7b, 0x00, 0x01, 0x02, 0xff, 0xfe]));
    fs.writeFileSync(
      path.join(dir, 'unknown-tag.yaml'),
      'Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Reff Name\n',
    );
    fs.writeFileSync(path.join(dir, 'no-resources.json'), '{"AWSTemplateFormatVersion": "2010-09-09"}');
    fs.writeFileSync(path.join(dir, 'array.json'), '[1, 2]');
    fs.mkdirSync(path.join(dir, 'empty-dir'));
    fs.mkdirSync(path.join(dir, 'bad-assembly'));
    fs.writeFileSync(
      path.join(dir, 'bad-assembly', 'manifest.json'),
      '{"artifacts": {"S": {"type": "aws:cloudformation:stack", "properties": {"templateFile": "S.template.json"}}}}',
    );
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const cases: [string, string, RegExp][] = [
    ['missing path', 'does-not-exist.json', /does-not-exist\.json: no such file or directory/],
    ['empty file', 'empty.json', /empty\.json: the file is empty/],
    ['blank YAML file', 'blank.yaml', /blank\.yaml: the file is empty/],
    ['truncated JSON', 'truncated.json', /truncated\.json:3:\d+: the JSON ends early/],
    ['binary file', 'binary.json', /binary\.json: the file is binary/],
    [
      'YAML with an unknown tag',
      'unknown-tag.yaml',
      /unknown-tag\.yaml:5:\d+: invalid YAML: unknown tag !Reff/,
    ],
    [
      'JSON that is not a template',
      'no-resources.json',
      /no-resources\.json: not a CloudFormation template: it has no `Resources` section/,
    ],
    ['JSON array', 'array.json', /array\.json: not a CloudFormation template/],
    ['directory without templates', 'empty-dir', /empty-dir: the directory has no templates/],
    ['assembly whose template is missing', 'bad-assembly', /S\.template\.json: no such file/],
  ];

  test.each(cases)('%s', async (_name, file, message) => {
    const r = await runCli(['check', file], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  test('unknown option and unknown pack are usage errors (exit 2)', async () => {
    expect((await runCli(['check', '--bogus', 'x'], { cwd: dir })).code).toBe(2);
    const r = await runCli(['check', '--pack', 'nope', 'empty-dir'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nope/);
  });

  test('a malformed suppressions file names the file and the entry', async () => {
    const sup = path.join(dir, 'sup.yaml');
    fs.writeFileSync(sup, 'suppressions:\n  - rule: BW-DP-002\n    target: "*"\n');
    const r = await runCli([
      'check',
      '--suppressions',
      sup,
      path.join(__dirname, '../fixtures/hand-written/short-forms.template.yaml'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/sup\.yaml:2: suppressions\.0: missing `reason`/);
  });
});
