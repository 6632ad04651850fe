import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';
import { requirementsFor } from '../../../lib/classification';

export default defineRule({
  id: 'BW-DP-014',
  title: 'Log groups of confidential data and above mask PII',
  severity: 'medium',
  controls: ['classification:PII-MASKING', 'nist-csf-2.0:PR.DS-01', 'gdpr:Art.5(1)(c)', 'ccpa:1798.100(c)'],
  threats: ['data-breach', 'insider-misuse'],
  rationale:
    'Applications log what they handle, and logs are read by many more people than the data store itself. A CloudWatch ' +
    'Logs data protection policy masks personal data at ingestion, so only principals with `logs:Unmask` see it. ' +
    'CONFIDENTIAL, RESTRICTED and TOP_SECRET log groups must carry one with a de-identify (mask) statement. A Log ' +
    'Analytics workspace has no masking policy: it is read as unmasked, and as `unknown` where a workspace ' +
    'transformation rewrites its records before they are stored (whether its query drops or hashes personal data ' +
    'is not read).',
  fix: {
    cdk:
      'Set `dataProtectionPolicy: new logs.DataProtectionPolicy({ identifiers: [...] })` on the log group, with the ' +
      'managed data identifiers its data may contain.',
    terraform:
      'Add an `aws_cloudwatch_log_data_protection_policy` with `log_group_name` of the group and a `policy_document` ' +
      'whose statements audit and de-identify (`Operation.Deidentify`) the managed data identifiers its data may contain.',
  },
  appliesTo: ['data-store'],
  check(view) {
    if (view.storeType !== 'log-group') return notApplicable('not a log group');
    const c = view.classification;
    if (c.state === 'unknown')
      return unknown(`\`${view.name}\`: classification cannot be resolved (${c.value.reason})`);
    if (c.state !== 'tagged') return notApplicable('no valid classification (BW-DP-011 reports it)');
    if (!requirementsFor(c.level).piiMasking) return notApplicable(`${c.level} does not require PII masking`);
    const m = view.piiMasking ?? false;
    if (m instanceof Unknown)
      return unknown(`\`${view.name}\`: the data protection policy cannot be resolved (${m.reason})`);
    if (!m) return fail(`\`${view.name}\` is ${c.level} and has no data protection policy that masks PII`);
    return pass(`\`${view.name}\` masks PII`);
  },
});
