import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Resource } from '../../lib/graph/resource';
import { FindingParts } from '../../lib/report/findings';
import { loadInput } from '../../lib/sources';

let dir: string;
let bucket: Resource;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-findings-'));
  const app = new App({ outdir: dir, builtinCloudFormationValidation: false });
  new s3.Bucket(new Stack(app, 'Shop'), 'Data');
  app.synth();
  bucket = [...loadInput([dir]).graph.all()].find((r) => r.type === 'AWS::S3::Bucket')!;
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('FindingParts.resource', () => {
  test('names every known field of the resource, in the report order, with its file relative', () => {
    const entry = new FindingParts(dir).resource(bucket, 'Data');
    expect(Object.keys(entry)).toEqual([
      'address',
      'type',
      'name',
      'path',
      'logicalId',
      'stack',
      'file',
      'line',
      'column',
    ]);
    expect(entry).toMatchObject({
      address: bucket.address,
      type: 'AWS::S3::Bucket',
      name: 'Data',
      path: 'Shop/Data/Resource',
      stack: 'Shop',
      file: 'Shop.template.json',
    });
  });

  test('one entry per resource and name: the same name shares it, another name has its own', () => {
    const parts = new FindingParts(dir);
    const first = parts.resource(bucket, 'Data');
    expect(parts.resource(bucket, 'Data')).toBe(first);
    const other = parts.resource(bucket, 'Other');
    expect(other).not.toBe(first);
    expect(other).toEqual({ ...first, name: 'Other' });
    expect(parts.resource(bucket, 'Other')).toBe(other);
    expect(parts.resource(bucket, 'Data')).toBe(first);
  });

  test('a resource without construct path or location has no such keys', () => {
    const bare: Resource = {
      address: 'mod.x',
      type: 'fake_type',
      source: 'terraform',
      properties: {},
      tags: {},
    };
    const entry = new FindingParts(dir).resource(bare, 'x');
    expect(entry).toEqual({ address: 'mod.x', type: 'fake_type', name: 'x' });
  });
});
