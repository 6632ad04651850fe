import type { Resource } from '../../graph/resource';
import { Unknown, asBool, asList, asString, get, type Value } from '../../graph/values';
import type { CdnOrigin, EndpointView, Fact } from '../kinds';
import { classificationOf } from '../common/classification';
import { displayName } from '../common/naming';
import { CLOUDFRONT_DEFAULT_CERTIFICATE_POLICY, tlsFacts, type TlsFacts, TLS13_OFFERED } from '../common/tls';
import type { AdapterContext } from '../registry';
import { pointingAt, shieldProtected, unknownTls } from '../common/endpoint-common';

/* CloudFront distributions -> endpoint views. */

/** Whether every cache behavior keeps viewers off plain HTTP (`redirect-to-https` or `https-only`). */
function viewersRedirected(config: Value | undefined): Fact<boolean> {
  const behaviors = [get(config, 'DefaultCacheBehavior'), ...asList(get(config, 'CacheBehaviors'))];
  for (const b of behaviors) {
    if (b === undefined) continue;
    const policy = asString(get(b, 'ViewerProtocolPolicy'));
    if (policy instanceof Unknown) return policy;
    if (policy !== 'redirect-to-https' && policy !== 'https-only') return false;
  }
  return true;
}

/** The viewer security policy of a distribution's `ViewerCertificate`. */
function distributionTls(cert: Value | undefined): TlsFacts {
  if (cert instanceof Unknown) return unknownTls(cert);
  const defaultCert = asBool(get(cert, 'CloudFrontDefaultCertificate'));
  if (defaultCert instanceof Unknown) return unknownTls(defaultCert);
  const custom = get(cert, 'AcmCertificateArn') !== undefined || get(cert, 'IamCertificateId') !== undefined;
  if (cert === undefined || defaultCert === true || !custom) {
    return tlsFacts('cloudfront', CLOUDFRONT_DEFAULT_CERTIFICATE_POLICY);
  }
  const version = asString(get(cert, 'MinimumProtocolVersion'));
  // CloudFront requires a security policy with an ACM or IAM certificate and documents no default for it.
  if (version === undefined)
    return unknownTls(
      new Unknown(
        'the custom certificate sets no `MinimumProtocolVersion`, which CloudFront requires with `AcmCertificateArn` or `IamCertificateId` and documents no default for',
      ),
    );
  return tlsFacts('cloudfront', version);
}

/** Legacy `Logging` in the distribution config, or a CloudWatch Logs delivery source of `ACCESS_LOGS`. */
function distributionLogging(r: Resource, ctx: AdapterContext): Fact<boolean> {
  const legacy = get(r.properties, 'DistributionConfig', 'Logging');
  if (legacy instanceof Unknown) return legacy;
  if (legacy !== undefined && get(legacy, 'Bucket') !== undefined) return true;
  const sources = pointingAt(ctx.graph, r.address, 'AWS::Logs::DeliverySource', 'ResourceArn');
  for (const s of sources) {
    const type = asString(s.properties.LogType);
    if (type === 'ACCESS_LOGS') return true;
    if (type instanceof Unknown) return type;
  }
  return false;
}

/** How a distribution reaches an object-store origin: OAC, legacy OAI, or unsigned requests. */
function originAccess(origin: Value): Fact<'origin-access-control' | 'origin-access-identity' | 'none'> {
  const oac = get(origin, 'OriginAccessControlId');
  if (oac instanceof Unknown && oac.refs.length === 0) return oac;
  if (oac !== undefined && oac !== null && oac !== '') return 'origin-access-control';
  const oai = get(origin, 'S3OriginConfig', 'OriginAccessIdentity');
  if (oai instanceof Unknown && oai.refs.length === 0) return oai;
  if (oai !== undefined && oai !== null && oai !== '') return 'origin-access-identity';
  return 'none';
}

/** The origins of a distribution config: object-store (`S3OriginConfig`) or custom origins. */
function distributionOrigins(config: Value | undefined): CdnOrigin[] {
  const list = get(config, 'Origins');
  if (list instanceof Unknown) {
    return [{ id: list.toString(), originType: 'custom', protocolPolicy: list, sslProtocols: list }];
  }
  return asList(list).map((o, i): CdnOrigin => {
    const id = asString(get(o, 'Id'));
    const name = typeof id === 'string' ? id : `origin ${i + 1}`;
    if (o instanceof Unknown) return { id: name, originType: 'custom', protocolPolicy: o, sslProtocols: o };
    const custom = get(o, 'CustomOriginConfig');
    if (custom === undefined && get(o, 'S3OriginConfig') !== undefined) {
      return { id: name, originType: 'object-store', accessControl: originAccess(o) };
    }
    const policy = asString(get(custom, 'OriginProtocolPolicy'));
    const protocols = get(custom, 'OriginSSLProtocols');
    let sslProtocols: Fact<readonly string[]>;
    if (protocols instanceof Unknown) sslProtocols = protocols;
    else if (protocols === undefined)
      sslProtocols = ['TLSv1', 'TLSv1.1', 'TLSv1.2']; // CloudFront's default
    else {
      const values = asList(protocols).map((x) => asString(x));
      sslProtocols =
        values.find((x): x is Unknown => x instanceof Unknown) ??
        values.filter((x): x is string => typeof x === 'string');
    }
    return {
      id: name,
      originType: 'custom',
      protocolPolicy: policy ?? new Unknown('custom origin declares no `OriginProtocolPolicy`'),
      sslProtocols,
    };
  });
}

/**
 * `AWS::CloudFront::Distribution` -> endpoint. A distribution on the default `*.cloudfront.net`
 * certificate accepts TLS 1.0 (policy `TLSv1`) whatever `MinimumProtocolVersion` says. Custom
 * origins without `OriginSSLProtocols` get CloudFront's default (TLSv1, TLSv1.1 and TLSv1.2).
 */
export function distributionView(r: Resource, ctx: AdapterContext): EndpointView {
  const config = get(r.properties, 'DistributionConfig');
  const webAcl = get(config, 'WebACLId');
  return {
    kind: 'endpoint',
    endpointType: 'cdn-distribution',
    resource: r,
    name: displayName(r),
    protocol: 'HTTPS',
    ...distributionTls(get(config, 'ViewerCertificate')),
    redirectsToHttps: config instanceof Unknown ? config : viewersRedirected(config),
    accessLogging: distributionLogging(r, ctx),
    waf: webAcl instanceof Unknown ? webAcl : webAcl !== undefined && webAcl !== '',
    classification: classificationOf(r),
    internetFacing: true,
    origins: distributionOrigins(config),
    tlsOffered: TLS13_OFFERED,
    ddosProtection: shieldProtected(ctx.graph, r.address),
  };
}
