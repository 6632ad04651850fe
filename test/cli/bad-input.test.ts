import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../support/cli';

/** A YAML document whose aliases expand to 9^6 scalars under `key`. */
function aliasBomb(key: string): string {
  const lines = ['a: &a [x, x, x, x, x, x, x, x, x]'];
  for (const [prev, name] of [
    ['a', 'b'],
    ['b', 'c'],
    ['c', 'd'],
    ['d', 'e'],
    ['e', 'f'],
  ]) {
    lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
  }
  lines.push(`${key}: *f`);
  return `${lines.join('\n')}\n`;
}

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
    fs.writeFileSync(
      path.join(dir, 'duplicate-resource.json'),
      '{\n  "Resources": {\n    "Data": { "Type": "AWS::S3::Bucket" },\n    "Data": { "Type": "AWS::SQS::Queue" }\n  }\n}\n',
    );
    fs.writeFileSync(
      path.join(dir, 'duplicate-resources-block.json'),
      '{\n  "Resources": { "Open": { "Type": "AWS::S3::Bucket" } },\n  "Resources": {}\n}\n',
    );
    fs.writeFileSync(
      path.join(dir, 'duplicate-property.json'),
      '{"Resources": {"B": {"Type": "AWS::S3::Bucket", "Properties": {\n"BucketEncryption": {}, "BucketEncryption": {}}}}}',
    );
    fs.writeFileSync(path.join(dir, 'type-number.json'), '{"Resources": {"B": {"Type": 42}}}');
    fs.writeFileSync(path.join(dir, 'type-list.yaml'), 'Resources:\n  B:\n    Type: [AWS::S3::Bucket]\n');
    fs.writeFileSync(path.join(dir, 'no-type.json'), '{"Resources": {"B": {"Properties": {}}}}');
    fs.writeFileSync(
      path.join(dir, 'utf16-no-bom.json'),
      Buffer.from('{"Resources": {"B": {"Type": "AWS::S3::Bucket"}}}', 'utf16le'),
    );
    fs.writeFileSync(
      path.join(dir, 'deep.json'),
      `{"Resources": {"B": {"Type": "AWS::S3::Bucket", "Properties": {"Tags": ${'['.repeat(100_000)}${']'.repeat(100_000)}}}}}`,
    );
    fs.writeFileSync(
      path.join(dir, 'deep-truncated.json'),
      `{"Resources": {"B": {"Type": "AWS::S3::Bucket", "Properties": {"Tags": ${'['.repeat(100_000)}`,
    );
    fs.writeFileSync(
      path.join(dir, 'deep-flow.yaml'),
      `Resources: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`,
    );
    fs.writeFileSync(
      path.join(dir, 'deep-block.yaml'),
      'Resources:\n' + Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i + 2)}k${i}:\n`).join(''),
    );
    fs.writeFileSync(path.join(dir, 'alias-bomb.yaml'), aliasBomb('Resources'));
    fs.writeFileSync(
      path.join(dir, 'default-cycle.json'),
      JSON.stringify({
        Parameters: { Env: { Type: 'String', Default: { 'Fn::FindInMap': ['M', { Ref: 'Env' }, 'k'] } } },
        Mappings: { M: { a: { k: 'v' } } },
        Resources: { B: { Type: 'AWS::S3::Bucket', Properties: { BucketName: { Ref: 'Env' } } } },
      }),
    );
    fs.writeFileSync(
      path.join(dir, 'mapping-cycle.json'),
      JSON.stringify({
        Mappings: { M: { a: { k: { 'Fn::FindInMap': ['M', 'a', 'k'] } } } },
        Resources: {
          B: { Type: 'AWS::S3::Bucket', Properties: { BucketName: { 'Fn::FindInMap': ['M', 'a', 'k'] } } },
        },
      }),
    );
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
    [
      'JSON resource declared twice',
      'duplicate-resource.json',
      /duplicate-resource\.json:4:5: duplicate key `Data`/,
    ],
    [
      'JSON `Resources` block declared twice',
      'duplicate-resources-block.json',
      /duplicate-resources-block\.json:3:3: duplicate key `Resources`/,
    ],
    [
      'JSON property given twice',
      'duplicate-property.json',
      /duplicate-property\.json:2:\d+: duplicate key `BucketEncryption`/,
    ],
    [
      '`Type` that is a number',
      'type-number.json',
      /type-number\.json: resource `B` has a `Type` that is not a string/,
    ],
    [
      '`Type` that is a list',
      'type-list.yaml',
      /type-list\.yaml: resource `B` has a `Type` that is not a string/,
    ],
    ['resource without `Type`', 'no-type.json', /no-type\.json: resource `B` has no `Type`/],
    [
      'UTF-16 without a byte-order mark',
      'utf16-no-bom.json',
      /utf16-no-bom\.json: the file looks like UTF-16 without a byte-order mark/,
    ],
    [
      '100,000-deep JSON nesting',
      'deep.json',
      /deep\.json: objects and lists are nested more than \d+ levels deep/,
    ],
    ['100,000-deep truncated JSON', 'deep-truncated.json', /deep-truncated\.json:1:\d+: the JSON ends early/],
    [
      '100,000-deep YAML flow nesting',
      'deep-flow.yaml',
      /deep-flow\.yaml(:\d+:\d+)?: objects and lists are nested more than \d+ levels deep/,
    ],
    [
      '2,000-deep YAML block nesting',
      'deep-block.yaml',
      /deep-block\.yaml(:\d+:\d+)?: objects and lists are nested more than \d+ levels deep/,
    ],
    ['YAML alias bomb', 'alias-bomb.yaml', /alias-bomb\.yaml: YAML aliases expand to too much content/],
    [
      'parameter default that looks itself up in a mapping',
      'default-cycle.json',
      /default-cycle\.json: parameter `Env` has a `Default` that is not a literal/,
    ],
    [
      'mapping value that looks itself up',
      'mapping-cycle.json',
      /mapping-cycle\.json: mapping `M` has a value at `a`\.`k` that is not a string or list/,
    ],
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
    expect(r.stderr).not.toMatch(/internal error/);
  });

  test('a UTF-16 template with a byte-order mark is read like its UTF-8 twin', async () => {
    const template = '{"Resources": {"Logs": {"Type": "AWS::S3::Bucket"}}}';
    const le = path.join(dir, 'utf16le.template.json');
    const be = path.join(dir, 'utf16be.template.json');
    const utf8 = path.join(dir, 'utf8.template.json');
    fs.writeFileSync(le, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(template, 'utf16le')]));
    const swapped = Buffer.from(template, 'utf16le').swap16();
    fs.writeFileSync(be, Buffer.concat([Buffer.from([0xfe, 0xff]), swapped]));
    fs.writeFileSync(utf8, template);
    const json = async (f: string) => {
      const r = await runCli(['check', '--format', 'json', '--include-passed', f], { cwd: dir });
      expect(r.stderr).toBe('');
      const report = JSON.parse(r.stdout) as { findings: { ruleId: string; status: string }[] };
      return { code: r.code, results: report.findings.map((x) => `${x.ruleId}:${x.status}`).sort() };
    };
    const reference = await json(utf8);
    expect(reference.results.length).toBeGreaterThan(0);
    expect(await json(le)).toEqual(reference);
    expect(await json(be)).toEqual(reference);
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

  test.each([
    [
      'an expiry that is not a real date',
      'suppressions:\n  - rule: BW-DP-002\n    target: "*"\n    reason: Accepted until the migration\n    expires: 2020-13-45\n',
      /bad-sup\.yaml:2: suppressions\.0\.expires: `2020-13-45` is not a date of the calendar/,
    ],
    [
      'an expiry on the 30th of February',
      'suppressions:\n  - rule: BW-DP-002\n    target: "*"\n    reason: Accepted until the migration\n    expires: "2027-02-30"\n',
      /bad-sup\.yaml:2: suppressions\.0\.expires: `2027-02-30` is not a date of the calendar/,
    ],
    [
      'a negated target',
      'suppressions:\n  - rule: BW-DP-002\n    target: "!Shop/Secret"\n    reason: Everything but the secret bucket\n',
      /bad-sup\.yaml:2: suppressions\.0\.target: a target may not start with `!`: there is no negation/,
    ],
    [
      'an alias bomb',
      `${aliasBomb('x')}suppressions: []\n`,
      /bad-sup\.yaml: YAML aliases expand to too much content/,
    ],
  ])('a suppressions file with %s is rejected', async (_name, content, message) => {
    const sup = path.join(dir, 'bad-sup.yaml');
    fs.writeFileSync(sup, content);
    const r = await runCli([
      'check',
      '--suppressions',
      sup,
      path.join(__dirname, '../fixtures/hand-written/short-forms.template.yaml'),
    ]);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(2);
  });
});
