import { defineRule, fail, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-LT-106',
  title: 'Networks log their DNS queries',
  severity: 'low',
  controls: ['mcsb-v1:NS-10', 'mcsb-v1:LT-4', 'nist-csf-2.0:DE.CM-01'],
  threats: ['malicious-code', 'data-breach'],
  rationale:
    'Malware resolves its command-and-control domains and exfiltrates data through DNS; flow logs show only the ' +
    'resolver address. Route 53 Resolver query logs name every domain a workload looked up, which is what a DNS ' +
    'security investigation needs.',
  fix: {
    cdk: 'Create a `route53resolver.CfnResolverQueryLoggingConfig` and associate it with the VPC (`CfnResolverQueryLoggingConfigAssociation` with `resourceId: vpc.vpcId`).',
    terraform:
      "Create an `aws_route53_resolver_query_log_config` and an `aws_route53_resolver_query_log_config_association` with `resource_id` set to the VPC's id.",
  },
  appliesTo: ['network'],
  check(view) {
    const on = view.dnsQueryLogging;
    if (on === undefined)
      return unknown(`\`${view.name}\`: the source does not say whether DNS queries are logged`);
    if (on instanceof Unknown)
      return unknown(`\`${view.name}\`: whether DNS queries are logged cannot be resolved (${on.reason})`);
    return on
      ? pass(`\`${view.name}\` logs its DNS queries`)
      : fail(`\`${view.name}\` has no Route 53 Resolver query logging configuration`);
  },
});
