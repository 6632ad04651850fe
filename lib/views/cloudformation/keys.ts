import type { AdapterRegistry } from '../registry';

export function registerKeys(_registry: AdapterRegistry): void {
  // adapters for this family are registered here
}
