import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { defineCases, type RuleCase } from '../../../lib/engine/cases';
import rule from './cdn-origin-tls';
import { tfDistribution } from './cdn-tls.cases';

/** A Terraform custom origin `app` with the given protocol policy and TLS protocols. */
function tfOrigin(originProtocolPolicy: string, originSslProtocols: string[]) {
  return [
    {
      originId: 'app',
      domainName: 'origin.example.com',
      customOriginConfig: { httpPort: 80, httpsPort: 443, originProtocolPolicy, originSslProtocols },
    },
  ];
}

const terraformCases: RuleCase[] = [
  {
    name: 'Terraform: custom origin `https-only` over TLSv1.2',
    source: 'cdktf',
    build: (stack) => void tfDistribution(stack),
    target: 'Cdn',
    expect: 'pass',
  },
  {
    name: 'Terraform: custom origin `http-only`',
    source: 'cdktf',
    build: (stack) => void tfDistribution(stack, { origin: tfOrigin('http-only', ['TLSv1.2']) }),
    target: 'Cdn',
    expect: 'fail',
    message: '`Cdn` reaches origin `app` over plain HTTP (`http-only`)',
  },
  {
    name: 'Terraform: custom origin `https-only` still offering TLSv1 and TLSv1.1',
    source: 'cdktf',
    build: (stack) =>
      void tfDistribution(stack, { origin: tfOrigin('https-only', ['TLSv1', 'TLSv1.1', 'TLSv1.2']) }),
    target: 'Cdn',
    expect: 'fail',
    message: '`Cdn` offers TLSv1, TLSv1.1 to origin `app`',
  },
  {
    name: 'terraform plan: custom origin `https-only` over TLSv1.2',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-endpoints/plan.json',
    target: 'aws_cloudfront_distribution.good',
    expect: 'pass',
  },
  {
    name: 'terraform plan: `match-viewer` origin behind an `allow-all` behavior',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-endpoints/plan.json',
    target: 'aws_cloudfront_distribution.bare',
    expect: 'fail',
    message: /forwards plain HTTP viewers to origin `app` over HTTP/,
  },
];

export default defineCases(rule, [
  {
    name: 'HTTP origin with the defaults: HTTPS only, TLSv1.2',
    build: (stack) => {
      new cloudfront.Distribution(stack, 'Cdn', {
        defaultBehavior: { origin: new origins.HttpOrigin('origin.example.com') },
      });
    },
    target: 'Cdn',
    expect: 'pass',
  },
  {
    name: 'origin reached over plain HTTP',
    build: (stack) => {
      new cloudfront.Distribution(stack, 'Cdn', {
        defaultBehavior: {
          origin: new origins.HttpOrigin('origin.example.com', {
            protocolPolicy: cloudfront.OriginProtocolPolicy.HTTP_ONLY,
          }),
        },
      });
    },
    target: 'Cdn',
    expect: 'fail',
    message: /`Cdn` reaches origin `[^`]+` over plain HTTP \(`http-only`\)/,
  },
  {
    name: 'origin offered TLSv1 and TLSv1.1',
    build: (stack) => {
      new cloudfront.Distribution(stack, 'Cdn', {
        defaultBehavior: {
          origin: new origins.HttpOrigin('origin.example.com', {
            originSslProtocols: [
              cloudfront.OriginSslPolicy.TLS_V1,
              cloudfront.OriginSslPolicy.TLS_V1_1,
              cloudfront.OriginSslPolicy.TLS_V1_2,
            ],
          }),
        },
      });
    },
    target: 'Cdn',
    expect: 'fail',
    message: /`Cdn` offers TLSv1, TLSv1\.1 to origin/,
  },
  {
    name: 'S3 website endpoint origin speaks HTTP only',
    build: (stack) => {
      const site = new s3.Bucket(stack, 'Site', { websiteIndexDocument: 'index.html' });
      new cloudfront.Distribution(stack, 'Cdn', {
        defaultBehavior: { origin: new origins.S3StaticWebsiteOrigin(site) },
      });
    },
    target: 'Cdn',
    expect: 'fail',
    message: /over plain HTTP/,
  },
  {
    name: 'S3 REST origin has no custom origin to check',
    build: (stack) => {
      new cloudfront.Distribution(stack, 'Cdn', {
        defaultBehavior: {
          origin: origins.S3BucketOrigin.withOriginAccessControl(new s3.Bucket(stack, 'B')),
        },
      });
    },
    target: 'Cdn',
    expect: 'not_applicable',
  },
  ...terraformCases,
]);
