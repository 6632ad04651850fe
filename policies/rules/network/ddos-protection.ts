import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-NS-021',
  title: 'Internet-facing load balancers and distributions have DDoS protection beyond the default',
  severity: 'low',
  controls: ['mcsb-v1:NS-5', 'nist-csf-2.0:PR.IR-01'],
  threats: ['unauthorized-access'],
  rationale:
    'Shield Standard absorbs network and transport layer floods for every AWS customer. Shield Advanced adds ' +
    'application-layer (L7) detection and automatic mitigation through WAF, the Shield Response Team, and cost ' +
    'protection for scaling during an attack. It is a subscription decision, so the rule is advisory: it names ' +
    'internet-facing entry points that have no protection resource.',
  fix: {
    cdk: 'With a Shield Advanced subscription, add a `shield.CfnProtection` for the load balancer or distribution (`resourceArn`), or record the decision not to subscribe as a suppression.',
    terraform:
      "With a Shield Advanced subscription, add an `aws_shield_protection` whose `resource_arn` is the load balancer's " +
      "or distribution's ARN, or record the decision not to subscribe as a suppression.",
  },
  appliesTo: ['load-balancer', 'endpoint'],
  check(view) {
    if (view.kind === 'endpoint' && view.endpointType !== 'cdn-distribution')
      return notApplicable('Shield protects the load balancer or distribution');
    const exposed = view.internetFacing;
    if (exposed === false) return notApplicable(`\`${view.name}\` is not reachable from the internet`);
    const p = view.ddosProtection;
    if (p === undefined || p instanceof Unknown)
      return unknown(`\`${view.name}\`: whether Shield Advanced protects it cannot be resolved`);
    if (p) return pass(`\`${view.name}\` is protected by Shield Advanced`);
    if (exposed instanceof Unknown || exposed === undefined)
      return unknown(
        `\`${view.name}\` has no Shield protection, and whether it is internet-facing cannot be resolved`,
      );
    return fail(`\`${view.name}\` is internet-facing without Shield Advanced protection`);
  },
});
