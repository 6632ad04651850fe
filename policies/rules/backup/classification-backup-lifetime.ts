import {
  defineRule,
  fail,
  notApplicable,
  pass,
  unknown,
  type CheckContext,
  type CheckResult,
} from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';
import { requirementsFor, type Classification } from '../../../lib/classification';
import type { BackupPlanView, Fact } from '../../../lib/views/kinds';
import { PLAN_LEVELS, hedged, levelsOf } from '../plan-levels';

export default defineRule({
  id: 'BW-BR-004',
  title: 'Backups of classified data are deleted within the retention of its level',
  severity: 'medium',
  controls: [
    'classification:BACKUP-LIFETIME',
    'mcsb-v1:BR-2',
    'nist-csf-2.0:PR.DS-11',
    'nist-csf-2.0:ID.AM-08',
    'gdpr:Art.5(1)(e)',
    'ccpa:1798.105',
  ],
  threats: ['data-breach', 'insider-misuse'],
  rationale:
    'Data that has expired from its store must not live on in its backups: a recovery point kept longer than the ' +
    "level's retention (INTERNAL 730 days, CONFIDENTIAL 365, RESTRICTED 180, TOP_SECRET 30) defeats the expiry. A plan " +
    'that selects a level must delete its recovery points, and their copies, within that retention, and the vault ' +
    'lock must not force them to be kept longer (a lock minimum above the retention). ' +
    PLAN_LEVELS,
  fix: {
    cdk:
      "Set `deleteAfter` on each backup rule and copy action to at most the level's retention, and keep the vault " +
      "lock's `minRetention` within it.",
    terraform:
      'Set `lifecycle { delete_after = ... }` on each `rule` and `copy_action` of the `aws_backup_plan` to at most the ' +
      "level's retention, and keep `min_retention_days` of the vault's `aws_backup_vault_lock_configuration` within it.",
    pulumi:
      "Set each `AzureRetentionRule` lifecycle's `deleteAfter.duration` of the `dataprotection.BackupPolicy` (with any " +
      "tier it copies to) to at most the level's retention (`P180D` RESTRICTED).",
  },
  appliesTo: ['backup-plan'],
  check(view, ctx) {
    const levels = levelsOf(view);
    if (levels instanceof Unknown)
      return unknown(
        `\`${view.name}\`: the levels its selection takes in cannot be resolved (${levels.reason})`,
      );
    // the strictest level the plan takes in, and a stricter one it may take in
    let cap: { days: number; level: Classification } | undefined;
    let maybe: { days: number; level: Classification; reason: Unknown } | undefined;
    for (const [level, reason] of levels) {
      const req = requirementsFor(level);
      if (!req.backup.neverOutliveData || req.dataRetentionDays === undefined) continue;
      const days = req.dataRetentionDays;
      if (!reason && (!cap || days < cap.days)) cap = { days, level };
      if (reason && (!maybe || days < maybe.days)) maybe = { days, level, reason };
    }
    if (maybe && cap && maybe.days >= cap.days) maybe = undefined;
    if (!cap && !maybe) return notApplicable('the plan selects no level whose data expires');
    const out: CheckResult[] = cap ? judge(view, ctx, cap.level, cap.days) : [];
    if (maybe) {
      const seen = new Set(out.map((r) => r.finding));
      for (const r of judge(view, ctx, maybe.level, maybe.days))
        if (!seen.has(r.finding)) out.push(hedged(r, view.name, maybe.level, maybe.reason));
    }
    if (out.length > 0) return out;
    const { level, days } = (cap ?? maybe)!;
    return pass(`\`${view.name}\` deletes ${level} backups within ${days} days`);
  },
});

/** Findings on recovery points, copies and vault locks of the plan that outlive `max` days, the retention of `level`. */
function judge(view: BackupPlanView, ctx: CheckContext, level: Classification, max: number): CheckResult[] {
  const out: CheckResult[] = [];
  const kept = (what: string, days: Fact<number> | undefined, finding: string) => {
    if (days === undefined)
      out.push(
        fail(
          `\`${view.name}\` keeps ${what} of ${level} data forever; the level keeps data ${max} days`,
          finding,
        ),
      );
    else if (days instanceof Unknown)
      out.push(
        unknown(`\`${view.name}\`: how long ${what} are kept cannot be resolved (${days.reason})`, finding),
      );
    else if (days > max)
      out.push(
        fail(
          `\`${view.name}\` keeps ${what} of ${level} data ${days} days, more than the level's ${max}`,
          finding,
        ),
      );
  };
  for (const rule of view.rules) {
    kept(`recovery points of rule \`${rule.name}\``, rule.deleteAfterDays, rule.name);
    (rule.copies ?? []).forEach((c, i) =>
      kept(`copies of rule \`${rule.name}\``, c.deleteAfterDays, `${rule.name}:copy:${i}`),
    );
    const vault = rule.vault === undefined ? undefined : ctx.viewOf(rule.vault, 'backup-vault');
    const lock = vault?.lock;
    if (
      vault &&
      lock &&
      !(lock instanceof Unknown) &&
      lock.minRetentionDays !== undefined &&
      lock.minRetentionDays > max
    )
      out.push(
        fail(
          `\`${view.name}\` keeps ${level} backups in \`${vault.name}\`, whose lock keeps recovery points at least ` +
            `${lock.minRetentionDays} days, more than the level's ${max}`,
          `${rule.name}:lock`,
        ),
      );
  }
  return out;
}
