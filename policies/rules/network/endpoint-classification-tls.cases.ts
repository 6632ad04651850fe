import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { Tags, type Stack } from 'aws-cdk-lib';
import { defineCases, type RuleCase } from '../../../lib/engine/cases';
import { applicationGateway } from '../../../test/support/azure-native';
import rule from './endpoint-classification-tls';
import type { TerraformStack } from 'cdktf';
import { tfDistribution } from './cdn-tls.cases';

const CERT = 'arn:aws:acm:us-east-1:111111111111:certificate/00000000-0000-0000-0000-000000000000';

/** An internet-facing load balancer tagged `level`, with one HTTPS listener using `policy`. */
function tlsListener(stack: Stack, level: string | undefined, policy: elbv2.SslPolicy): void {
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 });
  const lb = new elbv2.ApplicationLoadBalancer(stack, 'Lb', { vpc, internetFacing: true });
  if (level) Tags.of(lb).add('data-classification', level);
  lb.addListener('Https', {
    port: 443,
    sslPolicy: policy,
    certificates: [acm.Certificate.fromCertificateArn(stack, 'Cert', CERT)],
    defaultAction: elbv2.ListenerAction.fixedResponse(200),
  });
}

function distribution(stack: Stack, level: string, version: cloudfront.SecurityPolicyProtocol): void {
  const cdn = new cloudfront.Distribution(stack, 'Cdn', {
    defaultBehavior: { origin: new origins.HttpOrigin('origin.example.com') },
    domainNames: ['www.example.com'],
    certificate: acm.Certificate.fromCertificateArn(stack, 'Cert', CERT),
    minimumProtocolVersion: version,
  });
  Tags.of(cdn).add('data-classification', level);
}

/** A Terraform distribution tagged `level` on its own certificate with viewer policy `version`. */
function tfTagged(level: string, version: string): (stack: TerraformStack) => void {
  return (stack) =>
    void tfDistribution(stack, {
      tags: { 'data-classification': level },
      viewerCertificate: {
        acmCertificateArn: CERT,
        sslSupportMethod: 'sni-only',
        minimumProtocolVersion: version,
      },
    });
}

const terraformCases: RuleCase[] = [
  {
    name: 'Terraform: RESTRICTED distribution on TLSv1.3_2025',
    source: 'cdktf',
    build: tfTagged('RESTRICTED', 'TLSv1.3_2025'),
    target: 'Cdn',
    expect: 'pass',
  },
  {
    name: 'Terraform: TOP_SECRET distribution on TLSv1.2_2021',
    source: 'cdktf',
    build: tfTagged('TOP_SECRET', 'TLSv1.2_2021'),
    target: 'Cdn',
    expect: 'fail',
    message: /`Cdn` serves TOP_SECRET data and accepts TLS 1\.2; the level requires TLS 1\.3 only/,
  },
];

export default defineCases(rule, [
  {
    name: 'Pulumi: CONFIDENTIAL application gateway on AppGwSslPolicy20220101S',
    source: 'pulumi',
    build: () =>
      applicationGateway([{ name: 'site', protocol: 'Https' }], {
        tags: { 'data-classification': 'confidential' },
      }),
    target: 'gateway',
    expect: 'pass',
  },
  {
    name: 'Pulumi: RESTRICTED application gateway on a CustomV2 policy with TLS 1.3 only',
    source: 'pulumi',
    build: () =>
      applicationGateway([{ name: 'site', protocol: 'Https' }], {
        tags: { 'data-classification': 'restricted' },
        sslPolicy: { policyType: 'CustomV2', minProtocolVersion: 'TLSv1_3' },
      }),
    target: 'gateway',
    expect: 'pass',
  },
  {
    name: 'Pulumi: RESTRICTED application gateway on AppGwSslPolicy20220101S still accepts TLS 1.2',
    source: 'pulumi',
    build: () =>
      applicationGateway([{ name: 'site', protocol: 'Https' }], {
        tags: { 'data-classification': 'restricted' },
      }),
    target: 'gateway',
    expect: 'fail',
    message: '`gateway/site` serves RESTRICTED data and accepts TLS 1.2; the level requires TLS 1.3 only',
  },
  {
    name: 'TOP_SECRET load balancer on TLS 1.3 only with post-quantum key exchange',
    build: (stack) => tlsListener(stack, 'top-secret', elbv2.SslPolicy.TLS13_13_PQ),
    target: 'Lb/Https',
    expect: 'pass',
  },
  {
    name: 'TOP_SECRET load balancer on TLS 1.3 only without post-quantum key exchange',
    build: (stack) => tlsListener(stack, 'top-secret', elbv2.SslPolicy.TLS13_13),
    target: 'Lb/Https',
    expect: 'fail',
    message: /`Lb\/Https` serves TOP_SECRET data without post-quantum key exchange/,
  },
  {
    name: 'RESTRICTED load balancer on a policy that still accepts TLS 1.2',
    build: (stack) => tlsListener(stack, 'restricted', elbv2.SslPolicy.RECOMMENDED_TLS),
    target: 'Lb/Https',
    expect: 'fail',
    message: /serves RESTRICTED data and accepts TLS 1\.2; the level requires TLS 1\.3 only/,
  },
  {
    name: 'CONFIDENTIAL load balancer on TLS 1.2 and 1.3',
    build: (stack) => tlsListener(stack, 'confidential', elbv2.SslPolicy.RECOMMENDED_TLS),
    target: 'Lb/Https',
    expect: 'pass',
  },
  {
    name: 'CONFIDENTIAL load balancer on the legacy default policy',
    build: (stack) => tlsListener(stack, 'confidential', elbv2.SslPolicy.LEGACY),
    target: 'Lb/Https',
    expect: 'fail',
    message: /serves CONFIDENTIAL data and accepts TLS 1\.0/,
  },
  {
    name: 'untagged load balancer is left to the plain TLS rules',
    build: (stack) => tlsListener(stack, undefined, elbv2.SslPolicy.LEGACY),
    target: 'Lb/Https',
    expect: 'not_applicable',
  },
  {
    name: 'RESTRICTED distribution on TLSv1.3_2025 (CloudFront offers no PQ policy)',
    build: (stack) => distribution(stack, 'restricted', cloudfront.SecurityPolicyProtocol.TLS_V1_3_2025),
    target: 'Cdn',
    expect: 'pass',
  },
  {
    name: 'TOP_SECRET distribution on TLSv1.2_2021',
    build: (stack) => distribution(stack, 'top-secret', cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021),
    target: 'Cdn',
    expect: 'fail',
    message: /`Cdn` serves TOP_SECRET data and accepts TLS 1\.2; the level requires TLS 1\.3 only/,
  },
  ...terraformCases,
]);
