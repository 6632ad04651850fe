import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-DP-007',
  title: 'Queues and topics deny requests without TLS',
  severity: 'medium',
  controls: ['mcsb-v1:DP-3', 'nist-csf-2.0:PR.DS-02'],
  threats: ['data-breach', 'unauthorized-access'],
  rationale:
    'SQS and SNS use HTTPS by default but do not refuse a client that is configured for plain HTTP. A queue or topic ' +
    'policy that denies requests where `aws:SecureTransport` is false makes TLS a property of the resource rather than ' +
    'of every client that talks to it.',
  fix: {
    cdk:
      'Set `enforceSSL: true` on the queue or topic, or add a queue/topic policy statement denying all actions when ' +
      '`aws:SecureTransport` is `false`.',
    terraform:
      'Add an `aws_sqs_queue_policy` (or the queue\'s `policy`) denying `sqs:*` on the queue\'s ARN to `Principal: "*"` ' +
      "when `aws:SecureTransport` is `false`; for a topic, an `aws_sns_topic_policy` (or the topic's `policy`) " +
      'denying `sns:Publish` the same way.',
  },
  appliesTo: ['data-store'],
  check(view) {
    if ((view.storeType !== 'queue' && view.storeType !== 'topic') || view.tlsOnly === undefined) {
      return notApplicable('not a queue or topic');
    }
    const tls = view.tlsOnly;
    if (tls instanceof Unknown)
      return unknown(`\`${view.name}\`: the ${view.storeType} policy cannot be resolved (${tls.reason})`);
    if (!tls) {
      return fail(
        `\`${view.name}\` accepts requests without TLS (no ${view.storeType} policy denies aws:SecureTransport=false to everyone on the ${view.storeType})`,
      );
    }
    return pass(`\`${view.name}\` denies requests without TLS`);
  },
});
