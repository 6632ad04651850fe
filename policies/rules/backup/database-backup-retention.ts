import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';
import { Classification } from '../../../lib/classification';

/** Shortest automated backup retention that still spans a week of restore points. */
const MIN_DAYS = 7;

/** Databases and warehouses that keep automated backups for a number of days. */
const TYPES = new Set([
  'database-instance',
  'database-cluster',
  'graph-database',
  'document-database',
  'data-warehouse',
]);

export default defineRule({
  id: 'BW-BR-006',
  title: 'Databases keep automated backups at least seven days',
  severity: 'medium',
  controls: ['mcsb-v1:BR-1', 'nist-csf-2.0:PR.DS-11', 'gdpr:Art.32(1)(c)'],
  threats: ['malicious-code', 'insider-misuse'],
  rationale:
    'RDS, Neptune and DocumentDB keep automated backups (and the point-in-time recovery window) for their backup ' +
    'retention period, Redshift its automated snapshots for its snapshot retention period: 1 day unless set, by ' +
    "AWS's default. Corruption or a bad migration is often noticed days later, after a one-day window has " +
    'rolled past it: a week is the least that covers a weekend and a slow discovery. An Azure SQL database keeps ' +
    'point-in-time restore for the days of its short-term retention policy (seven unless set, 1 to 35). Stores tagged ' +
    '`data-classification: public` need no backups.',
  fix: {
    cdk:
      'Set `backupRetention: Duration.days(7)` or more on the database instance or cluster ' +
      '(`backupRetentionPeriod` on Neptune and DocumentDB, `automatedSnapshotRetentionPeriod` on Redshift).',
    terraform:
      'Set `backup_retention_period` to 7 or more on the `aws_db_instance`, `aws_rds_cluster`, ' +
      '`aws_neptune_cluster` or `aws_docdb_cluster`, and `automated_snapshot_retention_period` on the ' +
      '`aws_redshift_cluster`.',
    pulumi:
      'Declare a `sql.BackupShortTermRetentionPolicy` for the database (`policyName: "default"`) with `retentionDays` of 7 or more (at most 35).',
  },
  appliesTo: ['data-store'],
  check(view) {
    if (!TYPES.has(view.storeType)) return notApplicable('not a database');
    const days = view.backupRetentionDays;
    if (days === undefined) return notApplicable('backed up with its DB cluster or its replication source');
    const c = view.classification;
    if (c.state === 'tagged' && c.level === Classification.PUBLIC)
      return notApplicable('public data needs no backups');
    if (days instanceof Unknown)
      return unknown(`\`${view.name}\`: backup retention cannot be resolved (${days.reason})`);
    if (days === 0) {
      if (view.pointInTimeRecovery !== undefined)
        return notApplicable('automated backups are off (BW-BR-002 reports it)');
      return fail(`\`${view.name}\` keeps no automated backups (retention 0 days)`);
    }
    if (days < MIN_DAYS)
      return fail(
        `\`${view.name}\` keeps automated backups ${days} day${days === 1 ? '' : 's'}, less than ${MIN_DAYS}`,
      );
    return pass(`\`${view.name}\` keeps automated backups ${days} days`);
  },
});
