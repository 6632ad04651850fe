import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { Classification, atLeast } from '../../classification';

/** Options of {@link listenerSslPolicyFor}. */
export interface ListenerSslPolicyOptions {
  /**
   * Use the FIPS 140-validated variant of the policy (same protocols, FIPS cipher suites).
   * @default false
   */
  readonly fips?: boolean;
}

/**
 * The Application/Network Load Balancer listener policy a classification level requires:
 *
 * - TOP_SECRET: TLS 1.3 only with hybrid post-quantum key exchange (ML-KEM),
 *   `ELBSecurityPolicy-TLS13-1-3-PQ-2025-09`.
 * - RESTRICTED: TLS 1.3 only, `ELBSecurityPolicy-TLS13-1-3-2021-06`.
 * - CONFIDENTIAL and below: TLS 1.2 and 1.3, `ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09`: the
 *   restricted cipher set (ECDHE with AES-GCM only, no CBC or SHA-1 suites) and post-quantum hybrid
 *   key exchange for TLS 1.3 clients; stronger than `RECOMMENDED_TLS`, at the cost of very old TLS
 *   1.2 clients that only speak CBC suites.
 *
 * With `fips`, the FIPS variants of the same three policies.
 * @see classification:IN-TRANSIT, mcsb-v1:DP-3
 */
export function listenerSslPolicyFor(
  level: Classification,
  options: ListenerSslPolicyOptions = {},
): elbv2.SslPolicy {
  const fips = options.fips ?? false;
  if (atLeast(level, Classification.TOP_SECRET))
    return fips ? elbv2.SslPolicy.FIPS_TLS13_13_PQ : elbv2.SslPolicy.TLS13_13_PQ;
  if (atLeast(level, Classification.RESTRICTED))
    return fips ? elbv2.SslPolicy.FIPS_TLS13_13 : elbv2.SslPolicy.TLS13_13;
  return fips ? elbv2.SslPolicy.FIPS_TLS13_12_RES_PQ : elbv2.SslPolicy.TLS13_12_RES_PQ;
}

/**
 * The CloudFront viewer security policy a level requires: `TLSv1.3_2025` (TLS 1.3 only) from
 * RESTRICTED up, `TLSv1.2_2021` (TLS 1.2 and 1.3, AEAD ciphers only) below. CloudFront offers no
 * policy that names post-quantum key exchange, so TOP_SECRET gets TLS 1.3 only. The policy applies
 * only to a distribution served with its own certificate: on the default `*.cloudfront.net`
 * certificate CloudFront accepts TLS 1.0.
 * @see classification:IN-TRANSIT, mcsb-v1:DP-3
 */
export function cloudFrontMinimumProtocolFor(level: Classification): cloudfront.SecurityPolicyProtocol {
  return atLeast(level, Classification.RESTRICTED)
    ? cloudfront.SecurityPolicyProtocol.TLS_V1_3_2025
    : cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021;
}

/**
 * The API Gateway security policy a level requires, for a custom domain name or a REST API:
 *
 * - RESTRICTED and TOP_SECRET: TLS 1.3 only, `SecurityPolicy_TLS13_1_3_2025_09` (regional and
 *   private) or `SecurityPolicy_TLS13_2025_EDGE` (edge-optimized). API Gateway offers post-quantum
 *   key exchange only in policies that also accept TLS 1.2 (`SecurityPolicy_TLS13_1_2_PQ_2025_09`);
 *   the table's order for TOP_SECRET is "PQ with 1.3 where offered, else 1.3", and RESTRICTED
 *   already refuses TLS 1.2, so TOP_SECRET keeps TLS 1.3 only and forgoes PQ.
 * - CONFIDENTIAL and below: TLS 1.2 and 1.3 with post-quantum hybrid key exchange,
 *   `SecurityPolicy_TLS13_1_2_PQ_2025_09` (regional and private), or TLS 1.2 with forward secrecy,
 *   `SecurityPolicy_TLS12_PFS_2025_EDGE` (edge-optimized).
 *
 * These are enhanced policies: the domain name also needs an `endpointAccessMode` (see
 * {@link apiGatewayTlsFor}).
 * @see classification:IN-TRANSIT, mcsb-v1:DP-3
 */
export function apiGatewaySecurityPolicyFor(
  level: Classification,
  endpointType: apigateway.EndpointType = apigateway.EndpointType.REGIONAL,
): apigateway.SecurityPolicy {
  const edge = endpointType === apigateway.EndpointType.EDGE;
  if (atLeast(level, Classification.RESTRICTED))
    return edge ? apigateway.SecurityPolicy.TLS13_2025_EDGE : apigateway.SecurityPolicy.TLS13_1_3_2025_09;
  return edge
    ? apigateway.SecurityPolicy.TLS12_PFS_2025_EDGE
    : apigateway.SecurityPolicy.TLS13_1_2_PQ_2025_09;
}

/** TLS settings of an API Gateway custom domain name, to spread into `DomainNameOptions`. */
export interface ApiGatewayTls {
  readonly securityPolicy: apigateway.SecurityPolicy;
  readonly endpointAccessMode: apigateway.EndpointAccessMode;
}

/**
 * {@link apiGatewaySecurityPolicyFor} with the `STRICT` endpoint access mode, which enhanced
 * policies require and which refuses clients that do not meet the policy:
 * `new apigateway.DomainName(this, 'Domain', { domainName, certificate, ...apiGatewayTlsFor(level) })`.
 * @see classification:IN-TRANSIT, mcsb-v1:DP-3
 */
export function apiGatewayTlsFor(
  level: Classification,
  endpointType: apigateway.EndpointType = apigateway.EndpointType.REGIONAL,
): ApiGatewayTls {
  return {
    securityPolicy: apiGatewaySecurityPolicyFor(level, endpointType),
    endpointAccessMode: apigateway.EndpointAccessMode.STRICT,
  };
}
