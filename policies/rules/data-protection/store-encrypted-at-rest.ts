import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

/** Store types with their own at-rest rule, which names the service's CIS control. */
const OWN_RULE: Record<string, string> = {
  'database-instance': 'BW-DP-004',
  'database-cluster': 'BW-DP-004',
  'file-system': 'BW-DP-005',
};

export default defineRule({
  id: 'BW-DP-003',
  title: 'Data stores are encrypted at rest',
  severity: 'critical',
  controls: [
    'mcsb-v1:DP-4',
    'nist-csf-2.0:PR.DS-01',
    'gdpr:Art.5(1)(f)',
    'gdpr:Art.32(1)(a)',
    'ccpa:1798.100(e)',
  ],
  threats: ['data-breach'],
  rationale:
    'Encryption at rest keeps data unreadable on the media, in snapshots and replicas, and wherever it is copied outside ' +
    'the service. Most services encrypt by default, but some (SNS topics, SQS queues with SSE turned off, EBS volumes ' +
    'without encryption by default, Kinesis streams, Neptune, DocumentDB, OpenSearch and ElastiCache) store data in plain text unless told otherwise. A cache that keeps data in memory only (Memcached) has nothing at rest. A service that always encrypts (Azure Storage) passes even where its key settings cannot be read. Any encryption passes here; the key ' +
    'a store needs is for BW-DP-002 and the classification rules.',
  fix: {
    cdk:
      'Turn encryption on: `encryption` / `encryptionKey` on the construct (SQS `QueueEncryption.KMS_MANAGED` or `KMS`, ' +
      'SNS `masterKey`, EBS `encrypted: true`).',
    terraform:
      'Turn encryption on: `aws_sqs_queue` keeps `sqs_managed_sse_enabled` unset or true, or sets `kms_master_key_id`; ' +
      '`aws_sns_topic` sets `kms_master_key_id`; `aws_ebs_volume` sets `encrypted = true` (or the account has an ' +
      '`aws_ebs_encryption_by_default` with `enabled = true`); `aws_neptune_cluster` and `aws_docdb_cluster` set ' +
      '`storage_encrypted = true`; `aws_redshift_cluster` sets `encrypted = true`; ' +
      '`aws_elasticache_replication_group` sets `at_rest_encryption_enabled = true`; `aws_opensearch_domain` has ' +
      '`encrypt_at_rest { enabled = true }`; `aws_kinesis_stream` sets `encryption_type = "KMS"` with `kms_key_id`; ' +
      '`aws_kinesis_firehose_delivery_stream` has `server_side_encryption { enabled = true }`. An ' +
      '`azurerm_storage_account` is always encrypted at rest: nothing to set.',
  },
  appliesTo: ['data-store'],
  check(view) {
    const own = OWN_RULE[view.storeType];
    if (own) return notApplicable(`${view.storeType} encryption is asserted by ${own}`);
    if (view.memoryOnly) return notApplicable('the store keeps its data in memory only');
    const at = view.encryption.atRest;
    if (at instanceof Unknown && view.encryption.alwaysOn)
      return pass(
        `\`${view.name}\` is encrypted at rest: the service always encrypts (its key: ${at.reason})`,
      );
    if (at instanceof Unknown)
      return unknown(`\`${view.name}\`: encryption at rest cannot be resolved (${at.reason})`);
    if (at === 'none') return fail(`\`${view.name}\` is not encrypted at rest`);
    return pass(`\`${view.name}\` is encrypted at rest (${at})`);
  },
});
