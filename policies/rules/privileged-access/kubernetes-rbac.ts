import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-PA-011',
  title: 'Kubernetes clusters authorize API requests with role-based access control',
  severity: 'high',
  controls: ['mcsb-v1:PA-7', 'nist-csf-2.0:PR.AA-05'],
  threats: ['privilege-escalation', 'unauthorized-access'],
  rationale:
    'Without Kubernetes RBAC every authenticated identity may do anything to every object of the cluster: read ' +
    'every secret, exec into every pod, bind itself any role. RBAC is what least privilege inside a cluster is built ' +
    'on, and AKS cannot turn it on once the cluster exists. A cluster that does not say leaves it to the service, ' +
    'which the program does not control.',
  fix: {
    pulumi:
      'Set `enableRBAC: true` on the `containerservice.ManagedCluster` (with `aadProfile.enableAzureRBAC` for Entra ID roles).',
  },
  appliesTo: ['kubernetes-cluster'],
  check(view) {
    const rbac = view.rbac;
    if (rbac === undefined) return notApplicable('the source does not read the authorization mode');
    if (rbac instanceof Unknown)
      return unknown(
        `\`${view.name}\`: whether Kubernetes RBAC is enabled cannot be resolved (${rbac.reason})`,
      );
    return rbac
      ? pass(`\`${view.name}\` authorizes requests with Kubernetes RBAC`)
      : fail(`\`${view.name}\` turns Kubernetes RBAC off: every authenticated identity may do anything`);
  },
});
