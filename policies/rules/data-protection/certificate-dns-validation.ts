import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-DP-101',
  title: 'Certificates are validated through DNS so they renew unattended',
  severity: 'medium',
  controls: ['mcsb-v1:DP-7', 'nist-csf-2.0:PR.DS-02'],
  threats: ['data-breach', 'configuration-drift'],
  rationale:
    'ACM renews a DNS-validated certificate by itself as long as the validation record stays in place. An ' +
    'email-validated certificate needs someone to approve a mail at every renewal; when nobody does, it expires ' +
    'and clients either fail or are taught to click through certificate warnings. Certificate lifecycle ' +
    'management (MCSB DP-7) means renewals that do not depend on a person.',
  fix: {
    cdk: 'Use `validation: acm.CertificateValidation.fromDns(hostedZone)` on `acm.Certificate`.',
    terraform:
      'Set `validation_method = "DNS"` on the `aws_acm_certificate` and create its `domain_validation_options` records (`aws_route53_record`) with an `aws_acm_certificate_validation`.',
  },
  appliesTo: ['certificate'],
  check(view) {
    const v = view.validation;
    if (v instanceof Unknown)
      return unknown(`\`${view.name}\`: the validation method cannot be resolved (${v.reason})`);
    if (v === 'private')
      return notApplicable(`\`${view.name}\` is issued by a private certificate authority`);
    return v === 'DNS'
      ? pass(`\`${view.name}\` is validated through DNS`)
      : fail(`\`${view.name}\` is validated by email: every renewal waits for a person`);
  },
});
