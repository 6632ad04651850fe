import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

/** CloudFront viewer policies that accept TLS 1.2 or later with the 2021 cipher set or a newer one. */
const ACCEPTED = ['TLSv1.2_2021', 'TLSv1.2_2025', 'TLSv1.3_2025'];

export default defineRule({
  id: 'BW-NS-006',
  title: 'CDN distributions require TLS 1.2 with the 2021 or a newer viewer policy',
  severity: 'high',
  controls: ['mcsb-v1:DP-3', 'mcsb-v1:NS-8', 'nist-csf-2.0:PR.DS-02'],
  threats: ['data-breach'],
  rationale:
    'The viewer security policy decides which TLS versions and ciphers CloudFront accepts from browsers. ' +
    'Policies before `TLSv1.2_2021` accept TLS 1.0/1.1 or CBC-SHA cipher suites; a distribution on the default ' +
    '`*.cloudfront.net` certificate is pinned to `TLSv1` whatever its settings say.',
  fix: {
    cdk: 'Serve the distribution on its own domain with an ACM certificate and set `minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021` (or `TLS_V1_3_2025` for TLS 1.3 only).',
    terraform:
      'Serve the `aws_cloudfront_distribution` on its own domain: in `viewer_certificate` set `acm_certificate_arn`, `ssl_support_method = "sni-only"` and `minimum_protocol_version = "TLSv1.2_2021"` (or `"TLSv1.3_2025"` for TLS 1.3 only); the default certificate always accepts TLS 1.0.',
  },
  appliesTo: ['endpoint'],
  check(view) {
    if (view.endpointType !== 'cdn-distribution') return notApplicable('not a CDN distribution');
    const policy = view.policyName;
    if (policy === undefined || policy instanceof Unknown)
      return unknown(
        `\`${view.name}\`: the viewer security policy cannot be resolved${policy ? ` (${policy.reason})` : ''}`,
      );
    if (ACCEPTED.includes(policy)) return pass(`\`${view.name}\` uses viewer policy \`${policy}\``);
    const min = view.minTls instanceof Unknown || view.minTls === undefined ? '?' : view.minTls;
    return fail(`\`${view.name}\` accepts TLS ${min} (viewer policy \`${policy}\`)`);
  },
});
