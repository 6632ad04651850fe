import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';
import { meetsTlsFloor } from '../../../lib/views/common/tls';

export default defineRule({
  id: 'BW-NS-013',
  title: 'API endpoints and custom domain names accept only TLS 1.2 or later',
  severity: 'high',
  controls: ['mcsb-v1:DP-3', 'mcsb-v1:NS-8', 'nist-csf-2.0:PR.DS-02'],
  threats: ['data-breach'],
  rationale:
    'TLS 1.0 and 1.1 are deprecated (RFC 8996). An edge-optimized or regional REST API without a security ' +
    'policy still accepts TLS 1.0 on its `execute-api` endpoint, and a custom domain name set to `TLS_1_0` accepts ' +
    'it on the domain clients use.',
  fix: {
    cdk: 'Set the domain name `securityPolicy` to `SecurityPolicy.TLS_1_2` or an enhanced policy (`TLS13_1_2_PQ_2025_09`, `TLS13_1_3_2025_09`); on a REST API set `SecurityPolicy` (and `EndpointAccessMode`) on the `CfnRestApi`.',
    terraform:
      'Set `security_policy = "TLS_1_2"` (or an enhanced policy such as `SecurityPolicy_TLS13_1_2_PQ_2025_09`) on the `aws_api_gateway_domain_name`, and `security_policy` in the `domain_name_configuration` of an `aws_apigatewayv2_domain_name`; a REST API\'s own endpoint accepts TLS 1.0 unless it is `PRIVATE` or sets `security_policy` (with `endpoint_access_mode`) on the `aws_api_gateway_rest_api`, so serve clients through the custom domain and set `disable_execute_api_endpoint = true`.',
  },
  appliesTo: ['endpoint'],
  check(view) {
    if (view.endpointType !== 'api-stage' && view.endpointType !== 'api-domain')
      return notApplicable('not an API stage or domain name');
    const min = view.minTls;
    const policy = view.policyName instanceof Unknown ? view.policyName.toString() : view.policyName;
    if (min === undefined) return unknown(`\`${view.name}\`: the endpoint has no TLS policy facts`);
    if (min instanceof Unknown)
      return unknown(`\`${view.name}\`: the security policy cannot be resolved (${min.reason})`);
    if (meetsTlsFloor(min, '1.2') === true)
      return pass(`\`${view.name}\` accepts TLS ${min} and later (policy \`${policy}\`)`);
    return fail(`\`${view.name}\` accepts TLS ${min} (policy \`${policy}\`)`);
  },
});
