import { defineRule } from '../../../lib/engine/rule';
import { checkGrantOnAll } from './no-passrole-on-all-roles';

/** `*`, or an ARN pattern naming every KMS key or alias (`arn:aws:kms:*:123456789012:key/*`). */
const ALL_KEYS = /^(\*|arn:[^:]*:kms:[^:]*:[^:]*:(\*|key\/\*|alias\/\*))$/;

export default defineRule({
  id: 'BW-PA-006',
  title: 'IAM policies do not allow decrypting with every KMS key',
  severity: 'high',
  controls: ['mcsb-v1:DP-8', 'mcsb-v1:PA-7', 'nist-csf-2.0:PR.AA-05', 'nist-csf-2.0:PR.DS-01'],
  threats: ['data-breach', 'insider-misuse', 'privilege-escalation'],
  rationale:
    'A customer-managed key protects a store only as far as its users are limited. `kms:Decrypt` or ' +
    '`kms:ReEncryptFrom` on `Resource: "*"` in an identity policy lets the principal decrypt with every key whose ' +
    'key policy delegates to IAM (the default), so reading one encrypted store means reading all of them.',
  fix: {
    cdk: "Name the key ARNs in the statement (CDK `key.grantDecrypt(grantee)` or the store's `grantRead`), or restrict `*` with a `kms:ViaService` and `kms:EncryptionContext` condition.",
    terraform:
      "Name the key ARNs (`aws_kms_key.x.arn`) in the statement's `resources`, or restrict `*` with a `condition` on `kms:ViaService` and `kms:EncryptionContext`.",
  },
  appliesTo: ['identity', 'permission-policy'],
  check(view) {
    return checkGrantOnAll(
      view,
      ['kms:Decrypt', 'kms:ReEncryptFrom'],
      (r) => ALL_KEYS.test(r),
      '`kms:Decrypt` on every KMS key',
    );
  },
});
