import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-DP-005',
  title: 'File systems are encrypted at rest',
  severity: 'critical',
  controls: ['cis-aws-5.0:2.3.1', 'mcsb-v1:DP-4', 'nist-csf-2.0:PR.DS-01', 'gdpr:Art.32(1)(a)'],
  threats: ['data-breach'],
  rationale:
    'An EFS file system is encrypted at rest only when it is created so (`Encrypted: true`); the setting cannot be ' +
    'changed afterwards, so an unencrypted file system has to be recreated and its data copied over.',
  fix: {
    cdk: 'Set `encrypted: true` (and `kmsKey` for a customer-managed key) on the file system.',
    terraform:
      'Set `encrypted = true` (and `kms_key_id` for a customer-managed key) on the `aws_efs_file_system`.',
  },
  appliesTo: ['data-store'],
  check(view) {
    if (view.storeType !== 'file-system') return notApplicable('not a file system');
    const at = view.encryption.atRest;
    if (at instanceof Unknown)
      return unknown(`\`${view.name}\`: encryption cannot be resolved (${at.reason})`);
    if (at === 'none') return fail(`\`${view.name}\` is not encrypted at rest (Encrypted is off)`);
    return pass(`\`${view.name}\` is encrypted at rest (${at})`);
  },
});
