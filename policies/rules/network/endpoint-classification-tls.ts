import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';
import { requirementsFor } from '../../../lib/classification';
import { meetsTlsFloor } from '../../../lib/views/common/tls';

export default defineRule({
  id: 'BW-NS-012',
  title: 'Endpoints serving classified data use the TLS floor of their level',
  severity: 'high',
  controls: ['classification:IN-TRANSIT', 'mcsb-v1:DP-3', 'nist-csf-2.0:PR.DS-02'],
  threats: ['data-breach'],
  rationale:
    'The classification policy raises the TLS floor with the level: TLS 1.2 up to CONFIDENTIAL; TLS 1.3 only ' +
    'from RESTRICTED where the service offers it; and for TOP_SECRET TLS 1.3 with hybrid post-quantum key ' +
    'exchange where offered (load balancer `-TLS13-1-3-PQ-` policies), against harvest-now-decrypt-later ' +
    'collection. An endpoint is held to the level of its own `data-classification` tag (a listener to its load ' +
    "balancer's); untagged endpoints are left to the plain TLS rules.",
  fix: {
    cdk: 'Choose the policy for the level (`listenerSslPolicyFor`, `cloudFrontMinimumProtocolFor`, `apiGatewayTlsFor` in `lib/aws/tls`): `SslPolicy.TLS13_13_PQ` for TOP_SECRET listeners, `SslPolicy.TLS13_13` / `TLSv1.3_2025` / `SecurityPolicy_TLS13_1_3_2025_09` for RESTRICTED.',
    terraform:
      'Choose the policy for the level: `ssl_policy = "ELBSecurityPolicy-TLS13-1-3-PQ-2025-09"` on TOP_SECRET `aws_lb_listener`s and `ELBSecurityPolicy-TLS13-1-3-2021-06` on RESTRICTED ones, `minimum_protocol_version = "TLSv1.3_2025"` in the `viewer_certificate` of a RESTRICTED or TOP_SECRET `aws_cloudfront_distribution`, `security_policy = "SecurityPolicy_TLS13_1_3_2025_09"` on API Gateway domain names.',
    pulumi:
      'Choose the TLS policy of a `network.ApplicationGateway` (and of its `sslProfiles`) for its `data-classification` tag: `sslPolicy: { policyType: "CustomV2", minProtocolVersion: "TLSv1_3" }` from RESTRICTED up, `{ policyType: "Predefined", policyName: "AppGwSslPolicy20220101S" }` below.',
  },
  appliesTo: ['endpoint'],
  check(view) {
    const c = view.classification;
    if (c === undefined || c.state === 'untagged')
      return notApplicable(`\`${view.name}\` carries no classification`);
    if (c.state === 'unknown')
      return unknown(`\`${view.name}\`: the classification tag cannot be resolved (${c.value.reason})`);
    if (c.state === 'invalid') return notApplicable(`\`${view.name}\`: invalid classification \`${c.raw}\``);
    if (view.endpointType === 'api-method') return notApplicable('methods inherit the TLS of their stage');
    const level = c.level;
    const protocol = view.protocol;
    if (protocol instanceof Unknown)
      return unknown(`\`${view.name}\`: the protocol cannot be resolved (${protocol.reason})`);
    if (!['HTTPS', 'TLS'].includes(protocol.toUpperCase())) {
      if (protocol.toUpperCase() === 'HTTP' && view.redirectsToHttps === true)
        return notApplicable(`\`${view.name}\` only redirects to HTTPS`);
      return fail(`\`${view.name}\` serves ${level} data over ${protocol}, without TLS`);
    }
    const min = view.minTls;
    const pq = view.postQuantum;
    const policy = view.policyName instanceof Unknown ? view.policyName.toString() : view.policyName;
    if (min === undefined || min instanceof Unknown)
      return unknown(`\`${view.name}\`: the TLS policy cannot be resolved${min ? ` (${min.reason})` : ''}`);
    const need = requirementsFor(level).inTransit;
    const offered = view.tlsOffered ?? { tls13Only: false, postQuantumTls13Only: false };
    const wants13 = (need === 'tls1.3-preferred' || need === 'tls1.3-pq-preferred') && offered.tls13Only;
    const wantsPq = need === 'tls1.3-pq-preferred' && offered.postQuantumTls13Only;
    if (meetsTlsFloor(min, '1.2') === false)
      return fail(`\`${view.name}\` serves ${level} data and accepts TLS ${min} (policy \`${policy}\`)`);
    if (wants13 && meetsTlsFloor(min, '1.3') === false)
      return fail(
        `\`${view.name}\` serves ${level} data and accepts TLS ${min}; the level requires TLS 1.3 only (policy \`${policy}\`)`,
      );
    if (wantsPq) {
      if (pq instanceof Unknown || pq === undefined)
        return unknown(
          `\`${view.name}\`: whether policy \`${policy}\` offers post-quantum key exchange cannot be resolved`,
        );
      if (!pq)
        return fail(
          `\`${view.name}\` serves ${level} data without post-quantum key exchange (policy \`${policy}\`); use a \`-TLS13-1-3-PQ-\` policy`,
        );
    }
    return pass(`\`${view.name}\` meets the ${level} TLS floor (policy \`${policy}\`)`);
  },
});
