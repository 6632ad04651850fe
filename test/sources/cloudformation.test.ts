import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  App,
  CfnCondition,
  CfnMapping,
  CfnParameter,
  Fn,
  NestedStack,
  Stack,
  Validations,
} from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Choice, ResourceRef, Unknown, get } from '../../lib/graph/values';
import { loadInput } from '../../lib/sources';

function synth(build: (app: App) => void): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-src-'));
  const app = new App({ outdir, builtinCloudFormationValidation: false });
  build(app);
  app.synth();
  return outdir;
}

describe('CloudFormation source: cloud assembly', () => {
  let outdir: string;
  beforeAll(() => {
    outdir = synth((app) => {
      const stack = new Stack(app, 'Shop', { env: { account: '111122223333', region: 'eu-west-1' } });
      const key = new kms.Key(stack, 'Key', { enableKeyRotation: true });
      const bucket = new s3.Bucket(stack, 'Orders', { encryptionKey: key, enforceSSL: true });
      Validations.of(bucket).acknowledge({
        id: 'Bulwark::BW-DP-011',
        reason: 'Orders are replicated by the platform team',
      });
      const inner = new NestedStack(stack, 'Reporting');
      new s3.Bucket(inner, 'Exports');
    });
  });
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  test('every stack and nested stack is read, with construct paths and declaration lines', () => {
    const { graph, artifacts } = loadInput([outdir]);
    expect(artifacts.map((a) => path.basename(a.file)).sort()).toEqual(
      expect.arrayContaining(['Shop.template.json', expect.stringMatching(/\.nested\.template\.json$/)]),
    );
    const orders = [...graph.all()].find((r) => r.path === 'Shop/Orders/Resource')!;
    expect(orders.type).toBe('AWS::S3::Bucket');
    expect(orders.address).toBe(`Shop/${orders.logicalId}`);
    const text = fs.readFileSync(orders.location!.file!, 'utf8').split('\n');
    expect(text[orders.location!.line! - 1]).toContain(`"${orders.logicalId}": {`);
    const exports = [...graph.all()].find((r) => r.path === 'Shop/Reporting/Exports/Resource')!;
    expect(exports.address).toMatch(/^Shop\/ReportingNestedStack[^/]+\/Exports[A-F0-9]+$/);
  });

  test('references become ResourceRefs and graph edges; pseudo parameters come from the stack environment', () => {
    const { graph } = loadInput([outdir]);
    const orders = [...graph.all()].find((r) => r.path === 'Shop/Orders/Resource')!;
    const keyRef = get(
      orders.properties,
      'BucketEncryption',
      'ServerSideEncryptionConfiguration',
      0,
      'ServerSideEncryptionByDefault',
      'KMSMasterKeyID',
    );
    expect(keyRef).toBeInstanceOf(ResourceRef);
    expect((keyRef as ResourceRef).attribute).toBe('Arn');
    expect(graph.referrers(orders.address, 'AWS::S3::BucketPolicy')).toHaveLength(1);
    const policy = graph.referrers(orders.address, 'AWS::S3::BucketPolicy')[0]!;
    // The policy resource ARN joins a reference with a literal: unresolved, but keeps the reference.
    const resource = get(policy.properties, 'PolicyDocument', 'Statement', 0, 'Resource', 1);
    expect(resource).toBeInstanceOf(Unknown);
    expect((resource as Unknown).refs.map((r) => r.address)).toContain(orders.address);
  });

  test('acknowledgements recorded with Validations.of(x).acknowledge() are attached to the resource', () => {
    const { graph } = loadInput([outdir]);
    const orders = [...graph.all()].find((r) => r.path === 'Shop/Orders/Resource')!;
    expect(orders.acknowledgements).toEqual([
      { rule: 'BW-DP-011', reason: 'Orders are replicated by the platform team' },
    ]);
    const policy = [...graph.all()].find((r) => r.path === 'Shop/Orders/Policy/Resource')!;
    expect(policy.acknowledgements).toHaveLength(1); // children of the acknowledged construct inherit it
  });
});

describe('CloudFormation source: intrinsic functions in synthesized templates', () => {
  test('parameters, mappings, conditions and Fn::If resolve where they can and stay unknown where not', () => {
    const outdir = synth((app) => {
      const stack = new Stack(app, 'Intrinsics');
      const withDefault = new CfnParameter(stack, 'Days', { type: 'Number', default: 90 });
      const noDefault = new CfnParameter(stack, 'KeyArn', { type: 'String' });
      const map = new CfnMapping(stack, 'Tier', { mapping: { prod: { versioning: 'Enabled' } } });
      const isProd = new CfnCondition(stack, 'IsProd', {
        expression: Fn.conditionEquals(noDefault.valueAsString, 'x'),
      });
      new logs.CfnLogGroup(stack, 'WithDefault', { retentionInDays: withDefault.valueAsNumber });
      new s3.CfnBucket(stack, 'Mapped', {
        versioningConfiguration: { status: map.findInMap('prod', 'versioning') },
        bucketEncryption: {
          serverSideEncryptionConfiguration: [
            {
              serverSideEncryptionByDefault: {
                sseAlgorithm: Fn.conditionIf(isProd.logicalId, 'aws:kms', 'AES256').toString(),
                kmsMasterKeyId: noDefault.valueAsString,
              },
            },
          ],
        },
        bucketName: Fn.join('-', ['a', Fn.select(1, ['x', 'y']), Fn.sub('${AWS::Partition}-z')]),
      });
    });
    const { graph } = loadInput([outdir]);
    const byId = (id: string) => [...graph.all()].find((r) => r.logicalId === id)!;
    // A parameter with a default and no allowed values: the default, or any other value.
    const days = byId('WithDefault').properties.RetentionInDays as Choice;
    expect(days).toBeInstanceOf(Choice);
    expect(days.options.map((o) => o.value)).toEqual([90, expect.any(Unknown)]);
    const mapped = byId('Mapped');
    expect(get(mapped.properties, 'VersioningConfiguration', 'Status')).toBe('Enabled');
    expect(mapped.properties.BucketName).toBe('a-y-aws-z');
    const sse = get(
      mapped.properties,
      'BucketEncryption',
      'ServerSideEncryptionConfiguration',
      0,
      'ServerSideEncryptionByDefault',
    );
    expect(get(sse, 'KMSMasterKeyID')).toBeInstanceOf(Unknown);
    expect((get(sse, 'KMSMasterKeyID') as Unknown).reason).toMatch(/parameter `KeyArn` has no default/);
    // The condition compares a parameter without default: both branches are possible, so unknown.
    expect(get(sse, 'SSEAlgorithm')).toBeInstanceOf(Unknown);
    expect((get(sse, 'SSEAlgorithm') as Unknown).reason).toMatch(/condition `IsProd`/);
    fs.rmSync(outdir, { recursive: true, force: true });
  });
});

describe('CloudFormation source: YAML templates (hand-written edge case)', () => {
  const file = path.join(__dirname, '../fixtures/hand-written/short-forms.template.yaml');

  test('short forms of intrinsics are read, with declaration lines', () => {
    const { graph } = loadInput([file]);
    const byId = (id: string) => [...graph.all()].find((r) => r.logicalId === id)!;
    const logsGroup = byId('Logs');
    // `Env` defaults to prod and may be any other value: the mapping gives 365 for the default only.
    const retention = logsGroup.properties.RetentionInDays as Choice;
    expect(retention).toBeInstanceOf(Choice);
    expect(retention.options.map((o) => o.value)).toEqual([365, expect.any(Unknown)]);
    expect(logsGroup.properties.KmsKeyId).toEqual(new ResourceRef(byId('Key').address, 'Arn'));
    expect(logsGroup.properties.LogGroupName).toBeInstanceOf(Unknown); // AWS::Region is unknown in a bare template
    expect(logsGroup.location).toEqual({ file, line: 23, column: 3 });
    const data = byId('Data');
    const bucketName = data.properties.BucketName as Choice;
    expect(bucketName).toBeInstanceOf(Choice);
    expect(bucketName.display).toBe('data-${Env}-a');
    expect(bucketName.options[0]!.value).toBe('data-prod-a');
    // `IsProd` compares `Env`, which may be other than its default: both branches are possible.
    const status = get(data.properties, 'VersioningConfiguration', 'Status') as Choice;
    expect(status).toBeInstanceOf(Choice);
    expect(status.key).toBe('condition:IsProd');
    expect(status.options.map((o) => o.value)).toEqual(['Enabled', 'Suspended']);
    const key = get(
      data.properties,
      'BucketEncryption',
      'ServerSideEncryptionConfiguration',
      0,
      'ServerSideEncryptionByDefault',
      'KMSMasterKeyID',
    );
    expect(key).toBeInstanceOf(Unknown);
    expect((key as Unknown).refs.map((r) => r.address)).toEqual([byId('Key').address]);
  });
});
