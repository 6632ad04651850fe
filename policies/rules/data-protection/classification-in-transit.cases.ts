import { Tags } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { IConstruct } from 'constructs';
import { defineCases } from '../../../lib/engine/cases';
import { neptuneCluster, searchDomain } from '../../../test/support/data-services';
import { storageAccount } from '../../../test/support/azure-native';
import rule from './classification-in-transit';
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import type { TerraformStack } from 'cdktf';
import { tfBucket } from '../../../test/support/terraform-stores';

/** A Terraform bucket of `level`, with a policy denying requests below TLS 1.3 when `tls13` is set. */
function tfTlsBucket(stack: TerraformStack, level: string, tls13: boolean): void {
  const b = tfBucket(stack, 'Data', { level });
  if (!tls13) return;
  const doc = new DataAwsIamPolicyDocument(stack, 'Doc', {
    statement: [
      {
        effect: 'Deny',
        actions: ['s3:*'],
        resources: [b.arn, `${b.arn}/*`],
        principals: [{ type: '*', identifiers: ['*'] }],
        condition: [{ test: 'NumericLessThan', variable: 's3:TlsVersion', values: ['1.3'] }],
      },
    ],
  });
  new S3BucketPolicy(stack, 'Policy', { bucket: b.id, policy: doc.json });
}

const classify = <T extends IConstruct>(c: T, level: string): T => {
  Tags.of(c).add('data-classification', level);
  return c;
};

export default defineCases(rule, [
  {
    name: 'restricted bucket denying TLS below 1.3',
    build: (stack) => {
      classify(new s3.Bucket(stack, 'Data', { enforceSSL: true, minimumTLSVersion: 1.3 }), 'restricted');
    },
    target: 'Data',
    expect: 'pass',
  },
  {
    name: 'restricted bucket denying TLS below 1.2 only',
    build: (stack) => {
      classify(new s3.Bucket(stack, 'Data', { enforceSSL: true, minimumTLSVersion: 1.2 }), 'restricted');
    },
    target: 'Data',
    expect: 'fail',
    message: /`Data` is RESTRICTED and accepts TLS 1\.2; the level requires TLS 1\.3 or later/,
  },
  {
    name: 'top-secret bucket on the S3 default',
    build: (stack) => {
      classify(new s3.Bucket(stack, 'Data', { enforceSSL: true }), 'top-secret');
    },
    target: 'Data',
    expect: 'fail',
    message: /`Data` is TOP_SECRET and accepts TLS 1\.2/,
  },
  {
    name: 'top-secret bucket denying TLS 1.2 and below by a hand-written statement',
    build: (stack) => {
      const b = classify(new s3.Bucket(stack, 'Data', { enforceSSL: true }), 'top-secret');
      b.addToResourcePolicy(
        new iam.PolicyStatement({
          effect: iam.Effect.DENY,
          principals: [new iam.AnyPrincipal()],
          actions: ['s3:*'],
          resources: [b.bucketArn, b.arnForObjects('*')],
          conditions: { NumericLessThanEquals: { 's3:TlsVersion': '1.2' } },
        }),
      );
    },
    target: 'Data',
    expect: 'pass',
  },
  {
    name: 'top-secret bucket whose TLS 1.2 deny covers one prefix only',
    build: (stack) => {
      const b = classify(new s3.Bucket(stack, 'Data', { enforceSSL: true }), 'top-secret');
      b.addToResourcePolicy(
        new iam.PolicyStatement({
          effect: iam.Effect.DENY,
          principals: [new iam.AnyPrincipal()],
          actions: ['s3:*'],
          resources: [b.arnForObjects('AWSLogs/*')],
          conditions: { NumericLessThanEquals: { 's3:TlsVersion': '1.2' } },
        }),
      );
    },
    target: 'Data',
    expect: 'fail',
    message: /`Data` is TOP_SECRET and accepts TLS 1\.2/,
  },
  {
    name: 'restricted bucket whose TLS 1.3 deny spares one role',
    build: (stack) => {
      const b = classify(new s3.Bucket(stack, 'Data', { enforceSSL: true }), 'restricted');
      b.addToResourcePolicy(
        new iam.PolicyStatement({
          effect: iam.Effect.DENY,
          principals: [new iam.AnyPrincipal()],
          actions: ['s3:*'],
          resources: [b.bucketArn, b.arnForObjects('*')],
          conditions: {
            NumericLessThan: { 's3:TlsVersion': '1.3' },
            ArnNotEquals: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/legacy' },
          },
        }),
      );
    },
    target: 'Data',
    expect: 'fail',
    message: /accepts TLS 1\.2/,
  },
  {
    name: 'confidential bucket on the S3 default (TLS 1.2 and later)',
    build: (stack) => {
      classify(new s3.Bucket(stack, 'Data', { enforceSSL: true }), 'confidential');
    },
    target: 'Data',
    expect: 'pass',
  },
  {
    name: 'restricted OpenSearch domain on its strongest TLS policy (TLS 1.2 floor; no 1.3-only policy exists)',
    build: (stack) => {
      Tags.of(searchDomain(stack)).add('data-classification', 'restricted');
    },
    target: 'Search',
    expect: 'pass',
  },
  {
    name: 'confidential OpenSearch domain on the default TLS policy (TLS 1.0)',
    build: (stack) => {
      const domain = searchDomain(stack, 'Search', { domainEndpointOptions: { enforceHttps: true } });
      Tags.of(domain).add('data-classification', 'confidential');
    },
    target: 'Search',
    expect: 'fail',
    message: /`Search` is CONFIDENTIAL and accepts TLS 1\.0; the level requires TLS 1\.2 or later/,
  },
  {
    name: 'restricted Neptune cluster: the service accepts TLS 1.2 and 1.3 and offers no 1.3-only setting',
    build: (stack) => {
      Tags.of(neptuneCluster(stack)).add('data-classification', 'restricted');
    },
    target: 'Graph',
    expect: 'pass',
  },
  {
    name: "terraform: restricted bucket on S3's TLS 1.2 floor",
    source: 'cdktf',
    build: (stack) => tfTlsBucket(stack, 'restricted', false),
    target: 'Data',
    expect: 'fail',
    message: '`Data` is RESTRICTED and accepts TLS 1.2; the level requires TLS 1.3 or later',
  },
  {
    name: 'terraform: restricted bucket whose policy denies s3:TlsVersion below 1.3',
    source: 'cdktf',
    build: (stack) => tfTlsBucket(stack, 'restricted', true),
    target: 'Data',
    expect: 'pass',
  },
  {
    name: "terraform: confidential bucket on S3's TLS 1.2 floor",
    source: 'cdktf',
    build: (stack) => tfTlsBucket(stack, 'confidential', false),
    target: 'Data',
    expect: 'pass',
  },
  {
    name: 'pulumi: CONFIDENTIAL storage account with minimumTlsVersion TLS1_2',
    source: 'pulumi',
    build: () => storageAccount('data'),
    target: 'data',
    expect: 'pass',
  },
  {
    name: 'pulumi: CONFIDENTIAL storage account with minimumTlsVersion TLS1_0',
    source: 'pulumi',
    build: () => storageAccount('data', { minimumTlsVersion: 'TLS1_0' }),
    target: 'data',
    expect: 'fail',
    message: /`data` is CONFIDENTIAL and accepts TLS 1.0/,
  },
  {
    name: 'pulumi: CONFIDENTIAL storage account without minimumTlsVersion (read as TLS 1.0)',
    source: 'pulumi',
    build: () => storageAccount('data', { minimumTlsVersion: undefined }),
    target: 'data',
    expect: 'fail',
    message: /accepts TLS 1.0/,
  },
]);
