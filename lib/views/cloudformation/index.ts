import { AdapterRegistry } from '../registry';
import { registerS3 } from './s3';

/** View adapters for CloudFormation resource types (also used by live reads shaped as CloudFormation). */
export function cloudFormationAdapters(): AdapterRegistry {
  const registry = new AdapterRegistry();
  registerS3(registry);
  return registry;
}
