import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-LT-108',
  title: 'Databases record an audit log of access and administration',
  severity: 'medium',
  controls: ['mcsb-v1:LT-3', 'nist-csf-2.0:DE.CM-09'],
  threats: ['insider-misuse', 'data-breach'],
  rationale:
    'Without database auditing nothing records who signed in, which statements ran, or which permissions and ' +
    'settings were changed: a breach or an insider reading restricted tables leaves no trace to investigate, ' +
    'and no alert can be raised on it. Server-level auditing covers every database of the server, including ' +
    'those created later.',
  fix: {
    pulumi:
      '`sql.ExtendedServerBlobAuditingPolicy` (or `sql.ServerBlobAuditingPolicy`) for the server with ' +
      '`blobAuditingPolicyName: "default"`, `state: "Enabled"` and `isAzureMonitorTargetEnabled: true` (with a ' +
      'diagnostic setting sending `SQLSecurityAuditEvents` of its `master` database to a workspace), or a ' +
      '`storageEndpoint`.',
  },
  appliesTo: ['data-store'],
  check(view) {
    const audit = view.auditLogging;
    if (audit === undefined) return notApplicable(`${view.storeType} has no audit log setting read here`);
    if (audit instanceof Unknown)
      return unknown(`\`${view.name}\`: auditing cannot be resolved (${audit.reason})`);
    if (!audit) return fail(`\`${view.name}\` keeps no audit log (no auditing policy is enabled)`);
    return pass(`\`${view.name}\` records an audit log`);
  },
});
