import { ResourceGraph } from '../../lib/graph/graph';
import type { Resource } from '../../lib/graph/resource';
import { ResourceRef, Unknown, type Value, type ValueObject } from '../../lib/graph/values';

const BUCKET = 'AWS::S3::Bucket';
const POLICY = 'AWS::S3::BucketPolicy';

function res(
  address: string,
  type: string,
  properties: ValueObject,
  extra: { identities?: (string | Unknown)[]; expressionScope?: string } = {},
): Resource {
  return { address, type, source: 'cloudformation', properties, tags: {}, stack: 'S', ...extra };
}

function bucket(address: string, name: string | Unknown, scope?: string): Resource {
  const arn =
    typeof name === 'string'
      ? `arn:aws:s3:::${name}`
      : new Unknown('unresolved', [], `arn:aws:s3:::${name.display!}`);
  return res(address, BUCKET, { BucketName: name }, { identities: [name, arn], expressionScope: scope });
}

/** An unresolved value as the CloudFormation source renders `!Sub '${AppName}-content-${AWS::Region}'`. */
function expr(display: string): Unknown {
  return new Unknown(`contains values resolved at deploy time (${display})`, [], display);
}

const bucketOf = (r: Resource): Value | undefined => r.properties.Bucket;

describe('ResourceGraph links resources by value', () => {
  test('a property equal to a name another resource declares links them like a reference', () => {
    const data = bucket('S/Data', 'data-bucket');
    const policy = res('S/Policy', POLICY, { Bucket: 'data-bucket' });
    const g = new ResourceGraph([data, policy]);
    expect(g.referrers('S/Data', POLICY)).toEqual([policy]);
    expect(g.references('S/Policy')).toEqual([data]);
    expect(g.names('data-bucket', 'S/Data', policy)).toBe(true);
    expect(g.target('data-bucket', policy, BUCKET)).toBe(data);
    expect(g.attachedBy('S/Data', POLICY, bucketOf).attached).toEqual([policy]);
  });

  test('a value no resource claims links nothing', () => {
    const data = bucket('S/Data', 'data-bucket');
    const policy = res('S/Policy', POLICY, { Bucket: 'other-bucket' });
    const g = new ResourceGraph([data, policy]);
    expect(g.referrers('S/Data')).toEqual([]);
    expect(g.names('other-bucket', 'S/Data', policy)).toBe(false);
    expect(g.target('other-bucket', policy)).toBeUndefined();
  });

  test('equal unresolved expressions of one template match; the same rendering in another template does not', () => {
    const display = '${AppName}-content-${AWS::Region}-${AWS::AccountId}';
    const data = bucket('T/Data', expr(display), 'T');
    const policy = res('T/Policy', POLICY, { Bucket: expr(display) }, { expressionScope: 'T' });
    const elsewhere = res('U/Policy', POLICY, { Bucket: expr(display) }, { expressionScope: 'U' });
    const g = new ResourceGraph([data, policy, elsewhere]);
    expect(g.referrers('T/Data', POLICY)).toEqual([policy]);
    expect(g.names(expr(display), 'T/Data', policy)).toBe(true);
    expect(g.names(expr(display), 'T/Data', elsewhere)).toBe(false);
    expect(g.attachedBy('T/Data', POLICY, bucketOf).attached).toEqual([policy]);
  });

  test('a value two resources of one type claim links to neither and answers unknown', () => {
    const a = bucket('S/A', 'shared');
    const b = bucket('T/B', 'shared');
    const policy = res('S/Policy', POLICY, { Bucket: 'shared' });
    const g = new ResourceGraph([a, b, policy]);
    expect(g.referrers('S/A')).toEqual([]);
    expect(g.referrers('T/B')).toEqual([]);
    expect(g.names('shared', 'S/A', policy)).toBeInstanceOf(Unknown);
    expect((g.names('shared', 'S/A', policy) as Unknown).reason).toMatch(
      /names several resources.*S\/A.*T\/B/,
    );
    expect(g.target('shared', policy, BUCKET)).toBeInstanceOf(Unknown);
    const attached = g.attachedBy('S/A', POLICY, bucketOf);
    expect(attached.attached).toEqual([]);
    expect(attached.uncertain.map((u) => u.resource)).toEqual([policy]);
  });

  test('resources of different types may share a name: each type decides alone', () => {
    const data = bucket('S/Data', 'shared');
    const queue = res('S/Queue', 'AWS::SQS::Queue', { QueueName: 'shared' }, { identities: ['shared'] });
    const policy = res('S/Policy', POLICY, { Bucket: 'shared' });
    const g = new ResourceGraph([data, queue, policy]);
    expect(g.names('shared', 'S/Data', policy)).toBe(true);
    expect(g.target('shared', policy, BUCKET)).toBe(data);
  });

  test('the ARN of a sub-resource names the resource of its owning prefix', () => {
    const logs = bucket('S/Logs', 'logs');
    const group = res(
      'S/Group',
      'AWS::Logs::LogGroup',
      { LogGroupName: '/aws/trail' },
      { identities: ['/aws/trail', 'arn:aws:logs:eu-west-1:111122223333:log-group:/aws/trail'] },
    );
    const objects = res('S/Reader', 'AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Resource: 'arn:aws:s3:::logs/AWSLogs/*' }] },
    });
    const trail = res('S/Trail', 'AWS::CloudTrail::Trail', {
      CloudWatchLogsLogGroupArn: 'arn:aws:logs:eu-west-1:111122223333:log-group:/aws/trail:*',
    });
    const g = new ResourceGraph([logs, group, objects, trail]);
    expect(g.referrers('S/Logs')).toEqual([objects]);
    expect(g.referrers('S/Group')).toEqual([trail]);
    expect(g.names(trail.properties.CloudWatchLogsLogGroupArn, 'S/Group', trail)).toBe(true);
  });

  test('a policy attached to bucket B that mentions bucket A in a statement is not attached to A', () => {
    const a = bucket('S/A', 'bucket-a');
    const b = bucket('S/B', 'bucket-b');
    const policy = res('S/Policy', POLICY, {
      Bucket: 'bucket-b',
      PolicyDocument: { Statement: [{ Resource: ['arn:aws:s3:::bucket-a/*', 'arn:aws:s3:::bucket-b/*'] }] },
    });
    const g = new ResourceGraph([a, b, policy]);
    expect(g.referrers('S/A', POLICY)).toEqual([policy]);
    expect(g.attachedBy('S/A', POLICY, bucketOf).attached).toEqual([]);
    expect(g.attachedBy('S/B', POLICY, bucketOf).attached).toEqual([policy]);
  });

  test('references still link, and a resource added after the first query is linked too', () => {
    const data = bucket('S/Data', 'data-bucket');
    const byRef = res('S/Policy', POLICY, { Bucket: new ResourceRef('S/Data') });
    const g = new ResourceGraph([data, byRef]);
    expect(g.referrers('S/Data', POLICY)).toEqual([byRef]);
    const byName = res('S/Policy2', POLICY, { Bucket: 'data-bucket' });
    g.add(byName);
    expect(g.referrers('S/Data', POLICY)).toEqual([byRef, byName]);
  });

  test('20,000 named buckets, each logging to another by name, link in linear time', () => {
    const n = 20_000;
    const resources: Resource[] = [];
    for (let i = 0; i < n; i++) {
      const r = bucket(`S/B${i}`, `bucket-${i}`);
      (r.properties as Record<string, Value>).LoggingConfiguration = {
        DestinationBucketName: `bucket-${(i + 1) % n}`,
      };
      resources.push(r);
    }
    const started = process.hrtime.bigint();
    const g = new ResourceGraph(resources);
    let linked = 0;
    for (let i = 0; i < n; i++) {
      linked += g.attachedBy(
        `S/B${i}`,
        BUCKET,
        (b) => (b.properties.LoggingConfiguration as ValueObject).DestinationBucketName,
      ).attached.length;
    }
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    expect(linked).toBe(n);
    // Quadratic matching (every bucket against every bucket) is 4e8 comparisons: tens of seconds.
    expect(ms).toBeLessThan(2_000);
  });
});
