import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { requirementsFor } from '../../../lib/classification';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-BR-001',
  title: 'Backup vaults are locked',
  severity: 'medium',
  controls: ['mcsb-v1:BR-2', 'nist-csf-2.0:PR.DS-11', 'sox:404-RETENTION', 'sox:802-1519'],
  threats: ['insider-misuse', 'malicious-code'],
  rationale:
    'Ransomware and malicious insiders delete backups before they strike. AWS Backup Vault Lock blocks deleting ' +
    'recovery points and shortening their retention: in governance mode for everyone without the permission to remove ' +
    'the lock, in compliance mode (a lock with a grace period: `ChangeableForDays`, `changeable_for_days`) for everyone, root included, once the grace period ends. ' +
    'The classification table asks a lock from CONFIDENTIAL up: a vault tagged `data-classification` PUBLIC or ' +
    'INTERNAL is exempt; an untagged vault may receive any level and must be locked. Which mode each level needs ' +
    'is asserted on the plans that write into the vault (BW-BR-002).',
  fix: {
    cdk:
      'Set `lockConfiguration` on the vault (`minRetention`, and `changeableFor` for compliance mode once the ' +
      'retention is settled).',
    terraform:
      'Add an `aws_backup_vault_lock_configuration` with `backup_vault_name` set to the vault and `min_retention_days` (and `changeable_for_days` for compliance mode once the settings are proven).',
  },
  appliesTo: ['backup-vault'],
  check(view) {
    const c = view.classification;
    if (c?.state === 'tagged' && requirementsFor(c.level).backup.vaultLock === 'none')
      return notApplicable(`${c.level} backups do not require a vault lock`);
    const lock = view.lock;
    if (lock instanceof Unknown)
      return unknown(`\`${view.name}\`: vault lock cannot be resolved (${lock.reason})`);
    if (lock.mode === 'none' && c?.state === 'unknown')
      return unknown(
        `\`${view.name}\` has no vault lock and its classification cannot be resolved (${c.value.reason})`,
      );
    if (lock.mode === 'none') return fail(`\`${view.name}\` has no vault lock`);
    return pass(`\`${view.name}\` is locked in ${lock.mode} mode`);
  },
});
