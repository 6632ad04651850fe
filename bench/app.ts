import { App, Duration, RemovalPolicy, Stack, Tags } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

export const UNITS_PER_STACK = 40;

/**
 * One unit of the benchmark app: a bucket, queue, topic, function, role with a policy, security
 * group with ingress, table and log group. Compliant units use KMS, TLS-only policies, retention and
 * narrow ingress; the others keep the service defaults and open SSH to the world.
 */
export function addUnit(scope: Construct, i: number, vpc: ec2.IVpc, key: kms.IKey | undefined): void {
  const compliant = key !== undefined;
  const u = `U${i}`;
  const bucket = new s3.Bucket(
    scope,
    `${u}Bucket`,
    compliant ? { encryptionKey: key, enforceSSL: true, versioned: true } : {},
  );
  const queue = new sqs.Queue(
    scope,
    `${u}Queue`,
    compliant ? { encryptionMasterKey: key, enforceSSL: true } : {},
  );
  const topic = new sns.Topic(scope, `${u}Topic`, compliant ? { masterKey: key, enforceSSL: true } : {});
  const role = new iam.Role(scope, `${u}Role`, {
    assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
  });
  role.addToPolicy(
    compliant
      ? new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [bucket.arnForObjects('*')] })
      : new iam.PolicyStatement({ actions: ['*'], resources: ['*'] }),
  );
  const fn = new lambda.Function(scope, `${u}Fn`, {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({});'),
    role,
    environment: compliant
      ? { QUEUE_URL: queue.queueUrl, TOPIC_ARN: topic.topicArn }
      : { DB_PASSWORD: 'hunter2' },
  });
  const sg = new ec2.SecurityGroup(scope, `${u}Sg`, { vpc, allowAllOutbound: false });
  sg.addIngressRule(
    compliant ? ec2.Peer.ipv4('10.0.0.0/16') : ec2.Peer.anyIpv4(),
    ec2.Port.tcp(compliant ? 443 : 22),
  );
  new dynamodb.Table(scope, `${u}Table`, {
    partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
    ...(compliant
      ? {
          encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
          encryptionKey: key,
          pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
          deletionProtection: true,
        }
      : {}),
    removalPolicy: RemovalPolicy.RETAIN,
  });
  new logs.LogGroup(
    scope,
    `${u}Logs`,
    compliant
      ? { encryptionKey: key, retention: logs.RetentionDays.ONE_YEAR }
      : { retention: logs.RetentionDays.INFINITE },
  );
  fn.addEnvironment('BUCKET', bucket.bucketName);
  if (compliant) Tags.of(bucket).add('data-classification', 'confidential');
}

/** The benchmark app: `units` units, 40 a stack, half compliant and half not. */
export function buildBenchApp(units: number, outdir: string): App {
  // Path metadata on, as `cdk synth` writes it: templates carry each resource's construct path.
  const app = new App({
    outdir,
    builtinCloudFormationValidation: false,
    context: { 'aws:cdk:enable-path-metadata': true },
  });
  const stacks = Math.ceil(units / UNITS_PER_STACK);
  for (let s = 0; s < stacks; s++) {
    const stack = new Stack(app, `Bench${s}`);
    const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', {
      vpcId: 'vpc-0123456789abcdef0',
      availabilityZones: ['eu-west-1a'],
      privateSubnetIds: ['subnet-0123456789abcdef0'],
    });
    const key = new kms.Key(stack, 'Key', { enableKeyRotation: true, rotationPeriod: Duration.days(365) });
    for (let i = s * UNITS_PER_STACK; i < Math.min(units, (s + 1) * UNITS_PER_STACK); i++) {
      addUnit(stack, i, vpc, i % 2 === 0 ? key : undefined);
    }
  }
  return app;
}
