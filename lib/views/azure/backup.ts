import type { Resource } from '../../graph/resource';
import { Unknown, asList, asString, show, type Value } from '../../graph/values';
import type { Classification } from '../../classification';
import type { BackupPlanRule, BackupPlanView, BackupVaultView, Fact } from '../kinds';
import { classificationOf } from '../common/classification';
import { durationDays, repeatingIntervalHours } from '../common/iso8601';
import { displayName } from '../common/naming';
import type { AdapterContext, AdapterRegistry } from '../registry';
import { enabled, get, keyVaultKey, lower, object } from './common';

/*
 * Recovery Services vaults and Backup vaults (Data Protection) as backup vaults. Immutability is their lock:
 * `Locked` cannot be turned off (compliance), `Unlocked` can (governance), `Disabled` or unset is none.
 * Recovery points are encrypted with Microsoft-managed keys unless the vault names a Key Vault key.
 */

const RECOVERY = 'azure-native:recoveryservices:Vault';
const BACKUP = 'azure-native:dataprotection:BackupVault';

function lock(state: Value | undefined): BackupVaultView['lock'] {
  const s = lower(state);
  if (s instanceof Unknown) return s;
  if (s === undefined || s === 'disabled') return { mode: 'none' };
  if (s === 'unlocked') return { mode: 'governance' };
  if (s === 'locked') return { mode: 'compliance' };
  return new Unknown(`immutability state is ${show(state)}`);
}

/**
 * Failed backup jobs raise an Azure Monitor alert when `monitoringSettings.azureMonitorAlertSettings
 * .alertsForAllJobFailures` is `Enabled`: recorded as the failed-job event. Alert rules and action groups
 * defined elsewhere are not read, so an unset value stays Unknown.
 */
function jobFailureAlerts(props: { readonly [k: string]: Value } | undefined): Fact<readonly string[]> {
  const on = enabled(
    get(props, 'monitoringSettings', 'azureMonitorAlertSettings', 'alertsForAllJobFailures'),
    '`alertsForAllJobFailures`',
  );
  if (on === undefined)
    return new Unknown('`monitoringSettings.azureMonitorAlertSettings.alertsForAllJobFailures` is not set');
  if (on instanceof Unknown) return on;
  return on ? ['BACKUP_JOB_FAILED'] : [];
}

function view(
  r: Resource,
  ctx: AdapterContext,
  props: Value | undefined,
  keyUri: Value | undefined,
  cmkState?: Fact<boolean>,
): BackupVaultView {
  const p = object(props);
  const security = p instanceof Unknown ? p : object(get(p, 'securitySettings'));
  const key = keyVaultKey(ctx.graph, keyUri);
  const atRest: BackupVaultView['encryption'] =
    cmkState instanceof Unknown
      ? { atRest: cmkState }
      : key && cmkState !== false
        ? { atRest: 'customer-key', key }
        : { atRest: 'provider' };
  return {
    kind: 'backup-vault',
    resource: r,
    name: displayName(r),
    classification: classificationOf(r),
    encryption: atRest,
    lock: security instanceof Unknown ? security : lock(get(security, 'immutabilitySettings', 'state')),
    notifications: p instanceof Unknown ? p : jobFailureAlerts(p),
  };
}

export function recoveryVaultView(r: Resource, ctx: AdapterContext): BackupVaultView {
  const props = r.properties.properties;
  return view(r, ctx, props, get(props, 'encryption', 'keyVaultProperties', 'keyUri'));
}

export function backupVaultView(r: Resource, ctx: AdapterContext): BackupVaultView {
  const props = r.properties.properties;
  const enc = get(props, 'securitySettings', 'encryptionSettings');
  return view(
    r,
    ctx,
    props,
    get(enc, 'keyVaultProperties', 'keyUri'),
    enc === undefined ? false : (enabled(get(enc, 'state'), '`encryptionSettings.state`') ?? true),
  );
}

// Backup policies and the backup instances that enrol resources in them

/*
 * A Data Protection backup policy is a backup plan: its backup rules (`AzureBackupRule`) take recovery points on an
 * ISO 8601 schedule into a data store tier, its retention rules (`AzureRetentionRule`) delete them after a duration
 * per tier (`VaultStore`, `ArchiveStore`, `OperationalStore`). What it protects is said by the backup instances
 * naming it (`policyInfo.policyId`), each for one data source (`dataSourceInfo.resourceID`): one selection each.
 * Blob operational backup is continuous (restore to any point in time) and stays in the storage account itself.
 * @see https://learn.microsoft.com/en-us/azure/backup/blob-backup-overview
 */

const POLICY = 'azure-native:dataprotection:BackupPolicy';
const INSTANCE = 'azure-native:dataprotection:BackupInstance';

/** Data source type of blob backups (operational: continuous; vaulted: daily or weekly). */
const BLOB_DATASOURCE = 'microsoft.storage/storageaccounts/blobservices';

/** Hours between the most frequent vaulted blob backups Azure Backup schedules (`supportedBackupFrequency`: daily, weekly). */
const BLOB_SHORTEST_SCHEDULE_HOURS = 24;

type Props = { readonly [k: string]: Value };

const objectType = (v: Value | undefined): string | undefined => {
  const t = asString(get(v, 'objectType'));
  return typeof t === 'string' ? t.toLowerCase() : undefined;
};

/** The data store tier a rule or lifecycle names (`vaultstore`, `archivestore`, `operationalstore`). */
function storeOf(v: Value | undefined): Fact<string> {
  const t = lower(get(v, 'dataStoreType'));
  return t ?? new Unknown('a data store without `dataStoreType`');
}

/** Days recovery points are kept in each tier, moves to another tier included; Unknown when one cannot be read. */
function retentionByStore(rules: readonly Value[]): Map<string, Fact<number>> | Unknown {
  const own = new Map<string, { days: Fact<number>; copies: { start: Fact<number>; to: string }[] }[]>();
  for (const rule of rules) {
    if (rule instanceof Unknown) return rule;
    if (objectType(rule) !== 'azureretentionrule') continue;
    const lifecycles = get(rule, 'lifecycles');
    if (lifecycles instanceof Unknown) return lifecycles;
    for (const l of asList(lifecycles)) {
      if (l instanceof Unknown) return l;
      const store = storeOf(get(l, 'sourceDataStore'));
      if (store instanceof Unknown) return store;
      const duration = asString(get(l, 'deleteAfter', 'duration'));
      const days: Fact<number> =
        duration === undefined
          ? new Unknown(`retention rule \`${show(get(rule, 'name'))}\` gives no \`deleteAfter.duration\``)
          : duration instanceof Unknown
            ? duration
            : durationDays(duration);
      const copies: { start: Fact<number>; to: string }[] = [];
      const settings = get(l, 'targetDataStoreCopySettings');
      if (settings instanceof Unknown) return settings;
      for (const c of asList(settings)) {
        const to = storeOf(get(c, 'dataStore'));
        if (to instanceof Unknown) return to;
        const after = objectType(get(c, 'copyAfter'));
        const start: Fact<number> =
          after === 'immediatecopyoption'
            ? 0
            : after === 'copyonexpiryoption'
              ? days
              : after === 'customcopyoption'
                ? (() => {
                    const d = asString(get(c, 'copyAfter', 'duration'));
                    return d === undefined || d instanceof Unknown
                      ? (d ?? new Unknown('a custom copy without `duration`'))
                      : durationDays(d);
                  })()
                : new Unknown(`copy option ${show(get(c, 'copyAfter', 'objectType'))}`);
        copies.push({ start, to });
      }
      own.set(store, [...(own.get(store) ?? []), { days, copies }]);
    }
  }
  const longest = (facts: Fact<number>[]): Fact<number> => {
    const u = facts.find((f): f is Unknown => f instanceof Unknown);
    return u ?? Math.max(...(facts as number[]));
  };
  const direct = (store: string): Fact<number> | undefined => {
    const l = own.get(store);
    return l ? longest(l.map((x) => x.days)) : undefined;
  };
  const out = new Map<string, Fact<number>>();
  for (const [store, lifecycles] of own) {
    const facts: Fact<number>[] = [];
    for (const l of lifecycles) {
      facts.push(l.days);
      for (const c of l.copies) {
        const there =
          direct(c.to) ?? new Unknown(`points copied to \`${c.to}\` have no retention rule there`);
        facts.push(c.start instanceof Unknown ? c.start : there instanceof Unknown ? there : c.start + there);
      }
    }
    out.set(store, longest(facts));
  }
  return out;
}

/** The vault a policy or instance names through `vaultName`: its address, the name as written, or an Unknown. */
function namedVault(
  r: Resource,
  ctx: AdapterContext,
): { address?: string; vault?: Resource; unresolved?: Unknown } {
  const v = r.properties.vaultName;
  const target = ctx.graph.target(v, r, BACKUP);
  if (target instanceof Unknown) return { unresolved: target };
  if (target) return { address: target.address, vault: target };
  const written = asString(v);
  if (written instanceof Unknown) return { unresolved: written };
  return { address: written };
}

/**
 * Whether the vault keeps a copy of its recovery points in another region: geo-redundant vault storage, which Azure
 * replicates to the paired region. Unknown when the vault is outside the graph or its storage cannot be read.
 */
function geoCopy(vault: Resource | undefined, name: string | undefined): Fact<boolean> {
  if (!vault)
    return new Unknown(`vault \`${name ?? 'unknown'}\` is not in the input: its redundancy cannot be read`);
  const settings = get(vault.properties.properties, 'storageSettings');
  if (settings instanceof Unknown) return settings;
  let out: Fact<boolean> = false;
  for (const s of asList(settings)) {
    if (s instanceof Unknown) return s;
    const store = lower(get(s, 'datastoreType'));
    if (store instanceof Unknown) return store;
    if (store !== undefined && store !== 'vaultstore') continue;
    const type = lower(get(s, 'type'));
    if (type instanceof Unknown) out = type;
    else if (type === 'georedundant') return true;
  }
  return out;
}

/** One policy's backup rules and continuous backups as backup plan rules. */
function policyRules(r: Resource, props: Props, ctx: AdapterContext): BackupPlanRule[] {
  const { address, vault, unresolved } = namedVault(r, ctx);
  const rules = get(props, 'policyRules');
  const list = rules instanceof Unknown ? [rules] : asList(rules);
  const retention = retentionByStore(list);
  const types = get(props, 'datasourceTypes');
  const blob =
    types instanceof Unknown
      ? types
      : asList(types).some((t) => typeof t === 'string' && t.toLowerCase() === BLOB_DATASOURCE);
  const kept = (store: string): Fact<number> =>
    retention instanceof Unknown
      ? retention
      : (retention.get(store) ?? new Unknown(`the policy has no retention rule for the \`${store}\` tier`));
  const geo = unresolved ?? geoCopy(vault, address);
  const out: BackupPlanRule[] = [];
  for (const rule of list) {
    if (rule instanceof Unknown) {
      out.push({
        name: 'policyRules',
        intervalHours: rule,
        deleteAfterDays: rule,
        continuous: rule,
        vault: address,
        copiesTo: [rule],
        copies: [{ destination: rule, deleteAfterDays: rule }],
      });
      continue;
    }
    if (objectType(rule) !== 'azurebackuprule') continue;
    const name = asString(get(rule, 'name'));
    const store = storeOf(get(rule, 'dataStore'));
    const trigger = get(rule, 'trigger');
    const intervals = get(trigger, 'schedule', 'repeatingTimeIntervals');
    const intervalHours: Fact<number> =
      trigger instanceof Unknown
        ? trigger
        : objectType(trigger) === 'adhocbasedtriggercontext'
          ? Infinity
          : intervals instanceof Unknown
            ? intervals
            : asList(intervals).every((i): i is string => typeof i === 'string')
              ? repeatingIntervalHours(asList(intervals) as string[])
              : new Unknown(`schedule ${show(intervals)} cannot be read`);
    const days = store instanceof Unknown ? store : kept(store);
    const vaulted = store === 'vaultstore';
    const copied = vaulted && geo !== false;
    const replica = `${address ?? 'vault'} (geo-redundant copy in the paired region)`;
    out.push({
      name: typeof name === 'string' ? name : show(get(rule, 'name')),
      intervalHours,
      deleteAfterDays: days,
      continuous: false,
      vault: address,
      ...(store === 'operationalstore' ? { inPlace: true } : {}),
      copiesTo: copied ? [geo === true ? replica : geo] : [],
      copies: copied ? [{ destination: geo === true ? replica : geo, deleteAfterDays: days }] : [],
    });
  }
  // Blob operational backup takes no scheduled backups: it is continuous while the policy keeps an operational tier.
  const operational = retention instanceof Unknown ? retention : retention.get('operationalstore');
  if (operational !== undefined && blob !== false) {
    out.push({
      name: 'OperationalStore',
      intervalHours: Infinity,
      deleteAfterDays: operational,
      continuous: blob,
      inPlace: true,
      copiesTo: [],
      copies: [],
    });
  }
  return out;
}

/** The level of the resource a selection names, when it carries one. */
function levelOf(r: Resource | undefined): Fact<Classification | undefined> {
  if (!r) return undefined;
  const c = classificationOf(r);
  if (c.state === 'unknown') return c.value;
  return c.state === 'tagged' ? c.level : undefined;
}

/** azure-native types of the resources Azure Backup protects, by the ARM type a data source gives (`resourceType`). */
const DATASOURCE_TYPES: Readonly<Record<string, string>> = {
  'microsoft.storage/storageaccounts': 'azure-native:storage:StorageAccount',
  'microsoft.compute/disks': 'azure-native:compute:Disk',
  'microsoft.containerservice/managedclusters': 'azure-native:containerservice:ManagedCluster',
  'microsoft.dbforpostgresql/flexibleservers': 'azure-native:dbforpostgresql:FlexibleServer',
  'microsoft.dbforpostgresql/servers': 'azure-native:dbforpostgresql:Server',
  'microsoft.dbformysql/flexibleservers': 'azure-native:dbformysql:FlexibleServer',
};

/**
 * The data source a backup instance protects: the graph resource `dataSourceInfo.resourceID` references, or the one
 * resource of its `resourceType` among those an unresolved id depends on (a program builds the id, and the instance's
 * other settings, from several resources); the id as written for a resource outside the graph.
 */
function dataSourceOf(i: Resource, ctx: AdapterContext): Resource | string | Unknown {
  const info = get(i.properties.properties, 'dataSourceInfo');
  const id = get(info, 'resourceID');
  if (id === undefined || id === null)
    return new Unknown('the backup instance names no `dataSourceInfo.resourceID`');
  const direct = ctx.graph.target(id, i);
  if (direct instanceof Unknown) return direct;
  if (direct && !(id instanceof Unknown)) return direct;
  if (id instanceof Unknown) {
    const armType = lower(get(info, 'resourceType'));
    const wanted = typeof armType === 'string' ? DATASOURCE_TYPES[armType] : undefined;
    const candidates = id.refs
      .map((ref) => ctx.graph.get(ref.address))
      .filter(
        (r): r is Resource =>
          r !== undefined && (wanted ? r.type === wanted : !r.type.includes(':dataprotection:')),
      );
    if (candidates.length === 1) return candidates[0]!;
    return new Unknown(
      `the data source \`${id.toString()}\` cannot be told among the resources it is built from`,
      id.refs,
    );
  }
  const written = asString(id);
  return typeof written === 'string' ? written : new Unknown(`data source ${show(id)}`);
}

/** A backup instance as a selection: the one data source it protects, at the level of that resource. */
function instanceSelection(i: Resource, ctx: AdapterContext): BackupPlanView['selections'][number] {
  const source = dataSourceOf(i, ctx);
  if (source instanceof Unknown)
    return { address: i.address, tags: [], resources: [source], selectsClassification: source };
  if (typeof source === 'string')
    // A resource outside the graph: its level is not known here.
    return { address: i.address, tags: [], resources: [source], selectsClassification: [] };
  const level = levelOf(source);
  return {
    address: i.address,
    tags: [],
    resources: [source.address],
    selectsClassification: level instanceof Unknown ? level : level ? [level] : [],
  };
}

/** The policy a backup instance names through `policyInfo.policyId`. */
function instancePolicy(i: Resource, ctx: AdapterContext): Resource | Unknown | undefined {
  return ctx.graph.target(get(i.properties.properties, 'policyInfo', 'policyId'), i, POLICY);
}

/** `dataprotection:BackupPolicy` -> backup plan: its rules, and the backup instances that enrol resources in it. */
export function backupPolicyView(r: Resource, ctx: AdapterContext): BackupPlanView {
  const props = object(r.properties.properties);
  const found = ctx.graph.attachedBy(r.address, INSTANCE, (i) =>
    get(i.properties.properties, 'policyInfo', 'policyId'),
  );
  const selections: BackupPlanView['selections'][number][] = found.attached.map((i) =>
    instanceSelection(i, ctx),
  );
  for (const { resource, reason } of found.uncertain)
    selections.push({
      address: resource.address,
      tags: [],
      resources: [reason],
      selectsClassification: reason,
    });
  const types = get(props, 'datasourceTypes');
  const blob =
    !(types instanceof Unknown) &&
    asList(types).some((t) => typeof t === 'string' && t.toLowerCase() === BLOB_DATASOURCE);
  const rules: BackupPlanRule[] =
    props instanceof Unknown || props === undefined
      ? [
          {
            name: 'properties',
            intervalHours: props ?? new Unknown('the policy has no `properties`'),
            deleteAfterDays: props ?? new Unknown('the policy has no `properties`'),
            continuous: props ?? new Unknown('the policy has no `properties`'),
            copiesTo: [],
          },
        ]
      : policyRules(r, props, ctx);
  return {
    kind: 'backup-plan',
    resource: r,
    name: displayName(r),
    rules,
    ...(blob ? { shortestScheduleHours: BLOB_SHORTEST_SCHEDULE_HOURS } : {}),
    selections,
  };
}

/**
 * `dataprotection:BackupInstance`: read through the policy it names, whose plan view selects its data source. An
 * instance whose policy is not in the program is reported: nothing would judge what it protects.
 */
export function backupInstanceView(r: Resource, ctx: AdapterContext): undefined {
  const policy = instancePolicy(r, ctx);
  if (policy instanceof Unknown)
    throw new Error(`\`policyInfo.policyId\` may name several policies: ${policy.reason}`);
  if (policy === undefined)
    throw new Error(
      `\`policyInfo.policyId\` names no \`${POLICY}\` of the program, whose backup plan view would read it`,
    );
  return undefined;
}

export function registerAzureBackup(registry: AdapterRegistry): void {
  registry.register('pulumi', RECOVERY, recoveryVaultView);
  registry.register('pulumi', BACKUP, backupVaultView);
  registry.register('pulumi', POLICY, backupPolicyView);
  registry.register('pulumi', INSTANCE, backupInstanceView);
}
