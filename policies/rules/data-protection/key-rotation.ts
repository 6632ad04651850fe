import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-DP-010',
  title: 'Symmetric KMS keys rotate automatically',
  severity: 'medium',
  controls: ['cis-aws-5.0:3.6', 'mcsb-v1:DP-6', 'nist-csf-2.0:PR.DS-01'],
  threats: ['data-breach'],
  rationale:
    'Automatic rotation replaces the key material on a schedule while keeping older material to decrypt existing data, ' +
    'so the amount of data protected by one key version, and the exposure if it leaks, stays bounded. KMS rotates only ' +
    'symmetric encryption keys; asymmetric and HMAC keys are out of scope.',
  fix: {
    cdk: 'Set `enableKeyRotation: true` on the key (and `rotationPeriod` where the data classification requires it).',
    terraform:
      'Set `enable_key_rotation = true` on the `aws_kms_key` (and `rotation_period_in_days` where the data classification requires a shorter period).',
  },
  appliesTo: ['key'],
  check(view) {
    const sym = view.symmetric;
    if (sym instanceof Unknown)
      return unknown(`\`${view.name}\`: key spec cannot be resolved (${sym.reason})`);
    if (!sym)
      return notApplicable(`\`${view.name}\` is not a symmetric encryption key (${String(view.keySpec)})`);
    const on = view.rotationEnabled;
    if (on instanceof Unknown)
      return unknown(`\`${view.name}\`: key rotation cannot be resolved (${on.reason})`);
    if (!on) return fail(`\`${view.name}\` does not rotate its key material (automatic rotation is off)`);
    return pass(`\`${view.name}\` rotates automatically`);
  },
});
