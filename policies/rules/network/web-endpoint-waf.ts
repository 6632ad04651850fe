import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-NS-009',
  title: 'Internet-facing web endpoints are protected by a web application firewall',
  severity: 'medium',
  controls: ['mcsb-v1:NS-6', 'nist-csf-2.0:PR.IR-01', 'nist-csf-2.0:DE.CM-01'],
  threats: ['unauthorized-access', 'data-breach', 'malicious-code'],
  rationale:
    'A web ACL in front of an application load balancer, a CloudFront distribution or a REST API stage blocks ' +
    'common exploits (SQL injection, known bad inputs, bad bots) and rate-limits abusive clients before they ' +
    'reach the application, and records what it blocked. Without one, every request reaches the code as sent.',
  fix: {
    cdk: 'Associate a WAFv2 web ACL with the AWS managed rule groups (`AWSManagedRulesCommonRuleSet`, `AWSManagedRulesKnownBadInputsRuleSet`): `webAclId` on the distribution, a `CfnWebACLAssociation` for the load balancer or API stage.',
    terraform:
      'Create an `aws_wafv2_web_acl` with the AWS managed rule groups (`AWSManagedRulesCommonRuleSet`, `AWSManagedRulesKnownBadInputsRuleSet`); set its ARN as `web_acl_id` on the `aws_cloudfront_distribution` (a `CLOUDFRONT`-scoped ACL), or add an `aws_wafv2_web_acl_association` with the load balancer or API stage ARN as `resource_arn`.',
  },
  appliesTo: ['load-balancer', 'endpoint'],
  check(view) {
    if (
      view.kind === 'endpoint' &&
      view.endpointType !== 'cdn-distribution' &&
      view.endpointType !== 'api-stage'
    )
      return notApplicable('WAF protects the load balancer, distribution or API stage, not this endpoint');
    const waf = view.waf;
    if (waf === undefined)
      return notApplicable(`\`${view.name}\`: WAF cannot be associated with this endpoint type`);
    const exposed = view.internetFacing;
    if (exposed === false) return notApplicable(`\`${view.name}\` is not reachable from the internet`);
    if (waf instanceof Unknown)
      return unknown(`\`${view.name}\`: whether a web ACL is associated cannot be resolved (${waf.reason})`);
    if (waf) return pass(`\`${view.name}\` is protected by a web ACL`);
    if (exposed instanceof Unknown)
      return unknown(
        `\`${view.name}\` has no web ACL, and whether it is internet-facing cannot be resolved (${exposed.reason})`,
      );
    return fail(`\`${view.name}\` is reachable from the internet without a web ACL`);
  },
});
