import { AdapterRegistry } from '../../views/registry';

/** The view adapters of Pulumi resource types. None yet: every Pulumi resource is read, none judged. */
export function pulumiAdapters(): AdapterRegistry {
  return new AdapterRegistry();
}
