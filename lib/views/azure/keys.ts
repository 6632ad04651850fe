import type { Resource } from '../../graph/resource';
import { Unknown, asBool, asList, asNumber, get, show, type Value } from '../../graph/values';
import type { Fact, KeyStoreView, KeyView } from '../kinds';
import { classificationOf } from '../common/classification';
import { displayName } from '../common/naming';
import type { AdapterContext, AdapterRegistry } from '../registry';
import { enabled, lower, object } from './common';

/*
 * Key Vault: vaults as key stores, their keys as keys. A vault's settings nest under `properties`, where
 * azure-native fills in the API's creation defaults (soft delete on for 90 days, access policies rather than
 * RBAC, public network access enabled). Purge protection is off unless set: only `true` turns it on.
 */

const VAULT = 'azure-native:keyvault:Vault';
const KEY = 'azure-native:keyvault:Key';

/** Soft-delete retention: 90 days unless set; `null` when soft delete is off. */
function softDeleteDays(props: { readonly [k: string]: Value }): Fact<number | null> {
  // "If it's not set to any value (true or false) when creating new key vault, it will be set to true by default."
  const on = asBool(props.enableSoftDelete) ?? true;
  if (on instanceof Unknown) return on;
  if (!on) return null;
  return asNumber(props.softDeleteRetentionInDays) ?? 90;
}

/** "If null or not specified, the vault is created with the default value of false" (access policies). */
function accessModel(props: { readonly [k: string]: Value }): KeyStoreView['dataAccessModel'] {
  const rbac = asBool(props.enableRbacAuthorization) ?? false;
  if (rbac instanceof Unknown) return rbac;
  return rbac ? 'identity-roles' : 'store-access-policies';
}

/** Public endpoint: `publicNetworkAccess` not `disabled`, and network ACLs that allow by default. */
function publicEndpoint(props: { readonly [k: string]: Value }): Fact<boolean> {
  const access = enabled(props.publicNetworkAccess, '`publicNetworkAccess`');
  if (access === false || access instanceof Unknown) return access;
  const acls = object(props.networkAcls);
  if (acls instanceof Unknown) return acls;
  const action = acls === undefined ? 'allow' : lower(acls.defaultAction);
  if (action instanceof Unknown) return action;
  if (action === 'deny') return false;
  if (action === 'allow' || action === undefined) return access ?? true;
  return new Unknown(`\`networkAcls.defaultAction\` is ${show(get(acls, 'defaultAction'))}`);
}

/** `keyvault:Vault` -> key store. */
export function vaultView(r: Resource): KeyStoreView {
  const props = object(r.properties.properties);
  const common = {
    kind: 'key-store' as const,
    resource: r,
    name: displayName(r),
    classification: classificationOf(r),
  };
  if (props === undefined || props instanceof Unknown) {
    const u = props ?? new Unknown('the vault has no `properties`');
    return { ...common, softDeleteDays: u, purgeProtection: u, dataAccessModel: u, publicNetworkAccess: u };
  }
  return {
    ...common,
    softDeleteDays: softDeleteDays(props),
    purgeProtection: asBool(props.enablePurgeProtection) ?? false,
    dataAccessModel: accessModel(props),
    publicNetworkAccess: publicEndpoint(props),
  };
}

/** ISO 8601 durations of days, months or years (`P90D`, `P3M`, `P1Y`) in days. */
function durationDays(v: Value | undefined): Fact<number> | undefined {
  if (v === undefined || v === null) return undefined;
  if (v instanceof Unknown) return v;
  const m = typeof v === 'string' ? /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?$/i.exec(v) : null;
  if (!m || v === 'P') return new Unknown(`duration ${show(v)}`);
  return Number(m[1] ?? 0) * 365 + Number(m[2] ?? 0) * 30 + Number(m[3] ?? 0);
}

/** The rotation of a key: a `Rotate` lifetime action of its rotation policy, after creation or before expiry. */
function rotation(props: { readonly [k: string]: Value }): { enabled: Fact<boolean>; days?: Fact<number> } {
  const policy = object(props.rotationPolicy);
  if (policy instanceof Unknown) return { enabled: policy };
  if (policy === undefined) return { enabled: false };
  for (const action of asList(get(policy, 'lifetimeActions'))) {
    const type = lower(get(action, 'action', 'type'));
    if (type instanceof Unknown) return { enabled: type };
    if (type !== 'rotate') continue;
    const after = durationDays(get(action, 'trigger', 'timeAfterCreate'));
    return after === undefined ? { enabled: true } : { enabled: true, days: after };
  }
  return { enabled: false };
}

/** `keyvault:Key` -> key. Symmetric keys are `oct` / `oct-HSM` (Managed HSM only). */
export function keyView(r: Resource, ctx: AdapterContext): KeyView {
  void ctx;
  const props = object(r.properties.properties);
  const base = {
    kind: 'key' as const,
    resource: r,
    name: displayName(r),
    classification: classificationOf(r),
  };
  if (props === undefined || props instanceof Unknown) {
    const u = props ?? new Unknown('the key has no `properties`');
    return { ...base, keySpec: u, symmetric: u, rotationEnabled: u, enabled: u };
  }
  const kty = props.kty;
  const spec: Fact<string> =
    typeof kty === 'string' ? kty : kty instanceof Unknown ? kty : new Unknown('the key sets no `kty`');
  const rot = rotation(props);
  return {
    ...base,
    keySpec: spec,
    symmetric: typeof spec === 'string' ? spec.toLowerCase().startsWith('oct') : spec,
    rotationEnabled: rot.enabled,
    ...(rot.days === undefined ? {} : { rotationPeriodDays: rot.days }),
    enabled: asBool(get(props, 'attributes', 'enabled')) ?? true,
  };
}

export function registerAzureKeys(registry: AdapterRegistry): void {
  registry.register('pulumi', VAULT, vaultView);
  registry.register('pulumi', KEY, keyView);
}
