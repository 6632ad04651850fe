import { AdapterRegistry } from '../registry';
import { registerAzurermNetwork } from './azurerm-network';
import { registerAzurermSql } from './azurerm-sql';
import { registerAzurermStorage } from './azurerm-storage';
import { registerCompute } from './compute';
import { registerContainerRegistry } from './container-registry';
import { registerTerraformDataServices } from './data-services';
import { registerEvents } from './events';
import { registerEndpoints } from './endpoints';
import { registerIdentityComputeAuditPosture } from './identity-compute-audit-posture';
import { registerLoadBalancers } from './load-balancers';
import { registerNetwork } from './network';
import { registerNetworkServices } from './network-services';
import { placementView } from './placement';
import { registerStorageKeys } from './storage-keys';
import { registerTerraformStores } from './stores';
import { registerVirtualMachines } from './virtual-machines';

/**
 * View adapters for Terraform AWS and azurerm provider resource types, read from plans and `cdk.tf.json`. Each
 * family registers its types for the `terraform` source; they derive the same views as the
 * CloudFormation adapters, so one rule judges both.
 */
export function terraformAdapters(): AdapterRegistry {
  const registry = new AdapterRegistry();
  registerIdentityComputeAuditPosture(registry);
  registerNetwork(registry);
  registerLoadBalancers(registry);
  registerEndpoints(registry);
  registerNetworkServices(registry);
  registerStorageKeys(registry);
  registerTerraformStores(registry);
  registerTerraformDataServices(registry);
  registerContainerRegistry(registry);
  registerCompute(registry);
  registerVirtualMachines(registry);
  registerEvents(registry);
  registerAzurermStorage(registry);
  registerAzurermNetwork(registry);
  registerAzurermSql(registry);
  // Placement spans types (databases, load balancers, functions, instances...): one table, one adapter.
  registry.registerForAll('terraform', placementView);
  return registry;
}
