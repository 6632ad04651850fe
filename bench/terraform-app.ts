import { App, TerraformStack } from 'cdktf';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { DynamodbTable } from '@cdktf/provider-aws/lib/dynamodb-table';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import type { Construct } from 'constructs';
import { Classification } from '../lib/classification';
import { ClassifiedKey, ClassifiedObjectStore, assumeRolePolicy, policyJson } from '../lib/terraform';

/** Name of the bench stack: `<outdir>/stacks/bench/cdk.tf.json`. */
export const TF_BENCH_STACK = 'bench';
const VPC_ID = 'vpc-0123456789abcdef0';

/**
 * One unit of the Terraform benchmark app, the counterpart of the CDK bench unit: a bucket, queue,
 * topic, function, role with a policy, security group with ingress, table and log group. Compliant
 * units take a `ClassifiedObjectStore` (CONFIDENTIAL, on the stack's shared key), KMS, retention and
 * narrow ingress; the others keep the provider defaults and open SSH to the world.
 */
export function addTerraformUnit(scope: Construct, i: number, key: ClassifiedKey | undefined): void {
  const u = `U${i}`;
  const compliant = key !== undefined;
  const bucketArn = compliant
    ? new ClassifiedObjectStore(scope, `${u}Store`, {
        classification: Classification.CONFIDENTIAL,
        encryptionKey: key.key,
      }).bucket.arn
    : new S3Bucket(scope, `${u}Bucket`, {}).arn;
  const queue = new SqsQueue(scope, `${u}Queue`, compliant ? { kmsMasterKeyId: key.arn } : {});
  const topic = new SnsTopic(scope, `${u}Topic`, compliant ? { kmsMasterKeyId: key.arn } : {});
  const role = new IamRole(scope, `${u}Role`, { assumeRolePolicy: assumeRolePolicy('lambda.amazonaws.com') });
  new IamRolePolicy(scope, `${u}RolePolicy`, {
    role: role.id,
    policy: policyJson([
      compliant
        ? { Effect: 'Allow', Action: 's3:GetObject', Resource: `${bucketArn}/*` }
        : { Effect: 'Allow', Action: '*', Resource: '*' },
    ]),
  });
  new LambdaFunction(scope, `${u}Fn`, {
    functionName: `bench-${u}`,
    role: role.arn,
    runtime: 'nodejs22.x',
    handler: 'index.handler',
    filename: 'function.zip',
    environment: {
      variables: compliant ? { QUEUE_URL: queue.url, TOPIC_ARN: topic.arn } : { DB_PASSWORD: 'hunter2' },
    },
  });
  const sg = new SecurityGroup(scope, `${u}Sg`, { vpcId: VPC_ID, description: `bench ${u}` });
  new VpcSecurityGroupIngressRule(scope, `${u}SgIngress`, {
    securityGroupId: sg.id,
    ipProtocol: 'tcp',
    fromPort: compliant ? 443 : 22,
    toPort: compliant ? 443 : 22,
    cidrIpv4: compliant ? '10.0.0.0/16' : '0.0.0.0/0',
  });
  new DynamodbTable(scope, `${u}Table`, {
    name: `bench-${u}`,
    hashKey: 'pk',
    billingMode: 'PAY_PER_REQUEST',
    attribute: [{ name: 'pk', type: 'S' }],
    ...(compliant
      ? {
          serverSideEncryption: { enabled: true, kmsKeyArn: key.arn },
          pointInTimeRecovery: { enabled: true },
          deletionProtectionEnabled: true,
        }
      : {}),
  });
  new CloudwatchLogGroup(
    scope,
    `${u}Logs`,
    compliant ? { name: `/bench/${u}`, kmsKeyId: key.arn, retentionInDays: 365 } : { name: `/bench/${u}` },
  );
}

/** The Terraform benchmark app: one stack of `units` units, half compliant and half not. */
export function buildTerraformBenchApp(units: number, outdir: string): App {
  const app = new App({ outdir });
  const stack = new TerraformStack(app, TF_BENCH_STACK);
  new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
  const key = new ClassifiedKey(stack, 'Key', {
    classification: Classification.CONFIDENTIAL,
    description: 'Bench key',
  });
  for (let i = 0; i < units; i++) addTerraformUnit(stack, i, i % 2 === 0 ? key : undefined);
  return app;
}
