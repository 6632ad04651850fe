import { defineRule, fail, notApplicable, pass, unknown, type CheckResult } from '../../../lib/engine/rule';
import { Classification } from '../../../lib/classification';
import { Unknown } from '../../../lib/graph/values';
import type { Fact } from '../../../lib/views/kinds';

export default defineRule({
  id: 'BW-BR-010',
  title: 'Object stores keep deleted objects and containers recoverable for a while',
  severity: 'medium',
  controls: ['cis-azure-6.0:9.2.1', 'cis-azure-6.0:9.2.2', 'mcsb-v1:BR-1', 'nist-csf-2.0:PR.DS-11'],
  threats: ['malicious-code', 'insider-misuse', 'configuration-drift'],
  rationale:
    'Without soft delete, deleting a blob, or a whole container with every blob in it, removes the data at once: a ' +
    'wrong script, a compromised key or ransomware that deletes rather than re-encrypts leaves nothing to restore. ' +
    'Soft delete keeps what was deleted (and, for blobs, what was overwritten) recoverable for its retention period. ' +
    'Versioning does not cover a deleted container. Stores tagged `data-classification: public` hold data that can ' +
    'be published again and are exempt.',
  fix: {
    terraform:
      '`azurerm_storage_account`: `blob_properties { delete_retention_policy { days = 30 } container_delete_retention_policy { days = 30 } }`, with the days the data must stay recoverable.',
    pulumi:
      '`storage.BlobServiceProperties` of the account (`blobServicesName: "default"`): `deleteRetentionPolicy: { enabled: true, days: 30 }` and `containerDeleteRetentionPolicy: { enabled: true, days: 30 }`, with the days the data must stay recoverable.',
  },
  appliesTo: ['data-store'],
  check(view) {
    const sd = view.softDeleteDays;
    if (sd === undefined) return notApplicable(`${view.storeType} has no soft-delete setting`);
    const c = view.classification;
    if (c.state === 'tagged' && c.level === Classification.PUBLIC)
      return notApplicable('public data can be published again');
    const out = [judge(view.name, 'blobs', sd.objects), judge(view.name, 'containers', sd.containers)].filter(
      (r): r is CheckResult => r !== undefined,
    );
    if (out.length > 0) return out;
    return pass(
      `\`${view.name}\` keeps deleted blobs for ${String(sd.objects)} days and deleted containers for ${String(sd.containers)} days`,
    );
  },
});

function judge(
  name: string,
  what: 'blobs' | 'containers',
  days: Fact<number | null>,
): CheckResult | undefined {
  if (days instanceof Unknown)
    return unknown(`\`${name}\`: soft delete of ${what} cannot be resolved (${days.reason})`, what);
  if (days === null) return fail(`\`${name}\` deletes ${what} at once (soft delete of ${what} is off)`, what);
  return undefined;
}
