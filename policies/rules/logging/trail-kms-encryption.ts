import { defineRule, fail, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-LT-004',
  title: 'Trail logs are encrypted with a customer-managed key',
  severity: 'medium',
  controls: ['cis-aws-5.0:3.5', 'cis-azure-6.0:6.1.1.3', 'mcsb-v1:DP-5', 'nist-csf-2.0:PR.DS-01'],
  threats: ['insider-misuse', 'data-breach'],
  rationale:
    'CloudTrail logs describe every change in the account. Encrypting them with a customer-managed key (SSE-KMS) means ' +
    'reading them needs `kms:Decrypt` on that key as well as access to the bucket, and every decryption is itself ' +
    'recorded.',
  fix: {
    cdk: 'Set `encryptionKey` on the trail to a customer-managed `kms.Key` whose policy lets CloudTrail use it.',
    terraform:
      'Set `kms_key_id` on the `aws_cloudtrail` to the ARN of a customer managed `aws_kms_key` whose policy lets CloudTrail use it.',
    pulumi:
      'Archive the activity log in a storage account with `encryption: { keySource: "Microsoft.Keyvault", keyVaultProperties }` ' +
      '(or `requireInfrastructureEncryption: true`).',
  },
  appliesTo: ['audit-trail'],
  check(view) {
    const at = view.encryption.atRest;
    if (at instanceof Unknown)
      return unknown(`\`${view.name}\`: log encryption cannot be resolved (${at.reason})`);
    // Two layers on provider-managed keys (Azure infrastructure encryption with Microsoft-managed keys) name no
    // customer key.
    if (at === 'double' && view.encryption.key === undefined)
      return fail(
        `\`${view.name}\` log files are encrypted in two layers on provider-managed keys, not with a customer-managed key`,
      );
    if (at !== 'customer-key' && at !== 'double') {
      return fail(`\`${view.name}\` log files are not encrypted with a customer-managed key (${at})`);
    }
    return pass(`\`${view.name}\` log files are encrypted with a customer-managed key`);
  },
});
