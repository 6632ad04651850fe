import type { ResourceGraph } from '../../graph/graph';
import type { Resource } from '../../graph/resource';
import { ResourceRef, Unknown, show, type Value } from '../../graph/values';
import type { Fact } from '../kinds';
import type { AdapterRegistry } from '../registry';
import { children, lower } from './common';

/*
 * Management locks: a `CanNotDelete` or `ReadOnly` lock makes Resource Manager refuse to delete the resource it is
 * on, and every resource below its scope, until someone removes the lock. A lock derives no view of its own: the
 * stores it covers carry it as their deletion protection.
 * @see https://learn.microsoft.com/en-us/azure/azure-resource-manager/management/lock-resources
 */

const ON_RESOURCE = 'azure-native:authorization:ManagementLockAtResourceLevel';
const BY_SCOPE = 'azure-native:authorization:ManagementLockByScope';
const ON_GROUP = 'azure-native:authorization:ManagementLockAtResourceGroupLevel';
const ON_SUBSCRIPTION = 'azure-native:authorization:ManagementLockAtSubscriptionLevel';

/** Whether a lock refuses deletes: both levels do (`ReadOnly` refuses every change). */
function refusesDelete(lock: Resource): Fact<boolean> {
  const level = lower(lock.properties.level);
  if (level instanceof Unknown) return level;
  if (level === 'cannotdelete' || level === 'readonly') return true;
  return new Unknown(`lock \`${lock.logicalId ?? lock.address}\` has level ${show(lock.properties.level)}`);
}

/** Whether two resource group names are the same group: one reference, or the same name (case-insensitive). */
function sameGroup(a: Value | undefined, b: Value | undefined): Fact<boolean> {
  if (a instanceof ResourceRef && b instanceof ResourceRef) return a.address === b.address;
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  if (a === undefined || b === undefined) return false;
  return new Unknown(`resource group ${show(a)} may or may not be ${show(b)}`);
}

/**
 * Whether a lock of the program refuses to delete `r`: one on the resource itself (by its name or its id as scope),
 * on its resource group, or on the subscription. `false` when no lock of the program covers it; Unknown when one may.
 */
export function deleteLocked(r: Resource, graph: ResourceGraph): Fact<boolean> {
  const direct = [children(r, graph, ON_RESOURCE, 'resourceName'), children(r, graph, BY_SCOPE, 'scope')];
  const candidates: Resource[] = [...graph.ofType(ON_SUBSCRIPTION)];
  let open: Unknown | undefined;
  for (const found of direct) {
    if (found instanceof Unknown) open ??= found;
    else candidates.push(...found);
  }
  for (const lock of graph.ofType(ON_GROUP)) {
    const same = sameGroup(lock.properties.resourceGroupName, r.properties.resourceGroupName);
    if (same instanceof Unknown) open ??= same;
    else if (same) candidates.push(lock);
  }
  for (const lock of candidates) {
    const refuses = refusesDelete(lock);
    if (refuses === true) return true;
    if (refuses instanceof Unknown) open ??= refuses;
  }
  return open ?? false;
}

export function registerAzureLocks(registry: AdapterRegistry): void {
  registry.register('pulumi', [ON_RESOURCE, BY_SCOPE, ON_GROUP, ON_SUBSCRIPTION], () => undefined);
}
