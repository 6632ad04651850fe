import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import type { Stack } from 'aws-cdk-lib';
import { defineCases } from '../../../lib/engine/cases';
import rule from './cdn-tls';
import type { TerraformStack } from 'cdktf';
import {
  CloudfrontDistribution,
  type CloudfrontDistributionConfig,
} from '@cdktf/provider-aws/lib/cloudfront-distribution';
import type { RuleCase } from '../../../lib/engine/cases';

const CERT = 'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555';

/** A distribution on its own domain and certificate, with the given viewer policy. */
function cdn(stack: Stack, minimumProtocolVersion?: cloudfront.SecurityPolicyProtocol): void {
  new cloudfront.Distribution(stack, 'Cdn', {
    defaultBehavior: {
      origin: new origins.HttpOrigin('origin.example.com'),
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
    },
    domainNames: ['www.example.com'],
    certificate: acm.Certificate.fromCertificateArn(stack, 'Cert', CERT),
    minimumProtocolVersion,
  });
}

/**
 * A Terraform distribution `Cdn` on its own ACM certificate with `TLSv1.2_2021`, redirecting viewers to
 * HTTPS and reaching one HTTPS-only custom origin over TLS 1.2; `overrides` change one thing.
 */
export function tfDistribution(
  stack: TerraformStack,
  overrides: Partial<CloudfrontDistributionConfig> = {},
): CloudfrontDistribution {
  return new CloudfrontDistribution(stack, 'Cdn', {
    enabled: true,
    aliases: ['www.example.com'],
    origin: [
      {
        originId: 'app',
        domainName: 'origin.example.com',
        customOriginConfig: {
          httpPort: 80,
          httpsPort: 443,
          originProtocolPolicy: 'https-only',
          originSslProtocols: ['TLSv1.2'],
        },
      },
    ],
    defaultCacheBehavior: {
      targetOriginId: 'app',
      viewerProtocolPolicy: 'redirect-to-https',
      allowedMethods: ['GET', 'HEAD'],
      cachedMethods: ['GET', 'HEAD'],
      cachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6',
    },
    restrictions: { geoRestriction: { restrictionType: 'none' } },
    viewerCertificate: {
      acmCertificateArn: CERT,
      sslSupportMethod: 'sni-only',
      minimumProtocolVersion: 'TLSv1.2_2021',
    },
    ...overrides,
  });
}

const terraformCases: RuleCase[] = [
  {
    name: 'Terraform: ACM certificate with `minimum_protocol_version = "TLSv1.2_2021"`',
    source: 'cdktf',
    build: (stack) => void tfDistribution(stack),
    target: 'Cdn',
    expect: 'pass',
  },
  {
    name: 'Terraform: ACM certificate without `minimum_protocol_version` (the provider default `TLSv1`)',
    source: 'cdktf',
    build: (stack) =>
      void tfDistribution(stack, {
        viewerCertificate: { acmCertificateArn: CERT, sslSupportMethod: 'sni-only' },
      }),
    target: 'Cdn',
    expect: 'fail',
    message: '`Cdn` accepts TLS 1.0 (viewer policy `TLSv1`)',
  },
  {
    name: 'Terraform: default certificate, whatever `minimum_protocol_version` says',
    source: 'cdktf',
    build: (stack) =>
      void tfDistribution(stack, {
        aliases: undefined,
        viewerCertificate: { cloudfrontDefaultCertificate: true, minimumProtocolVersion: 'TLSv1.2_2021' },
      }),
    target: 'Cdn',
    expect: 'fail',
    message: '`Cdn` accepts TLS 1.0 (viewer policy `TLSv1`)',
  },
  {
    name: 'terraform plan: ACM certificate on TLSv1.2_2021',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-endpoints/plan.json',
    target: 'aws_cloudfront_distribution.good',
    expect: 'pass',
  },
  {
    name: 'terraform plan: default certificate',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-endpoints/plan.json',
    target: 'aws_cloudfront_distribution.bare',
    expect: 'fail',
    message: /accepts TLS 1\.0 \(viewer policy `TLSv1`\)/,
  },
];

export default defineCases(rule, [
  {
    name: 'custom certificate with TLSv1.2_2021',
    build: (stack) => cdn(stack, cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021),
    target: 'Cdn',
    expect: 'pass',
  },
  {
    name: 'custom certificate with TLS 1.3 only',
    build: (stack) => cdn(stack, cloudfront.SecurityPolicyProtocol.TLS_V1_3_2025),
    target: 'Cdn',
    expect: 'pass',
  },
  {
    name: 'custom certificate with the older TLSv1.2_2019 cipher set',
    build: (stack) => cdn(stack, cloudfront.SecurityPolicyProtocol.TLS_V1_2_2019),
    target: 'Cdn',
    expect: 'fail',
    message: '`Cdn` accepts TLS 1.2 (viewer policy `TLSv1.2_2019`)',
  },
  {
    name: 'custom certificate with TLSv1_2016',
    build: (stack) => cdn(stack, cloudfront.SecurityPolicyProtocol.TLS_V1_2016),
    target: 'Cdn',
    expect: 'fail',
    message: '`Cdn` accepts TLS 1.0 (viewer policy `TLSv1_2016`)',
  },
  {
    name: 'default cloudfront.net certificate is pinned to TLSv1',
    build: (stack) => {
      new cloudfront.Distribution(stack, 'Cdn', {
        defaultBehavior: {
          origin: new origins.HttpOrigin('origin.example.com'),
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        },
      });
    },
    target: 'Cdn',
    expect: 'fail',
    message: '`Cdn` accepts TLS 1.0 (viewer policy `TLSv1`)',
  },
  {
    name: 'custom certificate without MinimumProtocolVersion (L1)',
    build: (stack) => {
      cdn(stack, cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021);
      const cfn = stack.node.findChild('Cdn').node.defaultChild as cloudfront.CfnDistribution;
      cfn.addPropertyDeletionOverride('DistributionConfig.ViewerCertificate.MinimumProtocolVersion');
    },
    target: 'Cdn',
    expect: 'unknown',
    message: /sets no `MinimumProtocolVersion`/,
  },
  ...terraformCases,
]);
