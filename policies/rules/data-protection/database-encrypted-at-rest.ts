import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-DP-004',
  title: 'Relational databases are encrypted at rest',
  severity: 'critical',
  controls: ['cis-aws-5.0:2.2.1', 'mcsb-v1:DP-4', 'nist-csf-2.0:PR.DS-01', 'gdpr:Art.32(1)(a)'],
  threats: ['data-breach'],
  rationale:
    'RDS instances and clusters are created unencrypted unless storage encryption is turned on, and encryption cannot be ' +
    'turned on later without restoring from an encrypted snapshot copy. An unencrypted database leaves its storage, ' +
    'automated backups, snapshots and read replicas in plain text. An instance of a DB cluster is encrypted by the cluster. ' +
    'Azure SQL encrypts every database with transparent data encryption unless a program turns it off.',
  fix: {
    cdk:
      'Set `storageEncrypted: true` (and `storageEncryptionKey` for a customer-managed key) on the database instance or ' +
      'cluster; for an existing database, restore an encrypted copy of a snapshot.',
    terraform:
      'Set `storage_encrypted = true` (and `kms_key_id` for a customer-managed key) on the `aws_db_instance` or ' +
      '`aws_rds_cluster` (the provider default is false); for an existing database, restore an encrypted copy of a snapshot. ' +
      'An `azurerm_mssql_server` always encrypts its databases (transparent data encryption): nothing to set.',
    pulumi:
      'Azure SQL encrypts every database (transparent data encryption): remove the `sql.TransparentDataEncryption` with `state: "Disabled"`, or set it `Enabled`.',
  },
  appliesTo: ['data-store'],
  check(view) {
    if (view.storeType !== 'database-instance' && view.storeType !== 'database-cluster') {
      return notApplicable('not a relational database');
    }
    const at = view.encryption.atRest;
    if (at instanceof Unknown)
      return unknown(`\`${view.name}\`: storage encryption cannot be resolved (${at.reason})`);
    if (at === 'none') return fail(`\`${view.name}\` is not encrypted at rest (storage encryption is off)`);
    return pass(`\`${view.name}\` is encrypted at rest (${at})`);
  },
});
