import type { Resource } from '../../graph/resource';
import { Unknown, asBool, asList, asNumber, asString, get, show, type Value } from '../../graph/values';
import type { AtRestEncryption, AuditTrailView, DataStoreView, Fact } from '../kinds';
import { displayName } from '../common/naming';
import { base } from '../common/store-base';
import type { AdapterContext, AdapterRegistry } from '../registry';
import { readThrough } from './common';
import { storageEncryption, storageImmutability } from './data';

/*
 * Log Analytics workspaces as log groups: Azure Monitor encrypts their data with Microsoft-managed keys (a
 * customer key needs a dedicated cluster, outside the workspace), and keeps it `retentionInDays`. The API
 * documents no default for an unset retention (it depends on the pricing plan): Unknown.
 *
 * The subscription's activity log, exported by a subscription diagnostic setting, is its control-plane audit trail:
 * every create, update, delete and action on its resources (the `Administrative` category), in every region. It is
 * kept where the setting sends it: a workspace (searchable, like a trail's log group), a storage account, and the
 * storage account a workspace data export copies its `AzureActivity` table to.
 * @see https://learn.microsoft.com/en-us/azure/azure-monitor/platform/activity-log
 */

const WORKSPACE = 'azure-native:operationalinsights:Workspace';
const DATA_EXPORT = 'azure-native:operationalinsights:DataExport';
const STORAGE = 'azure-native:storage:StorageAccount';
/** Subscription diagnostic settings; `insights` is the module's name before azure-native 3. */
const ACTIVITY_LOG_SETTINGS = [
  'azure-native:monitor:SubscriptionDiagnosticSetting',
  'azure-native:insights:SubscriptionDiagnosticSetting',
];

/** The activity log's table in a workspace. */
const ACTIVITY_TABLE = 'azureactivity';

const given = (v: Value | undefined): boolean => v !== undefined && v !== null && v !== '';

/**
 * Whether the workspace masks personal data in what it stores. Log Analytics has no masking policy (as CloudWatch
 * Logs' data protection policy, which masks at ingestion and unmasks for permitted readers): unmasked, unless a
 * workspace transformation (the data collection rule `defaultDataCollectionRuleResourceId` names) rewrites records
 * before they are stored, whose query may drop or hash personal data and is not read here.
 * @see https://learn.microsoft.com/en-us/azure/azure-monitor/data-collection/data-collection-transformations
 */
function workspaceMasking(r: Resource): Fact<boolean> {
  const dcr = r.properties.defaultDataCollectionRuleResourceId;
  if (dcr instanceof Unknown) return dcr;
  if (!given(dcr)) return false;
  return new Unknown(
    `the workspace transformation ${show(dcr)} rewrites records before they are stored; whether its query masks ` +
      'personal data is not read',
  );
}

export function workspaceView(r: Resource): DataStoreView {
  const days = asNumber(r.properties.retentionInDays);
  return {
    ...base(r, 'log-group', { atRest: 'provider' }),
    dataRetentionDays:
      days ?? new Unknown('`retentionInDays` is not set: the retention then depends on the pricing plan'),
    piiMasking: workspaceMasking(r),
  };
}

/** Whether the setting sends the `Administrative` category (every write and action on the subscription's resources). */
function administrative(logs: Value | undefined): Fact<boolean> {
  if (logs instanceof Unknown) return logs;
  for (const entry of asList(logs)) {
    if (entry instanceof Unknown) return entry;
    const on = asBool(get(entry, 'enabled'));
    const category = asString(get(entry, 'category'));
    const group = asString(get(entry, 'categoryGroup'));
    const u = [on, category, group].find((x): x is Unknown => x instanceof Unknown);
    if (u) return u;
    if (on !== true) continue;
    const lowerOf = (x: Fact<string> | undefined) => (typeof x === 'string' ? x.toLowerCase() : undefined);
    if (lowerOf(category) === 'administrative' || lowerOf(group) === 'alllogs') return true;
  }
  return false;
}

/** The storage account a workspace's data exports copy the activity table to, when one does. */
function exportedStore(workspace: Resource, ctx: AdapterContext): Resource | Unknown | undefined {
  const found = ctx.graph.attachedBy(workspace.address, DATA_EXPORT, (x) => x.properties.workspaceName);
  const first = found.uncertain[0];
  if (first) return first.reason;
  let open: Unknown | undefined;
  for (const x of found.attached) {
    const tables = x.properties.tableNames;
    if (tables instanceof Unknown) {
      open ??= tables;
      continue;
    }
    const names = asList(tables);
    const u = names.find((t): t is Unknown => t instanceof Unknown);
    if (u) {
      open ??= u;
      continue;
    }
    if (!names.some((t) => typeof t === 'string' && t.toLowerCase() === ACTIVITY_TABLE)) continue;
    const on =
      asBool(x.properties.enable) ??
      new Unknown(`data export \`${displayName(x)}\` does not say whether it is on (\`enable\` unset)`);
    if (on instanceof Unknown) {
      open ??= on;
      continue;
    }
    if (!on) continue;
    const store = ctx.graph.target(x.properties.resourceId, x, STORAGE);
    if (store) return store;
    open ??= new Unknown(
      `data export \`${displayName(x)}\` writes to ${show(x.properties.resourceId)}, outside the input`,
    );
  }
  return open;
}

/**
 * `monitor:SubscriptionDiagnosticSetting` -> audit trail: the activity log of the subscription, logging while it sends
 * the `Administrative` category somewhere. Tampering with its exported records is prevented where they land in a
 * storage account with version-level immutability (the activity log writes no digest of its own), encrypted as
 * that storage account is (as a trail's log files are, in their bucket). It records no data-plane events.
 */
export function activityLogView(r: Resource, ctx: AdapterContext): AuditTrailView {
  const p = r.properties;
  const sent = [
    p.workspaceId,
    p.storageAccountId,
    p.eventHubAuthorizationRuleId,
    p.marketplacePartnerId,
  ].some(given);
  const admin = administrative(p.logs);
  const logging: Fact<boolean> = admin instanceof Unknown ? admin : admin && sent;

  const workspace = given(p.workspaceId) ? ctx.graph.target(p.workspaceId, r, WORKSPACE) : undefined;
  let store: Resource | Unknown | undefined;
  if (given(p.storageAccountId)) {
    store =
      ctx.graph.target(p.storageAccountId, r, STORAGE) ??
      new Unknown(`the storage account ${show(p.storageAccountId)} is outside the input`);
  } else if (workspace && !(workspace instanceof Unknown)) store = exportedStore(workspace, ctx);

  // The archived records are the trail's log files; a workspace alone keeps them with Microsoft-managed keys.
  const archived = store && !(store instanceof Unknown) ? storageEncryption(store, ctx.graph) : undefined;
  const atRest: Fact<AtRestEncryption> =
    store instanceof Unknown
      ? store
      : archived
        ? archived.atRest
        : workspace instanceof Unknown
          ? workspace
          : workspace
            ? 'provider'
            : given(p.workspaceId)
              ? new Unknown(
                  `the workspace ${show(p.workspaceId)} is outside the input: its encryption cannot be read`,
                )
              : 'none';

  let integrity: Fact<boolean>;
  if (store instanceof Unknown) integrity = store;
  else if (!store) integrity = false;
  else {
    const worm = storageImmutability(store);
    integrity = worm instanceof Unknown ? worm : worm?.mode === 'compliance' || worm?.mode === 'governance';
  }

  return {
    kind: 'audit-trail',
    resource: r,
    name: displayName(r),
    logging,
    // The activity log is the subscription's, not a region's: it records every region, and subscription-wide operations.
    multiRegion: true,
    includesGlobalEvents: true,
    integrityValidation: integrity,
    encryption: archived?.key ? { atRest, key: archived.key } : { atRest },
    cloudWatchDelivery: given(p.workspaceId),
    ...(store && !(store instanceof Unknown) ? { sinkStore: store.address } : {}),
    dataEvents: 'none',
    dataEventSelectors: [],
  };
}

export function registerAzureLogging(registry: AdapterRegistry): void {
  registry.register('pulumi', WORKSPACE, workspaceView);
  registry.register('pulumi', ACTIVITY_LOG_SETTINGS, activityLogView);
  registry.register('pulumi', DATA_EXPORT, readThrough([WORKSPACE], 'workspaceName'));
}
