import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown, asString } from '../../../lib/graph/values';
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

/**
 * Whether one tag condition of a selection takes in the store: a condition on `data-classification` by
 * the store's level, any other by the tag the store carries (AWS Backup compares tag values exactly).
 */
function tagSelects(
  t: BackupPlanView['selections'][number]['tags'][number],
  store: DataStoreView,
  level: Classification,
): Fact<boolean> {
  if (t.key instanceof Unknown) return t.key;
  if (t.key.toLowerCase() === CLASSIFICATION_TAG) {
    if (t.value instanceof Unknown) return t.value;
    const parsed = parseClassification(t.value);
    return parsed.ok && parsed.level === level;
  }
  const tags = store.resource.tags;
  if (!Object.hasOwn(tags, t.key)) return false;
  const carried = asString(tags[t.key]);
  if (carried instanceof Unknown) return carried;
  if (t.value instanceof Unknown) return t.value;
  return carried === t.value;
}

/**
 * Whether one selection takes in the store: by name, by one of its tag conditions, or by `*`. A
 * selection that might take it in (a tag condition or a resource that cannot be resolved), or whose
 * conditions and exclusions are not all read, is an Unknown.
 */
function selects(
  sel: BackupPlanView['selections'][number],
  store: DataStoreView,
  level: Classification,
): Fact<boolean> {
  if (sel.unread) return sel.unread;
  if (sel.resources.includes(store.resource.address)) return true;
  if (sel.tags.length === 0 && sel.resources.some((r) => r === '*')) return true;
  let unresolved: Unknown | undefined;
  for (const t of sel.tags) {
    const s = tagSelects(t, store, level);
    if (s === true) return true;
    if (s instanceof Unknown) unresolved ??= s;
  }
  return unresolved ?? sel.resources.find((x): x is Unknown => x instanceof Unknown) ?? false;
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
    'From INTERNAL up, data is backed up by the backup service (AWS Backup, Azure Backup), so its recovery points sit ' +
    'in a vault that the level can lock and copy, away from the store itself. A store counts as selected when a backup ' +
    'plan of the graph names it (an Azure backup instance enrolling it in a policy), selects its ' +
    '`data-classification` value or another tag the store carries, or selects every resource. A ' +
    'selection that might take the store in (a tag value or a resource known only at deploy time), or that has ' +
    '`StringLike`, `StringNotEquals` or `StringNotLike` conditions or excluded resources (not read here), is `unknown`, ' +
    'and an input without any backup plan gets one `unknown` saying so, on its first store concerned, rather ' +
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
    pulumi:
      "Enrol the store with a `dataprotection.BackupInstance` (`dataSourceInfo.resourceID` the store's id, `policyInfo.policyId` " +
      'a `dataprotection.BackupPolicy` of its level), or use `ClassifiedBackupVault.protect` of `bulwark/azure`.',
  },
  appliesTo: ['data-store'],
  check(view, ctx) {
    if (!PROTECTABLE.has(view.storeType))
      return notApplicable(`the backup service does not protect ${view.storeType}s`);
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
        const s = selects(sel, view, c.level);
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
