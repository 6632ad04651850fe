import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import type { Stack } from 'aws-cdk-lib';
import { defineCases } from '../../../lib/engine/cases';
import rule from './cdn-tls';

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
]);
