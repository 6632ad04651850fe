import type { AdapterRegistry } from '../registry';
import { registerAudit } from './audit';
import { registerIdentity } from './identity';
import { registerPosture } from './posture';

/** The family "identity, compute, audit and posture": IAM and Cognito, CloudTrail, posture services. */
export function registerIdentityComputeAuditPosture(registry: AdapterRegistry): void {
  registerIdentity(registry);
  registerAudit(registry);
  registerPosture(registry);
}
