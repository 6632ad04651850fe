import type { AdapterRegistry } from '../registry';

export function registerCompute(_registry: AdapterRegistry): void {
  // adapters for this family are registered here
}
