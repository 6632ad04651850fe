import { defineRule, fail, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-LT-110',
  title: 'Resources that write resource logs send them to a log workspace or archive',
  severity: 'medium',
  controls: ['mcsb-v1:LT-3', 'mcsb-v1:LT-5', 'nist-csf-2.0:PR.PS-04', 'nist-csf-2.0:DE.CM-09'],
  threats: ['unauthorized-access', 'insider-misuse', 'data-breach'],
  rationale:
    "A key vault's audit events, an NSG's rule events, a cluster's API audit, a database's security audit: Azure " +
    'writes these resource logs only to where a diagnostic setting sends them, and keeps nothing otherwise. Without ' +
    'them an investigation cannot tell who read a secret or which rule let traffic in. All logs (the `allLogs` ' +
    'category group) or at least the `audit` group must go to a Log Analytics workspace or a storage archive; an ' +
    'event stream alone is a relay, not a store. Types judged: key vaults and managed HSMs, storage accounts, SQL ' +
    'databases, NSGs, virtual networks, application gateways, Azure Firewall, public IPs, AKS clusters, container ' +
    'registries, Cognitive Services accounts, web apps, API Management, Cosmos DB, PostgreSQL and MySQL servers, Event ' +
    'Hubs and Service Bus namespaces, Recovery Services and backup vaults, Log Analytics workspaces.',
  fix: {
    pulumi:
      'Add a `monitor.DiagnosticSetting` with `resourceUri` set to the resource\'s id (a storage account\'s `<id>/blobServices/default`), a `workspaceId` or `storageAccountId`, and `logs: [{ categoryGroup: "allLogs", enabled: true }]`.',
  },
  appliesTo: ['resource-logs'],
  check(view) {
    let best: 'all' | 'audit' | undefined;
    let partial: string | undefined;
    let open: Unknown | undefined = view.unresolved;
    for (const s of view.settings) {
      const { logs, destinations } = s;
      if (logs instanceof Unknown || destinations instanceof Unknown) {
        open ??= logs instanceof Unknown ? logs : (destinations as Unknown);
        continue;
      }
      const stored = destinations.includes('workspace') || destinations.includes('store');
      if (!stored) {
        partial ??= 'sends them to no workspace or archive';
        continue;
      }
      if (logs === 'all' || logs === 'audit') {
        if (best !== 'all') best = logs;
      } else partial ??= logs === 'some' ? 'sends only some log categories' : 'sends no logs (metrics only)';
    }
    if (best)
      return pass(
        `\`${view.name}\` sends ${best === 'all' ? 'all its' : 'its audit'} resource logs to a store`,
      );
    if (open)
      return unknown(
        `\`${view.name}\`: whether a diagnostic setting sends its logs cannot be told (${open.reason})`,
      );
    if (partial) return fail(`\`${view.name}\`: its diagnostic setting ${partial}`);
    return fail(`\`${view.name}\` has no diagnostic setting: its resource logs are not kept`);
  },
});
