import { defineRule, fail, notApplicable, pass, unknown, type CheckResult } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

/** Origin protocols below TLS 1.2. */
const WEAK = ['SSLv3', 'TLSv1', 'TLSv1.1'];

export default defineRule({
  id: 'BW-NS-010',
  title: 'CDN distributions reach custom origins over TLS 1.2 only',
  severity: 'high',
  controls: ['mcsb-v1:DP-3', 'mcsb-v1:NS-8', 'mcsb-v1:IM-4', 'nist-csf-2.0:PR.DS-02'],
  threats: ['data-breach'],
  rationale:
    'Viewer TLS protects only the first hop. A custom origin reached with `http-only` (or `match-viewer` while ' +
    'viewers may use HTTP) carries every request and response in clear text across the internet between the edge ' +
    'and the origin, and origin protocols older than TLS 1.2 can be downgraded. Unless the origin SSL protocols are ' +
    'set, CloudFront offers TLS 1.0 and 1.1 too. Over HTTPS CloudFront also authenticates the origin by its certificate, ' +
    'which plain HTTP cannot do.',
  fix: {
    cdk: 'Set `protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY` and `originSslProtocols: [OriginSslPolicy.TLS_V1_2]` on the origin (the defaults of `HttpOrigin`); serve S3 content through `S3BucketOrigin.withOriginAccessControl` instead of the website endpoint, which speaks HTTP only.',
    terraform:
      'In each `custom_origin_config` of the `aws_cloudfront_distribution` set `origin_protocol_policy = "https-only"` and `origin_ssl_protocols = ["TLSv1.2"]`; serve S3 content through the bucket\'s REST endpoint with an `aws_cloudfront_origin_access_control` instead of the website endpoint, which speaks HTTP only.',
  },
  appliesTo: ['endpoint'],
  check(view) {
    if (view.endpointType !== 'cdn-distribution') return notApplicable('not a CDN distribution');
    const custom = (view.origins ?? []).filter((o) => o.originType === 'custom');
    if (custom.length === 0) return notApplicable(`\`${view.name}\` has no custom origin`);
    const out: CheckResult[] = [];
    for (const o of custom) {
      const policy = o.protocolPolicy;
      if (policy === undefined || policy instanceof Unknown) {
        out.push(
          unknown(`\`${view.name}\`: the protocol policy of origin \`${o.id}\` cannot be resolved`, o.id),
        );
        continue;
      }
      if (policy === 'http-only') {
        out.push(fail(`\`${view.name}\` reaches origin \`${o.id}\` over plain HTTP (\`http-only\`)`, o.id));
        continue;
      }
      if (policy === 'match-viewer') {
        const r = view.redirectsToHttps;
        if (r instanceof Unknown || r === undefined) {
          out.push(
            unknown(
              `\`${view.name}\`: origin \`${o.id}\` matches the viewer protocol, which cannot be resolved`,
              o.id,
            ),
          );
          continue;
        }
        if (!r) {
          out.push(
            fail(
              `\`${view.name}\` forwards plain HTTP viewers to origin \`${o.id}\` over HTTP (\`match-viewer\`)`,
              o.id,
            ),
          );
          continue;
        }
      }
      const protocols = o.sslProtocols;
      if (protocols === undefined || protocols instanceof Unknown) {
        out.push(
          unknown(
            `\`${view.name}\`: the TLS protocols offered to origin \`${o.id}\` cannot be resolved`,
            o.id,
          ),
        );
        continue;
      }
      const weak = protocols.filter((p) => WEAK.includes(p));
      out.push(
        weak.length
          ? fail(`\`${view.name}\` offers ${weak.join(', ')} to origin \`${o.id}\``, o.id)
          : pass(`\`${view.name}\` reaches origin \`${o.id}\` over TLS 1.2`, o.id),
      );
    }
    return out;
  },
});
