import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';
import type { Fact } from '../../../lib/views/kinds';

export default defineRule({
  id: 'BW-NS-022',
  title: 'Load balancers reach their targets over TLS',
  severity: 'low',
  controls: ['mcsb-v1:DP-3', 'mcsb-v1:NS-8', 'nist-csf-2.0:PR.DS-02'],
  threats: ['data-breach'],
  rationale:
    'A target group on plain HTTP carries every request and response in clear text between the load balancer and ' +
    'the targets, readable by anything that can see traffic inside the network (a compromised host, a mirrored ' +
    'interface). Many architectures deliberately terminate TLS at the load balancer and keep the hop to the ' +
    'targets inside a private network, so the finding is low severity and advisory by default; it matters where ' +
    'data must be encrypted end to end (regulated data, zero-trust networks). TCP behind a listener that ' +
    'terminates TLS (a TLS listener of a network load balancer, a classic SSL listener) is clear text too; other ' +
    'TCP, UDP and GENEVE target groups are not ' +
    'judged: the traffic they pass may itself be TLS.',
  fix: {
    cdk: 'Give the target group `protocol: ApplicationProtocol.HTTPS` (targets present a certificate; the load balancer does not validate it) or `Protocol.TLS` on a network load balancer.',
    terraform:
      'Set `protocol = "HTTPS"` on the `aws_lb_target_group` of an application load balancer (targets present a certificate), or `protocol = "TLS"` on a network load balancer.',
  },
  appliesTo: ['endpoint'],
  check(view) {
    let protocol: Fact<string>;
    let terminated: boolean;
    if (view.endpointType === 'load-balancer-targets') {
      protocol = view.protocol;
      terminated = view.afterTlsTermination === true;
    } else if (view.endpointType === 'load-balancer-listener' && view.targetProtocol !== undefined) {
      protocol = view.targetProtocol;
      terminated =
        typeof view.protocol === 'string' && ['HTTPS', 'TLS'].includes(view.protocol.toUpperCase());
    } else return notApplicable("not a target group, nor a listener that sets its targets' protocol");
    if (protocol instanceof Unknown)
      return unknown(`\`${view.name}\`: the protocol to the targets cannot be resolved (${protocol.reason})`);
    const p = protocol.toUpperCase();
    if (p === 'HTTPS' || p === 'TLS') return pass(`\`${view.name}\` reaches its targets over ${p}`);
    if (p === 'HTTP') return fail(`\`${view.name}\` sends requests to its targets over plain HTTP`);
    if (p === 'TCP' && terminated)
      return fail(`\`${view.name}\` sends what it decrypted to its targets over plain TCP`);
    return notApplicable(`\`${view.name}\` passes ${protocol} traffic through (or invokes functions)`);
  },
});
