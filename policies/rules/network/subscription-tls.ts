import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-NS-026',
  title: 'Topic subscriptions deliver messages over TLS',
  severity: 'medium',
  controls: ['mcsb-v1:DP-3', 'mcsb-v1:NS-8', 'nist-csf-2.0:PR.DS-02'],
  threats: ['data-breach'],
  rationale:
    'A subscription with protocol `http` posts every message, and the subscription confirmation token, in clear ' +
    'text across the internet to the subscriber, where anyone on the path can read or alter it. An `https` ' +
    'endpoint, or a queue or function of the same account, keeps messages encrypted in transit. E-mail, SMS and ' +
    'mobile push leave the cloud through channels the subscription cannot secure and are not judged here.',
  fix: {
    cdk: 'Subscribe an `https://` URL (`new subs.UrlSubscription("https://...")`), or deliver to a queue or function.',
    terraform:
      'Give the `aws_sns_topic_subscription` `protocol = "https"` and an `https://` `endpoint`, or deliver to a queue or function (`sqs`, `lambda`).',
  },
  appliesTo: ['subscription'],
  check(view) {
    const d = view.delivery;
    if (d instanceof Unknown)
      return unknown(`\`${view.name}\`: the delivery protocol cannot be resolved (${d.reason})`);
    if (d === 'http') return fail(`\`${view.name}\` delivers messages over plain HTTP (protocol \`http\`)`);
    if (d === 'https' || d === 'provider')
      return pass(`\`${view.name}\` delivers messages over ${d === 'https' ? 'HTTPS' : 'the provider API'}`);
    return notApplicable(`\`${view.name}\` delivers by ${d}`);
  },
});
