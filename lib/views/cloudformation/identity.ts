import type { AdapterRegistry } from '../registry';

export function registerIdentity(_registry: AdapterRegistry): void {
  // adapters for this family are registered here
}
