import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * The package users install: `npm pack` builds the tarball, a scratch project installs it (with the
 * CDK, CDKTF and Pulumi as its own dependencies, as an app has them) and loads every documented entry
 * point and the bin.
 */
const root = path.join(__dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  devDependencies: Record<string, string>;
};
let work: string;
let tarball: string;
let project: string;

const npm = (args: string[], cwd: string): string =>
  execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-package-'));
  const packed = JSON.parse(npm(['pack', '--json', '--pack-destination', work], root)) as {
    filename: string;
  }[];
  tarball = path.join(work, packed[0]!.filename);
  project = path.join(work, 'app');
  fs.mkdirSync(project);
  fs.writeFileSync(
    path.join(project, 'package.json'),
    JSON.stringify({ name: 'scratch-app', version: '1.0.0', private: true }),
  );
  npm(
    [
      'install',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      tarball,
      `aws-cdk-lib@${pkg.devDependencies['aws-cdk-lib']}`,
      `constructs@${pkg.devDependencies['constructs']}`,
      `cdktf@${pkg.devDependencies['cdktf']}`,
      `@cdktf/provider-aws@${pkg.devDependencies['@cdktf/provider-aws']}`,
      `@pulumi/pulumi@${pkg.devDependencies['@pulumi/pulumi']}`,
      `@pulumi/azure-native@${pkg.devDependencies['@pulumi/azure-native']}`,
      `@pulumi/policy@${pkg.devDependencies['@pulumi/policy']}`,
    ],
    project,
  );
}, 600_000);

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

test('the tarball holds the built entry points, not tests, cases, maps or the reference app', () => {
  const list = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean);
  for (const f of [
    'package/dist/lib/index.js',
    'package/dist/lib/index.d.ts',
    'package/dist/lib/cdk/index.js',
    'package/dist/lib/aws/index.js',
    'package/dist/lib/terraform/index.js',
    'package/dist/lib/azure/index.js',
    'package/dist/lib/pulumi/index.js',
    'package/dist/lib/sources/pulumi/runner.js',
    'package/dist/bin/bulwark.js',
    'package/README.md',
  ]) {
    expect(list).toContain(f);
  }
  expect(list.filter((f) => /\/test\/|\.cases\.|\.map$|\.ts$(?<!\.d\.ts)|dist\/bin\/app\./.test(f))).toEqual(
    [],
  );
});

test('a JavaScript project loads every entry point', () => {
  const script = `
    const core = require('bulwark');
    const cdk = require('bulwark/cdk');
    const aws = require('bulwark/aws');
    const tf = require('bulwark/terraform');
    const azure = require('bulwark/azure');
    const pulumi = require('bulwark/pulumi');
    console.log(JSON.stringify({
      checkPaths: typeof core.checkPaths,
      rules: core.RULES.length,
      render: typeof core.render,
      writeDriftOutputs: typeof core.writeDriftOutputs,
      plugin: typeof cdk.BulwarkValidationPlugin,
      store: typeof aws.ClassifiedObjectStore,
      vpc: typeof aws.SegmentedVpc,
      tfStore: typeof tf.ClassifiedObjectStore,
      tfNetwork: typeof tf.SegmentedNetwork,
      tfAudit: typeof tf.AuditTrailSink,
      tfBackup: typeof tf.ClassifiedBackup,
      tfKey: typeof tf.ClassifiedKey,
      azureStorage: typeof azure.ClassifiedStorageAccount,
      azureNetwork: typeof azure.SegmentedVirtualNetwork,
      policies: pulumi.bulwarkPolicies().length,
      policyPack: typeof pulumi.bulwarkPolicyPack,
    }));`;
  const out = JSON.parse(execFileSync('node', ['-e', script], { cwd: project, encoding: 'utf8' })) as Record<
    string,
    unknown
  >;
  expect(out).toEqual({
    checkPaths: 'function',
    rules: expect.any(Number),
    render: 'function',
    // DriftDetectionSchedule's build converts the drift report to ASFF with it.
    writeDriftOutputs: 'function',
    plugin: 'function',
    store: 'function',
    vpc: 'function',
    tfStore: 'function',
    tfNetwork: 'function',
    tfAudit: 'function',
    tfBackup: 'function',
    tfKey: 'function',
    azureStorage: 'function',
    azureNetwork: 'function',
    policies: expect.any(Number),
    policyPack: 'function',
  });
  expect(out.rules as number).toBeGreaterThan(100);
  // One stack policy per rule of the default pack, and the not-judged one.
  expect(out.policies as number).toBeGreaterThan(100);
  // Only the documented entry points are importable.
  const internal = spawnSync('node', ['-e', "require('bulwark/dist/lib/check')"], {
    cwd: project,
    encoding: 'utf8',
  });
  expect(internal.status).not.toBe(0);
  expect(internal.stderr).toMatch(/ERR_PACKAGE_PATH_NOT_EXPORTED/);
});

test('a JavaScript CDK app checks itself with the plugin at synth', () => {
  const app = `
    const { App, Stack, Validations } = require('aws-cdk-lib');
    const s3 = require('aws-cdk-lib/aws-s3');
    const { BulwarkValidationPlugin } = require('bulwark/cdk');
    const { ClassifiedObjectStore, Classification } = require('bulwark/aws');
    const app = new App({ outdir: 'cdk.out' });
    Validations.of(app).addPlugins(new BulwarkValidationPlugin());
    const stack = new Stack(app, 'Shop');
    new ClassifiedObjectStore(stack, 'Orders', { classification: Classification.CONFIDENTIAL });
    if (process.env.INSECURE) new s3.CfnBucket(stack, 'Open', {
      publicAccessBlockConfiguration: { blockPublicAcls: false, blockPublicPolicy: false, ignorePublicAcls: false, restrictPublicBuckets: false },
    });
    app.synth();`;
  fs.writeFileSync(path.join(project, 'app.js'), app);
  const clean = spawnSync('node', ['app.js'], { cwd: project, encoding: 'utf8' });
  expect(clean.status).toBe(0);
  expect(fs.existsSync(path.join(project, 'cdk.out', 'bulwark.report.json'))).toBe(true);
  const bad = spawnSync('node', ['app.js'], {
    cwd: project,
    encoding: 'utf8',
    env: { ...process.env, INSECURE: '1' },
  });
  expect(bad.status).not.toBe(0);
  expect(bad.stderr + bad.stdout).toMatch(/Shop\/Open/);
});

test('a JavaScript CDKTF app synthesizes the Terraform baseline', () => {
  const app = `
    const { App, TerraformStack } = require('cdktf');
    const { AwsProvider } = require('@cdktf/provider-aws/lib/provider');
    const { ClassifiedObjectStore, Classification } = require('bulwark/terraform');
    const app = new App({ outdir: 'cdktf.out' });
    const stack = new TerraformStack(app, 'shop');
    new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
    new ClassifiedObjectStore(stack, 'Orders', { classification: Classification.CONFIDENTIAL });
    app.synth();`;
  fs.writeFileSync(path.join(project, 'tf-app.js'), app);
  const run = spawnSync('node', ['tf-app.js'], { cwd: project, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  const json = JSON.parse(
    fs.readFileSync(path.join(project, 'cdktf.out', 'stacks', 'shop', 'cdk.tf.json'), 'utf8'),
  ) as { resource: Record<string, Record<string, { '//': { metadata: { path: string } } }>> };
  const buckets = Object.values(json.resource['aws_s3_bucket']!);
  expect(buckets.map((b) => b['//'].metadata.path)).toEqual(['shop/Orders/Bucket']);
});

test('the `bulwark` bin checks a cloud assembly', () => {
  const bin = path.join(project, 'node_modules', '.bin', 'bulwark');
  const version = spawnSync(bin, ['--version'], { cwd: project, encoding: 'utf8' });
  expect(version.status).toBe(0);
  expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  const check = spawnSync(bin, ['check', 'cdk.out', '--format', 'json'], { cwd: project, encoding: 'utf8' });
  expect(check.stderr).toBe('');
  const report = JSON.parse(check.stdout) as { summary: unknown; tool: { name: string } };
  expect(report.tool.name).toBe('bulwark');
  expect([0, 1]).toContain(check.status);
});

test('the `bulwark` bin checks a JavaScript Pulumi program built from bulwark/azure', () => {
  const dir = path.join(project, 'estate');
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'Pulumi.yaml'), 'name: estate\nruntime: nodejs\nmain: index.js\n');
  fs.writeFileSync(path.join(dir, 'Pulumi.dev.yaml'), 'config:\n  azure-native:location: westeurope\n');
  fs.writeFileSync(
    path.join(dir, 'index.js'),
    `
    const pulumi = require('@pulumi/pulumi');
    const resources = require('@pulumi/azure-native/resources');
    const storage = require('@pulumi/azure-native/storage');
    const { AuditWorkspace, ClassifiedStorageAccount, Classification } = require('bulwark/azure');
    const location = new pulumi.Config('azure-native').require('location');
    const group = new resources.ResourceGroup('estate', { location });
    const placement = { resourceGroupName: group.name, location };
    const audit = new AuditWorkspace('audit', placement);
    new ClassifiedStorageAccount('site', { ...placement, classification: Classification.PUBLIC, audit });
    new storage.StorageAccount('legacy', {
      ...placement, kind: 'StorageV2', sku: { name: 'Standard_LRS' }, minimumTlsVersion: 'TLS1_0',
    });`,
  );
  const bin = path.join(project, 'node_modules', '.bin', 'bulwark');
  const check = spawnSync(bin, ['check', 'estate', '--format', 'json'], { cwd: project, encoding: 'utf8' });
  expect(check.stderr).toBe('');
  const report = JSON.parse(check.stdout) as {
    summary: { resources: number };
    findings: unknown[];
    incomplete: string[];
    errors: unknown[];
  };
  // The program ran from the installed package's compiled runner, under the project's own Pulumi:
  // the group, the workspace and its parts, both accounts and theirs were read.
  expect(report.errors).toEqual([]);
  expect(report.summary.resources).toBeGreaterThanOrEqual(5);
  // The TLS 1.0 account fails, or is reported as not judged: never an all-clear.
  expect(check.status).toBe(1);
  expect(JSON.stringify(report.findings) + report.incomplete.join('\n')).toMatch(/legacy|StorageAccount/);
});

test('`npm run sbom` writes a CycloneDX SBOM of the runtime dependencies only', () => {
  const file = path.join(root, 'bulwark.cdx.json');
  fs.rmSync(file, { force: true });
  npm(['run', '-s', 'sbom'], root);
  const bom = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    bomFormat: string;
    specVersion: string;
    metadata: { component: { name: string } };
    components: { name: string; group?: string; components?: unknown[] }[];
  };
  const names = new Set<string>();
  const walk = (cs: typeof bom.components | undefined): void => {
    for (const c of cs ?? []) {
      names.add(c.group ? `${c.group}/${c.name}` : c.name);
      walk(c.components as typeof bom.components);
    }
  };
  walk(bom.components);
  expect(bom.bomFormat).toBe('CycloneDX');
  expect(bom.metadata.component.name).toBe('bulwark');
  for (const runtime of ['ajv', 'commander', 'yaml', '@aws-sdk/client-s3']) expect(names).toContain(runtime);
  for (const dev of ['jest', 'typescript', 'cdk-nag', 'aws-cdk-lib']) expect(names).not.toContain(dev);
});
