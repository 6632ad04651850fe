import { azureNativeAdapters } from '../../views/azure';
import type { AdapterRegistry } from '../../views/registry';

/** The view adapters of Pulumi resource types: azure-native's. A type no adapter reads is reported as not judged. */
export function pulumiAdapters(): AdapterRegistry {
  return azureNativeAdapters();
}
