import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { evaluate } from '../../lib/engine/evaluate';
import { ResourceGraph } from '../../lib/graph/graph';
import type { Resource } from '../../lib/graph/resource';
import { readTemplateFile } from '../../lib/sources/cloudformation';
import { cloudFormationAdapters } from '../../lib/views/cloudformation';
import { findPack } from '../../policies/packs';
import { RULES } from '../../policies/rules';

/**
 * One template of `n` buckets with literal names, each with a bucket policy naming it by value
 * (name and ARN), and each logging into the bucket before it by name: every bucket is found by
 * value, the way that once made a per-bucket scan of all buckets quadratic.
 */
function namedBuckets(dir: string, n: number): string {
  // One template may hold more than CloudFormation's 500 resources: Bulwark reads what it is given.
  const app = new App({
    outdir: path.join(dir, `n${n}`),
    builtinCloudFormationValidation: false,
    context: { '@aws-cdk/core:stackResourceLimit': 0 },
  });
  const stack = new Stack(app, `Named${n}`);
  for (let i = 0; i < n; i++) {
    const name = `shop-data-${i}`;
    new s3.CfnBucket(stack, `Bucket${i}`, {
      bucketName: name,
      loggingConfiguration: i > 0 ? { destinationBucketName: `shop-data-${i - 1}` } : undefined,
    });
    new s3.CfnBucketPolicy(stack, `Policy${i}`, {
      bucket: name,
      policyDocument: new iam.PolicyDocument({
        statements: [
          new iam.PolicyStatement({
            effect: iam.Effect.DENY,
            principals: [new iam.AnyPrincipal()],
            actions: ['s3:*'],
            resources: [`arn:aws:s3:::${name}`, `arn:aws:s3:::${name}/*`],
            conditions: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ],
      }),
    });
  }
  app.synth();
  return path.join(dir, `n${n}`, `Named${n}.template.json`);
}

/**
 * Check a template with every rule, counting reads of resources' properties (by the graph, the view
 * adapters and the rules): the work done per resource, whatever the machine's speed.
 */
function propertyReads(file: string): { reads: number; resources: number; findings: number } {
  let reads = 0;
  const counted = (r: Resource): Resource =>
    new Proxy(r, {
      get: (target, key) => {
        if (key === 'properties') reads++;
        return Reflect.get(target, key, target) as unknown;
      },
    });
  const graph = new ResourceGraph(readTemplateFile(file).resources.map(counted));
  const ev = evaluate({
    graph,
    adapters: cloudFormationAdapters(),
    rules: RULES,
    pack: findPack('all')!,
    findingsOnly: true,
  });
  return { reads, resources: graph.size, findings: ev.results.length };
}

describe('cost grows linearly with resources', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-linear-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('4x the buckets named by value (policies, log targets) cost about 4x the property reads, not 16x', () => {
    const n = 150;
    const small = propertyReads(namedBuckets(dir, n));
    const large = propertyReads(namedBuckets(dir, 4 * n));
    expect(small.resources).toBe(2 * n);
    expect(large.resources).toBe(8 * n);
    // Judged the same way at both sizes: each bucket's policy and log target were found.
    expect(large.findings / small.findings).toBeCloseTo(4, 0);
    // Linear: 4x; a scan of every bucket per bucket: 16x. The bound leaves room for per-template costs.
    expect(large.reads / small.reads).toBeLessThan(6);
  }, 120_000);
});
