import type { Resource } from '../graph/resource';
import type { View } from '../views/kinds';
import { cloudFormationAdapters } from '../views/cloudformation';
import { AdapterRegistry, type AdapterContext, type ViewAdapter } from '../views/registry';

const SECURITY_GROUP = 'AWS::EC2::SecurityGroup';

/** A live group named `default` is its VPC's default group (EC2 reserves the name). */
function isLiveDefaultGroup(r: Resource): boolean {
  return r.source === 'live' && r.properties.GroupName === 'default';
}

function withDefaultGroup(adapter: ViewAdapter): ViewAdapter {
  return (r: Resource, ctx: AdapterContext) => {
    const out = adapter(r, ctx);
    if (!out || !isLiveDefaultGroup(r)) return out;
    const mark = (v: View): View => (v.kind === 'firewall' ? { ...v, isDefault: true } : v);
    return Array.isArray(out) ? (out as readonly View[]).map(mark) : mark(out as View);
  };
}

/**
 * View adapters for live resources, registered for the source `live`. Live state is read by the
 * collectors (lib/drift/collectors) and shaped as CloudFormation properties, so this registers the
 * CloudFormation adapters for `live` explicitly: a choice made here, not a fallback of the registry.
 * It adds the one fact a template cannot express and live state can: a VPC's default security group
 * (`isDefault`). A later live reader with shapes of its own registers its own adapters instead.
 */
export function liveAdapters(): AdapterRegistry {
  const base = cloudFormationAdapters();
  const out = new AdapterRegistry();
  for (const type of base.types('cloudformation')) {
    const adapter = base.adapterFor('cloudformation', type)!;
    out.register('live', type, type === SECURITY_GROUP ? withDefaultGroup(adapter) : adapter);
  }
  return out;
}
