import * as fs from 'node:fs';
import * as path from 'node:path';
import { App, NestedStack, Stack, Stage } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import fc from 'fast-check';
import { readSuppressionsFile } from '../../lib/config/suppressions';
import { errorLine } from '../../lib/cli';
import { InputError } from '../../lib/errors';
import { Tally, judge, params, removeScratch, scratch } from './support';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every path to a value inside `v`, the root included. */
function pathsOf(v: Json): (string | number)[][] {
  const out: (string | number)[][] = [];
  const stack: [Json, (string | number)[]][] = [[v, []]];
  while (stack.length) {
    const [x, p] = stack.pop()!;
    out.push(p);
    if (Array.isArray(x)) x.forEach((c, i) => stack.push([c, [...p, i]]));
    else if (x && typeof x === 'object') for (const [k, c] of Object.entries(x)) stack.push([c, [...p, k]]);
  }
  return out;
}

/** `v` with the value at the `at`-th path replaced (or removed when `value` is undefined). */
function mutate(v: Json, at: number, value: Json | undefined): Json {
  const paths = pathsOf(v);
  const p = paths[at % paths.length]!;
  if (p.length === 0) return value ?? null;
  let parent = v as Record<string | number, Json>;
  for (const k of p.slice(0, -1)) parent = parent[k] as Record<string | number, Json>;
  const k = p[p.length - 1]!;
  if (value === undefined) delete parent[k];
  else parent[k] = value;
  return v;
}

/** Values a manifest field may be turned into: other types, paths that lead out or back in. */
const replacement: fc.Arbitrary<Json | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
  fc.constantFrom<Json>(
    '.',
    '..',
    'assembly-Prod',
    'Shop.template.json',
    'missing.template.json',
    'manifest.json',
    '/',
    'cdk:cloud-assembly',
    'aws:cloudformation:stack',
    'aws:cdk:templateFile',
    'aws:cdk:logicalId',
  ),
);

describe('property: mutated cloud assemblies and suppressions files', () => {
  let dir: string;
  let assembly: string;
  const files: Record<string, Json> = {};
  const tally = new Tally();
  beforeAll(() => {
    dir = scratch('assembly');
    assembly = path.join(dir, 'seed');
    const app = new App({ outdir: assembly, builtinCloudFormationValidation: false });
    const stack = new Stack(app, 'Shop');
    new s3.Bucket(stack, 'Orders');
    const reporting = new NestedStack(stack, 'Reporting');
    new s3.Bucket(reporting, 'Exports');
    new s3.Bucket(new NestedStack(reporting, 'Archive'), 'Cold');
    new s3.Bucket(new Stack(new Stage(app, 'Prod'), 'Web'), 'Site');
    app.synth();
    for (const f of ['manifest.json', 'Shop.metadata.json', path.join('assembly-Prod', 'manifest.json')]) {
      files[f] = JSON.parse(fs.readFileSync(path.join(assembly, f), 'utf8')) as Json;
    }
  });
  afterAll(() => {
    tally.print('assemblies');
    removeScratch(dir);
  });

  test('manifests and stack metadata with changed, removed and self-referencing fields (500 cases)', () => {
    const work = path.join(dir, 'work');
    fs.cpSync(assembly, work, { recursive: true });
    const names = Object.keys(files);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), fc.nat(), replacement), { minLength: 1, maxLength: 4 }),
        (changes) => {
          const changed = new Map<string, Json>();
          for (const [which, at, value] of changes) {
            const name = names[which % names.length]!;
            changed.set(name, mutate(changed.get(name) ?? structuredClone(files[name]!), at, value));
          }
          for (const name of names) {
            fs.writeFileSync(path.join(work, name), JSON.stringify(changed.get(name) ?? files[name]));
          }
          const o = judge([work]);
          tally.add(o);
          if (o.kind === 'complete') {
            // Whatever was changed, a complete read covers every template the manifests name.
            expect([...o.resources.keys()].every((f) => f.startsWith(work))).toBe(true);
          }
        },
      ),
      params(500),
    );
  });

  test('suppressions files: YAML of any shape is read or rejected with one line (1,000 cases)', () => {
    const file = path.join(dir, 'bulwark.suppressions.yaml');
    const entry = fc.record(
      {
        rule: fc.oneof(
          fc.constantFrom('BW-DP-002', 'BW-NS-001[tcp-22]', 'BW-DP-002[', 'bw-dp-002'),
          fc.string(),
        ),
        target: fc.oneof(fc.constantFrom('*', '**', 'Shop/**', '!Shop', 'Shop/a(b)+[c]', ''), fc.string()),
        reason: fc.oneof(fc.constant('Accepted by the security team'), fc.string()),
        owner: fc.string(),
        expires: fc.oneof(
          fc.constantFrom('2027-06-30', '2020-13-45', '2027-02-30', '0000-00-00', '2027-6-30'),
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
          fc.string(),
        ),
      },
      { requiredKeys: [] },
    );
    const yamlText = fc.oneof(
      fc.array(entry, { maxLength: 4 }).map((list) => JSON.stringify({ suppressions: list })),
      fc.string().map((s) => `suppressions:\n  - ${s}\n`),
      fc.constantFrom(
        'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n',
        `suppressions: ${'['.repeat(5000)}${']'.repeat(5000)}\n`,
        '\u0000\u0001',
        '',
        '---\n---\n',
        'suppressions: *undefined\n',
      ),
    );
    fc.assert(
      fc.property(yamlText, (text) => {
        fs.writeFileSync(file, text);
        try {
          const list = readSuppressionsFile(file);
          for (const s of list) {
            expect(typeof s.rule).toBe('string');
            expect(s.target?.startsWith('!')).not.toBe(true);
            if (s.expires !== undefined)
              expect(new Date(`${s.expires}T00:00:00Z`).toISOString()).toContain(s.expires);
          }
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
          const line = errorLine(e);
          expect(line.includes('\n')).toBe(false);
          expect(e.file.startsWith(file)).toBe(true);
        }
      }),
      params(1000),
    );
  });
});
