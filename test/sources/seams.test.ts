import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import { App as TfApp, TerraformStack } from 'cdktf';
import { liveAdapters } from '../../lib/drift/adapters';
import { isInputError } from '../../lib/errors';
import { ResourceGraph } from '../../lib/graph/graph';
import type { Resource } from '../../lib/graph/resource';
import { adaptersForAll, loadInput, SOURCES, type Source } from '../../lib/sources';
import { cloudFormationSource } from '../../lib/sources/cloudformation/source';
import { AdapterRegistry, ViewSet } from '../../lib/views/registry';
import type { KeyView } from '../../lib/views/kinds';

const root = path.join(__dirname, '../..');
let dir: string;
let template: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-seams-'));
  const outdir = path.join(dir, 'cdk.out');
  const app = new App({ outdir, builtinCloudFormationValidation: false });
  new kms.Key(new Stack(app, 'Keys'), 'Key', { enableKeyRotation: true });
  app.synth();
  template = path.join(outdir, 'Keys.template.json');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A source of a made-up line format (`fake-plan` then `key NAME`), read as `terraform` resources. */
const fakeSource: Source = {
  kind: 'terraform',
  title: 'fake plans',
  recognises: (p) => fs.statSync(p).isFile() && fs.readFileSync(p, 'utf8').startsWith('fake-plan\n'),
  read: (p) => {
    const names = fs
      .readFileSync(p, 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('key '))
      .map((l) => l.slice(4));
    const resources: Resource[] = names.map((n) => ({
      address: `fake_key.${n}`,
      type: 'fake_key',
      source: 'terraform',
      properties: {},
      tags: {},
      logicalId: n,
      location: { file: p },
    }));
    return {
      resources,
      templates: [{ stack: 'fake', file: p, resources: resources.length }],
      incomplete: [],
    };
  },
  notRecognised: () => 'not a fake plan: it does not start with `fake-plan`',
  adapters: () =>
    new AdapterRegistry().register('terraform', 'fake_key', (r) => ({ kind: 'key', resource: r }) as KeyView),
};

function mkdir(name: string): string {
  const d = path.join(dir, name);
  fs.mkdirSync(d);
  return d;
}

describe('sources recognise their artifacts by content', () => {
  test('a template is read whatever its file name', () => {
    const renamed = path.join(dir, 'keys-stack.txt');
    fs.copyFileSync(template, renamed);
    const { graph } = loadInput([renamed]);
    expect([...graph.all()].map((r) => r.type)).toEqual(['AWS::KMS::Key']);
  });

  test('a file named like a template without template content, given by itself, is an input error naming it', () => {
    const file = path.join(dir, 'settings.template.json');
    fs.writeFileSync(file, JSON.stringify({ name: 'settings', version: '1.0.0' }));
    let error: unknown;
    try {
      loadInput([file], { sources: [...SOURCES, fakeSource] });
    } catch (e) {
      error = e;
    }
    expect(isInputError(error)).toBe(true);
    expect((error as Error).message).toBe(
      `${file}: not a CloudFormation template: it has no \`Resources\` section or \`AWSTemplateFormatVersion\`; ` +
        'not a Terraform artifact: it has no `format_version` with planned values, and no `resource` or `data` block; ' +
        'not a Pulumi artifact: it is no Pulumi.yaml, and has no `deployment` (stack export) or `steps` (preview); ' +
        'not a fake plan: it does not start with `fake-plan`',
    );
  });

  test('a file no source recognises that cannot be parsed says why (a key given twice), not only whose it is not', () => {
    const file = path.join(dir, 'settings.json');
    fs.writeFileSync(file, '{"name": "a", "name": "b"}');
    expect(() => loadInput([file])).toThrow(/settings\.json:1:\d+: duplicate key `name`/);
  });

  test('a CDK for Terraform output directory is not taken for a cloud assembly (both have a manifest.json)', () => {
    const outdir = path.join(dir, 'cdktf.out');
    const app = new TfApp({ outdir });
    new TerraformStack(app, 'Net');
    app.synth();
    expect(fs.existsSync(path.join(outdir, 'manifest.json'))).toBe(true);
    expect(cloudFormationSource.recognises(outdir)).toBe(false);
    expect(cloudFormationSource.recognises(path.join(dir, 'cdk.out'))).toBe(true);
  });

  test('a mixed directory: each file read by the source that recognises it, the others skipped and listed', () => {
    const mixed = mkdir('mixed');
    fs.copyFileSync(template, path.join(mixed, 'keys.json'));
    fs.writeFileSync(path.join(mixed, 'plan.out'), 'fake-plan\nkey audit\nkey data\n');
    fs.writeFileSync(path.join(mixed, 'README.md'), '# Infrastructure\n');
    fs.writeFileSync(path.join(mixed, 'package.json'), JSON.stringify({ name: 'infra' }));
    const input = loadInput([mixed], { sources: [...SOURCES, fakeSource] });
    expect([...input.graph.all()].map((r) => `${r.source} ${r.type}`).sort()).toEqual([
      'cloudformation AWS::KMS::Key',
      'terraform fake_key',
      'terraform fake_key',
    ]);
    expect(input.skipped).toEqual([path.join(mixed, 'README.md'), path.join(mixed, 'package.json')]);
    // Without the fake source, its plan is one more file skipped.
    expect(loadInput([mixed]).skipped).toEqual([
      path.join(mixed, 'README.md'),
      path.join(mixed, 'package.json'),
      path.join(mixed, 'plan.out'),
    ]);
  });

  test('a template is recognised wherever it names its sections, and not when it holds a NUL byte', () => {
    const far = mkdir('far');
    const text = fs.readFileSync(template, 'utf8');
    const body = JSON.parse(text) as Record<string, unknown>;
    fs.writeFileSync(
      path.join(far, 'late.json'),
      JSON.stringify({ Description: 'x'.repeat(20_000), ...body }),
    );
    fs.writeFileSync(path.join(far, 'nul.json'), `${text}${' '.repeat(20_000)}\u0000`);
    const input = loadInput([far]);
    expect(input.artifacts.map((a) => path.basename(a.file))).toEqual(['late.json']);
    expect(input.skipped).toEqual([path.join(far, 'nul.json')]);
  });

  test('one template of 200,000 resources is read whole', () => {
    // Hand-written: more resources in one artifact than a call takes arguments.
    const resources: Record<string, unknown> = {};
    for (let i = 0; i < 200_000; i++) resources[`Topic${i}`] = { Type: 'AWS::SNS::Topic' };
    const file = path.join(dir, 'large.json');
    fs.writeFileSync(file, JSON.stringify({ Resources: resources }));
    const input = loadInput([file]);
    expect(input.graph.size).toBe(200_000);
    expect(input.artifacts).toEqual([{ stack: 'large', file, resources: 200_000 }]);
  });

  test('a Terraform plan or configuration naming `Resources` below its top level (a tag) is read as Terraform', () => {
    // A real plan and a real CDK for Terraform synthesis, each given a tag or local named like a template section.
    const original = path.join(
      root,
      'test/fixtures/terraform/terraform-plans/regula__aws-ebs-volume-encryption.json',
    );
    const plan = JSON.parse(fs.readFileSync(original, 'utf8')) as {
      planned_values: { root_module: { resources: { values: { tags: unknown } }[] } };
    };
    plan.planned_values.root_module.resources[0]!.values.tags = { Resources: 'shared' };
    const tagged = mkdir('tagged');
    const planFile = path.join(tagged, 'plan.json');
    fs.writeFileSync(planFile, JSON.stringify(plan));
    const synthesized = JSON.parse(
      fs.readFileSync(
        path.join(
          root,
          'test/fixtures/terraform/cdktf/checkov__aws-s3-bucket-versioning-appstack.cdk.tf.json',
        ),
        'utf8',
      ),
    ) as Record<string, unknown>;
    const config = path.join(tagged, 'cdk.tf.json');
    fs.writeFileSync(config, JSON.stringify({ ...synthesized, locals: { Resources: 'shared' } }, null, 2));
    expect(cloudFormationSource.recognises(planFile)).toBe(false);
    expect(cloudFormationSource.recognises(config)).toBe(false);
    const types = (p: string) => [...loadInput([p]).graph.all()].map((r) => `${r.source} ${r.type}`);
    expect(types(planFile)).toEqual(types(original));
    expect(types(planFile)).toContain('terraform aws_ebs_volume');
    expect(loadInput([tagged]).artifacts.map((a) => path.basename(a.file))).toEqual([
      'cdk.tf.json',
      'plan.json',
    ]);
  });

  test('a JSON template is recognised by its top-level sections only, wherever they are', () => {
    const text = fs.readFileSync(template, 'utf8');
    const body = JSON.parse(text) as Record<string, unknown>;
    const probe = (name: string, content: string) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, content);
      return cloudFormationSource.recognises(file);
    };
    // Hand-written edge cases around a real template.
    expect(probe('minified.json', JSON.stringify(body))).toBe(true);
    expect(probe('byte-order-mark.json', `\uFEFF${text}`)).toBe(true);
    expect(probe('escaped.json', text.replace('"Resources"', '"Resourc\\u0065s"'))).toBe(true);
    expect(probe('nested.json', JSON.stringify({ Template: body }))).toBe(false);
    expect(probe('in-string.json', JSON.stringify({ Body: text }))).toBe(false);
    expect(probe('list.json', JSON.stringify([body]))).toBe(false);
  });

  test('a directory where no file is recognised is an input error', () => {
    const none = mkdir('none');
    fs.writeFileSync(path.join(none, 'README.md'), '# Infrastructure\n');
    expect(() => loadInput([none])).toThrow(/none: the directory has no templates/);
  });
});

describe('the adapter registry is keyed by (source, type)', () => {
  test('an adapter serves only the source it is registered for', () => {
    const registry = adaptersForAll([...SOURCES, fakeSource]);
    const key = (source: Resource['source'], type: string): Resource => ({
      address: `${source}.${type}`,
      type,
      source,
      properties: {},
      tags: {},
    });
    const resources = [
      key('terraform', 'fake_key'),
      key('cloudformation', 'fake_key'),
      key('pulumi', 'AWS::KMS::Key'),
    ];
    const views = new ViewSet(new ResourceGraph(resources), registry);
    expect(resources.map((r) => views.of(r).map((v) => v.kind))).toEqual([['key'], [], []]);
    expect(registry.adapterFor('cloudformation', 'AWS::KMS::Key')).toBeDefined();
    expect(registry.adapterFor('terraform', 'AWS::KMS::Key')).toBeUndefined();
  });

  test('live reads use the CloudFormation shapes because they register them for `live`', () => {
    const live = liveAdapters();
    expect(live.adapterFor('live', 'AWS::S3::Bucket')).toBeDefined();
    expect(live.adapterFor('cloudformation', 'AWS::S3::Bucket')).toBeUndefined();
    expect(adaptersForAll().adapterFor('live', 'AWS::S3::Bucket')).toBeUndefined();
  });

  test('one (source, type) takes one adapter; the same type may have one per source', () => {
    const registry = new AdapterRegistry().register('terraform', 'x', () => undefined);
    expect(() => registry.register('pulumi', 'x', () => undefined)).not.toThrow();
    expect(() => registry.register('terraform', 'x', () => undefined)).toThrow(/already registered/);
  });
});

test('nothing in lib above the sources names the CloudFormation source or its adapters', () => {
  // The CloudFormation source and adapters themselves, the CDK constructs, the live collectors (which
  // shape live state as CloudFormation), the live adapters that reuse the CloudFormation ones by
  // choice, and the package's public entry (lib/index.ts) may name them.
  const allowed = [
    'lib/sources/',
    'lib/views/cloudformation/',
    'lib/drift/collectors/',
    'lib/drift/adapters.ts',
    'lib/aws/',
    'lib/index.ts',
  ];
  const named =
    /\b(?:cloudFormationAdapters|cloudFormationSource|readCloudAssembly|readTemplateFile|readTemplateDirectory|isCloudAssembly)\b|from '[./]*(?:sources|views)\/cloudformation(?:\/[^']*)?'/;
  const files = (d: string): string[] =>
    fs.readdirSync(path.join(root, d), { withFileTypes: true }).flatMap((e) => {
      const rel = `${d}/${e.name}`;
      return e.isDirectory() ? files(rel) : e.name.endsWith('.ts') ? [rel] : [];
    });
  const offenders = files('lib').filter(
    (f) => !allowed.some((a) => f.startsWith(a)) && named.test(fs.readFileSync(path.join(root, f), 'utf8')),
  );
  expect(offenders).toEqual([]);
});
