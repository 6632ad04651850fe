import type { ResourceGraph } from '../../graph/graph';
import type { Resource } from '../../graph/resource';
import { Unknown, asList, asNumber, get, isObject, show, type Value } from '../../graph/values';
import { CLASSIFICATION_TAG } from '../../classification';
import type { BackupPlanView, BackupVaultView, Fact } from '../kinds';
import { classificationOf } from '../common/classification';
import { displayName } from '../common/naming';
import type { AdapterContext, AdapterRegistry } from '../registry';
import { kmsEncryption } from '../common/keys';
import { planRule, selectionOf } from '../common/backup-plans';

const VAULT = 'AWS::Backup::BackupVault';

/**
 * `AWS::Backup::BackupVault` -> backup vault. Without `EncryptionKeyArn` AWS Backup uses its AWS
 * managed key. A `LockConfiguration` with `ChangeableForDays` is a compliance-mode lock (immutable
 * after the grace period); without it, a governance-mode lock that privileged principals can remove.
 */
export function vaultView(r: Resource, ctx: AdapterContext): BackupVaultView {
  const p = r.properties;
  return {
    kind: 'backup-vault',
    resource: r,
    name: displayName(r),
    classification: classificationOf(vaultTags(r)),
    encryption: kmsEncryption(p.EncryptionKeyArn, ctx.graph, 'kms-provider-key', r),
    lock: lock(p.LockConfiguration),
    notifications: vaultEvents(p.Notifications),
  };
}

/** Events the vault publishes to its SNS topic (`Notifications.BackupVaultEvents`). */
function vaultEvents(n: Value | undefined): Fact<readonly string[]> {
  if (n === undefined || n === null) return [];
  if (n instanceof Unknown) return n;
  const events = get(n, 'BackupVaultEvents');
  if (events instanceof Unknown) return events;
  const out: string[] = [];
  for (const e of asList(events)) {
    if (typeof e !== 'string') return new Unknown(`vault event ${show(e)} cannot be resolved`);
    out.push(e);
  }
  return out;
}

/** Vaults keep their tags in the `BackupVaultTags` map, not in `Tags`. */
function vaultTags(r: Resource): Resource {
  const tags = r.properties.BackupVaultTags;
  if (tags instanceof Unknown) return { ...r, tags: { ...r.tags, [CLASSIFICATION_TAG]: tags } };
  if (!isObject(tags)) return r;
  return { ...r, tags: { ...r.tags, ...tags } };
}

function lock(cfg: Value | undefined): BackupVaultView['lock'] {
  if (cfg === undefined || cfg === null) return { mode: 'none' };
  if (cfg instanceof Unknown) return cfg;
  const min = asNumber(get(cfg, 'MinRetentionDays'));
  const max = asNumber(get(cfg, 'MaxRetentionDays'));
  const changeable = get(cfg, 'ChangeableForDays');
  for (const v of [min, max, changeable]) if (v instanceof Unknown) return v;
  return {
    mode: changeable === undefined || changeable === null ? 'governance' : 'compliance',
    minRetentionDays: min as number | undefined,
    maxRetentionDays: max as number | undefined,
  };
}

function selection(s: Resource, graph: ResourceGraph): BackupPlanView['selections'][number] {
  return selectionOf(s.address, s.properties.BackupSelection, graph);
}

/**
 * `AWS::Backup::BackupPlan` -> backup plan, with its rules and the `AWS::Backup::BackupSelection`s
 * that name it (`BackupPlanId`).
 */
export function planView(r: Resource, ctx: AdapterContext): BackupPlanView {
  const rules = get(r.properties, 'BackupPlan', 'BackupPlanRule');
  const selections = ctx.graph
    .attachedBy(r.address, 'AWS::Backup::BackupSelection', (s) => s.properties.BackupPlanId)
    .attached.map((s) => selection(s, ctx.graph));
  return {
    kind: 'backup-plan',
    resource: r,
    name: displayName(r),
    rules:
      rules instanceof Unknown
        ? [{ name: show(rules), continuous: rules, copiesTo: [] }]
        : asList(rules).map((rule) => planRule(rule, ctx.graph, r, VAULT)),
    selections,
  };
}

/** Backup vault and backup plan views. */
export function registerBackup(registry: AdapterRegistry): void {
  registry
    .register('cloudformation', VAULT, vaultView)
    .register('cloudformation', 'AWS::Backup::BackupPlan', planView);
}
