import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-LT-104',
  title: 'Application and classic load balancers write access logs',
  severity: 'medium',
  controls: ['mcsb-v1:LT-3', 'mcsb-v1:LT-4', 'nist-csf-2.0:PR.PS-04', 'nist-csf-2.0:DE.CM-01'],
  threats: ['unauthorized-access', 'malicious-code'],
  rationale:
    'Load balancer access logs record every request with client address, path, TLS protocol and cipher, and the ' +
    'target that answered: the evidence for tracing an attack or a scan back to its source. They are off by ' +
    'default. Network load balancers log only TLS listeners and gateway load balancers not at all, so the rule ' +
    'holds application and classic load balancers to it.',
  fix: {
    cdk: 'Call `lb.logAccessLogs(bucket)` (attribute `access_logs.s3.enabled`), or set `accessLoggingPolicy` on a classic load balancer.',
    terraform:
      'Add an `access_logs` block to the `aws_lb` with `bucket` set to the log bucket and `enabled = true` (a bucket alone does not turn logging on).',
  },
  appliesTo: ['load-balancer'],
  check(view) {
    const type = view.loadBalancerType;
    if (type instanceof Unknown)
      return unknown(`\`${view.name}\`: the load balancer type cannot be resolved (${type.reason})`);
    if (type === 'network' || type === 'gateway')
      return notApplicable(`\`${view.name}\` is a ${type} load balancer`);
    const on = view.accessLogging;
    if (on instanceof Unknown)
      return unknown(`\`${view.name}\`: whether access logs are written cannot be resolved (${on.reason})`);
    return on ? pass(`\`${view.name}\` writes access logs`) : fail(`\`${view.name}\` writes no access logs`);
  },
});
