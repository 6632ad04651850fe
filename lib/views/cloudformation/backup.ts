import type { ResourceGraph } from '../../graph/graph';
import type { Resource } from '../../graph/resource';
import {
  ResourceRef,
  Unknown,
  asBool,
  asList,
  asNumber,
  asString,
  get,
  isObject,
  refsIn,
  show,
  type Value,
} from '../../graph/values';
import type { BackupPlanRule, BackupPlanView, BackupVaultView, Fact } from '../kinds';
import { displayName } from '../common/naming';
import type { AdapterContext, AdapterRegistry } from '../registry';
import { kmsEncryption } from '../common/keys';

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
    encryption: kmsEncryption(p.EncryptionKeyArn, ctx.graph, 'kms-provider-key'),
    lock: lock(p.LockConfiguration),
  };
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

/** Address of a vault named by reference or by name, else the name or ARN as written. */
function vaultOf(v: Value | undefined, graph: ResourceGraph): Fact<string> | undefined {
  if (v === undefined || v === null) return undefined;
  if (v instanceof ResourceRef) return v.address;
  const conditional = v instanceof Unknown && (v.display ?? '').includes('${If:');
  const inGraph = refsIn(v).find((ref) => graph.get(ref.address)?.type === VAULT);
  if (inGraph && !conditional) return inGraph.address;
  if (typeof v === 'string') {
    const named = graph.ofType(VAULT).find((x) => x.properties.BackupVaultName === v);
    return named?.address ?? v;
  }
  return asString(v);
}

function planRule(rule: Value, graph: ResourceGraph): BackupPlanRule {
  const name = get(rule, 'RuleName');
  const vault = vaultOf(get(rule, 'TargetBackupVault'), graph);
  const copies = get(rule, 'CopyActions');
  return {
    name: typeof name === 'string' ? name : show(name),
    schedule: asString(get(rule, 'ScheduleExpression')),
    deleteAfterDays: asNumber(get(rule, 'Lifecycle', 'DeleteAfterDays')),
    continuous: asBool(get(rule, 'EnableContinuousBackup')) ?? false,
    vault: typeof vault === 'string' ? vault : vault?.toString(),
    copiesTo:
      copies instanceof Unknown
        ? [copies]
        : asList(copies)
            .map((c) => vaultOf(get(c, 'DestinationBackupVaultArn'), graph))
            .filter((c): c is Fact<string> => c !== undefined),
  };
}

function selection(s: Resource): BackupPlanView['selections'][number] {
  const sel = s.properties.BackupSelection;
  const tags: { key: Fact<string>; value: Fact<string> }[] = [];
  for (const t of asList(get(sel, 'ListOfTags'))) {
    if (t instanceof Unknown) tags.push({ key: t, value: t });
    else if (isObject(t) && t.ConditionType === 'STRINGEQUALS')
      tags.push({ key: asString(t.ConditionKey) ?? '', value: asString(t.ConditionValue) ?? '' });
  }
  for (const c of asList(get(sel, 'Conditions', 'StringEquals'))) {
    if (c instanceof Unknown) {
      tags.push({ key: c, value: c });
      continue;
    }
    const key = asString(get(c, 'ConditionKey')) ?? '';
    tags.push({
      key: typeof key === 'string' ? key.replace(/^aws:ResourceTag\//, '') : key,
      value: asString(get(c, 'ConditionValue')) ?? '',
    });
  }
  const resources = get(sel, 'Resources');
  return {
    address: s.address,
    tags,
    resources:
      resources instanceof Unknown
        ? [resources]
        : asList(resources).map((x) => (x instanceof ResourceRef ? x.address : (asString(x) ?? ''))),
  };
}

/**
 * `AWS::Backup::BackupPlan` -> backup plan, with its rules and the `AWS::Backup::BackupSelection`s
 * that name it (`BackupPlanId`).
 */
export function planView(r: Resource, ctx: AdapterContext): BackupPlanView {
  const rules = get(r.properties, 'BackupPlan', 'BackupPlanRule');
  const selections = ctx.graph
    .referrers(r.address, 'AWS::Backup::BackupSelection')
    .filter((s) => refsIn(s.properties.BackupPlanId).some((ref) => ref.address === r.address))
    .map(selection);
  return {
    kind: 'backup-plan',
    resource: r,
    name: displayName(r),
    rules:
      rules instanceof Unknown
        ? [{ name: show(rules), continuous: rules, copiesTo: [] }]
        : asList(rules).map((rule) => planRule(rule, ctx.graph)),
    selections,
  };
}

/** Backup vault and backup plan views. */
export function registerBackup(registry: AdapterRegistry): void {
  registry.register(VAULT, vaultView).register('AWS::Backup::BackupPlan', planView);
}
