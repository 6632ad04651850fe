import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-DP-024',
  title: 'Sensitive data discovery (Macie) is enabled',
  severity: 'medium',
  controls: [
    'cis-aws-5.0:2.1.3',
    'mcsb-v1:DP-1',
    'mcsb-v1:DP-2',
    'nist-csf-2.0:ID.AM-07',
    'gdpr:Art.5(1)(c)',
  ],
  threats: ['data-breach', 'insider-misuse'],
  rationale:
    'A classification tag says what a bucket is meant to hold; Macie finds what it actually holds (credentials, ' +
    'personal and financial data) and reports buckets that are public, unencrypted or shared. A session declared ' +
    '`PAUSED` suspends all of it. The discovery jobs and automated discovery that CIS 2.1.3 also expects are ' +
    'configured outside CloudFormation: this rule asserts the service is on, the jobs are for the live state.',
  fix: {
    cdk: "Declare `AWS::Macie::Session` with `status: 'ENABLED'` (the default), and schedule discovery jobs for the buckets.",
    terraform:
      'Declare an `aws_macie2_account` with `status = "ENABLED"` (the default), and schedule discovery with `aws_macie2_classification_job`.',
  },
  appliesTo: ['posture'],
  check(view) {
    if (view.service !== 'data-discovery') return notApplicable('not a data discovery service');
    const on = view.enabled;
    if (on instanceof Unknown)
      return unknown(`\`${view.name}\`: whether Macie is enabled cannot be resolved (${on.reason})`);
    return on
      ? pass(`\`${view.name}\`: Macie is enabled`)
      : fail(
          `\`${view.name}\`: Macie is paused: it discovers no sensitive data in the buckets of its account and region`,
        );
  },
});
