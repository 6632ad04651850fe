import { defineRule, fail, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-DP-102',
  title: 'Key stores keep deleted keys and secrets recoverable until their retention ends',
  severity: 'high',
  controls: ['cis-azure-6.0:8.3.5', 'mcsb-v1:DP-8', 'nist-csf-2.0:PR.DS-01'],
  threats: ['insider-misuse', 'data-breach'],
  rationale:
    'A key store holds the keys that encrypt every other store. Soft delete keeps a deleted vault, key or secret ' +
    'recoverable for its retention period, but without purge protection anyone allowed to delete can also purge: ' +
    'the key is gone at once, and every disk, database and account encrypted with it becomes unreadable, by ' +
    'mistake or on purpose (ransomware that destroys keys needs no data access). Purge protection makes the ' +
    'retention binding: only the service removes the item when it ends.',
  fix: {
    pulumi:
      '`keyvault.Vault`: `properties: { enableSoftDelete: true, enablePurgeProtection: true, ' +
      'softDeleteRetentionInDays: 90 }` (purge protection cannot be turned off once on).',
  },
  appliesTo: ['key-store'],
  check(view) {
    const days = view.softDeleteDays;
    const purge = view.purgeProtection;
    if (days instanceof Unknown)
      return unknown(`\`${view.name}\`: soft delete cannot be resolved (${days.reason})`);
    if (days === null) return fail(`\`${view.name}\` deletes keys and secrets at once (soft delete is off)`);
    if (purge instanceof Unknown)
      return unknown(`\`${view.name}\`: purge protection cannot be resolved (${purge.reason})`);
    if (!purge)
      return fail(
        `\`${view.name}\` lets deleted keys and secrets be purged before their ${days}-day retention ends (no purge protection)`,
      );
    return pass(
      `\`${view.name}\` keeps deleted keys and secrets for ${days} days, and no one can purge them sooner`,
    );
  },
});
