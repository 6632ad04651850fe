import type { AdapterRegistry } from '../registry';
import { registerAudit } from './audit';
import { registerIdentity } from './identity';

/** The family "identity, compute, audit and posture": IAM and Cognito, CloudTrail. */
export function registerIdentityComputeAuditPosture(registry: AdapterRegistry): void {
  registerIdentity(registry);
  registerAudit(registry);
}
