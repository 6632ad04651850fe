import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';
import { cloudOfResource } from '../../../lib/engine/clouds';
import { Classification } from '../../../lib/classification';

const STRONG = ['kms-provider-key', 'customer-key', 'double'];

export default defineRule({
  id: 'BW-DP-002',
  title: 'Data stores are encrypted at rest with KMS keys',
  severity: 'medium',
  controls: ['mcsb-v1:DP-4', 'mcsb-v1:DP-5', 'nist-csf-2.0:PR.DS-01'],
  threats: ['data-breach', 'insider-misuse'],
  rationale:
    'KMS encryption puts every read of the data behind a key policy and an audit record of each use of the key. ' +
    'Service-managed encryption (SSE-S3, SQS-owned keys) protects the disks but not against a principal who can read the store. ' +
    'MCSB DP-5 asks for customer-managed keys where a requirement calls for them, not everywhere: data stored without ' +
    'any encryption is BW-DP-003 (critical), and the key each classification level needs is BW-DP-012 (high). This ' +
    'rule is the general preference for KMS keys, hence medium and advisory in the default pack. ' +
    'Only stores tagged `data-classification: public` may use it, and buckets receiving application or classic load ' +
    'balancer access logs, which those services deliver only to SSE-S3 buckets. On Azure the same preference is a ' +
    'customer-managed key in Key Vault (or Managed HSM) rather than Microsoft-managed keys.',
  fix: {
    cdk: 'Encrypt the store with a KMS key (a customer-managed key from CONFIDENTIAL up), or tag it `data-classification: public` if its data is public.',
    terraform:
      'Name a KMS key: `kms_master_key_id` (`aws_sqs_queue`, `aws_sns_topic`), `kms_key_id` (`aws_db_instance`, ' +
      '`aws_rds_cluster`, `aws_cloudwatch_log_group`, `aws_ebs_volume`, `aws_efs_file_system`, ' +
      '`aws_secretsmanager_secret`), `server_side_encryption { enabled = true, kms_key_arn = ... }` ' +
      '(`aws_dynamodb_table`), or `sse_algorithm = "aws:kms"` with `kms_master_key_id` in the bucket\'s ' +
      '`aws_s3_bucket_server_side_encryption_configuration`; a customer-managed `aws_kms_key` from CONFIDENTIAL up. ' +
      'Or tag the store `data-classification = "public"` if its data is public.',
    pulumi:
      '`storage.StorageAccount`: `encryption: { keySource: "Microsoft.Keyvault", keyVaultProperties: { keyName, keyVaultUri } }` with an `identity` granted the key; `cognitiveservices.Account`: `properties.encryption` with `keySource: "Microsoft.KeyVault"`; `sql.Server`: `keyId` (or an `sql.EncryptionProtector` with `serverKeyType: "AzureKeyVault"`).',
  },
  appliesTo: ['data-store'],
  check(view) {
    const at = view.encryption.atRest;
    if (view.classification.state === 'tagged' && view.classification.level === Classification.PUBLIC) {
      return notApplicable('public data may use service-managed encryption');
    }
    if (view.memoryOnly) return notApplicable('the store keeps its data in memory only');
    if (at instanceof Unknown)
      return unknown(`\`${view.name}\`: encryption at rest cannot be resolved (${at.reason})`);
    const delivery = view.logDeliveries?.find((d) => d.providerKeyOnly);
    if (delivery && at === 'provider')
      return notApplicable(
        `\`${view.name}\` receives ${delivery.what}, which are delivered only to stores on service-managed keys ` +
          '(SSE-S3): a KMS key would stop them',
      );
    // Azure keys live in Key Vault (or Managed HSM): a store names one as a customer-managed key.
    const key = cloudOfResource(view.resource) === 'azure' ? 'a customer-managed key' : 'a KMS key';
    if (STRONG.includes(at)) return pass(`\`${view.name}\` is encrypted with ${key}`);
    if (at === 'none') return fail(`\`${view.name}\` is not encrypted at rest`);
    return fail(`\`${view.name}\` uses service-managed encryption, not ${key}`);
  },
});
