import type { AdapterRegistry } from '../registry';

export function registerStores(_registry: AdapterRegistry): void {
  // adapters for this family are registered here
}
