import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';
import { meetsTlsFloor } from '../../../lib/views/common/tls';

export default defineRule({
  id: 'BW-NS-004',
  title: 'Load balancer listeners accept only TLS 1.2 or later',
  severity: 'high',
  controls: ['cis-azure-6.0:7.12', 'mcsb-v1:DP-3', 'mcsb-v1:NS-8', 'nist-csf-2.0:PR.DS-02'],
  threats: ['data-breach'],
  rationale:
    'TLS 1.0 and 1.1 are deprecated (RFC 8996): they rely on SHA-1 and CBC constructions with known attacks and let ' +
    'an active attacker downgrade clients. An HTTPS or TLS listener without a security policy gets ' +
    '`ELBSecurityPolicy-2016-08`, which still accepts TLS 1.0. On Azure, an Application Gateway listener takes the ' +
    'TLS policy of its SSL profile or of the gateway (`AppGwSslPolicy20150501` accepts TLS 1.0), and a Front Door ' +
    'route the policy of each custom domain it serves.',
  fix: {
    cdk: 'Set the listener `sslPolicy` to `SslPolicy.RECOMMENDED_TLS` (TLS 1.2 and 1.3), or a `-PQ-` policy such as `SslPolicy.TLS13_12_RES_PQ` for post-quantum key exchange.',
    terraform:
      'Set `ssl_policy` on the HTTPS or TLS `aws_lb_listener` to `ELBSecurityPolicy-TLS13-1-2-2021-06` (TLS 1.2 and 1.3), or a `-PQ-` policy such as `ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09` for post-quantum key exchange; without it AWS applies `ELBSecurityPolicy-2016-08`.',
    pulumi:
      '`network.ApplicationGateway`: `sslPolicy: { policyType: "Predefined", policyName: "AppGwSslPolicy20220101S" }` (or `policyType: "CustomV2"` with `minProtocolVersion: "TLSv1_2"` or `"TLSv1_3"`), and the same in the `sslPolicy` of every `sslProfiles` entry; `cdn.AFDCustomDomain`: `tlsSettings.cipherSuiteSetType: "TLS12_2023"` (or `"Customized"` with `minimumTlsVersion: "TLS12"` or `"TLS13"`).',
  },
  appliesTo: ['endpoint'],
  check(view) {
    if (view.endpointType !== 'load-balancer-listener') return notApplicable('not a load balancer listener');
    const protocol = view.protocol;
    if (protocol instanceof Unknown)
      return unknown(`\`${view.name}\`: the listener protocol cannot be resolved (${protocol.reason})`);
    if (!['HTTPS', 'TLS'].includes(protocol.toUpperCase()))
      return notApplicable(`\`${view.name}\` is a ${protocol} listener`);
    const min = view.minTls;
    const policy = view.policyName instanceof Unknown ? view.policyName.toString() : view.policyName;
    if (min === undefined) return unknown(`\`${view.name}\`: the listener has no TLS policy facts`);
    if (min instanceof Unknown)
      return unknown(`\`${view.name}\`: the TLS policy cannot be resolved (${min.reason})`);
    if (meetsTlsFloor(min, '1.2') === true)
      return pass(`\`${view.name}\` accepts TLS ${min} and later (policy \`${policy}\`)`);
    return fail(`\`${view.name}\` accepts TLS ${min} (policy \`${policy}\`)`);
  },
});
