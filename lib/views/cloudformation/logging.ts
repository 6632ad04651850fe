import type { AdapterRegistry } from '../registry';

export function registerLogging(_registry: AdapterRegistry): void {
  // adapters for this family are registered here
}
