import type { AdapterRegistry } from '../registry';

export function registerEndpoints(_registry: AdapterRegistry): void {
  // adapters for this family are registered here
}
