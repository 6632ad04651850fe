import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, CfnCondition, CfnParameter, Fn, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Resource } from '../../lib/graph/resource';
import { Unknown } from '../../lib/graph/values';
import { loadInput } from '../../lib/sources';

/** Synthesize one stack and read it back. */
function read(build: (stack: Stack) => void, env?: { account: string; region: string }) {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-ids-'));
  try {
    const app = new App({ outdir, builtinCloudFormationValidation: false });
    build(new Stack(app, 'S', { env }));
    app.synth();
    return loadInput([outdir]).graph;
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** Identities as text: literals as they are, unresolved ones as their rendering. */
function ids(r: Resource | undefined): string[] {
  return (r?.identities ?? []).map((id) => (typeof id === 'string' ? id : `~${id.display ?? '?'}`));
}

describe('CloudFormation source: the values a resource is known by', () => {
  test('names, ARNs and URLs from name properties, with the stack environment', () => {
    const graph = read(
      (stack) => {
        new s3.CfnBucket(stack, 'Bucket', { bucketName: 'shop-data' });
        new iam.CfnRole(stack, 'Role', {
          roleName: 'deployer',
          path: '/ci/',
          assumeRolePolicyDocument: { Statement: [] },
        });
        new logs.CfnLogGroup(stack, 'Logs', { logGroupName: '/shop/app' });
        new sqs.CfnQueue(stack, 'Queue', { queueName: 'jobs' });
        new rds.CfnDBCluster(stack, 'Db', { dbClusterIdentifier: 'ShopDb', engine: 'aurora-postgresql' });
        new s3.CfnBucket(stack, 'Generated');
      },
      { account: '111122223333', region: 'eu-west-1' },
    );
    expect(ids(graph.get('S/Bucket'))).toEqual(['shop-data', 'arn:aws:s3:::shop-data']);
    expect(ids(graph.get('S/Role'))).toEqual(['deployer', 'arn:aws:iam::111122223333:role/ci/deployer']);
    expect(ids(graph.get('S/Logs'))).toEqual([
      '/shop/app',
      'arn:aws:logs:eu-west-1:111122223333:log-group:/shop/app',
    ]);
    expect(ids(graph.get('S/Queue'))).toEqual([
      'jobs',
      'arn:aws:sqs:eu-west-1:111122223333:jobs',
      'https://sqs.eu-west-1.amazonaws.com/111122223333/jobs',
    ]);
    expect(ids(graph.get('S/Db'))).toEqual(
      expect.arrayContaining(['ShopDb', 'shopdb', 'arn:aws:rds:eu-west-1:111122223333:cluster:shopdb']),
    );
    // CloudFormation generates the name: nobody can name the bucket by value in the template.
    expect(ids(graph.get('S/Generated'))).toEqual([]);
  });

  test('an unresolved name gives renderings; a conditional one gives none', () => {
    const graph = read((stack) => {
      new CfnParameter(stack, 'AppName', { type: 'String' });
      new s3.CfnBucket(stack, 'Bucket', { bucketName: Fn.sub('${AppName}-content-${AWS::Region}') });
      new logs.CfnLogGroup(stack, 'Logs', { logGroupName: Fn.sub('/${AppName}/app') });
      const cond = new CfnCondition(stack, 'Prod', {
        expression: Fn.conditionEquals(Fn.ref('AppName'), 'prod'),
      });
      new s3.CfnBucket(stack, 'Conditional', {
        bucketName: Fn.conditionIf(cond.logicalId, 'prod-data', 'test-data').toString(),
      });
    });
    expect(ids(graph.get('S/Bucket'))).toEqual([
      '~${AppName}-content-${AWS::Region}',
      '~arn:aws:s3:::${AppName}-content-${AWS::Region}',
    ]);
    expect(ids(graph.get('S/Logs'))).toEqual([
      '~/${AppName}/app',
      '~arn:aws:logs:${AWS::Region}:${AWS::AccountId}:log-group:/${AppName}/app',
    ]);
    expect(ids(graph.get('S/Conditional'))).toEqual([]);
  });

  test('a function of an unresolved value does not render as its input, so it names nothing by value', () => {
    const graph = read((stack) => {
      new CfnParameter(stack, 'Names', { type: 'String' });
      new s3.CfnBucket(stack, 'Bucket', { bucketName: Fn.ref('Names') });
      new s3.CfnBucketPolicy(stack, 'Policy', {
        bucket: Fn.select(0, Fn.split(',', Fn.ref('Names'))),
        policyDocument: { Statement: [] },
      });
    });
    const bucket = graph.get('S/Bucket')!;
    const policy = graph.get('S/Policy')!;
    expect(policy.properties.Bucket).toBeInstanceOf(Unknown);
    expect((policy.properties.Bucket as Unknown).display).toBe('${Fn::Select(${Fn::Split(${Names})})}');
    expect(graph.names(policy.properties.Bucket, bucket.address, policy)).toBe(false);
  });
});
