import type { ResourceGraph } from '../../graph/graph';
import type { Resource } from '../../graph/resource';
import { ResourceRef, Unknown, asBool, asNumber, asString, get, show, type Value } from '../../graph/values';
import type { DataStoreView, Fact, TlsVersion } from '../kinds';
import { base, type Encryption } from '../common/store-base';
import type { AdapterContext, AdapterRegistry } from '../registry';
import { arg, block } from './arguments';
import { deleteLocked } from './azurerm-locks';

/*
 * Data-store views of azurerm storage accounts, with the containers, network rules and customer-managed keys
 * other resources declare for them. Azure Storage is an object store reached over its own public endpoints
 * (blob, file, queue, table), so the account maps onto the facts of an S3 bucket: HTTPS only (`tlsOnly`),
 * the lowest TLS version (`minTls`), whether containers may be made public (`publicAccess`), whether one is
 * (`policyAllowsPublic`), and whether the account's endpoints accept connections from the internet
 * (`publicNetworkAccess`: public network access with a network rule set that allows by default). Recovery facts
 * are those of azure-native accounts: blob and container soft delete (`softDeleteDays`), zone redundancy from
 * `account_replication_type` (`multiAz`) and `azurerm_management_lock`s as deletion protection.
 *
 * The provider renamed arguments between major versions (`enable_https_traffic_only` in 2.x and 3.x,
 * `https_traffic_only_enabled` from 3.x on; `allow_blob_public_access` in 2.x, `allow_nested_items_to_be_public`
 * from 3.0) and changed two defaults (`min_tls_version` `TLS1_0` to `TLS1_2` in 3.x;
 * `allow_nested_items_to_be_public` `true` to `false` in 5.0). A plan writes the value the provider chose; a
 * `cdk.tf.json` that leaves them out gets whichever the provider version applies, so they are left Unknown.
 */

const ACCOUNT = 'azurerm_storage_account';

const TLS: Readonly<Record<string, TlsVersion>> = {
  TLS1_0: '1.0',
  TLS1_1: '1.1',
  TLS1_2: '1.2',
  TLS1_3: '1.3',
};

/** Why an unset argument whose default changed between provider versions is unknown. */
function versionDefault(argument: string, change: string): Unknown {
  return new Unknown(
    `\`${argument}\` is not set: its default depends on the azurerm provider version (${change})`,
  );
}

/** `min_tls_version` as a TLS version. */
function minTls(v: Value | undefined): Fact<TlsVersion> {
  const s = asString(arg(v));
  if (s instanceof Unknown) return s;
  if (s === undefined) return versionDefault('min_tls_version', '`TLS1_0` before 3.x, `TLS1_2` since');
  return TLS[s] ?? new Unknown(`\`min_tls_version\` is ${show(v)}`);
}

/** `https_traffic_only_enabled` (or `enable_https_traffic_only`): true by default in every provider version. */
function httpsOnly(r: Resource): Fact<boolean> {
  const p = r.properties;
  return asBool(arg(p.https_traffic_only_enabled) ?? arg(p.enable_https_traffic_only)) ?? true;
}

/** Whether containers of the account may be made public (`allow_nested_items_to_be_public`). */
function nestedItemsMayBePublic(r: Resource): Fact<boolean> {
  const p = r.properties;
  const v = asBool(arg(p.allow_nested_items_to_be_public) ?? arg(p.allow_blob_public_access));
  if (v !== undefined) return v;
  return versionDefault(
    'allow_nested_items_to_be_public',
    '`false` in 2.x as `allow_blob_public_access`, `true` in 3.x and 4.x, `false` from 5.0',
  );
}

/** Containers of the account whose `container_access_type` is `blob` or `container` (anonymous read). */
function publicContainers(r: Resource, graph: ResourceGraph): Fact<boolean> {
  const found = graph.attachedBy(
    r.address,
    'azurerm_storage_container',
    (c) => arg(c.properties.storage_account_id) ?? c.properties.storage_account_name,
  );
  let open: Unknown | undefined;
  for (const c of found.attached) {
    const type = asString(arg(c.properties.container_access_type)) ?? 'private';
    if (type instanceof Unknown) open ??= type;
    else if (type === 'blob' || type === 'container') return true;
  }
  return open ?? found.uncertain[0]?.reason ?? false;
}

/**
 * The default action of the account's network rules: its `network_rules` block, or an
 * `azurerm_storage_account_network_rules` resource naming it. Without either, the account allows every network.
 */
function defaultAction(r: Resource, graph: ResourceGraph): Fact<string> {
  const inline = block(r.properties.network_rules);
  if (inline instanceof Unknown) return inline;
  if (inline !== undefined) {
    const action = asString(get(inline, 'default_action'));
    return action ?? new Unknown('`network_rules` sets no `default_action`');
  }
  const found = graph.attachedBy(r.address, 'azurerm_storage_account_network_rules', (x) =>
    arg(x.properties.storage_account_id),
  );
  if (found.uncertain.length > 0) return found.uncertain[0]!.reason;
  if (found.attached.length > 1)
    return new Unknown(
      `several network rule sets name the account: ${found.attached.map((x) => `\`${x.address}\``).join(', ')}`,
    );
  const standalone = found.attached[0];
  if (!standalone) return 'Allow';
  return (
    asString(standalone.properties.default_action) ?? new Unknown('network rules set no `default_action`')
  );
}

/**
 * Whether the account's endpoints accept connections from the internet: public network access is on
 * (`public_network_access_enabled`, true by default) and its network rules allow by default. An account whose
 * rules deny by default admits only the address ranges and subnets they name.
 */
function publicEndpoint(r: Resource, graph: ResourceGraph): Fact<boolean> {
  const enabled = asBool(arg(r.properties.public_network_access_enabled)) ?? true;
  if (enabled === false) return false;
  const action = defaultAction(r, graph);
  if (action instanceof Unknown) return action;
  if (action.toLowerCase() === 'deny') return false;
  if (action.toLowerCase() !== 'allow') return new Unknown(`network rules default action is ${show(action)}`);
  return enabled;
}

function keyReference(v: Value | undefined): DataStoreView['encryption']['key'] {
  if (v instanceof ResourceRef) return { address: v.address };
  if (v instanceof Unknown) return v.refs[0] ? { address: v.refs[0].address } : { external: v.toString() };
  return typeof v === 'string' ? { external: v } : undefined;
}

/**
 * Encryption at rest: Azure Storage encrypts every account with a Microsoft-managed key; a `customer_managed_key`
 * block or an `azurerm_storage_account_customer_managed_key` resource names a Key Vault key instead, and
 * `infrastructure_encryption_enabled` adds a second layer (`double`).
 */
function encryption(r: Resource, graph: ResourceGraph): Encryption {
  const p = r.properties;
  const infra = asBool(arg(p.infrastructure_encryption_enabled)) ?? false;
  if (infra instanceof Unknown) return { atRest: infra };
  const inline = block(p.customer_managed_key);
  if (inline instanceof Unknown) return { atRest: inline };
  let key: DataStoreView['encryption']['key'];
  if (inline !== undefined)
    key = keyReference(get(inline, 'key_vault_key_id') ?? get(inline, 'managed_hsm_key_id'));
  else {
    const found = graph.attachedBy(r.address, 'azurerm_storage_account_customer_managed_key', (x) =>
      arg(x.properties.storage_account_id),
    );
    if (found.uncertain.length > 0) return { atRest: found.uncertain[0]!.reason };
    const cmk = found.attached[0];
    if (cmk)
      key = keyReference(
        arg(cmk.properties.key_vault_key_id) ??
          arg(cmk.properties.managed_hsm_key_id) ??
          cmk.properties.key_name,
      ) ?? { address: cmk.address };
  }
  if (infra) return key ? { atRest: 'double', key } : { atRest: 'double' };
  return key ? { atRest: 'customer-key', key } : { atRest: 'provider' };
}

/** Blob versioning (`blob_properties.versioning_enabled`), off unless the configuration turns it on. */
function blobVersioning(r: Resource): Fact<boolean> {
  const props = block(r.properties.blob_properties);
  if (props instanceof Unknown) return props;
  return asBool(arg(get(props, 'versioning_enabled'))) ?? false;
}

/**
 * A soft-delete policy of the blob service (`delete_retention_policy` for blobs, `container_delete_retention_policy`
 * for containers) as days, `null` when off. With a `blob_properties` block the provider sends both policies, disabled
 * where the block leaves one out (`days` defaults to 7). Without it the provider leaves the blob service as Azure
 * creates it, for which the API documents no default: Unknown.
 */
function softDelete(
  r: Resource,
  policy: 'delete_retention_policy' | 'container_delete_retention_policy',
): Fact<number | null> {
  const props = block(r.properties.blob_properties);
  if (props instanceof Unknown) return props;
  if (props === undefined)
    return new Unknown(
      `\`blob_properties\` is not set, so \`${policy}\` is left to the service, and the API documents no default`,
    );
  const p = block(get(props, policy));
  if (p instanceof Unknown) return p;
  if (p === undefined) return null;
  return asNumber(arg(get(p, 'days'))) ?? 7;
}

/**
 * Redundancy in the primary region (`account_replication_type`): LRS (and GRS, RAGRS, which add a copy in another
 * region to LRS) keeps its three copies in one physical location; ZRS (and GZRS, RAGZRS) across three availability
 * zones. The argument is required, so an unset or unknown value is Unknown.
 * @see https://learn.microsoft.com/en-us/azure/storage/common/storage-redundancy
 */
function replicationZones(r: Resource): Fact<boolean> {
  const type = asString(arg(r.properties.account_replication_type));
  if (type instanceof Unknown) return type;
  const t = type?.toUpperCase();
  if (t === 'ZRS' || t === 'GZRS' || t === 'RAGZRS') return true;
  if (t === 'LRS' || t === 'GRS' || t === 'RAGRS') return false;
  return new Unknown(`\`account_replication_type\` is ${show(r.properties.account_replication_type)}`);
}

/** True when both are: a false decides, else an Unknown. */
function bothTrue(a: Fact<boolean>, b: Fact<boolean>): Fact<boolean> {
  if (a === false || b === false) return false;
  return a instanceof Unknown ? a : b;
}

/**
 * `azurerm_storage_account` -> object store. A container declared public counts only where the account lets
 * containers be public: otherwise Azure refuses the container's public access.
 */
export function storageAccountView(r: Resource, ctx: AdapterContext): DataStoreView {
  const nestedPublic = nestedItemsMayBePublic(r);
  const containers = publicContainers(r, ctx.graph);
  return {
    ...base(r, 'object-store', encryption(r, ctx.graph)),
    tlsOnly: httpsOnly(r),
    minTls: minTls(r.properties.min_tls_version),
    publicAccess: nestedPublic instanceof Unknown ? nestedPublic : nestedPublic ? 'open' : 'blocked',
    policyAllowsPublic: bothTrue(nestedPublic, containers),
    publicNetworkAccess: publicEndpoint(r, ctx.graph),
    multiAz: replicationZones(r),
    deletionProtection: deleteLocked(r, ctx.graph),
    versioning: blobVersioning(r),
    softDeleteDays: {
      objects: softDelete(r, 'delete_retention_policy'),
      containers: softDelete(r, 'container_delete_retention_policy'),
    },
    dataAccessEvents: 'resource-logs',
  };
}

/** Storage accounts of the azurerm provider (containers, network rules and keys are read through them). */
export function registerAzurermStorage(registry: AdapterRegistry): void {
  registry.register('terraform', ACCOUNT, storageAccountView);
}
