import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkGraph } from '../../lib/check';
import { InputError } from '../../lib/errors';
import { ResourceGraph } from '../../lib/graph/graph';
import { ResourceRef, Unknown } from '../../lib/graph/values';
import { FORMATS, render } from '../../lib/report';
import { buildReport } from '../../lib/report/model';
import { AFTER_APPLY, isTerraformArtifact, readTerraform, REDACTED } from '../../lib/sources/terraform';
import { tagsOf } from '../../lib/sources/terraform/file';
import { adaptersForAll, loadInput } from '../../lib/sources';
import { ViewSet } from '../../lib/views/registry';

const PLANS = path.join(__dirname, '..', 'fixtures', 'terraform', 'terraform-plans');
const HAND = path.join(__dirname, '..', 'fixtures', 'hand-written');
const REAL_WORLD = path.join(__dirname, '..', 'fixtures', 'real-world');
/** A plan written by Terraform 1.11 and AWS provider 5.100.0 from `main.tf` beside it (data services). */
const GENERATED_DATA_SERVICES = path.join(
  __dirname,
  '..',
  'fixtures',
  'terraform',
  'generated-plans',
  'aws-data-services',
  'plan.json',
);
/** A plan written by Terraform 1.11 and AWS provider 5.100.0 from `main.tf` beside it (endpoints). */
const GENERATED_ENDPOINTS = path.join(
  __dirname,
  '..',
  'fixtures',
  'terraform',
  'generated-plans',
  'aws-endpoints',
  'plan.json',
);
const plan = (name: string) => path.join(PLANS, name);

type Json = Record<string, unknown>;
const objs = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);

/**
 * Resource instances a plan describes, counted straight from the JSON: changes that are not only
 * deletes, plus resources of `planned_values` and data sources of `prior_state` that no change names
 * (child module addresses made absolute, instance keys from `index`).
 */
function countInstances(file: string): number {
  const body = JSON.parse(fs.readFileSync(file, 'utf8')) as Json;
  const key = (r: Json, mod: string) => {
    let a = String(r.address);
    if (mod && !a.startsWith(`${mod}.`)) a = `${mod}.${a}`;
    if (r.index !== undefined && r.index !== null && !a.endsWith(']')) a += JSON.stringify([r.index]);
    return a;
  };
  const changed = new Set<string>();
  const seen = new Set<string>();
  for (const rc of objs(body.resource_changes)) {
    const a = key(rc, String(rc.module_address ?? ''));
    changed.add(a);
    const actions = (rc.change as Json).actions as string[];
    if (!(actions.length === 1 && actions[0] === 'delete')) seen.add(a);
  }
  const walk = (m: Json | undefined, keep: (r: Json) => boolean) => {
    if (!m) return;
    for (const r of objs(m.resources)) {
      const a = key(r, String(m.address ?? ''));
      if (keep(r) && !changed.has(a)) seen.add(a);
    }
    for (const c of objs(m.child_modules)) walk(c, keep);
  };
  walk((body.planned_values as Json | undefined)?.root_module as Json, () => true);
  walk(
    ((body.prior_state as Json | undefined)?.values as Json | undefined)?.root_module as Json,
    (r) => r.mode === 'data',
  );
  return seen.size;
}

describe('Terraform source: real plans', () => {
  const files = fs.readdirSync(PLANS).filter((f) => f.endsWith('.json'));

  it('has the 27 shared plans', () => {
    expect(files).toHaveLength(27);
  });

  it.each(files)('%s loads with every resource instance read, each with its file and line', (name) => {
    const file = plan(name);
    expect(isTerraformArtifact(file)).toBe(true);
    const read = readTerraform(file);
    expect(read.resources).toHaveLength(countInstances(file));
    expect(read.resources.length).toBeGreaterThan(0);
    expect(read.templates).toEqual([
      { stack: name.replace(/\.json$/, ''), file, resources: read.resources.length },
    ]);
    for (const r of read.resources) {
      expect(r.source).toBe('terraform');
      expect(r.location?.file).toBe(file);
      expect(r.location?.line).toBeGreaterThanOrEqual(1);
    }
    expect(new Set(read.resources.map((r) => r.address)).size).toBe(read.resources.length);
    // A complete plan expands every count and for_each: nothing is left unread.
    expect(read.incomplete).toEqual([]);
  });

  it('places a resource at the line and column of its object in the plan', () => {
    const file = plan('checkov__aws-s3-public-access-block-nested-modules.json');
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    for (const r of readTerraform(file).resources) {
      const { line, column } = r.location!;
      const at = [lines[line! - 1]!.slice(column! - 1), ...lines.slice(line!)].join('\n');
      expect(at.startsWith('{')).toBe(true);
      // The object's first key is the address Terraform wrote (module-relative or absolute).
      const last = (r.logicalId ?? '')
        .split('.')
        .pop()!
        .replace(/[[\]"]/g, '.');
      expect(at).toMatch(new RegExp(`^\\{\\s*"address":\\s*"[^"]*${last}`));
    }
  });

  it('addresses resources in child modules and for_each instances of modules and resources', () => {
    const nested = readTerraform(plan('checkov__aws-s3-public-access-block-nested-modules.json')).resources;
    expect(nested.map((r) => r.address)).toEqual(
      expect.arrayContaining([
        'module.s3_bucket.aws_s3_bucket.this[0]',
        'module.s3_module.module.s3_submodule.aws_s3_bucket.submodule_bucket',
        'module.s3_bucket.data.aws_canonical_user_id.this',
      ]),
    );
    const forEach = readTerraform(plan('checkov__aws-sg-for-each-route53.json')).resources.map(
      (r) => r.address,
    );
    expect(forEach).toEqual(
      expect.arrayContaining([
        'aws_route53_zone.example["example.com"]',
        'module.sg["awful_example"].aws_security_group.bad',
        'module.sg["terrible_example"].aws_security_group.bad',
      ]),
    );
  });

  it('makes module-relative addresses of format 0.1 plans absolute, with their instance keys', () => {
    const read = readTerraform(plan('terraform-compliance__aws-alb-https-listener-tls-policy-stack.json'));
    const addresses = read.resources.map((r) => r.address);
    expect(addresses).toEqual(
      expect.arrayContaining([
        'module.alb.module.data-tags.data.aws_route53_zone.public[0]',
        'module.myapp-asg.module.iam.aws_iam_role.role',
      ]),
    );
    expect(addresses).not.toContain('data.aws_region.current');
  });

  it('reads data sources as `data.<type>`, with values from prior_state', () => {
    const read = readTerraform(plan('terraform-compliance__aws-alb-https-listener-tls-policy-stack.json'));
    const ami = read.resources.find((r) => r.address === 'data.aws_ami.latest_centos_ami')!;
    expect(ami.type).toBe('data.aws_ami');
    expect(ami.properties.owners).toEqual(['147721705183']);
    expect(ami.identities).toEqual([]);
  });

  it('turns an unknown value whose expression references one resource into a ResourceRef, attribute kept', () => {
    const read = readTerraform(plan('checkov__aws-s3-public-access-block-nested-modules.json'));
    const get = (a: string) => read.resources.find((r) => r.address === a)!;
    expect(get('aws_s3_bucket_public_access_block.root').properties.bucket).toEqual(
      new ResourceRef('aws_s3_bucket.root_bucket', 'id'),
    );
    expect(
      get('module.s3_module.module.s3_submodule.aws_s3_bucket_public_access_block.submodule_bucket')
        .properties.bucket,
    ).toEqual(new ResourceRef('module.s3_module.module.s3_submodule.aws_s3_bucket.submodule_bucket', 'id'));
    // element(concat(aws_s3_bucket_policy.this.*.id, aws_s3_bucket.this.*.id), 0): the policy has no instance.
    expect(get('module.s3_bucket.aws_s3_bucket_public_access_block.this[0]').properties.bucket).toEqual(
      new ResourceRef('module.s3_bucket.aws_s3_bucket.this[0]', 'id'),
    );
  });

  it('keeps refs to every instance a reference may name, in an Unknown', () => {
    const read = readTerraform(plan('checkov__aws-iam-github-oidc-trust.json'));
    const role = read.resources.find((r) => r.address === 'module.poc.aws_iam_role.r1["p1"]')!;
    const policy = role.properties.assume_role_policy;
    expect(policy).toBeInstanceOf(Unknown);
    expect((policy as Unknown).refs.map((r) => r.address)).toEqual([
      'module.poc.data.aws_iam_policy_document.r3["p1"]',
      'module.poc.data.aws_iam_policy_document.r3["p2"]',
    ]);
  });

  it('marks values known only after apply as Unknown, and keeps known values', () => {
    const [bucket] = readTerraform(plan('terraform-compliance__aws-s3-no-encryption.json')).resources;
    expect(bucket!.properties.arn).toEqual(new Unknown(AFTER_APPLY));
    expect(bucket!.properties.acl).toBe('private');
  });

  it('does not say whether a resource is kept on destroy: a plan carries no lifecycle blocks', () => {
    const [bucket] = readTerraform(plan('terraform-compliance__aws-s3-no-encryption.json')).resources;
    expect(bucket!.retainOnDelete).toBeUndefined();
    const views = new ViewSet(new ResourceGraph([bucket!]), adaptersForAll()).of(bucket!);
    expect(views).toEqual(
      expect.arrayContaining([expect.objectContaining({ retainedOnDelete: expect.any(Unknown) as unknown })]),
    );
  });

  it('links a split resource to its bucket by reference and by known name', () => {
    const read = readTerraform(plan('regula__aws-s3-bucket-policy-allowlist.json'));
    const graph = new ResourceGraph(read.resources);
    for (const p of graph.ofType('aws_s3_bucket_policy')) {
      expect(graph.references(p.address, 'aws_s3_bucket')).toHaveLength(1);
    }
    const sse = readTerraform(plan('checkov__aws-s3-public-access-block.json'));
    const byName = sse.resources.find((r) => r.type === 'aws_s3_bucket')!;
    expect(byName.identities).toEqual(expect.arrayContaining([byName.properties.bucket]));
  });

  it('redacts sensitive values: their text reaches no resource and no report format', () => {
    const file = plan('snyk-policy-engine__aws-rds-db-instance-sensitive.json');
    expect(fs.readFileSync(file, 'utf8')).toContain('foobarbaz');
    const read = readTerraform(file);
    expect(read.resources[0]!.properties.password).toEqual(new Unknown(REDACTED));
    expect(JSON.stringify(read.resources)).not.toContain('foobarbaz');
    const { evaluation } = checkGraph(new ResourceGraph(read.resources), { suppressionsFile: undefined });
    const report = buildReport(evaluation, {
      inputs: [file],
      includePassed: true,
      incomplete: read.incomplete,
    });
    for (const format of FORMATS) expect(render(format, report)).not.toContain('foobarbaz');
  });

  it('reads a sensitive argument left unset as unset, and redacts one that is set', () => {
    const read = readTerraform(GENERATED_DATA_SERVICES);
    const group = (name: string) =>
      read.resources.find((r) => r.address === `aws_elasticache_replication_group.${name}`)!;
    expect(group('bare').properties.auth_token).toBeNull();
    expect(group('good').properties.auth_token).toEqual(new Unknown(REDACTED));
    expect(JSON.stringify(read.resources)).not.toContain('a-placeholder-token');
  });

  it('pairs blocks of a set type with their configuration blocks, whatever order the plan lists them in', () => {
    // `main.tf` declares the bucket origin first; the plan lists the custom origin first.
    const read = readTerraform(GENERATED_ENDPOINTS);
    const cdn = read.resources.find((r) => r.address === 'aws_cloudfront_distribution.good')!;
    const origins = objs(cdn.properties.origin);
    expect(origins.map((o) => o.origin_id)).toEqual(['app', 'site']);
    const site = origins[1]!;
    expect(site.origin_access_control_id).toEqual(
      new ResourceRef('aws_cloudfront_origin_access_control.site', 'id'),
    );
    expect(site.domain_name).toEqual(new ResourceRef('aws_s3_bucket.site', 'bucket_regional_domain_name'));
    expect(origins[0]!.origin_access_control_id).toBe('');
  });

  it('gives the values known only after apply inside an attribute written as blocks the references of its expression', () => {
    // `route { gateway_id = aws_internet_gateway.main.id }` of an `aws_route_table` is one expression.
    const read = readTerraform(GENERATED_ENDPOINTS);
    const table = read.resources.find((r) => r.address === 'aws_route_table.public')!;
    const gateway = objs(table.properties.route)[0]!.gateway_id as Unknown;
    expect(gateway).toBeInstanceOf(Unknown);
    expect(gateway.refs.map((r) => r.address)).toEqual(['aws_internet_gateway.main']);
    expect(objs(table.properties.route)[0]!.cidr_block).toBe('0.0.0.0/0');
  });

  it('does not judge a resource being deleted, judges a replaced one, and ignores keys it does not know', () => {
    const read = readTerraform(path.join(HAND, 'terraform-plan-delete-replace-incomplete.json'));
    expect(read.resources.map((r) => r.address)).toEqual(['aws_s3_bucket.kept']);
    expect(read.resources[0]!.properties.bucket).toBe('kept-bucket');
  });

  it('reports a count declaration without instances in a plan that is not complete', () => {
    const read = readTerraform(path.join(HAND, 'terraform-plan-delete-replace-incomplete.json'));
    expect(read.incomplete).toEqual([expect.stringContaining('`aws_s3_bucket.many` has `count`')]);
  });

  it('reads a plan saved as UTF-16 with a byte-order mark', () => {
    const src = plan('regula__aws-kms-key-rotation.json');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-tf-'));
    const file = path.join(dir, 'plan.json');
    fs.writeFileSync(
      file,
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fs.readFileSync(src, 'utf8'), 'utf16le')]),
    );
    expect(isTerraformArtifact(file)).toBe(true);
    expect(readTerraform(file).resources.map((r) => r.logicalId)).toEqual(
      readTerraform(src).resources.map((r) => r.logicalId),
    );
  });

  it('reads a directory of plans, each under its file name', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-tf-'));
    for (const n of ['regula__aws-kms-key-rotation.json', 'regula__aws-ebs-volume-encryption.json'])
      fs.copyFileSync(plan(n), path.join(dir, n));
    expect(isTerraformArtifact(dir)).toBe(true);
    const read = readTerraform(dir);
    expect(read.templates.map((t) => t.stack)).toEqual([
      'regula__aws-ebs-volume-encryption',
      'regula__aws-kms-key-rotation',
    ]);
    expect(read.resources.map((r) => r.address)).toContain(
      'regula__aws-kms-key-rotation/aws_kms_key.invalid',
    );
  });

  it('reads a directory of plans that also holds a CloudFormation template: both, never the plans alone', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-tf-'));
    fs.copyFileSync(plan('regula__aws-kms-key-rotation.json'), path.join(dir, 'plan.json'));
    const template = path.join(
      REAL_WORLD,
      'aws-cloudformation-templates',
      'autoscaling-multi-az-notifications.yaml',
    );
    fs.copyFileSync(template, path.join(dir, 'stack.yaml'));
    const resources = [...loadInput([dir]).graph.all()];
    expect(new Set(resources.map((r) => r.source))).toEqual(new Set(['terraform', 'cloudformation']));
    expect(resources.some((r) => r.address === 'plan/aws_kms_key.invalid')).toBe(true);
    expect(resources.some((r) => r.type === 'AWS::AutoScaling::AutoScalingGroup')).toBe(true);
  });

  it('takes tags from tags_all, else tags; unknown tags make the classification unknown', () => {
    expect(tagsOf({ tags: { a: '1' }, tags_all: { a: '1', 'data-classification': 'restricted' } })).toEqual({
      a: '1',
      'data-classification': 'restricted',
    });
    expect(tagsOf({ tags: { a: '1' }, tags_all: new Unknown(AFTER_APPLY) })).toEqual({ a: '1' });
    expect(tagsOf({ tags: new Unknown(AFTER_APPLY) })['data-classification']).toBeInstanceOf(Unknown);
  });
});

describe('Terraform source: bad plans', () => {
  const fails = (file: string) => {
    try {
      readTerraform(file);
    } catch (e) {
      return e as Error;
    }
    throw new Error('expected an input error');
  };

  it('refuses a format_version of another major, naming the file', () => {
    const file = path.join(HAND, 'terraform-plan-unsupported-version.json');
    expect(isTerraformArtifact(file)).toBe(true);
    const e = fails(file);
    expect(e).toBeInstanceOf(InputError);
    expect(e.message).toMatch(
      /terraform-plan-unsupported-version\.json: unsupported plan format_version 2\.0/,
    );
    expect(e.message).not.toContain('\n');
  });

  it('refuses a truncated plan, naming the file and where it ends', () => {
    const file = path.join(HAND, 'terraform-plan-truncated.json');
    expect(isTerraformArtifact(file)).toBe(true);
    const e = fails(file);
    expect(e).toBeInstanceOf(InputError);
    expect(e.message).toMatch(/terraform-plan-truncated\.json:\d+:\d+: the JSON ends early/);
    expect(e.message).not.toContain('\n');
  });

  it('does not take a CloudFormation template for a Terraform artifact', () => {
    expect(isTerraformArtifact(path.join(HAND, 'prototype-keys.template.json'))).toBe(false);
  });

  it('recognises a plan whose keys stand apart from their colons, and a truncated configuration whose keys are followed by no-break spaces', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-tf-'));
    // Hand-written from a real plan: every key and its colon apart, across a line break.
    const spaced = path.join(dir, 'spaced.json');
    const text = fs.readFileSync(plan('regula__aws-kms-key-rotation.json'), 'utf8');
    fs.writeFileSync(spaced, text.replace(/":/g, '"\r\n\t :'));
    expect(isTerraformArtifact(spaced)).toBe(true);
    expect(readTerraform(spaced).resources.map((r) => r.address)).toContain('aws_kms_key.invalid');
    // Hand-written: no JSON, but it names a configuration's keys, so reading it says what is wrong.
    const nbsp = path.join(dir, 'nbsp.tf.json');
    fs.writeFileSync(nbsp, '{"terraform"\u00a0: {}, "resource"\u00a0: {"aws_s3_bucket": {');
    expect(isTerraformArtifact(nbsp)).toBe(true);
    expect(() => readTerraform(nbsp)).toThrow(/nbsp\.tf\.json:1:\d+: invalid JSON/);
    // Hand-written: the names only as values, or as keys of other names.
    const other = path.join(dir, 'other.json');
    fs.writeFileSync(
      other,
      '{"format_version_": "1.2", "planned_values": {}, "x": "resource", "data_": {"//x": 1}}',
    );
    expect(isTerraformArtifact(other)).toBe(false);
  });
});
