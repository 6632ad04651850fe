import { defineRule, fail, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-LT-002',
  title: 'Trails validate log file integrity',
  severity: 'high',
  controls: [
    'cis-aws-5.0:3.2',
    'mcsb-v1:LT-3',
    'nist-csf-2.0:PR.PS-04',
    'gdpr:Art.32(1)(b)',
    'sox:404-AUDIT-TRAIL',
    'sox:802-1519',
  ],
  threats: ['insider-misuse', 'configuration-drift'],
  rationale:
    'With log file validation, CloudTrail delivers an hourly digest of SHA-256 hashes of the log files, signed and ' +
    'chained to the previous digest. Without it, a log file that is changed or deleted after delivery cannot be ' +
    'detected, and the trail is weak evidence in an investigation.',
  fix: {
    cdk: 'Set `enableFileValidation: true` on the trail (the `Trail` construct default).',
    terraform: 'Set `enable_log_file_validation = true` on the `aws_cloudtrail`.',
  },
  appliesTo: ['audit-trail'],
  check(view) {
    const v = view.integrityValidation;
    if (v instanceof Unknown)
      return unknown(`\`${view.name}\`: log file validation cannot be resolved (${v.reason})`);
    if (!v) return fail(`\`${view.name}\` does not validate log files (log file validation is off)`);
    return pass(`\`${view.name}\` validates log file integrity`);
  },
});
