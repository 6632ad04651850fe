import type { AdapterRegistry } from '../registry';

export function registerPosture(_registry: AdapterRegistry): void {
  // adapters for this family are registered here
}
