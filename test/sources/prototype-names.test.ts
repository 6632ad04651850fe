import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, CfnMapping, Fn, Stack } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Resource } from '../../lib/graph/resource';
import { Unknown, get } from '../../lib/graph/values';
import { loadInput } from '../../lib/sources';

/** Synthesize one stack and read it back; returns its resources by logical id. */
function read(build: (stack: Stack) => void): (id: string) => Resource {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-names-'));
  try {
    const app = new App({ outdir, builtinCloudFormationValidation: false });
    build(new Stack(app, 'Names'));
    app.synth();
    const { graph } = loadInput([outdir]);
    const all = [...graph.all()];
    return (id) => {
      const r = all.find((x) => x.logicalId === id);
      if (!r) throw new Error(`no resource ${id}`);
      return r;
    };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

describe('CloudFormation source: names are looked up among declarations only', () => {
  test('names of JavaScript prototype properties are undeclared names, never built-ins', () => {
    const byId = read((stack) => {
      new CfnMapping(stack, 'Sizes', { mapping: { small: { days: 7 } } });
      new s3.CfnBucket(stack, 'Data', {
        bucketName: Fn.sub('${constructor}-${toString}'),
        objectLockConfiguration: { objectLockEnabled: Fn.sub('${hasOwnProperty}', {}) },
        analyticsConfigurations: [
          {
            id: Fn.findInMap('constructor', 'name', 'length'),
            prefix: Fn.findInMap('Sizes', 'constructor', 'name'),
            storageClassAnalysis: {},
          },
        ],
        accelerateConfiguration: { accelerationStatus: Fn.ref('__proto__') },
        versioningConfiguration: {
          status: Fn.conditionIf('toString', 'Enabled', 'Suspended').toString(),
        },
      });
    });
    const p = byId('Data').properties;
    const name = p.BucketName as Unknown;
    expect(name).toBeInstanceOf(Unknown);
    expect(name.display).toBe('${constructor}-${toString}');
    expect(get(p, 'ObjectLockConfiguration', 'ObjectLockEnabled')).toBeInstanceOf(Unknown);
    const analytics = get(p, 'AnalyticsConfigurations', 0);
    expect(get(analytics, 'Id')).toBeInstanceOf(Unknown);
    expect((get(analytics, 'Id') as Unknown).reason).toMatch(/mapping `constructor` has no entry/);
    expect(get(analytics, 'Prefix')).toBeInstanceOf(Unknown);
    expect((get(p, 'AccelerateConfiguration', 'AccelerationStatus') as Unknown).reason).toMatch(
      /`__proto__`, which the template does not declare/,
    );
    const status = get(p, 'VersioningConfiguration', 'Status') as Unknown;
    expect(status).toBeInstanceOf(Unknown);
    expect(status.reason).toMatch(/condition `toString` is not defined/);
  });

  test('a property named `__proto__` stays a property, never the prototype (hand-written edge case)', () => {
    const file = path.join(__dirname, '../fixtures/hand-written/prototype-keys.template.json');
    const { graph } = loadInput([file]);
    const data = [...graph.all()].find((r) => r.logicalId === 'Data')!;
    const versioning = get(data.properties, 'VersioningConfiguration') as Record<string, unknown>;
    expect(Object.getPrototypeOf(versioning)).toBe(Object.prototype);
    expect(Object.keys(versioning)).toEqual(['__proto__']);
    // `Status` is AWS::NoValue: absent, not inherited from a replaced prototype.
    expect(get(data.properties, 'VersioningConfiguration', 'Status')).toBeUndefined();
  });
});

describe('CloudFormation source: `Fn::Sub` stays linear on hostile text', () => {
  test('100,000 unclosed `${` resolve in seconds, not minutes', () => {
    const text = '${'.repeat(100_000);
    const t0 = process.hrtime.bigint();
    const byId = read((stack) => {
      new s3.CfnBucket(stack, 'Data', { bucketName: Fn.sub(`${text}\${AWS::Region}`) });
    });
    const bucketName = get(byId('Data').properties, 'BucketName');
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    expect(typeof bucketName === 'string' || bucketName instanceof Unknown).toBe(true);
    // Quadratic scanning took minutes on this input; linear takes milliseconds beside the synth.
    expect(ms).toBeLessThan(20_000);
  });
});
