import { defineRule, fail, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-LT-002',
  title: 'Trails protect their records from tampering',
  severity: 'high',
  controls: [
    'cis-aws-5.0:3.2',
    'mcsb-v1:LT-3',
    'nist-csf-2.0:PR.PS-04',
    'gdpr:Art.32(1)(b)',
    'sox:404-AUDIT-TRAIL',
    'sox:802-1519',
  ],
  threats: ['insider-misuse', 'configuration-drift'],
  rationale:
    'With log file validation, CloudTrail delivers an hourly digest of SHA-256 hashes of the log files, signed and ' +
    'chained to the previous digest. Without it, a log file that is changed or deleted after delivery cannot be ' +
    'detected, and the trail is weak evidence in an investigation. Where the service writes no digest (the Azure ' +
    'activity log), the records must reach write-once storage instead: a storage account with version-level ' +
    'immutability, exported to directly or through a workspace data export of the `AzureActivity` table.',
  fix: {
    cdk: 'Set `enableFileValidation: true` on the trail (the `Trail` construct default).',
    terraform: 'Set `enable_log_file_validation = true` on the `aws_cloudtrail`.',
    pulumi:
      'Send the activity log (`monitor.SubscriptionDiagnosticSetting`) to a storage account with `immutableStorageWithVersioning` ' +
      '(`state: "Locked"` once the policy exists), directly (`storageAccountId`) or through an `operationalinsights.DataExport` ' +
      'of its workspace exporting `AzureActivity`; `AuditWorkspace` and `SecurityPosture` do both.',
  },
  appliesTo: ['audit-trail'],
  check(view) {
    const v = view.integrityValidation;
    if (v instanceof Unknown)
      return unknown(`\`${view.name}\`: protection of its records cannot be resolved (${v.reason})`);
    if (!v)
      return fail(
        `\`${view.name}\` does not protect its records from tampering (no log file validation, no write-once storage)`,
      );
    return pass(`\`${view.name}\` protects its records from tampering`);
  },
});
