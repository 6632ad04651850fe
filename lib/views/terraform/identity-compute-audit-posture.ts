import type { AdapterRegistry } from '../registry';
import { registerIdentity } from './identity';

/** The family "identity, compute, audit and posture": IAM and Cognito. */
export function registerIdentityComputeAuditPosture(registry: AdapterRegistry): void {
  registerIdentity(registry);
}
