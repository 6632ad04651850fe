import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-DP-022',
  title: 'Databases apply minor engine versions automatically',
  severity: 'low',
  controls: ['cis-aws-5.0:2.2.2', 'mcsb-v1:PV-6', 'nist-csf-2.0:PR.PS-02'],
  threats: ['vulnerable-dependency'],
  rationale:
    'Minor engine versions carry the security fixes of the database engine. With automatic minor version upgrade on, ' +
    'RDS applies them in the maintenance window; with it off, every fix waits for someone to schedule an upgrade. ' +
    'CloudFormation turns it on unless `AutoMinorVersionUpgrade` is false (on instances, and on Aurora and Multi-AZ ' +
    'DB clusters).',
  fix: {
    cdk: 'Remove `autoMinorVersionUpgrade: false` (or set it to true) on the database instance or cluster.',
    terraform:
      'Remove `auto_minor_version_upgrade = false` (or set it to true) on the `aws_db_instance`, the `aws_rds_cluster` ' +
      '(Aurora and Multi-AZ DB clusters) or the `aws_rds_cluster_instance`.',
  },
  appliesTo: ['data-store'],
  check(view) {
    const v = view.autoMinorVersionUpgrade;
    if (v === undefined) return notApplicable('not a relational database');
    if (v instanceof Unknown)
      return unknown(`\`${view.name}\`: automatic minor version upgrade cannot be resolved (${v.reason})`);
    if (!v)
      return fail(
        `\`${view.name}\` does not apply minor engine versions automatically (automatic minor version upgrade is off)`,
      );
    return pass(`\`${view.name}\` applies minor engine versions automatically`);
  },
});
