import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-NS-028',
  title: 'Kubernetes clusters enforce network policies between pods',
  severity: 'medium',
  controls: ['mcsb-v1:NS-1', 'mcsb-v1:NS-2', 'nist-csf-2.0:PR.IR-01'],
  threats: ['unauthorized-access', 'data-breach'],
  rationale:
    'By default every pod of an AKS cluster reaches every other on any port: one compromised workload can move to ' +
    'every service of the cluster. Kubernetes NetworkPolicy objects segment that traffic, but only a network policy ' +
    'engine enforces them; without one they are accepted and silently ignored. The engine is chosen when the cluster ' +
    'is created.',
  fix: {
    pulumi:
      'Set `networkProfile: { networkPlugin: "azure", networkPolicy: "cilium" }` (or `"azure"`, `"calico"`) on the `containerservice.ManagedCluster`, and write default-deny NetworkPolicies per namespace.',
  },
  appliesTo: ['kubernetes-cluster'],
  check(view) {
    const np = view.networkPolicy;
    if (np === undefined) return notApplicable('the source does not read the network policy engine');
    if (np instanceof Unknown)
      return unknown(
        `\`${view.name}\`: whether network policies are enforced cannot be resolved (${np.reason})`,
      );
    return np
      ? pass(`\`${view.name}\` enforces network policies`)
      : fail(`\`${view.name}\` runs no network policy engine: every pod reaches every other`);
  },
});
