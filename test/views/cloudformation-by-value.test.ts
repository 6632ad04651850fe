import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, CfnParameter, Fn, Stack } from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Unknown } from '../../lib/graph/values';
import { loadInput } from '../../lib/sources';
import { readTemplateFile } from '../../lib/sources/cloudformation';
import { ResourceGraph } from '../../lib/graph/graph';
import { cloudFormationAdapters } from '../../lib/views/cloudformation';
import type { ViewKind, ViewOf } from '../../lib/views/kinds';
import { ViewSet } from '../../lib/views/registry';

/** Synthesize one stack and return a lookup of views by construct id below the stack. */
function views(build: (stack: Stack) => void): <K extends ViewKind>(id: string, kind: K) => ViewOf<K> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-views-'));
  try {
    const app = new App({ outdir, builtinCloudFormationValidation: false });
    build(new Stack(app, 'S'));
    app.synth();
    const { graph } = loadInput([outdir]);
    const set = new ViewSet(graph, cloudFormationAdapters());
    const all = set.all();
    expect(set.errors).toEqual([]);
    return <K extends ViewKind>(id: string, kind: K): ViewOf<K> => {
      const v = all.find(
        (x) => x.kind === kind && (x.resource.path === `S/${id}/Resource` || x.resource.path === `S/${id}`),
      );
      if (!v) throw new Error(`no ${kind} view for ${id}`);
      return v as ViewOf<K>;
    };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

function appName(stack: Stack): void {
  new CfnParameter(stack, 'AppName', { type: 'String', default: 'shop' });
}

const denyPlainHttp = (action: string, resource: unknown): Record<string, unknown> => ({
  Effect: 'Deny',
  Principal: '*',
  Action: action,
  Resource: resource,
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
});

describe('CloudFormation adapters read attachments by value', () => {
  test('a bucket receives the access logs of buckets naming it by the same expression', () => {
    const view = views((stack) => {
      appName(stack);
      new s3.CfnBucket(stack, 'Logs', { bucketName: Fn.sub('${AppName}-logs-${AWS::AccountId}') });
      new s3.CfnBucket(stack, 'Data', {
        loggingConfiguration: { destinationBucketName: Fn.sub('${AppName}-logs-${AWS::AccountId}') },
      });
    });
    expect(view('Logs', 'data-store').receivesAccessLogsOf).toEqual(['S/Data']);
  });

  test('a policy naming a bucket name two buckets claim makes both buckets unknown, never a pass', () => {
    const view = views((stack) => {
      appName(stack);
      new s3.CfnBucket(stack, 'A', { bucketName: Fn.sub('${AppName}-data') });
      new s3.CfnBucket(stack, 'B', { bucketName: Fn.sub('${AppName}-data') });
      new s3.CfnBucketPolicy(stack, 'Policy', {
        bucket: Fn.sub('${AppName}-data'),
        policyDocument: { Statement: [denyPlainHttp('s3:*', '*')] },
      });
    });
    for (const id of ['A', 'B']) {
      const tls = view(id, 'data-store').tlsOnly;
      expect(tls).toBeInstanceOf(Unknown);
      expect((tls as Unknown).reason).toMatch(/bucket policy `Policy` may attach to the bucket/);
    }
  });

  test('a trail finds its bucket, log group and metric filters by name and ARN', () => {
    const view = views((stack) => {
      appName(stack);
      new s3.CfnBucket(stack, 'TrailBucket', { bucketName: Fn.sub('${AppName}-trail') });
      new logs.CfnLogGroup(stack, 'TrailLogs', { logGroupName: Fn.sub('/${AppName}/trail') });
      new logs.CfnMetricFilter(stack, 'RootUse', {
        logGroupName: Fn.sub('/${AppName}/trail'),
        filterPattern: '{ $.userIdentity.type = "Root" }',
        metricTransformations: [{ metricName: 'RootUse', metricNamespace: 'CIS', metricValue: '1' }],
      });
      new cloudtrail.CfnTrail(stack, 'Trail', {
        isLogging: true,
        s3BucketName: Fn.sub('${AppName}-trail'),
        cloudWatchLogsLogGroupArn: Fn.sub(
          'arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/${AppName}/trail:*',
        ),
        cloudWatchLogsRoleArn: 'arn:aws:iam::111122223333:role/trail-logs',
      });
    });
    const trail = view('Trail', 'audit-trail');
    expect(trail.sinkStore).toBe('S/TrailBucket');
    expect(trail.metricFilters).toEqual([expect.objectContaining({ address: 'S/RootUse' })]);
  });

  test('a key named by its alias is the key of the graph the alias targets', () => {
    const view = views((stack) => {
      const key = new kms.CfnKey(stack, 'Key', { enableKeyRotation: true });
      new kms.CfnAlias(stack, 'Alias', { aliasName: 'alias/shop-data', targetKeyId: key.ref });
      new s3.CfnBucket(stack, 'Data', {
        bucketEncryption: {
          serverSideEncryptionConfiguration: [
            { serverSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: 'alias/shop-data' } },
          ],
        },
      });
    });
    expect(view('Data', 'data-store').encryption).toEqual({
      atRest: 'customer-key',
      key: { address: 'S/Key' },
    });
  });

  test('queue and topic policies attach by URL and ARN; their TLS deny must cover the service', () => {
    const view = views((stack) => {
      const queueUrl = 'https://sqs.${AWS::Region}.${AWS::URLSuffix}/${AWS::AccountId}/';
      const queueArn = 'arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:';
      const topicArn = 'arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:';
      new sqs.CfnQueue(stack, 'Jobs', { queueName: 'shop-jobs' });
      new sqs.CfnQueuePolicy(stack, 'JobsPolicy', {
        queues: [Fn.sub(`${queueUrl}shop-jobs`)],
        policyDocument: { Statement: [denyPlainHttp('sqs:*', Fn.sub(`${queueArn}shop-jobs`))] },
      });
      new sqs.CfnQueue(stack, 'Mail', { queueName: 'shop-mail' });
      new sqs.CfnQueuePolicy(stack, 'MailPolicy', {
        queues: [Fn.sub(`${queueUrl}shop-mail`)],
        policyDocument: { Statement: [denyPlainHttp('sqs:SendMessage', Fn.sub(`${queueArn}shop-mail`))] },
      });
      new sns.CfnTopic(stack, 'Alerts', { topicName: 'shop-alerts' });
      new sns.CfnTopicPolicy(stack, 'AlertsPolicy', {
        topics: [Fn.sub(`${topicArn}shop-alerts`)],
        policyDocument: { Statement: [denyPlainHttp('SNS:Publish', Fn.sub(`${topicArn}shop-alerts`))] },
      });
    });
    expect(view('Jobs', 'data-store').tlsOnly).toBe(true);
    expect(view('Mail', 'data-store').tlsOnly).toBe(false);
    expect(view('Alerts', 'data-store').tlsOnly).toBe(true);
  });

  test('a load balancer names the bucket receiving its access logs', () => {
    const view = views((stack) => {
      appName(stack);
      new s3.CfnBucket(stack, 'AccessLogs', { bucketName: Fn.sub('${AppName}-alb-logs') });
      new elbv2.CfnLoadBalancer(stack, 'Alb', {
        subnets: ['subnet-1', 'subnet-2'],
        loadBalancerAttributes: [
          { key: 'access_logs.s3.enabled', value: 'true' },
          { key: 'access_logs.s3.bucket', value: Fn.sub('${AppName}-alb-logs') },
        ],
      });
    });
    const lb = view('Alb', 'load-balancer');
    expect(lb.accessLogging).toBe(true);
    expect(lb.accessLogStore).toBe('S/AccessLogs');
  });

  test('a read replica naming its source by an identifier expression takes its encryption', () => {
    const view = views((stack) => {
      new CfnParameter(stack, 'AppName', { type: 'String' });
      new rds.CfnDBInstance(stack, 'Main', {
        dbInstanceIdentifier: Fn.sub('${AppName}-main'),
        dbInstanceClass: 'db.t4g.micro',
        engine: 'postgres',
        allocatedStorage: '20',
        storageEncrypted: false,
      });
      new rds.CfnDBInstance(stack, 'Replica', {
        sourceDbInstanceIdentifier: Fn.sub('${AppName}-main'),
        dbInstanceClass: 'db.t4g.micro',
      });
    });
    expect(view('Replica', 'data-store').encryption).toEqual({ atRest: 'none' });
  });

  test('20,000 named buckets logging to each other by name: views in linear time', () => {
    const n = 20_000;
    const resources: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) {
      resources[`B${i}`] = {
        Type: 'AWS::S3::Bucket',
        Properties: {
          BucketName: `shop-${i}`,
          LoggingConfiguration: { DestinationBucketName: `shop-${(i + 1) % n}` },
        },
      };
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-buckets-'));
    try {
      const file = path.join(dir, 'buckets.template.json');
      fs.writeFileSync(file, JSON.stringify({ Resources: resources }));
      const { resources: read } = readTemplateFile(file);
      const started = process.hrtime.bigint();
      const set = new ViewSet(new ResourceGraph(read), cloudFormationAdapters());
      const stores = set.ofKind('data-store');
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      expect(set.errors).toEqual([]);
      expect(stores).toHaveLength(n);
      expect(stores.every((s) => s.receivesAccessLogsOf?.length === 1)).toBe(true);
      // Matching every bucket against every bucket is 4e8 comparisons: tens of seconds.
      expect(ms).toBeLessThan(4_000);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
