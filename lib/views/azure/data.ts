import type { ResourceGraph } from '../../graph/graph';
import type { Resource } from '../../graph/resource';
import {
  Unknown,
  asBool,
  asList,
  asNumber,
  asString,
  get,
  isObject,
  show,
  type Value,
} from '../../graph/values';
import type {
  ClientAuthenticationMethod,
  DataStoreView,
  Fact,
  FirewallView,
  TlsVersion,
  TrafficPeer,
  TrafficRule,
} from '../kinds';
import { displayName } from '../common/naming';
import { base, type Encryption } from '../common/store-base';
import type { AdapterContext, AdapterRegistry } from '../registry';
import { children, enabled, keyVaultKey, lower, object, readThrough } from './common';
import { deleteLocked } from './locks';
import { referenced } from './network';
import { DIAGNOSTIC_SETTINGS } from './posture';

/*
 * Data stores of azure-native: storage accounts (with their containers, blob service and lifecycle management
 * policies), SQL logical servers
 * (with firewall rules, auditing policies, encryption protectors) and Azure AI services accounts. What a
 * property means when it is left out is what the Azure REST API documents for it (quoted in azure-native's
 * typings); where the API documents no default, the fact stays Unknown.
 */

const STORAGE = 'azure-native:storage:StorageAccount';
const CONTAINER = 'azure-native:storage:BlobContainer';
const BLOB_SERVICE = 'azure-native:storage:BlobServiceProperties';
const MANAGEMENT_POLICY = 'azure-native:storage:ManagementPolicy';
const SQL_SERVER = 'azure-native:sql:Server';
const SQL_FIREWALL = 'azure-native:sql:FirewallRule';
const SQL_AUDITING = [
  'azure-native:sql:ServerBlobAuditingPolicy',
  'azure-native:sql:ExtendedServerBlobAuditingPolicy',
];
const SQL_PROTECTOR = 'azure-native:sql:EncryptionProtector';
const SQL_TDE = 'azure-native:sql:TransparentDataEncryption';
const SQL_DATABASE = 'azure-native:sql:Database';
const SQL_PITR = 'azure-native:sql:BackupShortTermRetentionPolicy';
const AI_ACCOUNT = 'azure-native:cognitiveservices:Account';

/** Either fact, the first Unknown or the fallback. */
function known<T>(v: Fact<T> | undefined, fallback: Fact<T>): Fact<T> {
  return v === undefined ? fallback : v;
}

// Storage accounts

const STORAGE_TLS: Readonly<Record<string, TlsVersion>> = {
  tls1_0: '1.0',
  tls1_1: '1.1',
  tls1_2: '1.2',
  tls1_3: '1.3',
};

/** `minimumTlsVersion`: the API reads an unset value as TLS 1.0. */
function storageMinTls(v: Value | undefined): Fact<TlsVersion> {
  const s = lower(v);
  if (s instanceof Unknown) return s;
  if (s === undefined) return '1.0';
  return STORAGE_TLS[s] ?? new Unknown(`\`minimumTlsVersion\` is ${show(v)}`);
}

/**
 * Encryption of a storage account: always on ("Azure Storage encryption at rest is enabled by default for all
 * storage accounts and cannot be disabled", Azure Storage REST API), with Microsoft-managed keys unless
 * `keySource: Microsoft.Keyvault` with `keyVaultProperties` uses a customer key; `requireInfrastructureEncryption`
 * adds a second layer. Where the settings are unknown, only the key is.
 */
export function storageEncryption(r: Resource, graph: ResourceGraph): Encryption {
  return { ...storageKey(r, graph), alwaysOn: true };
}

function storageKey(r: Resource, graph: ResourceGraph): Encryption {
  const enc = object(r.properties.encryption);
  if (enc instanceof Unknown) return { atRest: enc };
  if (enc === undefined) return { atRest: 'provider' };
  const infra = asBool(enc.requireInfrastructureEncryption) ?? false;
  if (infra instanceof Unknown) return { atRest: infra };
  const source = lower(enc.keySource) ?? 'microsoft.storage';
  if (source instanceof Unknown) return { atRest: source };
  let key: Encryption['key'];
  if (source === 'microsoft.keyvault') {
    const kv = object(enc.keyVaultProperties);
    if (kv instanceof Unknown) return { atRest: kv };
    key = keyVaultKey(graph, get(kv, 'keyName'), get(kv, 'keyVaultUri'));
    if (key === undefined)
      return { atRest: new Unknown('`keySource` is Microsoft.Keyvault without `keyVaultProperties`') };
  } else if (source !== 'microsoft.storage')
    return { atRest: new Unknown(`\`keySource\` is ${show(enc.keySource)}`) };
  if (infra) return key ? { atRest: 'double', key } : { atRest: 'double' };
  return key ? { atRest: 'customer-key', key } : { atRest: 'provider' };
}

/**
 * Whether the account's endpoints accept connections from the internet: `publicNetworkAccess` not `Disabled`,
 * and a network rule set that allows by default (an account without one accepts every network).
 */
function storagePublicEndpoint(r: Resource): Fact<boolean> {
  const access = lower(r.properties.publicNetworkAccess);
  if (access instanceof Unknown) return access;
  if (access === 'disabled') return false;
  if (access !== undefined && access !== 'enabled' && access !== 'securedbyperimeter')
    return new Unknown(`\`publicNetworkAccess\` is ${show(r.properties.publicNetworkAccess)}`);
  if (access === 'securedbyperimeter')
    return new Unknown('`publicNetworkAccess` is SecuredByPerimeter: the perimeter decides');
  const rules = object(r.properties.networkRuleSet);
  if (rules instanceof Unknown) return rules;
  const action = rules === undefined ? 'allow' : lower(rules.defaultAction);
  if (action === undefined || action instanceof Unknown)
    return action ?? new Unknown('`networkRuleSet` has no `defaultAction`');
  if (action === 'deny') return false;
  if (action === 'allow') return true;
  return new Unknown(`\`networkRuleSet.defaultAction\` is ${show(get(rules, 'defaultAction'))}`);
}

/**
 * Redundancy in the primary region, from the `sku` name's suffix: LRS (and GRS, RAGRS, which add a copy in another
 * region to LRS) keeps its three copies in one physical location; ZRS (and GZRS, RAGZRS) across three availability
 * zones. `sku` is required, so an unset or unknown name is Unknown.
 * @see https://learn.microsoft.com/en-us/azure/storage/common/storage-redundancy
 */
function storageZones(r: Resource): Fact<boolean> {
  const name = asString(get(r.properties.sku, 'name'));
  if (name instanceof Unknown) return name;
  const suffix = name?.split('_').pop()?.toUpperCase();
  if (suffix === 'ZRS' || suffix === 'GZRS' || suffix === 'RAGZRS') return true;
  if (suffix === 'LRS' || suffix === 'GRS' || suffix === 'RAGRS') return false;
  return new Unknown(`\`sku.name\` is ${show(get(r.properties.sku, 'name'))}`);
}

/** A container of the account open to anonymous reads (`publicAccess` `Blob` or `Container`). */
function publicContainer(r: Resource, graph: ResourceGraph): Fact<boolean> {
  const found = children(r, graph, CONTAINER, 'accountName');
  if (found instanceof Unknown) return found;
  let open: Unknown | undefined;
  for (const c of found) {
    const access = lower(c.properties.publicAccess) ?? 'none';
    if (access instanceof Unknown) open ??= access;
    else if (access === 'blob' || access === 'container') return true;
  }
  return open ?? false;
}

/** Blob versioning from the account's blob service properties (off unless one turns it on). */
function blobVersioning(r: Resource, graph: ResourceGraph): Fact<boolean> {
  const found = children(r, graph, BLOB_SERVICE, 'accountName');
  if (found instanceof Unknown) return found;
  let out: Fact<boolean> = false;
  for (const s of found) {
    const v = asBool(s.properties.isVersioningEnabled) ?? false;
    if (v === true) return true;
    if (v instanceof Unknown) out = v;
  }
  return out;
}

/**
 * A soft-delete policy of the blob service (`deleteRetentionPolicy` for blobs, `containerDeleteRetentionPolicy` for
 * containers): its days when enabled, `null` when disabled. The API documents no default for an account whose blob
 * service properties leave the policy out (the portal turns both on, templates and SDKs do not say): Unknown.
 */
function softDelete(
  r: Resource,
  graph: ResourceGraph,
  policy: 'deleteRetentionPolicy' | 'containerDeleteRetentionPolicy',
): Fact<number | null> {
  const found = children(r, graph, BLOB_SERVICE, 'accountName');
  if (found instanceof Unknown) return found;
  let out: number | null | undefined;
  for (const s of found) {
    const p = object(s.properties[policy]);
    if (p === undefined) continue;
    if (p instanceof Unknown) return p;
    const on = asBool(p.enabled);
    if (on instanceof Unknown) return on;
    if (on === undefined) return new Unknown(`\`${policy}\` does not say whether it is enabled`);
    // Two resources writing the same blob service: the weaker setting is the one that may be applied last.
    if (!on) {
      out = null;
      continue;
    }
    const days = asNumber(p.days);
    if (days instanceof Unknown) return days;
    if (days === undefined) return new Unknown(`\`${policy}\` is enabled without \`days\``);
    if (out !== null) out = out === undefined ? days : Math.min(out, days);
  }
  return out === undefined
    ? new Unknown(`no blob service properties set \`${policy}\`, and the API documents no default`)
    : out;
}

/**
 * Blob types a lifecycle rule can delete. Page blobs (disks) are outside lifecycle management: an account's data
 * expires when both of these do.
 * @see https://learn.microsoft.com/en-us/azure/storage/blobs/lifecycle-management-overview
 */
const EXPIRING_BLOB_TYPES = ['blockBlob', 'appendBlob'] as const;

/** A lifecycle rule of the account: enabled (the default), on every blob (no prefix or index-tag filter). */
interface LifecycleRule {
  readonly name: string;
  readonly blobTypes: readonly string[];
  readonly actions: Value | undefined;
}

/** The enabled lifecycle rules of the account's management policies that apply to every blob of their types. */
function lifecycleRules(r: Resource, graph: ResourceGraph): LifecycleRule[] | Unknown {
  const found = children(r, graph, MANAGEMENT_POLICY, 'accountName');
  if (found instanceof Unknown) return found;
  const out: LifecycleRule[] = [];
  for (const policy of found) {
    const rules = get(policy.properties.policy, 'rules');
    if (rules instanceof Unknown) return rules;
    for (const rule of asList(rules)) {
      if (rule instanceof Unknown) return rule;
      if (!isObject(rule)) continue;
      // "An optional boolean to allow a rule to be temporarily disabled. Default value is true if not set."
      const on = asBool(rule.enabled) ?? true;
      if (on instanceof Unknown) return on;
      if (!on) continue;
      const filters = get(rule, 'definition', 'filters');
      if (filters instanceof Unknown) return filters;
      const narrowed = [get(filters, 'prefixMatch'), get(filters, 'blobIndexMatch')].some(
        (f) => f !== undefined && !(Array.isArray(f) && f.length === 0),
      );
      if (narrowed) continue;
      const types = get(filters, 'blobTypes');
      if (types instanceof Unknown) return types;
      out.push({
        name: typeof rule.name === 'string' ? rule.name : show(rule.name),
        blobTypes: asList(types).filter((t): t is string => typeof t === 'string'),
        actions: get(rule, 'definition', 'actions'),
      });
    }
  }
  return out;
}

/**
 * Shortest deletion age among rules for one blob type and action (`baseBlob`, `version`), by the ages it reads:
 * days since creation or modification. An age since last access bounds nothing (data read often never expires).
 */
function shortestDelete(
  rules: readonly LifecycleRule[],
  blobType: string,
  action: 'baseBlob' | 'version',
): Fact<number | null> {
  let best: number | null = null;
  for (const rule of rules) {
    if (!rule.blobTypes.includes(blobType)) continue;
    const del = get(rule.actions, action, 'delete');
    if (del instanceof Unknown) return del;
    if (del === undefined) continue;
    for (const key of ['daysAfterCreationGreaterThan', 'daysAfterModificationGreaterThan']) {
      const days = asNumber(get(del, key));
      if (days instanceof Unknown) return days;
      // "greater than" N days: deleted in the run after the blob is N days old.
      if (days !== undefined && (best === null || days < best)) best = days;
    }
  }
  return best;
}

/** Longest of the per-type expiries: the account's data expires when every blob type does; null when one never does. */
function accountExpiry(
  rules: readonly LifecycleRule[] | Unknown,
  action: 'baseBlob' | 'version',
): Fact<number | null> {
  if (rules instanceof Unknown) return rules;
  let longest = 0;
  for (const type of EXPIRING_BLOB_TYPES) {
    const days = shortestDelete(rules, type, action);
    if (days === null || days instanceof Unknown) return days;
    longest = Math.max(longest, days);
  }
  return longest;
}

/** Block blob previous versions only: append blobs keep no versions. */
function versionExpiry(rules: readonly LifecycleRule[] | Unknown): Fact<number | null> {
  if (rules instanceof Unknown) return rules;
  return shortestDelete(rules, 'blockBlob', 'version');
}

/**
 * Version-level immutability (`immutableStorageWithVersioning`): a `Locked` policy can only be lengthened (compliance),
 * an `Unlocked` one can be shortened or removed by a privileged principal (governance); off unless enabled.
 */
export function storageImmutability(r: Resource): DataStoreView['immutability'] {
  const worm = object(r.properties.immutableStorageWithVersioning);
  if (worm instanceof Unknown) return worm;
  const on = asBool(get(worm, 'enabled')) ?? false;
  if (on instanceof Unknown) return on;
  if (!on) return { mode: 'none' };
  const policy = object(get(worm, 'immutabilityPolicy'));
  if (policy instanceof Unknown) return policy;
  const state = lower(get(policy, 'state'));
  if (state instanceof Unknown) return state;
  const days = asNumber(get(policy, 'immutabilityPeriodSinceCreationInDays'));
  if (days instanceof Unknown) return days;
  if (policy === undefined || state === 'disabled') return { mode: 'none' };
  const mode = state === 'locked' ? 'compliance' : state === 'unlocked' ? 'governance' : undefined;
  if (!mode) return new Unknown(`immutability policy state is ${show(get(policy, 'state'))}`);
  return days === undefined ? { mode } : { mode, days };
}

/** Blob data-plane log categories, by the access each records. */
const BLOB_LOG_CATEGORIES = { read: 'storageread', write: 'storagewrite', delete: 'storagedelete' } as const;

/**
 * Which blob requests the account's diagnostic settings send to a workspace or store: every category (`allLogs`) or
 * `StorageRead`, `StorageWrite`, `StorageDelete` one by one. A program names the blob service by a URI built from the
 * account's id (`<id>/blobServices/default`), so every setting naming the account is read. The storage categories of
 * the `audit` group are not documented: a setting sending only that group leaves the answer Unknown.
 * @see https://learn.microsoft.com/en-us/azure/azure-monitor/reference/supported-logs/microsoft-storage-storageaccounts-blobservices-logs
 */
function blobRequestLogs(
  r: Resource,
  graph: ResourceGraph,
): Fact<{ read: boolean; write: boolean; delete: boolean }> {
  const out = { read: false, write: false, delete: false };
  let open: Unknown | undefined;
  for (const type of DIAGNOSTIC_SETTINGS)
    for (const s of graph.ofType(type)) {
      const target = referenced(s.properties.resourceUri);
      if (target instanceof Unknown) {
        if (target.refs.length === 0 || target.refs.some((x) => x.address === r.address)) open ??= target;
        continue;
      }
      if (target !== r.address) continue;
      const p = s.properties;
      const stored = [p.workspaceId, p.storageAccountId].some(
        (v) => v !== undefined && v !== null && v !== '',
      );
      if (!stored) continue;
      const logs = p.logs;
      if (logs instanceof Unknown) {
        open ??= logs;
        continue;
      }
      for (const entry of asList(logs)) {
        if (entry instanceof Unknown) {
          open ??= entry;
          continue;
        }
        const on = asBool(get(entry, 'enabled'));
        const group = lower(get(entry, 'categoryGroup'));
        const category = lower(get(entry, 'category'));
        const u = [on, group, category].find((x): x is Unknown => x instanceof Unknown);
        if (u) {
          open ??= u;
          continue;
        }
        if (on !== true) continue;
        if (group === 'alllogs') Object.assign(out, { read: true, write: true, delete: true });
        else if (group === 'audit')
          open ??= new Unknown(
            'a diagnostic setting sends the `audit` category group, whose blob categories are not documented',
          );
        for (const [access, name] of Object.entries(BLOB_LOG_CATEGORIES))
          if (category === name) out[access as keyof typeof out] = true;
      }
    }
  if (out.read && out.write && out.delete) return out;
  return open ?? out;
}

/** `storage:StorageAccount` -> object store. */
export function storageAccountView(r: Resource, ctx: AdapterContext): DataStoreView {
  const p = r.properties;
  // "The default interpretation is false for this property."
  const blobPublic = asBool(p.allowBlobPublicAccess) ?? false;
  // "The default value is null, which is equivalent to true."
  const sharedKey = asBool(p.allowSharedKeyAccess) ?? true;
  const containers = publicContainer(r, ctx.graph);
  const versioning = blobVersioning(r, ctx.graph);
  const lifecycle = lifecycleRules(r, ctx.graph);
  const requests = blobRequestLogs(r, ctx.graph);
  return {
    ...base(r, 'object-store', storageEncryption(r, ctx.graph)),
    // "The default value is true since API version 2019-04-01."
    tlsOnly: asBool(p.enableHttpsTrafficOnly) ?? true,
    minTls: storageMinTls(p.minimumTlsVersion),
    // "Minimum TLS version 1.3 version is not supported."
    minTlsCeiling: '1.2',
    publicAccess: blobPublic instanceof Unknown ? blobPublic : blobPublic ? 'open' : 'blocked',
    policyAllowsPublic:
      blobPublic === false ? false : blobPublic instanceof Unknown ? blobPublic : containers,
    publicNetworkAccess: storagePublicEndpoint(r),
    multiAz: storageZones(r),
    deletionProtection: deleteLocked(r, ctx.graph),
    versioning,
    softDeleteDays: {
      objects: softDelete(r, ctx.graph, 'deleteRetentionPolicy'),
      containers: softDelete(r, ctx.graph, 'containerDeleteRetentionPolicy'),
    },
    dataRetentionDays: accountExpiry(lifecycle, 'baseBlob'),
    ...(versioning === false ? {} : { noncurrentVersionRetentionDays: versionExpiry(lifecycle) }),
    dataAccessEvents: 'resource-logs',
    dataAccessLogged:
      requests instanceof Unknown
        ? { read: requests, write: requests }
        : { read: requests.read, write: requests.write },
    accessLogging:
      requests instanceof Unknown ? requests : requests.read && requests.write && requests.delete,
    immutability: storageImmutability(r),
    localAuthentication: sharedKey,
    clientAuthentication:
      sharedKey instanceof Unknown
        ? sharedKey
        : sharedKey
          ? ['shared-secret', 'cloud-identity']
          : ['cloud-identity'],
  };
}

// SQL logical servers

const SQL_TLS: Readonly<Record<string, TlsVersion>> = {
  '1.0': '1.0',
  '1.1': '1.1',
  '1.2': '1.2',
  '1.3': '1.3',
};

/** `minimalTlsVersion`: `None` enforces no floor (TLS 1.0 accepted); the API documents no default. */
function sqlMinTls(v: Value | undefined): Fact<TlsVersion> {
  const s = asString(v);
  if (s instanceof Unknown) return s;
  if (s === undefined) return new Unknown('`minimalTlsVersion` is not set and the API documents no default');
  if (s.toLowerCase() === 'none') return '1.0';
  return SQL_TLS[s] ?? new Unknown(`\`minimalTlsVersion\` is ${show(v)}`);
}

/** `publicNetworkAccess`: `Disabled` closes the public endpoint; the API documents no default. */
function sqlPublicEndpoint(r: Resource): Fact<boolean> {
  const v = r.properties.publicNetworkAccess;
  if (lower(v) === 'securedbyperimeter') return new Unknown('`publicNetworkAccess` is SecuredByPerimeter');
  return known(
    enabled(v, '`publicNetworkAccess`'),
    new Unknown('`publicNetworkAccess` is not set and the API documents no default'),
  );
}

/**
 * How clients sign in: SQL logins unless an Entra administrator is set with `azureADOnlyAuthentication`;
 * Entra identities once an Entra administrator is set.
 */
function sqlAuthentication(r: Resource): Fact<readonly ClientAuthenticationMethod[]> {
  const admins = object(r.properties.administrators);
  if (admins instanceof Unknown) return admins;
  if (admins === undefined) return ['user-credentials'];
  const only = asBool(admins.azureADOnlyAuthentication);
  if (only instanceof Unknown) return only;
  if (only === undefined)
    return new Unknown(
      '`administrators.azureADOnlyAuthentication` is not set and the API documents no default',
    );
  return only ? ['cloud-identity'] : ['user-credentials', 'cloud-identity'];
}

/**
 * Transparent data encryption: on for every database with a service-managed key, unless a database turns it
 * off; a customer key comes from the server's `keyId` or an encryption protector of type `AzureKeyVault`.
 */
function sqlEncryption(r: Resource, graph: ResourceGraph): Encryption {
  const tde = tdeOff(children(r, graph, SQL_TDE, 'serverName'));
  return tde ?? sqlServerKey(r, graph);
}

/** `{ atRest: 'none' }` when one of the TDE settings turns encryption off, its Unknown, else undefined. */
function tdeOff(tde: readonly Resource[] | Unknown): Encryption | undefined {
  if (tde instanceof Unknown) return { atRest: tde };
  for (const t of tde) {
    const state = enabled(t.properties.state, '`state`');
    if (state instanceof Unknown) return { atRest: state };
    if (state === false) return { atRest: 'none' };
  }
  return undefined;
}

/** The key of a server's TDE protector: a customer key (an `AzureKeyVault` protector, or `keyId`), else the service's. */
function sqlServerKey(r: Resource, graph: ResourceGraph): Encryption {
  const protectors = children(r, graph, SQL_PROTECTOR, 'serverName');
  if (protectors instanceof Unknown) return { atRest: protectors };
  for (const x of protectors) {
    const type = lower(x.properties.serverKeyType);
    if (type instanceof Unknown) return { atRest: type };
    if (type === 'servicemanaged') return { atRest: 'provider' };
    if (type === 'azurekeyvault') {
      const key = keyVaultKey(graph, x.properties.serverKeyName) ?? keyVaultKey(graph, r.properties.keyId);
      return { atRest: 'customer-key', key: key ?? { address: x.address } };
    }
    return { atRest: new Unknown(`encryption protector type is ${show(x.properties.serverKeyType)}`) };
  }
  const key = keyVaultKey(graph, r.properties.keyId);
  return key ? { atRest: 'customer-key', key } : { atRest: 'provider' };
}

/** Server auditing: an auditing policy of the server with `state: Enabled`. */
function sqlAuditing(r: Resource, graph: ResourceGraph): Fact<boolean> {
  const found = children(r, graph, SQL_AUDITING, 'serverName');
  if (found instanceof Unknown) return found;
  let out: Fact<boolean> = false;
  for (const a of found) {
    const state = enabled(a.properties.state, '`state`') ?? new Unknown('auditing policy sets no `state`');
    if (state === true) return true;
    if (state instanceof Unknown) out = state;
  }
  return out;
}

/** The remote end a firewall rule admits: `AzureCloud` for `0.0.0.0`-`0.0.0.0`, a CIDR, or the range `start-end`. */
function firewallPeer(startV: Value | undefined, endV: Value | undefined): TrafficPeer {
  const s = asString(startV);
  const e = asString(endV) ?? s;
  if (s instanceof Unknown) return { cidr: s };
  if (e instanceof Unknown) return { cidr: e };
  if (s === undefined || e === undefined)
    return { cidr: new Unknown('firewall rule without an address range') };
  if (s === '0.0.0.0' && e === '0.0.0.0') return { serviceTag: 'AzureCloud' };
  if (s === '0.0.0.0' && e === '255.255.255.255') return { cidr: '0.0.0.0/0' };
  if (s === e) return { cidr: `${s}/32` };
  return { cidr: `${s}-${e}` };
}

/** The server's firewall: an ingress allow on TCP 1433 per firewall rule (none while public access is off). */
function sqlFirewallView(r: Resource, graph: ResourceGraph, open: Fact<boolean>): FirewallView {
  const rules: TrafficRule[] = [];
  if (open !== false) {
    const found = graph.attachedBy(r.address, SQL_FIREWALL, (x) => x.properties.serverName);
    for (const x of found.attached)
      rules.push({
        direction: 'ingress',
        action: 'allow',
        protocol: 'tcp',
        fromPort: 1433,
        toPort: 1433,
        source: firewallPeer(x.properties.startIpAddress, x.properties.endIpAddress),
        description: typeof x.properties.name === 'string' ? x.properties.name : displayName(x),
        declaredBy: x.address,
      });
    for (const { resource, reason } of found.uncertain)
      rules.push({
        direction: 'ingress',
        action: 'allow',
        protocol: 'tcp',
        fromPort: 1433,
        toPort: 1433,
        source: { cidr: reason },
        declaredBy: resource.address,
      });
  }
  return { kind: 'firewall', resource: r, name: displayName(r), rules, isDefault: false };
}

/** `sql:Server` -> relational database (Azure SQL refuses unencrypted connections) and its firewall. */
export function sqlServerView(r: Resource, ctx: AdapterContext): (DataStoreView | FirewallView)[] {
  const auth = sqlAuthentication(r);
  const open = sqlPublicEndpoint(r);
  return [
    {
      ...base(r, 'database-instance', sqlEncryption(r, ctx.graph)),
      tlsOnly: true,
      minTls: sqlMinTls(r.properties.minimalTlsVersion),
      publicNetworkAccess: open,
      clientAuthentication: auth,
      localAuthentication: auth instanceof Unknown ? auth : auth.includes('user-credentials'),
      auditLogging: sqlAuditing(r, ctx.graph),
    },
    sqlFirewallView(r, ctx.graph, open),
  ];
}

// SQL databases

/**
 * Days of point-in-time restore a database keeps: its short-term retention policy's `retentionDays`, else seven
 * days, the retention Azure SQL Database gives a database no policy changes
 * (https://learn.microsoft.com/azure/azure-sql/database/automated-backups-overview).
 */
function pitrDays(r: Resource, graph: ResourceGraph): Fact<number> {
  const policies = children(r, graph, SQL_PITR, 'databaseName');
  if (policies instanceof Unknown) return policies;
  let days: Fact<number> | undefined;
  for (const x of policies) {
    const v = x.properties.retentionDays;
    const d: Fact<number> =
      v instanceof Unknown
        ? v
        : typeof v === 'number'
          ? v
          : new Unknown(`the short-term retention policy \`${displayName(x)}\` sets no \`retentionDays\``);
    if (d instanceof Unknown) return d;
    days = days === undefined || days instanceof Unknown ? d : Math.min(days, d);
  }
  return days ?? 7;
}

/**
 * `sql:Database` -> relational database: the data of one database of a logical server, with its own tags. Its
 * encryption is its TDE setting with the server's protector; its automated backups keep point-in-time restore for
 * the days of its short-term retention policy. How clients reach it (network, TLS, sign-in, auditing) is the
 * server's, judged on the server's view.
 */
export function sqlDatabaseView(r: Resource, ctx: AdapterContext): DataStoreView {
  const server = ctx.graph.target(r.properties.serverName, r, [SQL_SERVER]);
  const own = tdeOff(children(r, ctx.graph, SQL_TDE, 'databaseName'));
  const encryption: Encryption =
    own ??
    (server instanceof Unknown
      ? { atRest: server }
      : server === undefined
        ? {
            atRest: new Unknown(
              "the database's server is not in the program: its TDE protector cannot be read",
            ),
          }
        : sqlServerKey(server, ctx.graph));
  return {
    ...base(r, 'database-instance', encryption),
    backupRetentionDays: pitrDays(r, ctx.graph),
  };
}

// Azure AI services accounts

/** Encryption of an AI account: Microsoft-managed keys unless `keySource` is `Microsoft.KeyVault`. */
function aiEncryption(props: { readonly [k: string]: Value } | undefined, graph: ResourceGraph): Encryption {
  const enc = object(get(props, 'encryption'));
  if (enc instanceof Unknown) return { atRest: enc };
  const source = lower(get(enc, 'keySource')) ?? 'microsoft.cognitiveservices';
  if (source instanceof Unknown) return { atRest: source };
  if (source === 'microsoft.cognitiveservices') return { atRest: 'provider' };
  if (source !== 'microsoft.keyvault')
    return { atRest: new Unknown(`\`keySource\` is ${show(get(enc, 'keySource'))}`) };
  const kv = object(get(enc, 'keyVaultProperties'));
  if (kv instanceof Unknown) return { atRest: kv };
  const key = keyVaultKey(graph, get(kv, 'keyName'), get(kv, 'keyVaultUri'));
  return key
    ? { atRest: 'customer-key', key }
    : { atRest: new Unknown('`keySource` is Microsoft.KeyVault without `keyVaultProperties`') };
}

/** Public endpoint of an AI account: `publicNetworkAccess`, else network ACLs that deny by default. */
function aiPublicEndpoint(props: { readonly [k: string]: Value } | undefined): Fact<boolean> {
  const access = enabled(get(props, 'publicNetworkAccess'), '`publicNetworkAccess`');
  if (access === false || access instanceof Unknown) return access;
  const action = lower(get(props, 'networkAcls', 'defaultAction'));
  if (action instanceof Unknown) return action;
  if (action === 'deny') return false;
  if (action === 'allow' || access === true) return true;
  return new Unknown('`publicNetworkAccess` is not set and the API documents no default');
}

/** `cognitiveservices:Account` -> AI service store. Local (API key) authentication is on unless `disableLocalAuth`. */
export function aiAccountView(r: Resource, ctx: AdapterContext): DataStoreView {
  const props = object(r.properties.properties);
  if (props instanceof Unknown)
    return {
      ...base(r, 'ai-service', { atRest: props }),
      publicNetworkAccess: props,
      localAuthentication: props,
    };
  const disabled = asBool(get(props, 'disableLocalAuth')) ?? false;
  const local = disabled instanceof Unknown ? disabled : !disabled;
  return {
    ...base(r, 'ai-service', aiEncryption(props, ctx.graph)),
    publicNetworkAccess: aiPublicEndpoint(props),
    localAuthentication: local,
    clientAuthentication:
      local instanceof Unknown ? local : local ? ['shared-secret', 'cloud-identity'] : ['cloud-identity'],
  };
}

export function registerAzureData(registry: AdapterRegistry): void {
  registry.register('pulumi', STORAGE, storageAccountView);
  registry.register('pulumi', SQL_SERVER, sqlServerView);
  registry.register('pulumi', SQL_DATABASE, sqlDatabaseView);
  registry.register('pulumi', SQL_PITR, readThrough([SQL_DATABASE], 'databaseName'));
  registry.register('pulumi', AI_ACCOUNT, aiAccountView);
  registry.register(
    'pulumi',
    [CONTAINER, BLOB_SERVICE, MANAGEMENT_POLICY],
    readThrough([STORAGE], 'accountName'),
  );
  registry.register(
    'pulumi',
    [SQL_FIREWALL, ...SQL_AUDITING, SQL_PROTECTOR, SQL_TDE],
    readThrough([SQL_SERVER], 'serverName'),
  );
}
