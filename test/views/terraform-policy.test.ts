import { TerraformVariable } from 'cdktf';
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { SqsQueuePolicy } from '@cdktf/provider-aws/lib/sqs-queue-policy';
import { Unknown } from '../../lib/graph/values';
import { terraformPolicyDocument } from '../../lib/views/common/terraform-policy';
import type { DataStoreView } from '../../lib/views/kinds';
import { tfViews } from './terraform-support';

/*
 * One reader of Terraform policy documents serves every adapter: a JSON policy with interpolations of
 * resource attributes is read statement by statement, each interpolated string kept as its rendering
 * (so a store's ARN, written as a reference, matches); a `data.aws_iam_policy_document` is read from its
 * blocks; an interpolation of anything else leaves the document unresolved.
 */

function store(t: ReturnType<typeof tfViews>, id: string): DataStoreView {
  const v = t.views.viewOf(t.byId(id).address, 'data-store');
  if (!v) throw new Error(`no data-store view of ${id}`);
  return v;
}

const denyInsecure = (arn: string) => ({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Deny',
      Principal: '*',
      Action: 'sqs:*',
      Resource: arn,
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    },
  ],
});

describe('terraformPolicyDocument', () => {
  test("a queue policy naming the queue's ARN by interpolation denies plain HTTP on that queue", () => {
    const t = tfViews((s) => {
      const q = new SqsQueue(s, 'Jobs', { name: 'jobs' });
      new SqsQueuePolicy(s, 'JobsPolicy', { queueUrl: q.url, policy: JSON.stringify(denyInsecure(q.arn)) });
      const other = new SqsQueue(s, 'Other', { name: 'other' });
      new SqsQueuePolicy(s, 'OtherPolicy', {
        queueUrl: other.url,
        policy: JSON.stringify(denyInsecure(q.arn)),
      });
    });
    expect(store(t, 'Jobs').tlsOnly).toBe(true);
    // The deny names another queue's ARN: it does not cover this one.
    expect(store(t, 'Other').tlsOnly).toBe(false);
    const doc = terraformPolicyDocument(t.byId('JobsPolicy').properties.policy, t.graph);
    expect(doc.unresolved).toBeUndefined();
    const resource = doc.statements[0]!.resources[0];
    expect(resource).toBeInstanceOf(Unknown);
    expect((resource as Unknown).display).toBe('${aws_sqs_queue.Jobs.arn}');
  });

  test('a queue policy from an aws_iam_policy_document is read from its statement blocks', () => {
    const t = tfViews((s) => {
      const q = new SqsQueue(s, 'Jobs', { name: 'jobs' });
      const doc = new DataAwsIamPolicyDocument(s, 'Doc', {
        statement: [
          {
            effect: 'Deny',
            actions: ['sqs:*'],
            resources: [q.arn],
            principals: [{ type: '*', identifiers: ['*'] }],
            condition: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] }],
          },
        ],
      });
      new SqsQueuePolicy(s, 'JobsPolicy', { queueUrl: q.url, policy: doc.json });
    });
    expect(store(t, 'Jobs').tlsOnly).toBe(true);
  });

  test('an interpolated variable leaves the whole document unresolved: its value could be `*`', () => {
    const t = tfViews((s) => {
      const who = new TerraformVariable(s, 'who', { type: 'string' });
      const b = new S3Bucket(s, 'Data', { bucket: 'data' });
      new S3BucketPolicy(s, 'DataPolicy', {
        bucket: b.id,
        policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { AWS: who.stringValue },
              Action: 's3:GetObject',
              Resource: `${b.arn}/*`,
            },
          ],
        }),
      });
    });
    const doc = terraformPolicyDocument(t.byId('DataPolicy').properties.policy, t.graph);
    expect(doc.unresolved).toBeInstanceOf(Unknown);
    expect(doc.unresolved!.reason).toMatch(/interpolates `\$\{var\.who\}`/);
    expect(store(t, 'Data').policyAllowsPublic).toBeInstanceOf(Unknown);
  });

  test('an escaped IAM policy variable (`$${aws:username}`) is literal text, not an interpolation', () => {
    const t = tfViews((s) => {
      const b = new S3Bucket(s, 'Home', { bucket: 'home' });
      new S3BucketPolicy(s, 'HomePolicy', {
        bucket: b.id,
        policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { AWS: 'arn:aws:iam::123456789012:root' },
              Action: 's3:GetObject',
              Resource: `${b.arn}/home/$\${aws:username}/*`,
            },
          ],
        }),
      });
    });
    const doc = terraformPolicyDocument(t.byId('HomePolicy').properties.policy, t.graph);
    expect(doc.unresolved).toBeUndefined();
    expect(doc.statements[0]!.principals).toEqual(['arn:aws:iam::123456789012:root']);
    expect(store(t, 'Home').policyAllowsPublic).toBe(false);
  });
});
