import { expansionView } from '../common/expansion';
import { AdapterRegistry } from '../registry';
import { registerBackup } from './backup';
import { registerCompute } from './compute';
import { registerDataServices } from './data-services';
import { registerEndpoints } from './endpoints';
import { registerEvents } from './events';
import { registerGrants } from './grants';
import { registerIdentity } from './identity';
import { registerKeys } from './keys';
import { registerKubernetes } from './kubernetes';
import { registerLogging } from './logging';
import { registerNetwork } from './network';
import { registerNetworkServices } from './network-services';
import { placementView } from './placement';
import { registerPosture } from './posture';
import { registerS3 } from './s3';
import { registerStores } from './stores';

/** View adapters for CloudFormation resource types (also used by live reads shaped as CloudFormation). */
export function cloudFormationAdapters(): AdapterRegistry {
  const registry = new AdapterRegistry();
  registerS3(registry);
  registerStores(registry);
  registerKeys(registry);
  registerIdentity(registry);
  registerNetwork(registry);
  registerEndpoints(registry);
  registerLogging(registry);
  registerBackup(registry);
  registerCompute(registry);
  registerPosture(registry);
  registerEvents(registry);
  registerDataServices(registry);
  registerGrants(registry);
  registerKubernetes(registry);
  registerNetworkServices(registry);
  registry.registerForAll('cloudformation', expansionView);
  // Placement spans types (databases, load balancers, functions, instances...): one table, one adapter.
  registry.registerForAll('cloudformation', placementView);
  return registry;
}
