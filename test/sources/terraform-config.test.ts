import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  App,
  Fn,
  LocalBackend,
  TerraformLocal,
  TerraformOutput,
  TerraformStack,
  TerraformVariable,
} from 'cdktf';
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { Instance } from '@cdktf/provider-aws/lib/instance';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { InputError } from '../../lib/errors';
import { ResourceGraph } from '../../lib/graph/graph';
import type { Resource } from '../../lib/graph/resource';
import { get, ResourceRef, Unknown } from '../../lib/graph/values';
import { isTerraformArtifact, readTerraform } from '../../lib/sources/terraform';

const CDKTF = path.join(__dirname, '..', 'fixtures', 'terraform', 'cdktf');
const HAND = path.join(__dirname, '..', 'fixtures', 'hand-written');

describe('Terraform source: real cdk.tf.json files', () => {
  const files = fs.readdirSync(CDKTF).filter((f) => f.endsWith('.json'));

  it('has the 3 shared files', () => {
    expect(files).toHaveLength(3);
  });

  it.each(files)('%s loads with every resource and data block read, with construct path and line', (name) => {
    const file = path.join(CDKTF, name);
    expect(isTerraformArtifact(file)).toBe(true);
    const body = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<
      string,
      Record<string, Record<string, unknown>>
    >;
    const declared = (['resource', 'data'] as const).flatMap((k) =>
      Object.entries(body[k] ?? {}).flatMap(([type, byName]) =>
        Object.keys(byName).map((n) => `${k === 'data' ? 'data.' : ''}${type}.${n}`),
      ),
    );
    const read = readTerraform(file);
    expect(read.resources.map((r) => r.address).sort()).toEqual(declared.sort());
    expect(read.incomplete).toEqual([]);
    const text = fs.readFileSync(file, 'utf8').split('\n');
    for (const r of read.resources) {
      expect(r.source).toBe('terraform');
      expect(r.location?.file).toBe(file);
      const name = r.address.split('.').pop()!;
      expect(text[r.location!.line! - 1]).toContain(`"${name}"`);
      if (!r.address.startsWith('data.')) expect(r.path).toMatch(/^[\w-]+\/[\w/-]+$/);
    }
  });

  it('resolves `${...}` references to resources as ResourceRefs and keeps templates as Unknowns with refs', () => {
    const read = readTerraform(path.join(CDKTF, 'regula__aws-cloudfront-s3-frontend-dev.cdk.tf.json'));
    const policy = read.resources.find((r) => r.type === 'aws_s3_bucket_policy')!;
    expect(policy.path).toBe('frontend-dev/frontend/s3_policy');
    expect(policy.properties.bucket).toEqual(new ResourceRef('aws_s3_bucket.frontend_bucket_EFDC2F3F', 'id'));
    const doc = policy.properties.policy as Unknown;
    expect(doc).toBeInstanceOf(Unknown);
    expect(doc.refs).toEqual([
      new ResourceRef('aws_s3_bucket.frontend_bucket_EFDC2F3F', 'arn'),
      new ResourceRef('aws_s3_bucket.frontend_bucket_EFDC2F3F', 'arn'),
    ]);
    const graph = new ResourceGraph(read.resources);
    expect(graph.references(policy.address).map((r) => r.address)).toEqual([
      'aws_s3_bucket.frontend_bucket_EFDC2F3F',
    ]);
    const remote = read.resources.find((r) => r.type === 'data.terraform_remote_state')!;
    expect(remote.properties.workspace).toEqual(
      new Unknown('`terraform.workspace` depends on the Terraform workspace', [], '${terraform.workspace}'),
    );
  });
});

/** Synthesize a CDKTF app into a fresh directory; returns the `cdktf.out` directory. */
function synth(build: (app: App) => void): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-cdktf-'));
  const app = new App({ outdir, skipValidation: true });
  build(app);
  app.synth();
  return outdir;
}

describe('Terraform source: a cdktf.out directory', () => {
  let outdir: string;
  let resources: Resource[];
  let incomplete: string[];
  const find = (address: string) => {
    const r = resources.find((x) => x.address === address);
    if (!r) throw new Error(`no ${address} in ${resources.map((x) => x.address).join(', ')}`);
    return r;
  };

  beforeAll(() => {
    outdir = synth((app) => {
      const stack = new TerraformStack(app, 'storage');
      new LocalBackend(stack, { path: 'terraform.tfstate' });
      new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
      const env = new TerraformVariable(stack, 'env', { type: 'string', default: 'prod' });
      const owner = new TerraformVariable(stack, 'owner', { type: 'string' });
      const prefix = new TerraformLocal(stack, 'prefix', `acme-${env.stringValue}`);
      const key = new KmsKey(stack, 'key', { enableKeyRotation: true, description: 'orders' });
      const bucket = new S3Bucket(stack, 'orders', {
        bucket: `${prefix.asString}-orders`,
        tags: { 'data-classification': 'confidential', owner: owner.stringValue },
      });
      new S3BucketServerSideEncryptionConfigurationA(stack, 'orders-sse', {
        bucket: bucket.id,
        rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: key.arn } }],
      });
      const doc = new DataAwsIamPolicyDocument(stack, 'tls-only', {
        statement: [
          {
            effect: 'Deny',
            actions: ['s3:*'],
            resources: [bucket.arn, `${bucket.arn}/*`],
            principals: [{ type: '*', identifiers: ['*'] }],
            condition: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] }],
          },
        ],
      });
      new S3BucketPolicy(stack, 'orders-policy', { bucket: bucket.bucket, policy: doc.json });
      new S3Bucket(stack, 'logs', { bucketPrefix: Fn.lower(owner.stringValue), count: 2 });
      new Instance(stack, 'web', {
        ami: 'ami-12345678',
        instanceType: 't3.micro',
        userData: '%{ if true }echo hello%{ endif }',
      });
      new TerraformOutput(stack, 'bucket-arn', { value: bucket.arn });
      new TerraformStack(app, 'empty-network');
      const second = new TerraformStack(app, 'audit');
      new AwsProvider(second, 'aws', { region: 'eu-west-1' });
      new S3Bucket(second, 'orders', { bucket: 'audit-orders' });
    });
    const read = readTerraform(outdir);
    resources = read.resources;
    incomplete = read.incomplete;
  });

  it('is recognised by its manifest, and reads every stack under its name', () => {
    expect(isTerraformArtifact(outdir)).toBe(true);
    expect(resources.map((r) => r.address).sort()).toEqual([
      'audit/aws_s3_bucket.orders',
      'storage/aws_instance.web',
      'storage/aws_kms_key.key',
      'storage/aws_s3_bucket.logs',
      'storage/aws_s3_bucket.orders',
      'storage/aws_s3_bucket_policy.orders-policy',
      'storage/aws_s3_bucket_server_side_encryption_configuration.orders-sse',
      'storage/data.aws_iam_policy_document.tls-only',
    ]);
    const bucket = find('storage/aws_s3_bucket.orders');
    expect(bucket.logicalId).toBe('aws_s3_bucket.orders');
    expect(bucket.stack).toBe('storage');
    expect(bucket.path).toBe('storage/orders');
    expect(bucket.location?.file).toBe(path.join(outdir, 'stacks', 'storage', 'cdk.tf.json'));
    expect(bucket.location?.line).toBeGreaterThan(1);
  });

  it('resolves variables with defaults and locals, and keeps a variable without default as an Unknown', () => {
    const bucket = find('storage/aws_s3_bucket.orders');
    expect(bucket.properties.bucket).toBe('acme-prod-orders');
    expect(bucket.identities).toEqual(
      expect.arrayContaining(['acme-prod-orders', 'arn:aws:s3:::acme-prod-orders']),
    );
    expect(bucket.tags['data-classification']).toBe('confidential');
    expect(bucket.tags.owner).toEqual(new Unknown('variable `owner` has no default', [], '${var.owner}'));
  });

  it('turns references to resources and data sources into ResourceRefs with their attribute', () => {
    const sse = find('storage/aws_s3_bucket_server_side_encryption_configuration.orders-sse');
    expect(sse.properties.bucket).toEqual(new ResourceRef('storage/aws_s3_bucket.orders', 'id'));
    expect(
      get(sse.properties.rule, 0, 'apply_server_side_encryption_by_default', 'kms_master_key_id'),
    ).toEqual(new ResourceRef('storage/aws_kms_key.key', 'arn'));
    const policy = find('storage/aws_s3_bucket_policy.orders-policy');
    expect(policy.properties.policy).toEqual(
      new ResourceRef('storage/data.aws_iam_policy_document.tls-only', 'json'),
    );
    expect(policy.properties.bucket).toEqual(new ResourceRef('storage/aws_s3_bucket.orders', 'bucket'));
    const doc = find('storage/data.aws_iam_policy_document.tls-only');
    expect(doc.type).toBe('data.aws_iam_policy_document');
    const resourcesOf = get(doc.properties.statement, 0, 'resources') as unknown[];
    expect(resourcesOf[0]).toEqual(new ResourceRef('storage/aws_s3_bucket.orders', 'arn'));
    expect(resourcesOf[1]).toEqual(
      new Unknown(
        'refers to `storage/aws_s3_bucket.orders.arn`',
        [new ResourceRef('storage/aws_s3_bucket.orders', 'arn')],
        '${aws_s3_bucket.orders.arn}/*',
      ),
    );
  });

  it('keeps function calls and template directives as Unknowns saying why', () => {
    const logs = find('storage/aws_s3_bucket.logs');
    expect(logs.properties.bucket_prefix).toBeInstanceOf(Unknown);
    expect((logs.properties.bucket_prefix as Unknown).reason).toBe('function `lower` is not evaluated');
    const web = find('storage/aws_instance.web');
    expect(web.properties.user_data).toBeInstanceOf(Unknown);
    expect((web.properties.user_data as Unknown).reason).toMatch(
      /template directive `%\{ if true \}` is not evaluated/,
    );
  });

  it('reports count as an unknown multiplicity, and reads no provider, backend or output as a resource', () => {
    expect(incomplete).toEqual([
      expect.stringMatching(/^storage: `aws_s3_bucket\.logs` has `count` \(2\).*unknown multiplicity/),
    ]);
    expect(resources.some((r) => /provider|backend|output/.test(r.type))).toBe(false);
  });

  it('reads one stack file alone under its own addresses', () => {
    const read = readTerraform(path.join(outdir, 'stacks', 'audit', 'cdk.tf.json'));
    expect(read.resources.map((r) => r.address)).toEqual(['aws_s3_bucket.orders']);
    expect(read.templates[0]!.stack).toBe('audit');
  });
});

describe('Terraform source: provider default_tags', () => {
  it("adds the default tags of the resource's provider configuration under its own tags", () => {
    const outdir = synth((app) => {
      const stack = new TerraformStack(app, 'tagged');
      new AwsProvider(stack, 'aws', {
        region: 'eu-west-1',
        defaultTags: [{ tags: { 'data-classification': 'internal', team: 'data' } }],
      });
      const west = new AwsProvider(stack, 'west', {
        region: 'us-west-2',
        alias: 'west',
        defaultTags: [{ tags: { 'data-classification': 'restricted' } }],
      });
      new S3Bucket(stack, 'plain', { bucket: 'plain' });
      new S3Bucket(stack, 'own', { bucket: 'own', tags: { 'data-classification': 'confidential' } });
      new S3Bucket(stack, 'aliased', { bucket: 'aliased', provider: west });
    });
    const { resources } = readTerraform(path.join(outdir, 'stacks', 'tagged', 'cdk.tf.json'));
    const tags = (name: string) => resources.find((r) => r.address.endsWith(`aws_s3_bucket.${name}`))!.tags;
    expect(tags('plain')).toEqual({ 'data-classification': 'internal', team: 'data' });
    expect(tags('own')).toEqual({ 'data-classification': 'confidential', team: 'data' });
    expect(tags('aliased')).toEqual({ 'data-classification': 'restricted' });
  });
});

describe('Terraform source: bad cdk.tf.json', () => {
  it('refuses an interpolation that cannot be parsed, naming the file and the resource', () => {
    const file = path.join(HAND, 'terraform-config-unbalanced-interpolation.json');
    expect(isTerraformArtifact(file)).toBe(true);
    let error: unknown;
    try {
      readTerraform(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    const message = (error as Error).message;
    expect(message).toMatch(
      /terraform-config-unbalanced-interpolation\.json: `aws_s3_bucket\.logs`: an interpolation cannot be parsed \(unbalanced `\$\{`/,
    );
    expect(message).not.toContain('\n');
  });
});
