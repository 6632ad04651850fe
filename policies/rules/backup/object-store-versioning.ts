import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Classification } from '../../../lib/classification';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-BR-009',
  title: 'Object stores keep previous versions of their objects',
  severity: 'medium',
  controls: ['cis-azure-6.0:9.2.3', 'mcsb-v1:BR-1', 'nist-csf-2.0:PR.DS-11', 'sox:802-1519'],
  threats: ['malicious-code', 'insider-misuse', 'configuration-drift'],
  rationale:
    'Without versioning, an overwrite or a delete (by mistake, by a compromised workload, by ransomware that ' +
    're-encrypts objects in place) destroys the only copy. Versioning keeps every previous version, recoverable until ' +
    'lifecycle rules expire it, and is the precondition for Object Lock and replication. Buckets tagged ' +
    '`data-classification: public` hold data that can be published again and are exempt.',
  fix: {
    cdk: "Set `versioned: true` on the bucket (`VersioningConfiguration.Status: Enabled`) and expire noncurrent versions within the level's retention.",
    terraform:
      'Add an `aws_s3_bucket_versioning` for the bucket with `versioning_configuration { status = "Enabled" }`, and expire noncurrent versions within the level\'s retention in its `aws_s3_bucket_lifecycle_configuration` (`noncurrent_version_expiration`). `azurerm_storage_account`: `blob_properties { versioning_enabled = true }`, with an `azurerm_storage_management_policy` deleting old versions (`version { delete_after_days_since_creation }`).',
  },
  appliesTo: ['data-store'],
  check(view) {
    if (view.storeType !== 'object-store') return notApplicable();
    if (view.classification.state === 'tagged' && view.classification.level === Classification.PUBLIC) {
      return notApplicable('public data can be published again');
    }
    const v = view.versioning;
    if (v === undefined || v instanceof Unknown) {
      return unknown(`\`${view.name}\`: versioning cannot be resolved${v ? ` (${v.reason})` : ''}`);
    }
    return v
      ? pass(`\`${view.name}\` keeps previous versions`)
      : fail(`\`${view.name}\` keeps no previous versions (versioning is not enabled)`);
  },
});
