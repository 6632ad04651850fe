import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { Unknown } from '../../lib/graph/values';
import { loadInput } from '../../lib/sources';
import { cloudFormationAdapters } from '../../lib/views/cloudformation';
import { grantsOf, resourcePolicyGrants } from '../../lib/views/common/grants';
import type { View } from '../../lib/views/kinds';
import { ViewSet } from '../../lib/views/registry';
import { tfViews } from './terraform-support';

function cfnViews(build: (stack: Stack) => void): View[] {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-grants-'));
  try {
    const app = new App({ outdir, builtinCloudFormationValidation: false });
    build(new Stack(app, 'S'));
    app.synth();
    const set = new ViewSet(loadInput([outdir]).graph, cloudFormationAdapters());
    const all = set.all();
    expect(set.errors).toEqual([]);
    return all;
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

describe('access grants from IAM policies', () => {
  test('CloudFormation: identity policies grant their identity; a bucket policy grants its principals on the bucket', () => {
    const all = cfnViews((stack) => {
      const role = new iam.Role(stack, 'Reader', {
        assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
        inlinePolicies: {
          send: new iam.PolicyDocument({
            statements: [new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: ['*'] })],
          }),
        },
      });
      role.addToPrincipalPolicy(
        new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::logs/*'] }),
      );
      const bucket = new s3.Bucket(stack, 'Logs', { enforceSSL: true });
      bucket.addToResourcePolicy(
        new iam.PolicyStatement({
          principals: [new iam.ServicePrincipal('logging.s3.amazonaws.com')],
          actions: ['s3:PutObject'],
          resources: [bucket.arnForObjects('*')],
        }),
      );
    });
    const role = all.find((v) => v.kind === 'identity' && v.name === 'Reader')!;
    expect(grantsOf(role)).toEqual([
      expect.objectContaining({
        effect: 'allow',
        principal: role.resource.address,
        principalType: 'identity',
        actions: ['sqs:SendMessage'],
        scope: '*',
      }),
    ]);
    const attached = all.find((v) => v.kind === 'permission-policy')!;
    expect(grantsOf(attached)).toEqual([
      expect.objectContaining({
        effect: 'allow',
        principal: role.resource.address,
        actions: ['s3:GetObject'],
        scope: 'arn:aws:s3:::logs/*',
      }),
    ]);
    const bucket = all.find((v) => v.kind === 'data-store' && v.name === 'Logs')!;
    const grants = grantsOf(bucket) as readonly { effect: unknown; principalType: unknown; scope: unknown }[];
    expect(grants).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          effect: 'deny',
          principal: '*',
          principalType: 'everyone',
          scope: bucket.resource.address,
          conditions: { Bool: { 'aws:SecureTransport': ['false'] } },
        }),
        expect.objectContaining({
          effect: 'allow',
          principal: 'logging.s3.amazonaws.com',
          principalType: 'service',
          actions: ['s3:PutObject'],
          scope: bucket.resource.address,
        }),
      ]),
    );
  });

  test('Terraform: a role inline policy and a bucket policy give the same shapes', () => {
    const { views, byId } = tfViews((stack) => {
      new IamRole(stack, 'Reader', {
        assumeRolePolicy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
          ],
        }),
        inlinePolicy: [
          {
            name: 'send',
            policy: JSON.stringify({
              Version: '2012-10-17',
              Statement: [{ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' }],
            }),
          },
        ],
      });
      const bucket = new S3Bucket(stack, 'Logs', { bucket: 'logs' });
      new S3BucketPolicy(stack, 'LogsPolicy', {
        bucket: bucket.id,
        policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { AWS: '*' },
              Action: 's3:GetObject',
              Resource: 'arn:aws:s3:::logs/*',
            },
          ],
        }),
      });
    });
    const role = views.viewOf(byId('Reader').address, 'identity')!;
    expect(grantsOf(role)).toEqual([
      expect.objectContaining({
        effect: 'allow',
        principal: role.resource.address,
        principalType: 'identity',
        actions: ['sqs:SendMessage'],
        scope: '*',
      }),
    ]);
    const bucket = views.viewOf(byId('Logs').address, 'data-store')!;
    expect(grantsOf(bucket)).toEqual([
      expect.objectContaining({
        effect: 'allow',
        principal: '*',
        principalType: 'everyone',
        actions: ['s3:GetObject'],
        scope: bucket.resource.address,
      }),
    ]);
  });

  test('an unresolved policy document is an Unknown, never an empty list of grants', () => {
    const u = new Unknown('policy from a parameter');
    expect(resourcePolicyGrants({ statements: [], unresolved: u }, 'Bucket')).toBe(u);
  });
});
