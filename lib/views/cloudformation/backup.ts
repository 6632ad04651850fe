import type { AdapterRegistry } from '../registry';

export function registerBackup(_registry: AdapterRegistry): void {
  // adapters for this family are registered here
}
