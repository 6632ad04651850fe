import type { AdapterRegistry } from '../registry';

export function registerNetwork(_registry: AdapterRegistry): void {
  // adapters for this family are registered here
}
