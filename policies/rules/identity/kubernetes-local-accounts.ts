import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-IM-015',
  title: 'Kubernetes clusters accept directory identities only, no local accounts',
  severity: 'high',
  controls: ['mcsb-v1:IM-1', 'mcsb-v1:PA-1', 'nist-csf-2.0:PR.AA-01'],
  threats: ['unauthorized-access', 'privilege-escalation', 'insider-misuse'],
  rationale:
    "AKS keeps local accounts enabled unless told otherwise: anyone allowed to list the cluster's admin credentials " +
    'gets a static cluster-admin certificate that bypasses Entra ID, conditional access and the audit of who acted. ' +
    'With local accounts disabled every request carries a directory identity that can be revoked and reviewed.',
  fix: {
    pulumi:
      'Set `disableLocalAccounts: true` and `aadProfile: { managed: true, enableAzureRBAC: true, adminGroupObjectIDs: [...] }` on the `containerservice.ManagedCluster`.',
  },
  appliesTo: ['kubernetes-cluster'],
  check(view) {
    const local = view.localAccounts;
    if (local === undefined) return notApplicable('the source does not read local accounts');
    if (local instanceof Unknown)
      return unknown(
        `\`${view.name}\`: whether local accounts are enabled cannot be resolved (${local.reason})`,
      );
    return local
      ? fail(`\`${view.name}\` keeps local accounts (a static cluster-admin credential) enabled`)
      : pass(`\`${view.name}\` accepts directory identities only`);
  },
});
