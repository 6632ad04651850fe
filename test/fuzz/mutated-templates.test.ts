import * as fs from 'node:fs';
import * as path from 'node:path';
import { App, CfnCondition, CfnParameter, Duration, Fn, NestedStack, Stack } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import fc from 'fast-check';
import { parse as parseYaml, stringify } from 'yaml';
import { Tally, declaredResources, judge, params, removeScratch, scratch } from './support';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Templates CDK synthesizes from real constructs, plus the hand-written YAML fixture. */
function seedTemplates(dir: string): Record<string, Json>[] {
  const outdir = path.join(dir, 'cdk.out');
  const app = new App({ outdir, builtinCloudFormationValidation: false });
  const stack = new Stack(app, 'Seed', { env: { account: '111122223333', region: 'eu-west-1' } });
  const key = new kms.Key(stack, 'Key', { enableKeyRotation: true });
  const env = new CfnParameter(stack, 'Env', {
    type: 'String',
    default: 'prod',
    allowedValues: ['prod', 'dev'],
  });
  const isProd = new CfnCondition(stack, 'IsProd', {
    expression: Fn.conditionEquals(env.valueAsString, 'prod'),
  });
  const bucket = new s3.Bucket(stack, 'Data', { encryptionKey: key, enforceSSL: true, versioned: true });
  (bucket.node.defaultChild as s3.CfnBucket).addPropertyOverride(
    'ObjectLockEnabled',
    Fn.conditionIf(isProd.logicalId, true, Fn.ref('AWS::NoValue')),
  );
  new s3.Bucket(stack, 'Plain');
  new sqs.Queue(stack, 'Queue', { encryptionMasterKey: key, enforceSSL: true });
  const vpc = new ec2.Vpc(stack, 'Vpc', {
    maxAzs: 1,
    natGateways: 0,
    subnetConfiguration: [{ name: 'p', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
  });
  const sg = new ec2.SecurityGroup(stack, 'Sg', { vpc });
  sg.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(22));
  const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  role.addToPolicy(
    new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [bucket.arnForObjects('*')] }),
  );
  new dynamodb.Table(stack, 'Table', { partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING } });
  new logs.LogGroup(stack, 'Logs', { retention: logs.RetentionDays.ONE_WEEK });
  const nested = new NestedStack(stack, 'Inner', { timeout: Duration.minutes(5) });
  new s3.Bucket(nested, 'Exports');
  app.synth();
  const seeds = fs
    .readdirSync(outdir)
    .filter((f) => f.endsWith('.template.json'))
    .map((f) => JSON.parse(fs.readFileSync(path.join(outdir, f), 'utf8')) as Record<string, Json>);
  const yaml = fs.readFileSync(
    path.join(__dirname, '../fixtures/hand-written/short-forms.template.yaml'),
    'utf8',
  );
  // Short forms become plain tags in the seed; the YAML output keeps the long forms.
  seeds.push(parseYaml(yaml, { customTags: [], logLevel: 'silent' }) as Record<string, Json>);
  return seeds;
}

/** Every path (list of keys and indexes) to a value inside `v`, the root included. */
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

function getAt(v: Json, p: readonly (string | number)[]): Json {
  let x: Json = v;
  for (const k of p) x = (x as Record<string | number, Json>)[k]!;
  return x;
}

function setAt(v: Json, p: readonly (string | number)[], value: Json | undefined): Json {
  if (p.length === 0) return value ?? null;
  const parent = getAt(v, p.slice(0, -1)) as Record<string | number, Json> & Json[];
  const k = p[p.length - 1]!;
  if (value === undefined) {
    if (Array.isArray(parent)) parent.splice(k as number, 1);
    else delete parent[k];
  } else parent[k] = value;
  return v;
}

/** One change to the parsed template. */
type Op =
  | { kind: 'set'; at: number; value: Json }
  | { kind: 'delete'; at: number }
  | { kind: 'nest'; at: number; depth: number; inList: boolean }
  | { kind: 'huge'; at: number; size: number; char: string };

const jsonValue: fc.Arbitrary<Json> = fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>;

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: jsonValue }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('nest' as const),
    at: fc.nat(),
    depth: fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 100, max: 400 })),
    inList: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('huge' as const),
    at: fc.nat(),
    size: fc.integer({ min: 10_000, max: 60_000 }),
    char: fc.constantFrom('a', '$', '{', '\\', '"', '\u001b', '\u202e', '\u0000', '${'),
  }),
);

function apply(t: Json, o: Op): Json {
  const paths = pathsOf(t);
  const p = paths[o.at % paths.length]!;
  switch (o.kind) {
    case 'set':
      return setAt(t, p, o.value);
    case 'delete':
      return p.length === 0 ? t : setAt(t, p, undefined);
    case 'nest': {
      let x = getAt(t, p);
      for (let i = 0; i < o.depth; i++) x = o.inList ? [x] : { 'Fn::Join': ['', [x]] };
      return setAt(t, p, x);
    }
    case 'huge':
      return setAt(t, p, o.char.repeat(Math.ceil(o.size / o.char.length)));
  }
}

/**
 * YAML text of a value; a value nested too deep for the YAML writer is written in flow style as
 * JSON, which is YAML too.
 */
function toYaml(v: Json): string {
  try {
    return stringify(v, { aliasDuplicateObjects: false });
  } catch {
    return JSON.stringify(v);
  }
}

/** How the changed template is written, and what is then done to the text. */
type Write =
  | { kind: 'json' | 'yaml' | 'utf16' }
  | { kind: 'duplicate'; at: number }
  | { kind: 'truncate'; at: number; yaml: boolean }
  | { kind: 'splice'; at: number; text: string; yaml: boolean };

const write: fc.Arbitrary<Write> = fc.oneof(
  fc.record({ kind: fc.constantFrom('json' as const, 'yaml' as const, 'utf16' as const) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat(), yaml: fc.boolean() }),
  fc.record({
    kind: fc.constant('splice' as const),
    at: fc.nat(),
    yaml: fc.boolean(),
    text: fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom(
        '\u0000',
        '\u001b[2J',
        '\uFEFF',
        '"',
        '{',
        '}',
        ']',
        ',',
        ':',
        '&a',
        '*a',
        '!Ref',
        '\n  - ',
        '\t',
        '\r\n',
        '\\u0000',
      ),
    ),
  }),
);

/**
 * JSON text in which the object at `objectIndex` (in a walk of the value) repeats its first key
 * with a different value: the file declares a key twice.
 */
function jsonWithDuplicate(v: Json, objectIndex: number): { text: string; key: string } | undefined {
  const objects = pathsOf(v)
    .map((p) => getAt(v, p))
    .filter(
      (x): x is { [k: string]: Json } =>
        !!x && typeof x === 'object' && !Array.isArray(x) && Object.keys(x).length > 0,
    );
  if (objects.length === 0) return undefined;
  const target = objects[objectIndex % objects.length]!;
  const key = Object.keys(target)[0]!;
  const MARK = '__bulwark_fuzz_duplicate__';
  const copy = { [MARK]: true, ...target } as Record<string, Json>;
  for (const k of Object.keys(target)) delete target[k];
  Object.assign(target, copy);
  // A function replacement: a key holding `$\`` or `$&` must be written as it is, not expanded.
  const text = JSON.stringify(v, null, 1).replace(`"${MARK}": true`, () => `${JSON.stringify(key)}: "first"`);
  return { text, key };
}

describe('property: mutated real templates are read completely or rejected with one line', () => {
  let dir: string;
  let seeds: Record<string, Json>[];
  const tally = new Tally();
  beforeAll(() => {
    dir = scratch('mutated');
    seeds = seedTemplates(dir);
  });
  afterAll(() => {
    tally.print('mutated templates');
    removeScratch(dir);
  });

  test('type changes, deletions, deep nesting, huge strings, truncation, spliced bytes, duplicate keys (4,500 cases)', () => {
    expect(seeds.length).toBeGreaterThanOrEqual(3);
    fc.assert(
      fc.property(
        fc.nat(),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 80 }),
        fc.array(op, { maxLength: 3 }),
        write,
        (seedIndex, keep, ops, w) => {
          let t = structuredClone(seeds[seedIndex % seeds.length]!) as Json;
          // Keep a few of the seed's resources: small templates make many cases per second.
          const resources = (t as Record<string, Json>).Resources as Record<string, Json>;
          Object.keys(resources).forEach((id, i) => {
            if (!keep[i % keep.length]) delete resources[id];
          });
          for (const o of ops) t = apply(t, o);
          let file = path.join(dir, 'case.template.json');
          let text: string | Buffer;
          let duplicate: string | undefined;
          switch (w.kind) {
            case 'json':
              text = JSON.stringify(t);
              break;
            case 'utf16':
              text = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(t), 'utf16le')]);
              break;
            case 'yaml':
              file = path.join(dir, 'case.template.yaml');
              text = toYaml(t);
              break;
            case 'duplicate': {
              const d = jsonWithDuplicate(t, w.at);
              text = d?.text ?? JSON.stringify(t);
              duplicate = d?.key;
              break;
            }
            case 'truncate':
            case 'splice': {
              if (w.yaml) file = path.join(dir, 'case.template.yaml');
              const full = w.yaml ? toYaml(t) : JSON.stringify(t, null, 1);
              const at = w.at % (full.length + 1);
              text = w.kind === 'truncate' ? full.slice(0, at) : full.slice(0, at) + w.text + full.slice(at);
              break;
            }
          }
          fs.rmSync(path.join(dir, 'case.template.json'), { force: true });
          fs.rmSync(path.join(dir, 'case.template.yaml'), { force: true });
          fs.writeFileSync(file, text);
          const o = judge([file]);
          tally.add(o);
          if (duplicate !== undefined) {
            // A key given twice is never read as if the first did not exist.
            if (o.kind !== 'input-error') throw new Error(`duplicate key \`${duplicate}\` was not rejected`);
            expect(o.line).toMatch(/duplicate key|nested more than/);
          }
          if (o.kind === 'complete') {
            const declared = declaredResources(
              typeof text === 'string' ? text : Buffer.from(text).subarray(2).toString('utf16le'),
            );
            if (declared !== undefined) expect(o.resources.get(file)).toBe(declared);
          }
        },
      ),
      params(4500),
    );
  });
});
