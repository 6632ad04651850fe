import { Unknown } from '../../graph/values';
import type { Fact, TlsVersion } from '../kinds';

export type { TlsVersion };

/** Every TLS version a view records, oldest first. */
export const TLS_VERSIONS: readonly TlsVersion[] = ['1.0', '1.1', '1.2', '1.3'];

/** What a named TLS security policy accepts. */
export interface TlsPolicyFacts {
  /**
   * Lowest TLS version the policy accepts. A policy that also accepts SSLv3 (CloudFront `SSLv3`)
   * records `1.0`, its lowest TLS version, and sets {@link sslv3}.
   */
  readonly minTls: TlsVersion;
  /** Only TLS 1.3 is accepted. */
  readonly tls13Only: boolean;
  /**
   * The policy offers hybrid post-quantum key exchange (ML-KEM). Absent when the provider does not
   * document it per policy: the view then records an Unknown, never a guess.
   */
  readonly postQuantum?: boolean;
  /** The policy also accepts SSLv3. */
  readonly sslv3?: boolean;
}

/** Which provider's policy names a table covers. */
export type TlsPolicyFamily =
  'elbv2' | 'elb-classic' | 'cloudfront' | 'apigateway' | 'application-gateway' | 'front-door';

const FAMILY_NAMES: Record<TlsPolicyFamily, string> = {
  elbv2: 'Elastic Load Balancing',
  'elb-classic': 'Classic Load Balancer',
  cloudfront: 'CloudFront',
  apigateway: 'API Gateway',
  'application-gateway': 'Application Gateway',
  'front-door': 'Front Door',
};

const v10 = { minTls: '1.0', tls13Only: false } as const;
const v11 = { minTls: '1.1', tls13Only: false } as const;
const v12 = { minTls: '1.2', tls13Only: false } as const;
const v13 = { minTls: '1.3', tls13Only: true } as const;

/**
 * Application and Network Load Balancer policies (`SslPolicy`): every name of aws-cdk-lib's
 * `SslPolicy` enum, plus `ELBSecurityPolicy-TLS13-1-1-FIPS-PQ-2025-09` which AWS lists and the enum
 * lacks. Names containing `PQ` negotiate hybrid ML-KEM key exchange with a classical fallback.
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html
 */
export const ELBV2_TLS_POLICIES: Readonly<Record<string, TlsPolicyFacts>> = {
  // TLS 1.3 policies (2021-06)
  'ELBSecurityPolicy-TLS13-1-2-2021-06': { ...v12, postQuantum: false },
  'ELBSecurityPolicy-TLS13-1-2-Res-2021-06': { ...v12, postQuantum: false },
  'ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06': { ...v12, postQuantum: false },
  'ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06': { ...v12, postQuantum: false },
  'ELBSecurityPolicy-TLS13-1-1-2021-06': { ...v11, postQuantum: false },
  'ELBSecurityPolicy-TLS13-1-0-2021-06': { ...v10, postQuantum: false },
  'ELBSecurityPolicy-TLS13-1-3-2021-06': { ...v13, postQuantum: false },
  // Post-quantum hybrid key exchange (2025-09)
  'ELBSecurityPolicy-TLS13-1-2-PQ-2025-09': { ...v12, postQuantum: true },
  'ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09': { ...v12, postQuantum: true },
  'ELBSecurityPolicy-TLS13-1-2-Ext1-PQ-2025-09': { ...v12, postQuantum: true },
  'ELBSecurityPolicy-TLS13-1-2-Ext2-PQ-2025-09': { ...v12, postQuantum: true },
  'ELBSecurityPolicy-TLS13-1-0-PQ-2025-09': { ...v10, postQuantum: true },
  'ELBSecurityPolicy-TLS13-1-3-PQ-2025-09': { ...v13, postQuantum: true },
  // FIPS (2023-04)
  'ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04': { ...v13, postQuantum: false },
  'ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04': { ...v12, postQuantum: false },
  'ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04': { ...v12, postQuantum: false },
  'ELBSecurityPolicy-TLS13-1-2-Ext0-FIPS-2023-04': { ...v12, postQuantum: false },
  'ELBSecurityPolicy-TLS13-1-2-Ext1-FIPS-2023-04': { ...v12, postQuantum: false },
  'ELBSecurityPolicy-TLS13-1-2-Ext2-FIPS-2023-04': { ...v12, postQuantum: false },
  'ELBSecurityPolicy-TLS13-1-1-FIPS-2023-04': { ...v11, postQuantum: false },
  'ELBSecurityPolicy-TLS13-1-0-FIPS-2023-04': { ...v10, postQuantum: false },
  // FIPS with post-quantum hybrid key exchange (2025-09)
  'ELBSecurityPolicy-TLS13-1-3-FIPS-PQ-2025-09': { ...v13, postQuantum: true },
  'ELBSecurityPolicy-TLS13-1-2-FIPS-PQ-2025-09': { ...v12, postQuantum: true },
  'ELBSecurityPolicy-TLS13-1-2-Res-FIPS-PQ-2025-09': { ...v12, postQuantum: true },
  'ELBSecurityPolicy-TLS13-1-2-Ext0-FIPS-PQ-2025-09': { ...v12, postQuantum: true },
  'ELBSecurityPolicy-TLS13-1-2-Ext1-FIPS-PQ-2025-09': { ...v12, postQuantum: true },
  'ELBSecurityPolicy-TLS13-1-2-Ext2-FIPS-PQ-2025-09': { ...v12, postQuantum: true },
  'ELBSecurityPolicy-TLS13-1-1-FIPS-PQ-2025-09': { ...v11, postQuantum: true },
  'ELBSecurityPolicy-TLS13-1-0-FIPS-PQ-2025-09': { ...v10, postQuantum: true },
  // Forward secrecy and TLS 1.2-only policies
  'ELBSecurityPolicy-FS-1-2-Res-2020-10': { ...v12, postQuantum: false },
  'ELBSecurityPolicy-FS-1-2-Res-2019-08': { ...v12, postQuantum: false },
  'ELBSecurityPolicy-FS-1-2-2019-08': { ...v12, postQuantum: false },
  'ELBSecurityPolicy-FS-1-1-2019-08': { ...v11, postQuantum: false },
  'ELBSecurityPolicy-FS-2018-06': { ...v10, postQuantum: false },
  'ELBSecurityPolicy-TLS-1-2-2017-01': { ...v12, postQuantum: false },
  'ELBSecurityPolicy-TLS-1-2-Ext-2018-06': { ...v12, postQuantum: false },
  'ELBSecurityPolicy-TLS-1-1-2017-01': { ...v11, postQuantum: false },
  // Legacy
  'ELBSecurityPolicy-2016-08': { ...v10, postQuantum: false },
  'ELBSecurityPolicy-TLS-1-0-2015-04': { ...v10, postQuantum: false },
};

/**
 * The policy an HTTPS or TLS listener gets when `SslPolicy` is not set in CloudFormation, the CLI or
 * CDK without the post-quantum feature flag (the console picks a newer one): TLS 1.0 to 1.2.
 */
export const ELBV2_DEFAULT_SSL_POLICY = 'ELBSecurityPolicy-2016-08';

/**
 * Classic Load Balancer predefined security policies, named by an SSL negotiation policy's
 * `Reference-Security-Policy` attribute. Classic load balancers offer no TLS 1.3, hence no
 * post-quantum key exchange. The 2011 to 2015 policies all enable TLS 1.0 (the oldest also SSLv3).
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/elb-security-policy-table.html
 */
export const ELB_CLASSIC_TLS_POLICIES: Readonly<Record<string, TlsPolicyFacts>> = {
  'ELBSecurityPolicy-TLS-1-2-2017-01': { ...v12, postQuantum: false },
  'ELBSecurityPolicy-TLS-1-1-2017-01': { ...v11, postQuantum: false },
  'ELBSecurityPolicy-2016-08': { ...v10, postQuantum: false },
  'ELBSecurityPolicy-2015-05': { ...v10, postQuantum: false },
  'ELBSecurityPolicy-2015-03': { ...v10, postQuantum: false },
  'ELBSecurityPolicy-2015-02': { ...v10, postQuantum: false },
  'ELBSecurityPolicy-2014-10': { ...v10, postQuantum: false },
  'ELBSecurityPolicy-2014-01': { ...v10, postQuantum: false },
  'ELBSecurityPolicy-2011-08': { ...v10, postQuantum: false },
};

/**
 * The policy Elastic Load Balancing associates with a classic HTTPS or SSL listener that names no
 * SSL negotiation policy: TLS 1.0 to 1.2.
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/ssl-config-update.html
 */
export const ELB_CLASSIC_DEFAULT_SSL_POLICY = 'ELBSecurityPolicy-2016-08';

/**
 * CloudFront viewer security policies (`ViewerCertificate.MinimumProtocolVersion`). Whether
 * CloudFront negotiates post-quantum key exchange per policy is not documented: left unknown.
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html
 */
export const CLOUDFRONT_TLS_POLICIES: Readonly<Record<string, TlsPolicyFacts>> = {
  SSLv3: { ...v10, sslv3: true },
  TLSv1: v10,
  TLSv1_2016: v10,
  'TLSv1.1_2016': v11,
  'TLSv1.2_2018': v12,
  'TLSv1.2_2019': v12,
  'TLSv1.2_2021': v12,
  'TLSv1.2_2025': v12,
  'TLSv1.3_2025': v13,
};

/**
 * The policy of a distribution served with the default `*.cloudfront.net` certificate
 * (`CloudFrontDefaultCertificate: true`, or no `ViewerCertificate`): CloudFront applies `TLSv1`
 * whatever `MinimumProtocolVersion` says.
 */
export const CLOUDFRONT_DEFAULT_CERTIFICATE_POLICY = 'TLSv1';

/**
 * API Gateway security policies (custom domain names; HTTP and WebSocket APIs always use `TLS_1_2`).
 * Policies with `PQ` in the name use hybrid post-quantum key exchange; the edge-optimized ones
 * are served through CloudFront and their post-quantum support is left unknown.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-security-policies-list.html
 */
export const APIGATEWAY_TLS_POLICIES: Readonly<Record<string, TlsPolicyFacts>> = {
  TLS_1_0: { ...v10, postQuantum: false },
  TLS_1_2: { ...v12, postQuantum: false },
  SecurityPolicy_TLS13_1_3_2025_09: { ...v13, postQuantum: false },
  SecurityPolicy_TLS13_1_3_FIPS_2025_09: { ...v13, postQuantum: false },
  SecurityPolicy_TLS13_1_2_2021_06: { ...v12, postQuantum: false },
  SecurityPolicy_TLS13_1_2_PQ_2025_09: { ...v12, postQuantum: true },
  SecurityPolicy_TLS13_1_2_PFS_PQ_2025_09: { ...v12, postQuantum: true },
  SecurityPolicy_TLS13_1_2_FIPS_PQ_2025_09: { ...v12, postQuantum: true },
  SecurityPolicy_TLS13_1_2_FIPS_PFS_PQ_2025_09: { ...v12, postQuantum: true },
  SecurityPolicy_TLS13_2025_EDGE: v13,
  SecurityPolicy_TLS12_PFS_2025_EDGE: v12,
  SecurityPolicy_TLS12_2018_EDGE: v12,
};

/** The policy of an API Gateway custom domain name without `SecurityPolicy` (every endpoint type). */
export const APIGATEWAY_DEFAULT_DOMAIN_POLICY = 'TLS_1_2';

/** The only policy HTTP and WebSocket APIs (API Gateway v2) offer. */
export const APIGATEWAY_V2_POLICY = 'TLS_1_2';

/**
 * Application Gateway predefined TLS policies (`sslPolicy.policyName` with `policyType: "Predefined"`). Key exchange
 * is not documented per policy: post-quantum support is left unknown.
 * @see https://learn.microsoft.com/en-us/azure/application-gateway/application-gateway-ssl-policy-overview
 */
export const APPLICATION_GATEWAY_TLS_POLICIES: Readonly<Record<string, TlsPolicyFacts>> = {
  AppGwSslPolicy20150501: v10,
  AppGwSslPolicy20170401: v11,
  AppGwSslPolicy20170401S: v12,
  AppGwSslPolicy20220101: v12,
  AppGwSslPolicy20220101S: v12,
};

/**
 * The policy of a gateway without `sslPolicy`: `AppGwSslPolicy20220101` for gateways created with API version
 * 2023-02-01 or later, which azure-native 2 (2023-02-01) and 3 (2024-05-01) use; older API versions applied
 * `AppGwSslPolicy20150501`.
 * @see https://learn.microsoft.com/en-us/azure/application-gateway/application-gateway-configure-ssl-policy-powershell
 */
export const APPLICATION_GATEWAY_DEFAULT_POLICY = 'AppGwSslPolicy20220101';

/**
 * Application Gateway custom policies' `minProtocolVersion` (and the protocols `disabledSslProtocols` names), with
 * the TLS version each is.
 */
export const APPLICATION_GATEWAY_PROTOCOLS: Readonly<Record<string, TlsVersion>> = {
  TLSv1_0: '1.0',
  TLSv1_1: '1.1',
  TLSv1_2: '1.2',
  TLSv1_3: '1.3',
};

/**
 * Front Door (Standard and Premium) custom-domain TLS policies: the predefined cipher suite sets
 * (`tlsSettings.cipherSuiteSetType`) and, for a customized set, the minimum version (`tlsSettings.minimumTlsVersion`:
 * `TLS12`, `TLS13`; `TLS10` is disallowed since 1 March 2025 but still accepted by the API). TLS 1.3 is always
 * enabled. The key exchange policy (post-quantum groups) is a separate setting this table does not speak for.
 * @see https://learn.microsoft.com/en-us/azure/frontdoor/standard-premium/tls-policy
 */
export const FRONT_DOOR_TLS_POLICIES: Readonly<Record<string, TlsPolicyFacts>> = {
  TLS10_2019: v10,
  TLS12_2022: v12,
  TLS12_2023: v12,
  TLS10: v10,
  TLS12: v12,
  TLS13: v13,
};

/** The policy Front Door applies to a custom domain that names none: `TLSv1.2_2023` (`TLS12_2023`). */
export const FRONT_DOOR_DEFAULT_POLICY = 'TLS12_2023';

const TABLES: Record<TlsPolicyFamily, Readonly<Record<string, TlsPolicyFacts>>> = {
  elbv2: ELBV2_TLS_POLICIES,
  'elb-classic': ELB_CLASSIC_TLS_POLICIES,
  cloudfront: CLOUDFRONT_TLS_POLICIES,
  apigateway: APIGATEWAY_TLS_POLICIES,
  'application-gateway': APPLICATION_GATEWAY_TLS_POLICIES,
  'front-door': FRONT_DOOR_TLS_POLICIES,
};

/** The facts of a policy name, or undefined when the table does not know it. */
export function lookupTlsPolicy(family: TlsPolicyFamily, name: string): TlsPolicyFacts | undefined {
  const table = TABLES[family];
  return Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
}

/** The TLS facts of an endpoint view, derived from its policy name. */
export interface TlsFacts {
  readonly policyName: Fact<string>;
  readonly minTls: Fact<TlsVersion>;
  readonly postQuantum: Fact<boolean>;
}

/**
 * TLS facts for a policy name: an unresolved name stays unknown, and so does a name the table does
 * not know (never a guess from the name's shape).
 */
export function tlsFacts(family: TlsPolicyFamily, name: Fact<string>): TlsFacts {
  if (name instanceof Unknown) return { policyName: name, minTls: name, postQuantum: name };
  const facts = lookupTlsPolicy(family, name);
  if (!facts) {
    const u = new Unknown(`TLS policy \`${name}\` is not a known ${FAMILY_NAMES[family]} security policy`);
    return { policyName: name, minTls: u, postQuantum: u };
  }
  return {
    policyName: name,
    minTls: facts.minTls,
    postQuantum:
      facts.postQuantum ??
      new Unknown(
        `whether ${FAMILY_NAMES[family]} policy \`${name}\` offers post-quantum key exchange is not documented`,
      ),
  };
}

/** Whether `v` is at least `min`. */
export function tlsAtLeast(v: TlsVersion, min: TlsVersion): boolean {
  return TLS_VERSIONS.indexOf(v) >= TLS_VERSIONS.indexOf(min);
}

/**
 * The one TLS-floor predicate of every rule, for endpoints and data stores alike: whether a view's `minTls`
 * (the lowest version it accepts) is at least `floor`. An unresolved `minTls` stays an Unknown (never a pass);
 * undefined when the view records no TLS floor.
 */
export function meetsTlsFloor(
  min: Fact<TlsVersion> | undefined,
  floor: TlsVersion,
): Fact<boolean> | undefined {
  if (min === undefined || min instanceof Unknown) return min;
  return tlsAtLeast(min, floor);
}

// What each service offers and how it spells protocols: service facts, the same whatever source
// describes the resource.

/** The strongest policies Elastic Load Balancing offers: TLS 1.3 only, and TLS 1.3 only with PQ key exchange. */
export const ELBV2_OFFERS = { tls13Only: true, postQuantumTls13Only: true } as const;

/** CloudFront (own certificate) and API Gateway REST endpoints offer TLS 1.3 only, without a PQ variant. */
export const TLS13_OFFERED = { tls13Only: true, postQuantumTls13Only: false } as const;

/** Classic listener protocols in the cloud-neutral spelling of endpoint views (`SSL` is TLS over TCP). */
export const CLASSIC_PROTOCOLS: Readonly<Record<string, string>> = {
  HTTP: 'HTTP',
  HTTPS: 'HTTPS',
  TCP: 'TCP',
  SSL: 'TLS',
};

/** SSL protocol attributes of a custom SSL negotiation policy, oldest first, with the TLS floor each sets. */
export const CLASSIC_PROTOCOL_ATTRIBUTES: readonly [string, TlsVersion][] = [
  ['Protocol-SSLv3', '1.0'],
  ['Protocol-TLSv1', '1.0'],
  ['Protocol-TLSv1.1', '1.1'],
  ['Protocol-TLSv1.2', '1.2'],
];

/** Classic load balancers offer neither TLS 1.3 nor post-quantum key exchange. */
export const CLASSIC_OFFERS = { tls13Only: false, postQuantumTls13Only: false } as const;
