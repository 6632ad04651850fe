import { AdapterRegistry } from '../registry';
import { registerAzureAccess } from './access';
import { registerAzureBackup } from './backup';
import { registerAzureCompute } from './compute';
import { registerAzureData } from './data';
import { registerAzureEdge } from './edge';
import { registerAzureKeys } from './keys';
import { registerAzureLocks } from './locks';
import { registerAzureLogging } from './logging';
import { registerAzureNetwork } from './network';
import { registerNoSecurityFacts } from './no-facts';
import { registerAzurePosture } from './posture';

/**
 * View adapters for Pulumi azure-native resource types (`azure-native:storage:StorageAccount`), read
 * from programs, stack exports and previews. Inputs are azure-native's: camelCase, with the settings of
 * Key Vault, Cognitive Services and Recovery Services nested under `properties`. Each family registers
 * its types for the `pulumi` source and derives the cloud-neutral views, so one rule judges AWS and
 * Azure resources alike.
 */
export function azureNativeAdapters(): AdapterRegistry {
  const registry = new AdapterRegistry();
  registerAzureData(registry);
  registerAzureKeys(registry);
  registerAzureLogging(registry);
  registerAzureBackup(registry);
  registerAzureNetwork(registry);
  registerAzureEdge(registry);
  registerAzurePosture(registry);
  registerAzureCompute(registry);
  registerAzureAccess(registry);
  registerAzureLocks(registry);
  registerNoSecurityFacts(registry);
  return registry;
}
