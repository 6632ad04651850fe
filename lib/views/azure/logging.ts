import type { Resource } from '../../graph/resource';
import { Unknown, asNumber } from '../../graph/values';
import type { DataStoreView } from '../kinds';
import { base } from '../common/store-base';
import type { AdapterRegistry } from '../registry';

/*
 * Log Analytics workspaces as log groups: Azure Monitor encrypts their data with Microsoft-managed keys (a
 * customer key needs a dedicated cluster, outside the workspace), and keeps it `retentionInDays`. The API
 * documents no default for an unset retention (it depends on the pricing plan): Unknown.
 */

const WORKSPACE = 'azure-native:operationalinsights:Workspace';

export function workspaceView(r: Resource): DataStoreView {
  const days = asNumber(r.properties.retentionInDays);
  return {
    ...base(r, 'log-group', { atRest: 'provider' }),
    dataRetentionDays:
      days ?? new Unknown('`retentionInDays` is not set: the retention then depends on the pricing plan'),
  };
}

export function registerAzureLogging(registry: AdapterRegistry): void {
  registry.register('pulumi', WORKSPACE, workspaceView);
}
