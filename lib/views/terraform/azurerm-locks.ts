import type { ResourceGraph } from '../../graph/graph';
import type { Resource } from '../../graph/resource';
import { ResourceRef, Unknown, asString, show, type Value } from '../../graph/values';
import type { Fact } from '../kinds';
import { arg } from './arguments';

/*
 * `azurerm_management_lock`: a `CanNotDelete` or `ReadOnly` lock makes Resource Manager refuse to delete the
 * resource its `scope` names, and every resource below that scope (a resource group, a subscription), until
 * someone removes the lock. A lock derives no view of its own: the stores it covers carry it as their deletion
 * protection, as azure-native's management locks do.
 * @see https://learn.microsoft.com/en-us/azure/azure-resource-manager/management/lock-resources
 */

const LOCK = 'azurerm_management_lock';

/** Whether a lock refuses deletes (`lock_level`): both levels do (`ReadOnly` refuses every change). */
function refusesDelete(lock: Resource): Fact<boolean> {
  const level = asString(arg(lock.properties.lock_level));
  if (level instanceof Unknown) return level;
  const l = level?.toLowerCase();
  if (l === 'cannotdelete' || l === 'readonly') return true;
  return new Unknown(`lock \`${lock.address}\` has \`lock_level\` ${show(lock.properties.lock_level)}`);
}

/** A name as written (one reference, or a string compared case-insensitively), for comparing two of them. */
function sameName(a: Value | undefined, b: Value | undefined, what: string): Fact<boolean> {
  if (a instanceof ResourceRef && b instanceof ResourceRef) return a.address === b.address;
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  if (a === undefined || b === undefined) return false;
  return new Unknown(`${what} ${show(a)} may or may not be ${show(b)}`);
}

/** The resource group a reference names by its id, read as its name (or the reference itself). */
function groupName(graph: ResourceGraph, ref: ResourceRef): Value | undefined {
  const group = graph.get(ref.address);
  const name = group?.properties.name;
  return typeof name === 'string' ? name : new ResourceRef(ref.address);
}

/** The account's resource group, as a reference to the group or its name. */
function accountGroup(r: Resource): Value | undefined {
  const v = arg(r.properties.resource_group_name);
  return v instanceof ResourceRef ? new ResourceRef(v.address) : v;
}

/** Whether a lock scope given as a resource id names the account, its resource group or its subscription. */
function idCovers(scope: string, r: Resource, graph: ResourceGraph): Fact<boolean> {
  const parts = scope.replace(/^\/+|\/+$/g, '').split('/');
  if (parts[0]?.toLowerCase() !== 'subscriptions' || parts.length < 2) return false;
  if (parts.length === 2) return true;
  if (parts[2]?.toLowerCase() !== 'resourcegroups' || parts.length < 4) return false;
  const group = sameName(parts[3], resolvedGroup(r, graph), 'resource group');
  if (parts.length === 4 || group !== true) return group;
  const tail = parts.slice(4).map((p) => p.toLowerCase());
  if (tail.length !== 4 || tail[0] !== 'providers' || tail[1] !== 'microsoft.storage') return false;
  if (tail[2] !== 'storageaccounts') return false;
  return sameName(parts[7], arg(r.properties.name), 'storage account');
}

/** The account's resource group name where a reference to a group resolves to a written name. */
function resolvedGroup(r: Resource, graph: ResourceGraph): Value | undefined {
  const g = accountGroup(r);
  return g instanceof ResourceRef ? groupName(graph, g) : g;
}

/** Whether one lock's `scope` covers the account. */
function covers(lock: Resource, r: Resource, graph: ResourceGraph): Fact<boolean> {
  const scope = arg(lock.properties.scope);
  if (scope instanceof ResourceRef) {
    if (scope.address === r.address) return true;
    const target = graph.get(scope.address);
    if (target?.type === 'azurerm_subscription') return true;
    if (target?.type !== 'azurerm_resource_group') return false;
    const group = accountGroup(r);
    if (group instanceof ResourceRef) return group.address === scope.address;
    return sameName(groupName(graph, scope), group, 'resource group');
  }
  if (typeof scope === 'string') return idCovers(scope, r, graph);
  if (scope === undefined) return false;
  return new Unknown(`lock \`${lock.address}\` has \`scope\` ${show(scope)}`);
}

/**
 * Whether an `azurerm_management_lock` of the configuration refuses to delete the account: one whose `scope` is the
 * account, its resource group or its subscription (by reference or by resource id). `false` when no lock covers it;
 * Unknown when one may.
 */
export function deleteLocked(r: Resource, graph: ResourceGraph): Fact<boolean> {
  let open: Unknown | undefined;
  for (const lock of graph.ofType(LOCK)) {
    const on = covers(lock, r, graph);
    if (on instanceof Unknown) {
      open ??= on;
      continue;
    }
    if (!on) continue;
    const refuses = refusesDelete(lock);
    if (refuses === true) return true;
    if (refuses instanceof Unknown) open ??= refuses;
  }
  return open ?? false;
}
