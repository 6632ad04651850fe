import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Stack } from 'aws-cdk-lib';
import { defineCases, type RuleCase } from '../../../lib/engine/cases';
import rule from './cdn-origin-access-control';
import { CloudfrontOriginAccessControl } from '@cdktf/provider-aws/lib/cloudfront-origin-access-control';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import type { TerraformStack } from 'cdktf';
import { tfDistribution } from './cdn-tls.cases';

function distribution(stack: Stack, origin: (b: s3.Bucket) => cloudfront.IOrigin): void {
  const bucket = new s3.Bucket(stack, 'Content');
  new cloudfront.Distribution(stack, 'Cdn', { defaultBehavior: { origin: origin(bucket) } });
}

/** A Terraform distribution whose one origin `site` is a bucket's REST endpoint, reached as `access` says. */
function tfBucketOrigin(stack: TerraformStack, access: 'oac' | 'oai' | 'none'): void {
  const bucket = new S3Bucket(stack, 'Site', { bucket: 'example-site' });
  const oac =
    access === 'oac'
      ? new CloudfrontOriginAccessControl(stack, 'Oac', {
          name: 'site',
          originAccessControlOriginType: 's3',
          signingBehavior: 'always',
          signingProtocol: 'sigv4',
        })
      : undefined;
  tfDistribution(stack, {
    origin: [
      {
        originId: 'site',
        domainName: bucket.bucketRegionalDomainName,
        originAccessControlId: oac?.id,
        s3OriginConfig:
          access === 'oai'
            ? { originAccessIdentity: 'origin-access-identity/cloudfront/E2QWRUHAPOMQZL' }
            : undefined,
      },
    ],
    defaultCacheBehavior: {
      targetOriginId: 'site',
      viewerProtocolPolicy: 'redirect-to-https',
      allowedMethods: ['GET', 'HEAD'],
      cachedMethods: ['GET', 'HEAD'],
      cachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6',
    },
  });
}

const terraformCases: RuleCase[] = [
  {
    name: 'Terraform: bucket origin with `origin_access_control_id`',
    source: 'cdktf',
    build: (stack) => tfBucketOrigin(stack, 'oac'),
    target: 'Cdn',
    expect: 'pass',
  },
  {
    name: 'Terraform: bucket origin with a legacy `s3_origin_config.origin_access_identity`',
    source: 'cdktf',
    build: (stack) => tfBucketOrigin(stack, 'oai'),
    target: 'Cdn',
    expect: 'fail',
    message: '`Cdn` reaches origin `site` with a legacy origin access identity',
  },
  {
    name: 'Terraform: bucket origin with neither (unsigned requests)',
    source: 'cdktf',
    build: (stack) => tfBucketOrigin(stack, 'none'),
    target: 'Cdn',
    expect: 'fail',
    message: '`Cdn` reaches origin `site` with unsigned requests (no origin access control)',
  },
  {
    name: 'terraform plan: bucket origin with an origin access control (set blocks in plan order)',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-endpoints/plan.json',
    target: 'aws_cloudfront_distribution.good',
    expect: 'pass',
  },
  {
    name: 'terraform plan: bucket origin with unsigned requests',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-endpoints/plan.json',
    target: 'aws_cloudfront_distribution.bare',
    expect: 'fail',
    message: /reaches origin `site` with unsigned requests/,
  },
];

export default defineCases(rule, [
  {
    name: 'bucket origin with origin access control',
    build: (stack) => distribution(stack, (b) => origins.S3BucketOrigin.withOriginAccessControl(b)),
    target: 'Cdn',
    expect: 'pass',
  },
  {
    name: 'bucket origin with a legacy origin access identity',
    build: (stack) => distribution(stack, (b) => origins.S3BucketOrigin.withOriginAccessIdentity(b)),
    target: 'Cdn',
    expect: 'fail',
    message: /`Cdn` reaches origin `[^`]+` with a legacy origin access identity/,
  },
  {
    name: 'bucket origin with unsigned requests',
    build: (stack) => distribution(stack, (b) => origins.S3BucketOrigin.withBucketDefaults(b)),
    target: 'Cdn',
    expect: 'fail',
    message: /with unsigned requests/,
  },
  {
    name: 'custom origin only',
    build: (stack) => {
      new cloudfront.Distribution(stack, 'Cdn', {
        defaultBehavior: { origin: new origins.HttpOrigin('origin.example.com') },
      });
    },
    target: 'Cdn',
    expect: 'not_applicable',
  },
  ...terraformCases,
]);
