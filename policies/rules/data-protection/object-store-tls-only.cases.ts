import { CfnParameter, Fn, type Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { defineCases } from '../../../lib/engine/cases';
import { storageAccount } from '../../../test/support/azure-native';
import rule from './object-store-tls-only';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';

/** The bucket name of a hand-written template, as an expression of a parameter and pseudo parameters. */
const CONTENT = '${AppName}-content-${AWS::Region}-${AWS::AccountId}';
const CONTENT_ARN = `arn:\${AWS::Partition}:s3:::${CONTENT}`;

/** A bucket named by `CONTENT`, as hand-written templates name their buckets. */
function namedBucket(stack: Stack): s3.CfnBucket {
  new CfnParameter(stack, 'AppName', { type: 'String', default: 'shop' });
  return new s3.CfnBucket(stack, 'Content', { bucketName: Fn.sub(CONTENT) });
}

/** A statement denying every S3 action on `resources` to everyone when the request is not over TLS. */
function denyPlainHttp(resources: string[]): Record<string, unknown> {
  return {
    Effect: 'Deny',
    Principal: '*',
    Action: 's3:*',
    Resource: resources,
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  };
}

export default defineCases(rule, [
  {
    name: 'bucket with enforceSSL',
    build: (stack) => {
      new s3.Bucket(stack, 'Data', { enforceSSL: true });
    },
    target: 'Data',
    expect: 'pass',
  },
  {
    name: 'bucket without a TLS-only policy',
    build: (stack) => {
      new s3.Bucket(stack, 'Data');
    },
    target: 'Data',
    expect: 'fail',
    message: /`Data` accepts requests without TLS/,
  },
  {
    name: 'bucket policy that only allows reads does not deny plain HTTP',
    build: (stack) => {
      const b = new s3.Bucket(stack, 'Data');
      b.addToResourcePolicy(
        new iam.PolicyStatement({
          actions: ['s3:GetObject'],
          resources: [b.arnForObjects('*')],
          principals: [new iam.AccountRootPrincipal()],
        }),
      );
    },
    target: 'Data',
    expect: 'fail',
    message: /`Data` accepts requests without TLS/,
  },
  {
    name: 'bucket policy attached by the same name expression denies plain HTTP on the bucket and its objects',
    build: (stack) => {
      namedBucket(stack);
      new s3.CfnBucketPolicy(stack, 'ContentPolicy', {
        bucket: Fn.sub(CONTENT),
        policyDocument: {
          Version: '2012-10-17',
          Statement: [denyPlainHttp([Fn.sub(CONTENT_ARN), Fn.sub(`${CONTENT_ARN}/*`)])],
        },
      });
    },
    target: 'Content',
    expect: 'pass',
  },
  {
    name: 'TLS deny scoped to the AWSLogs/ prefix leaves the rest of the bucket open',
    build: (stack) => {
      const b = new s3.CfnBucket(stack, 'Data');
      new s3.CfnBucketPolicy(stack, 'DataPolicy', {
        bucket: b.ref,
        policyDocument: {
          Version: '2012-10-17',
          Statement: [denyPlainHttp([`${b.attrArn}/AWSLogs/*`])],
        },
      });
    },
    target: 'Data',
    expect: 'fail',
    message: /`Data` accepts requests without TLS/,
  },
  {
    name: 'TLS deny on the objects only leaves bucket-level requests open',
    build: (stack) => {
      const b = new s3.CfnBucket(stack, 'Data');
      new s3.CfnBucketPolicy(stack, 'DataPolicy', {
        bucket: b.ref,
        policyDocument: { Version: '2012-10-17', Statement: [denyPlainHttp([`${b.attrArn}/*`])] },
      });
    },
    target: 'Data',
    expect: 'fail',
    message: /`Data` accepts requests without TLS/,
  },
  {
    name: 'TLS deny of reads only leaves writes open',
    build: (stack) => {
      const b = new s3.CfnBucket(stack, 'Data');
      new s3.CfnBucketPolicy(stack, 'DataPolicy', {
        bucket: b.ref,
        policyDocument: {
          Version: '2012-10-17',
          Statement: [{ ...denyPlainHttp([b.attrArn, `${b.attrArn}/*`]), Action: 's3:GetObject' }],
        },
      });
    },
    target: 'Data',
    expect: 'fail',
    message: /`Data` accepts requests without TLS/,
  },
  {
    name: "the policy of another bucket naming this bucket's ARN does not make this bucket TLS-only",
    build: (stack) => {
      const archive = new s3.CfnBucket(stack, 'Archive');
      namedBucket(stack);
      new s3.CfnBucketPolicy(stack, 'ContentPolicy', {
        bucket: Fn.sub(CONTENT),
        policyDocument: {
          Version: '2012-10-17',
          Statement: [
            denyPlainHttp([
              archive.attrArn,
              `${archive.attrArn}/*`,
              Fn.sub(CONTENT_ARN),
              Fn.sub(`${CONTENT_ARN}/*`),
            ]),
          ],
        },
      });
    },
    target: 'Archive',
    expect: 'fail',
    message: /`Archive` accepts requests without TLS/,
  },
  // From a real template: CIS AWS 2.1.1 needs a bucket policy denying aws:SecureTransport=false.
  {
    name: 'real template: CodePipeline artifact bucket with no bucket policy',
    source: 'cloudformation-template',
    template: 'test/fixtures/real-world/aws-cloudformation-templates/codebuild.yaml',
    target: 'PipelineS3Bucket',
    expect: 'fail',
    message: '`PipelineS3Bucket` accepts requests without TLS',
  },
  {
    name: 'Terraform: aws_s3_bucket_policy from an aws_iam_policy_document denying aws:SecureTransport=false',
    source: 'cdktf',
    build: (stack) => {
      const b = new S3Bucket(stack, 'Bucket', { bucket: 'data' });
      const doc = new DataAwsIamPolicyDocument(stack, 'Doc', {
        statement: [
          {
            effect: 'Deny',
            actions: ['s3:*'],
            resources: [b.arn, `${b.arn}/*`],
            principals: [{ type: '*', identifiers: ['*'] }],
            condition: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] }],
          },
        ],
      });
      new S3BucketPolicy(stack, 'Policy', { bucket: b.id, policy: doc.json });
    },
    target: 'Bucket',
    expect: 'pass',
  },
  {
    name: 'Terraform: the TLS deny covers the objects only, not the bucket',
    source: 'cdktf',
    build: (stack) => {
      const b = new S3Bucket(stack, 'Bucket', { bucket: 'data' });
      new S3BucketPolicy(stack, 'Policy', {
        bucket: b.id,
        policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Deny',
              Principal: '*',
              Action: 's3:*',
              Resource: `${b.arn}/*`,
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            },
          ],
        }),
      });
    },
    target: 'Bucket',
    expect: 'fail',
    message: /`Bucket` accepts requests without TLS/,
  },
  {
    name: 'Terraform: a bucket without a policy',
    source: 'cdktf',
    build: (stack) => {
      new S3Bucket(stack, 'Bucket', { bucket: 'data' });
    },
    target: 'Bucket',
    expect: 'fail',
  },
  {
    name: 'terraform plan: azurerm storage account with enable_https_traffic_only',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/regula__azure-storage-secure-transfer.json',
    target: 'azurerm_storage_account.validstorageaccount1',
    expect: 'pass',
  },
  {
    name: 'terraform plan: azurerm storage account with enable_https_traffic_only false',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/terraform-plans/regula__azure-storage-secure-transfer.json',
    target: 'azurerm_storage_account.invalidstorageaccount1',
    expect: 'fail',
    message: /`azurerm_storage_account.invalidstorageaccount1` accepts requests without TLS/,
  },
  {
    name: 'pulumi: storage account with enableHttpsTrafficOnly',
    source: 'pulumi',
    build: () => storageAccount('data'),
    target: 'data',
    expect: 'pass',
  },
  {
    name: 'pulumi: storage account without enableHttpsTrafficOnly (HTTPS only since API version 2019-04-01)',
    source: 'pulumi',
    build: () => storageAccount('data', { enableHttpsTrafficOnly: undefined }),
    target: 'data',
    expect: 'pass',
  },
  {
    name: 'pulumi: storage account with enableHttpsTrafficOnly false',
    source: 'pulumi',
    build: () => storageAccount('data', { enableHttpsTrafficOnly: false }),
    target: 'data',
    expect: 'fail',
    message: /`data` accepts requests without TLS/,
  },
]);
