import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import {
  apiGatewaySecurityPolicyFor,
  apiGatewayTlsFor,
  cloudFrontMinimumProtocolFor,
  listenerSslPolicyFor,
} from '../../../lib/aws/tls';
import { Classification, LEVELS } from '../../../lib/classification';
import { lookupTlsPolicy, type TlsPolicyFamily } from '../../../lib/views/common/tls';

const { PUBLIC, INTERNAL, CONFIDENTIAL, RESTRICTED, TOP_SECRET } = Classification;

/**
 * The "in transit" row of the classification table, per level: the lowest TLS version accepted, and
 * whether TLS 1.3 only and post-quantum hybrid key exchange are required ("where the service offers it").
 */
const IN_TRANSIT: Record<Classification, { minTls: '1.2' | '1.3'; tls13Only: boolean; pq: boolean }> = {
  [PUBLIC]: { minTls: '1.2', tls13Only: false, pq: false },
  [INTERNAL]: { minTls: '1.2', tls13Only: false, pq: false },
  [CONFIDENTIAL]: { minTls: '1.2', tls13Only: false, pq: false },
  [RESTRICTED]: { minTls: '1.3', tls13Only: true, pq: false },
  [TOP_SECRET]: { minTls: '1.3', tls13Only: true, pq: true },
};

function facts(family: TlsPolicyFamily, name: string) {
  const f = lookupTlsPolicy(family, name);
  if (!f) throw new Error(`${family} policy ${name} is not in the TLS policy table`);
  return f;
}

describe('listenerSslPolicyFor', () => {
  test.each([
    [PUBLIC, 'ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09'],
    [INTERNAL, 'ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09'],
    [CONFIDENTIAL, 'ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09'],
    [RESTRICTED, 'ELBSecurityPolicy-TLS13-1-3-2021-06'],
    [TOP_SECRET, 'ELBSecurityPolicy-TLS13-1-3-PQ-2025-09'],
  ])('%s -> %s', (level, name) => {
    expect(listenerSslPolicyFor(level)).toBe(name);
  });

  test.each(LEVELS.map((l) => [l]))(
    '%s: the policy meets the in-transit cell (load balancers offer PQ)',
    (level) => {
      const cell = IN_TRANSIT[level];
      for (const fips of [false, true]) {
        const f = facts('elbv2', listenerSslPolicyFor(level, { fips }));
        expect(f.minTls).toBe(cell.minTls);
        expect(f.tls13Only).toBe(cell.tls13Only);
        if (cell.pq) expect(f.postQuantum).toBe(true);
      }
    },
  );

  test('FIPS variants', () => {
    expect(listenerSslPolicyFor(TOP_SECRET, { fips: true })).toBe(
      'ELBSecurityPolicy-TLS13-1-3-FIPS-PQ-2025-09',
    );
    expect(listenerSslPolicyFor(RESTRICTED, { fips: true })).toBe('ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04');
    expect(listenerSslPolicyFor(PUBLIC, { fips: true })).toBe(
      'ELBSecurityPolicy-TLS13-1-2-Res-FIPS-PQ-2025-09',
    );
  });

  test('the policy lands on an HTTPS listener', () => {
    const s = new Stack(new App(), 'S');
    const lb = new elbv2.ApplicationLoadBalancer(s, 'Lb', { vpc: new ec2.Vpc(s, 'Vpc') });
    lb.addListener('Https', {
      port: 443,
      certificates: [elbv2.ListenerCertificate.fromArn('arn:aws:acm:eu-west-1:123456789012:certificate/x')],
      sslPolicy: listenerSslPolicyFor(RESTRICTED),
      defaultAction: elbv2.ListenerAction.fixedResponse(404),
    });
    Template.fromStack(s).hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Protocol: 'HTTPS',
      SslPolicy: 'ELBSecurityPolicy-TLS13-1-3-2021-06',
    });
  });
});

describe('cloudFrontMinimumProtocolFor', () => {
  test.each([
    [PUBLIC, 'TLSv1.2_2021'],
    [INTERNAL, 'TLSv1.2_2021'],
    [CONFIDENTIAL, 'TLSv1.2_2021'],
    [RESTRICTED, 'TLSv1.3_2025'],
    [TOP_SECRET, 'TLSv1.3_2025'],
  ])('%s -> %s on the distribution', (level, name) => {
    const s = new Stack(new App(), 'S');
    new cloudfront.Distribution(s, 'Cdn', {
      defaultBehavior: {
        origin: new origins.HttpOrigin('origin.example.com'),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      },
      domainNames: ['www.example.com'],
      certificate: acm.Certificate.fromCertificateArn(
        s,
        'Cert',
        'arn:aws:acm:us-east-1:123456789012:certificate/x',
      ),
      minimumProtocolVersion: cloudFrontMinimumProtocolFor(level),
    });
    Template.fromStack(s).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: {
        ViewerCertificate: { MinimumProtocolVersion: name, SslSupportMethod: 'sni-only' },
      },
    });
  });

  test.each(LEVELS.map((l) => [l]))(
    '%s: the policy meets the in-transit cell, PQ aside (CloudFront names none)',
    (level) => {
      const cell = IN_TRANSIT[level];
      const f = facts('cloudfront', cloudFrontMinimumProtocolFor(level));
      expect(f.minTls).toBe(cell.minTls);
      expect(f.tls13Only).toBe(cell.tls13Only);
    },
  );
});

describe('apiGatewaySecurityPolicyFor', () => {
  test.each([
    [PUBLIC, 'SecurityPolicy_TLS13_1_2_PQ_2025_09', 'SecurityPolicy_TLS12_PFS_2025_EDGE'],
    [INTERNAL, 'SecurityPolicy_TLS13_1_2_PQ_2025_09', 'SecurityPolicy_TLS12_PFS_2025_EDGE'],
    [CONFIDENTIAL, 'SecurityPolicy_TLS13_1_2_PQ_2025_09', 'SecurityPolicy_TLS12_PFS_2025_EDGE'],
    [RESTRICTED, 'SecurityPolicy_TLS13_1_3_2025_09', 'SecurityPolicy_TLS13_2025_EDGE'],
    [TOP_SECRET, 'SecurityPolicy_TLS13_1_3_2025_09', 'SecurityPolicy_TLS13_2025_EDGE'],
  ])('%s -> %s (regional, private), %s (edge)', (level, regional, edge) => {
    expect(apiGatewaySecurityPolicyFor(level)).toBe(regional);
    expect(apiGatewaySecurityPolicyFor(level, apigateway.EndpointType.PRIVATE)).toBe(regional);
    expect(apiGatewaySecurityPolicyFor(level, apigateway.EndpointType.EDGE)).toBe(edge);
  });

  test.each(LEVELS.map((l) => [l]))(
    '%s: TLS 1.3 only from RESTRICTED; PQ is not offered with TLS 1.3 only, so TOP_SECRET keeps 1.3 only',
    (level) => {
      const cell = IN_TRANSIT[level];
      for (const type of [apigateway.EndpointType.REGIONAL, apigateway.EndpointType.EDGE]) {
        const f = facts('apigateway', apiGatewaySecurityPolicyFor(level, type));
        expect(f.minTls).toBe(cell.minTls);
        expect(f.tls13Only).toBe(cell.tls13Only);
      }
    },
  );

  test('apiGatewayTlsFor sets the policy and the STRICT access mode on a custom domain name', () => {
    const s = new Stack(new App(), 'S');
    new apigateway.DomainName(s, 'Domain', {
      domainName: 'api.example.com',
      certificate: acm.Certificate.fromCertificateArn(
        s,
        'Cert',
        'arn:aws:acm:eu-west-1:123456789012:certificate/x',
      ),
      ...apiGatewayTlsFor(TOP_SECRET),
    });
    Template.fromStack(s).hasResourceProperties('AWS::ApiGateway::DomainName', {
      SecurityPolicy: 'SecurityPolicy_TLS13_1_3_2025_09',
      EndpointAccessMode: 'STRICT',
    });
  });
});
