import { defineRule, fail, notApplicable, pass, unknown, type CheckResult } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';
import { requirementsFor, tagValue, type BackupCadence } from '../../../lib/classification';
import type { BackupPlanRule, Fact } from '../../../lib/views/kinds';
import { PLAN_LEVELS, hedged, levelsOf } from '../plan-levels';

/** AWS Backup's schedule when a rule names none: daily at 05:00 UTC. */
const DEFAULT_SCHEDULE = 'cron(0 5 ? * * *)';

/** Hours of the day an AWS cron hour field names (`5`, `0-6`, `2/6`, `1,13`, steps from `*`), or undefined. */
function hoursOf(field: string): number[] | undefined {
  const out: number[] = [];
  for (const part of field.split(',')) {
    const m = /^(\*|\d+)(?:-(\d+))?(?:\/(\d+))?$/.exec(part);
    if (!m) return undefined;
    const from = m[1] === '*' ? 0 : Number(m[1]);
    const to = m[2] !== undefined ? Number(m[2]) : m[1] === '*' || m[3] !== undefined ? 23 : from;
    const step = m[3] !== undefined ? Number(m[3]) : 1;
    if (step < 1 || from > 23 || to > 23) return undefined;
    for (let h = from; h <= to; h += step) out.push(h);
  }
  return [...new Set(out)].sort((a, b) => a - b);
}

/**
 * Longest gap, in hours, between two runs of a backup schedule (`cron(min hour day-of-month month
 * day-of-week year)`); Infinity when it does not run every day.
 */
export function scheduleIntervalHours(expression: string): Fact<number> {
  const fields = /^cron\((.*)\)$/.exec(expression.trim())?.[1]!.trim().split(/\s+/);
  if (!fields || fields.length !== 6)
    return new Unknown(`schedule \`${expression}\` is not a cron expression`);
  const [, hour, dom, month, dow] = fields as [string, string, string, string, string, string];
  const every = (f: string) => f === '*' || f === '?';
  if (!every(dom) || !every(month) || !every(dow)) return Infinity;
  const hours = hoursOf(hour);
  if (!hours || hours.length === 0)
    return new Unknown(`hour field \`${hour}\` of \`${expression}\` cannot be read`);
  let gap = hours[0]! + 24 - hours[hours.length - 1]!;
  for (let i = 1; i < hours.length; i++) gap = Math.max(gap, hours[i]! - hours[i - 1]!);
  return gap;
}

/** What each cadence asks of a plan: a scheduled backup at least every `hours`, and continuous backups. */
const CADENCE: Record<BackupCadence, { hours?: number; continuous: boolean; words: string }> = {
  none: { continuous: false, words: 'no backups' },
  daily: { hours: 24, continuous: false, words: 'daily backups' },
  'daily-pitr': { hours: 24, continuous: true, words: 'daily backups and point-in-time recovery' },
  'hourly-pitr': { hours: 1, continuous: true, words: 'hourly backups and point-in-time recovery' },
  'continuous-pitr': { hours: 1, continuous: true, words: 'continuous point-in-time backups' },
};

const LOCK_RANK = { none: 0, governance: 1, compliance: 2 } as const;

/** The shortest interval among rules, or an Unknown when one rule's cannot be read and none is short enough. */
function shortestInterval(rules: readonly BackupPlanRule[], within: number): Fact<number> {
  let best = Infinity;
  let unresolved: Unknown | undefined;
  for (const r of rules) {
    const s = r.schedule ?? DEFAULT_SCHEDULE;
    const h = r.intervalHours ?? (s instanceof Unknown ? s : scheduleIntervalHours(s));
    if (h instanceof Unknown) unresolved ??= h;
    else best = Math.min(best, h);
  }
  return best <= within || !unresolved ? best : unresolved;
}

export default defineRule({
  id: 'BW-BR-003',
  title: 'Backup plans back up each classification level at its cadence, into vaults locked as it requires',
  severity: 'high',
  controls: [
    'classification:BACKUP',
    'mcsb-v1:BR-1',
    'mcsb-v1:BR-2',
    'nist-csf-2.0:PR.DS-11',
    'gdpr:Art.32(1)(c)',
  ],
  threats: ['malicious-code', 'insider-misuse'],
  rationale:
    'How much data a level may lose, and who may destroy its backups, follow from its sensitivity. A plan that selects ' +
    'a level (by its `data-classification` tag, by naming its stores or by another tag they carry) must back it up: INTERNAL daily; CONFIDENTIAL ' +
    'daily plus continuous backups (point-in-time recovery), into a vault with at least a governance-mode lock; ' +
    'RESTRICTED hourly plus continuous, into a compliance-mode vault, with a copy to another vault; TOP_SECRET as ' +
    'RESTRICTED. A rule without a schedule runs daily at 05:00 UTC. The copy is asserted to exist; that its vault is in ' +
    "another region is not (the plan's own region is rarely in the configuration); a geo-redundant Azure backup vault " +
    'keeps its copy in the paired region. Where the service schedules backups of the data less often than the level ' +
    'asks (Azure Blob vaulted backups: daily at most), its shortest schedule is required, and the pass says so. ' +
    PLAN_LEVELS,
  fix: {
    cdk:
      "Use `ClassifiedBackup` for the level, or give the plan a rule with the level's schedule " +
      '(`cron(0 * ? * * *)` for hourly), `enableContinuousBackup: true`, a `copyActions` entry from RESTRICTED, and a ' +
      'vault with `lockConfiguration` (`changeableFor` for compliance mode).',
    terraform:
      "Use Bulwark's CDKTF `ClassifiedBackup` for the level, or give the `aws_backup_plan` a `rule` with the level's " +
      '`schedule` (`cron(0 * ? * * *)` for hourly), `enable_continuous_backup = true`, a `copy_action` from RESTRICTED, ' +
      "and a `target_vault_name` whose `aws_backup_vault_lock_configuration` has the level's mode " +
      '(`changeable_for_days` for compliance mode).',
    pulumi:
      'Use `ClassifiedBackupVault` of `bulwark/azure` for the level, or give the `dataprotection.BackupPolicy` an `AzureBackupRule` ' +
      "with the level's `repeatingTimeIntervals` (`R/<start>/P1D` daily, the most frequent for vaulted blobs), an " +
      '`OperationalStore` retention rule for continuous blob backups from CONFIDENTIAL up, a vault with ' +
      '`immutabilitySettings: { state: "Locked" }` and, from RESTRICTED up, `storageSettings` of type `GeoRedundant`.',
  },
  appliesTo: ['backup-plan'],
  check(view, ctx) {
    const levels = levelsOf(view);
    if (levels instanceof Unknown)
      return unknown(
        `\`${view.name}\`: the levels its selection takes in cannot be resolved (${levels.reason})`,
      );
    const needs = [...levels.keys()]
      .map((l) => ({ level: l, req: requirementsFor(l).backup }))
      .filter((x) => x.req.cadence !== 'none');
    if (needs.length === 0)
      return notApplicable('the plan selects no classified level that requires backups');
    const out: CheckResult[] = [];
    const notes: string[] = [];
    const floor = view.shortestScheduleHours;
    for (const { level, req } of needs) {
      const found = out.length;
      const want = CADENCE[req.cadence];
      const tag = tagValue(level);
      if (want.hours !== undefined) {
        const within = Math.max(want.hours, floor ?? 0);
        const h = shortestInterval(view.rules, within);
        if (h instanceof Unknown)
          out.push(
            unknown(`\`${view.name}\`: its schedules cannot be read (${h.reason})`, `${tag}:schedule`),
          );
        else if (h > within)
          out.push(
            fail(
              `\`${view.name}\` backs up ${level} data ${h === Infinity ? 'less than daily' : `every ${h} hours`}; the level requires ${want.words}` +
                (within > want.hours
                  ? ` (every ${within} hours at most, the shortest schedule the service offers)`
                  : ''),
              `${tag}:schedule`,
            ),
          );
        else if (h > want.hours)
          notes.push(
            `${level} every ${h} hours, the shortest schedule the service offers (the level asks for ${want.words})`,
          );
      }
      if (want.continuous) {
        const c = view.rules.map((r) => r.continuous);
        if (!c.includes(true)) {
          const u = c.find((x): x is Unknown => x instanceof Unknown);
          out.push(
            u
              ? unknown(
                  `\`${view.name}\`: continuous backup cannot be resolved (${u.reason})`,
                  `${tag}:continuous`,
                )
              : fail(
                  `\`${view.name}\` takes no continuous backups of ${level} data; the level requires ${want.words}`,
                  `${tag}:continuous`,
                ),
          );
        }
      }
      if (req.crossRegionCopy && !view.rules.some((r) => r.copiesTo.length > 0))
        out.push(fail(`\`${view.name}\` copies no ${level} recovery point to another vault`, `${tag}:copy`));
      if (req.vaultLock !== 'none') {
        for (const rule of view.rules) {
          if (rule.inPlace) continue;
          const address = rule.vault;
          const vault = address === undefined ? undefined : ctx.viewOf(address, 'backup-vault');
          const finding = `${tag}:lock:${rule.name}`;
          if (!vault) {
            out.push(
              unknown(
                `\`${view.name}\`: vault \`${address ?? 'unknown'}\` of rule \`${rule.name}\` is not in the input: its lock cannot be read`,
                finding,
              ),
            );
            continue;
          }
          const lock = vault.lock;
          if (lock instanceof Unknown)
            out.push(
              unknown(
                `\`${view.name}\`: lock of vault \`${vault.name}\` cannot be resolved (${lock.reason})`,
                finding,
              ),
            );
          else if (LOCK_RANK[lock.mode] < LOCK_RANK[req.vaultLock])
            out.push(
              fail(
                `\`${view.name}\` keeps ${level} backups in \`${vault.name}\`, locked ${lock.mode === 'none' ? 'not at all' : `in ${lock.mode} mode`}; the level requires a ${req.vaultLock}-mode lock`,
                finding,
              ),
            );
        }
      }
      const maybe = levels.get(level);
      if (maybe)
        out.splice(
          found,
          out.length - found,
          ...out.slice(found).map((r) => hedged(r, view.name, level, maybe)),
        );
    }
    if (out.length > 0) return out;
    return pass(
      `\`${view.name}\` backs up ${needs.map((n) => n.level).join(', ')} data as the levels require` +
        (notes.length > 0 ? `: ${notes.join('; ')}` : ''),
    );
  },
});
