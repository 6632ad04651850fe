import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';
import { Classification } from '../../../lib/classification';

export default defineRule({
  id: 'BW-BR-002',
  title: 'Tables and databases can be restored to a point in time',
  severity: 'medium',
  controls: ['mcsb-v1:BR-1', 'nist-csf-2.0:PR.DS-11', 'gdpr:Art.32(1)(c)'],
  threats: ['malicious-code', 'insider-misuse'],
  rationale:
    'Point-in-time recovery keeps continuous backups, so a table or database can be restored to the second before a ' +
    'bad write, a faulty migration or a deletion. DynamoDB tables have it off by default; RDS has it while automated ' +
    'backups are on (a backup retention period above 0 days). Stores tagged `data-classification: public` need no backups.',
  fix: {
    cdk:
      'DynamoDB: set `pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true }`. RDS: keep `backupRetention` ' +
      'above zero days.',
    terraform:
      '`aws_dynamodb_table`: add `point_in_time_recovery { enabled = true }`. `aws_db_instance` / `aws_rds_cluster`: keep ' +
      '`backup_retention_period` above zero.',
  },
  appliesTo: ['data-store'],
  check(view) {
    if (view.pointInTimeRecovery === undefined)
      return notApplicable(
        'not a table or database, or backed up with its DB cluster or its replication source',
      );
    const c = view.classification;
    if (c.state === 'tagged' && c.level === Classification.PUBLIC)
      return notApplicable('public data needs no backups');
    const p = view.pointInTimeRecovery;
    if (p instanceof Unknown)
      return unknown(`\`${view.name}\`: point-in-time recovery cannot be resolved (${p.reason})`);
    if (!p) {
      return fail(
        view.storeType === 'table'
          ? `\`${view.name}\` has no point-in-time recovery`
          : `\`${view.name}\` has no point-in-time recovery (automated backups are off)`,
      );
    }
    return pass(`\`${view.name}\` has point-in-time recovery`);
  },
});
