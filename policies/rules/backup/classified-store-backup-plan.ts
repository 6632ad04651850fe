import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';
import {
  CLASSIFICATION_TAG,
  parseClassification,
  requirementsFor,
  type Classification,
} from '../../../lib/classification';
import { reportOnce } from '../../../lib/engine/estate';
import type { BackupPlanView, DataStoreType, DataStoreView, Fact } from '../../../lib/views/kinds';

/** Store types AWS Backup protects. */
const PROTECTABLE = new Set<DataStoreType>([
  'object-store',
  'table',
  'database-instance',
  'database-cluster',
  'block-volume',
  'file-system',
  'graph-database',
  'document-database',
  'data-warehouse',
]);

/** Whether one selection takes in the store: by name, by its classification tag, or by `*`. */
function selects(
  sel: BackupPlanView['selections'][number],
  address: string,
  level: Classification,
): Fact<boolean> {
  if (sel.resources.includes(address)) return true;
  let unresolved: Unknown | undefined;
  const byLevel = sel.tags.filter((t) => {
    if (t.key instanceof Unknown) {
      unresolved ??= t.key;
      return false;
    }
    return t.key.toLowerCase() === CLASSIFICATION_TAG;
  });
  for (const t of byLevel) {
    if (t.value instanceof Unknown) unresolved ??= t.value;
    else {
      const parsed = parseClassification(t.value);
      if (parsed.ok && parsed.level === level) return true;
    }
  }
  if (sel.tags.length === 0 && sel.resources.some((r) => r === '*')) return true;
  const u = sel.resources.find((x): x is Unknown => x instanceof Unknown);
  return unresolved ?? u ?? false;
}

/** Whether the store's level needs AWS Backup and AWS Backup protects it on its own (not through a cluster or source). */
function needsPlan(s: DataStoreView): boolean {
  if (!PROTECTABLE.has(s.storeType)) return false;
  if (s.storeType === 'database-instance' && s.pointInTimeRecovery === undefined) return false;
  const c = s.classification;
  return c.state === 'tagged' && requirementsFor(c.level).backup.cadence !== 'none';
}

export default defineRule({
  id: 'BW-BR-005',
  title: 'Classified data stores from INTERNAL up are selected by a backup plan',
  severity: 'medium',
  controls: ['classification:BACKUP', 'mcsb-v1:BR-1', 'nist-csf-2.0:PR.DS-11', 'gdpr:Art.32(1)(c)'],
  threats: ['malicious-code', 'insider-misuse'],
  rationale:
    'From INTERNAL up, data is backed up by AWS Backup, so its recovery points sit in a vault that the level can lock ' +
    'and copy, away from the store itself. A store counts as selected when a backup plan of the graph names it, ' +
    'selects its `data-classification` value, or selects every resource. A selection by some other tag is not seen ' +
    'here, and an input without any backup plan gets one `unknown` saying so, on its first store concerned, rather ' +
    'than a failure on each. Point-in-time recovery on a table is asserted by BW-BR-002 and does not replace the plan: its recovery ' +
    'window cannot be locked or copied.',
  fix: {
    cdk:
      'Back the level up with `ClassifiedBackup` (which selects `data-classification: <level>`), or add the store to a ' +
      "plan: `plan.addSelection(id, { resources: [BackupResource.fromTag('data-classification', level)] })`.",
    terraform:
      'Back the level up with `ClassifiedBackup`, or add an `aws_backup_selection` to an `aws_backup_plan` (`plan_id`) ' +
      'with `selection_tag { type = "STRINGEQUALS", key = "data-classification", value = "<level>" }`, or the ' +
      "store's ARN in `resources`.",
  },
  appliesTo: ['data-store'],
  check(view, ctx) {
    if (!PROTECTABLE.has(view.storeType))
      return notApplicable(`AWS Backup does not protect ${view.storeType}s`);
    if (view.storeType === 'database-instance' && view.pointInTimeRecovery === undefined)
      return notApplicable('backed up with its DB cluster or its replication source');
    const c = view.classification;
    if (c.state === 'unknown')
      return unknown(`\`${view.name}\`: classification cannot be resolved (${c.value.reason})`);
    if (c.state !== 'tagged') return notApplicable('no valid classification (BW-DP-011 reports it)');
    if (requirementsFor(c.level).backup.cadence === 'none')
      return notApplicable(`${c.level} data needs no backups`);
    const plans = ctx.viewsOfKind('backup-plan');
    if (plans.length === 0)
      return reportOnce(view, {
        question: 'classified-store-backup-plan',
        views: ctx.viewsOfKind('data-store'),
        concerned: needsPlan,
        noun: 'store',
        missing:
          'no backup plan in the input (a plan of another stack, or an organisation backup policy, may select stores by their tags)',
        whether: 'whether a backup plan selects',
      });
    let unresolved: Unknown | undefined;
    for (const plan of plans) {
      for (const sel of plan.selections) {
        const s = selects(sel, view.resource.address, c.level);
        if (s === true) return pass(`\`${view.name}\` is backed up by plan \`${plan.name}\``);
        if (s instanceof Unknown) unresolved ??= s;
      }
    }
    if (unresolved)
      return unknown(
        `\`${view.name}\`: whether a backup plan selects it cannot be told (${unresolved.reason})`,
      );
    return fail(`\`${view.name}\` is ${c.level} and no backup plan selects it`);
  },
});
