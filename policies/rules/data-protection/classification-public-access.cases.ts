import { CfnParameter, Fn, Tags } from 'aws-cdk-lib';
import type { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { IConstruct } from 'constructs';
import { defineCases } from '../../../lib/engine/cases';
import rule from './classification-public-access';
import { DbInstance } from '@cdktf/provider-aws/lib/db-instance';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { classified, tfBucket } from '../../../test/support/terraform-stores';

const classify = <T extends IConstruct>(c: T, level: string): T => {
  Tags.of(c).add('data-classification', level);
  return c;
};

function database(stack: Stack, publiclyAccessible: boolean): rds.DatabaseInstance {
  const vpc = new ec2.Vpc(stack, 'Vpc', {
    natGateways: 0,
    subnetConfiguration: [
      { name: 'db', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      { name: 'edge', subnetType: ec2.SubnetType.PUBLIC },
    ],
  });
  return new rds.DatabaseInstance(stack, 'Db', {
    engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),
    vpc,
    vpcSubnets: { subnetType: publiclyAccessible ? ec2.SubnetType.PUBLIC : ec2.SubnetType.PRIVATE_ISOLATED },
    publiclyAccessible,
  });
}

export default defineCases(rule, [
  {
    name: 'internal bucket blocking all public access',
    build: (stack) => {
      classify(
        new s3.Bucket(stack, 'Data', { blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL }),
        'internal',
      );
    },
    target: 'Data',
    expect: 'pass',
  },
  {
    name: 'confidential bucket blocking only public ACLs',
    build: (stack) => {
      classify(
        new s3.Bucket(stack, 'Data', { blockPublicAccess: s3.BlockPublicAccess.BLOCK_ACLS }),
        'confidential',
      );
    },
    target: 'Data',
    expect: 'fail',
    message: /`Data` is CONFIDENTIAL and does not block public access \(partially-blocked\)/,
  },
  {
    name: 'internal bucket whose policy lets everyone read objects',
    build: (stack) => {
      const b = classify(new s3.Bucket(stack, 'Data'), 'internal');
      b.addToResourcePolicy(
        new iam.PolicyStatement({
          principals: [new iam.AnyPrincipal()],
          actions: ['s3:GetObject'],
          resources: [b.arnForObjects('*')],
        }),
      );
    },
    target: 'Data',
    expect: 'fail',
    message: /`Data` is INTERNAL and its resource policy grants access to everyone/,
  },
  {
    name: 'public website bucket readable by everyone',
    build: (stack) => {
      classify(
        new s3.Bucket(stack, 'Site', {
          publicReadAccess: true,
          blockPublicAccess: s3.BlockPublicAccess.BLOCK_ACLS,
        }),
        'public',
      );
    },
    target: 'Site',
    expect: 'not_applicable',
  },
  {
    name: 'restricted queue that anyone may send to',
    build: (stack) => {
      const q = classify(new sqs.Queue(stack, 'Jobs'), 'restricted');
      q.addToResourcePolicy(
        new iam.PolicyStatement({
          principals: [new iam.AnyPrincipal()],
          actions: ['sqs:SendMessage'],
          resources: [q.queueArn],
        }),
      );
    },
    target: 'Jobs',
    expect: 'fail',
    message: /`Jobs` is RESTRICTED and its resource policy grants access to everyone/,
  },
  {
    name: 'restricted queue shared within the organisation only',
    build: (stack) => {
      const q = classify(new sqs.Queue(stack, 'Jobs'), 'restricted');
      q.addToResourcePolicy(
        new iam.PolicyStatement({
          principals: [new iam.AnyPrincipal()],
          actions: ['sqs:SendMessage'],
          resources: [q.queueArn],
          conditions: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } },
        }),
      );
    },
    target: 'Jobs',
    expect: 'pass',
  },
  {
    name: 'confidential database in private subnets',
    build: (stack) => {
      classify(database(stack, false), 'confidential');
    },
    target: 'Db/Resource',
    expect: 'pass',
  },
  {
    name: 'confidential database with a public endpoint',
    build: (stack) => {
      classify(database(stack, true), 'confidential');
    },
    target: 'Db/Resource',
    expect: 'fail',
    message: /`Db` is CONFIDENTIAL and has a public endpoint/,
  },
  {
    name: 'internal bucket named by an expression, with a policy attached by that name that lets everyone read',
    build: (stack) => {
      new CfnParameter(stack, 'AppName', { type: 'String', default: 'shop' });
      const name = '${AppName}-content-${AWS::Region}-${AWS::AccountId}';
      new s3.CfnBucket(stack, 'Content', {
        bucketName: Fn.sub(name),
        tags: [{ key: 'data-classification', value: 'internal' }],
      });
      new s3.CfnBucketPolicy(stack, 'ContentPolicy', {
        bucket: Fn.sub(name),
        policyDocument: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: '*',
              Action: 's3:GetObject',
              Resource: Fn.sub(`arn:\${AWS::Partition}:s3:::${name}/*`),
            },
          ],
        },
      });
    },
    target: 'Content',
    expect: 'fail',
    message: /`Content` is INTERNAL and its resource policy grants access to everyone/,
  },
  {
    name: 'terraform: internal bucket whose aws_s3_bucket_public_access_block leaves policies open',
    source: 'cdktf',
    build: (stack) => {
      const b = tfBucket(stack, 'Data', { level: 'internal' });
      new S3BucketPublicAccessBlock(stack, 'Block', {
        bucket: b.id,
        blockPublicAcls: true,
        ignorePublicAcls: true,
        blockPublicPolicy: false,
        restrictPublicBuckets: false,
      });
    },
    target: 'Data',
    expect: 'fail',
    message: /`Data` is INTERNAL and does not block public access/,
  },
  {
    name: "terraform: internal bucket on S3's default for new buckets (public access blocked)",
    source: 'cdktf',
    build: (stack) => void tfBucket(stack, 'Data', { level: 'internal' }),
    target: 'Data',
    expect: 'pass',
  },
  {
    name: 'terraform: confidential DB instance with publicly_accessible = true',
    source: 'cdktf',
    build: (stack) => {
      new DbInstance(stack, 'Db', {
        engine: 'postgres',
        instanceClass: 'db.t3.micro',
        allocatedStorage: 20,
        publiclyAccessible: true,
        ...classified('confidential'),
      });
    },
    target: 'Db',
    expect: 'fail',
    message: '`Db` is CONFIDENTIAL and has a public endpoint, reachable from the internet',
  },
]);
