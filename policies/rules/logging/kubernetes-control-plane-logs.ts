import { defineRule, fail, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

/** The control-plane logs an investigation needs: API requests, the audit trail, and who authenticated. */
const REQUIRED = ['api', 'audit', 'authenticator'];

export default defineRule({
  id: 'BW-LT-011',
  title: 'Kubernetes clusters deliver API, audit and authenticator logs',
  severity: 'medium',
  controls: ['mcsb-v1:LT-3', 'nist-csf-2.0:PR.PS-04', 'nist-csf-2.0:DE.CM-09'],
  threats: ['unauthorized-access', 'insider-misuse', 'privilege-escalation'],
  rationale:
    'The Kubernetes audit log records who did what to which object (secrets read, roles bound, pods exec-ed into); ' +
    'the API server log records the requests themselves, and the authenticator log maps each request to the IAM ' +
    'identity behind it. EKS delivers none of them unless each type is enabled, and they cannot be recovered later. ' +
    'Controller manager and scheduler logs are operational and not required here. AKS sends them (`kube-apiserver`, ' +
    '`kube-audit`, `guard` for Entra ID authentication) only through a diagnostic setting.',
  fix: {
    cdk: 'Set `clusterLogging: [ClusterLoggingTypes.API, ClusterLoggingTypes.AUDIT, ClusterLoggingTypes.AUTHENTICATOR]` on the CDK cluster, or `Logging.ClusterLogging.EnabledTypes` with `api`, `audit` and `authenticator` on `AWS::EKS::Cluster`.',
    terraform: 'Set `enabled_cluster_log_types = ["api", "audit", "authenticator"]` on `aws_eks_cluster`.',
    pulumi:
      "Add a `monitor.DiagnosticSetting` with `resourceUri` set to the cluster's id, a `workspaceId`, and `logs` enabling `kube-apiserver`, `kube-audit` and `guard` (or the `allLogs` category group).",
  },
  appliesTo: ['kubernetes-cluster'],
  check(view) {
    const logs = view.controlPlaneLogs;
    if (logs instanceof Unknown)
      return unknown(`\`${view.name}\`: the control-plane log types cannot be resolved (${logs.reason})`);
    const missing = REQUIRED.filter((t) => !logs.includes(t));
    if (missing.length === 0) return pass(`\`${view.name}\` delivers \`${REQUIRED.join('`, `')}\` logs`);
    const has = logs.length ? ` (enabled: \`${logs.join('`, `')}\`)` : ' (none enabled)';
    return fail(`\`${view.name}\` does not deliver \`${missing.join('`, `')}\` control-plane logs${has}`);
  },
});
