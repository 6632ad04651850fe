import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';
import { AUDIT_LOG_MIN_RETENTION_DAYS, requirementsFor } from '../../../lib/classification';

export default defineRule({
  id: 'BW-LT-001',
  title: 'Log groups keep logs for a year, or as long as their classification allows',
  severity: 'medium',
  controls: ['mcsb-v1:LT-6', 'classification:RETENTION', 'nist-csf-2.0:PR.PS-04', 'sox:404-RETENTION'],
  threats: ['configuration-drift', 'insider-misuse'],
  rationale:
    'Investigations look back months: a log group should keep its events at least 365 days. A classified log group ' +
    'also holds data of its level, and data minimisation caps how long that data lives (INTERNAL 730 days, ' +
    'CONFIDENTIAL 365, RESTRICTED 180, TOP_SECRET 30). The window is therefore: at least the shorter of 365 days and ' +
    'the level\'s retention, at most the level\'s retention; "never expire" passes only where the level sets no cap ' +
    "(unclassified and PUBLIC log groups, such as an audit trail's, which keeps audit records at least a year whatever " +
    'it audits). A Log Analytics workspace is held to the same window through its `retentionInDays`.',
  fix: {
    cdk:
      'Set `retention` on the log group within the window: `RetentionDays.ONE_YEAR` unclassified or CONFIDENTIAL, ' +
      '`SIX_MONTHS` RESTRICTED, `ONE_MONTH` TOP_SECRET.',
    pulumi:
      '`operationalinsights.Workspace`: `retentionInDays` within the window (365 unclassified or CONFIDENTIAL, 180 RESTRICTED, 30 TOP_SECRET).',
    terraform:
      'Set `retention_in_days` on the `aws_cloudwatch_log_group` within the window: 365 unclassified or CONFIDENTIAL, 180 RESTRICTED, 30 TOP_SECRET (unset or 0 keeps events forever).',
  },
  appliesTo: ['data-store'],
  check(view) {
    if (view.storeType !== 'log-group') return notApplicable('not a log group');
    const c = view.classification;
    if (c.state === 'unknown')
      return unknown(`\`${view.name}\`: classification cannot be resolved (${c.value.reason})`);
    const max = c.state === 'tagged' ? requirementsFor(c.level).dataRetentionDays : undefined;
    const min = Math.min(AUDIT_LOG_MIN_RETENTION_DAYS, max ?? Infinity);
    const days = view.dataRetentionDays;
    if (days === undefined) return notApplicable('retention is not known for this log group');
    if (days instanceof Unknown)
      return unknown(`\`${view.name}\`: retention cannot be resolved (${days.reason})`);
    const level = c.state === 'tagged' ? c.level : 'unclassified';
    if (days === null) {
      if (max !== undefined) {
        return fail(
          `\`${view.name}\` keeps ${level} logs forever; the level requires expiry within ${max} days`,
        );
      }
      return pass(`\`${view.name}\` keeps logs without expiry`);
    }
    if (days < min) return fail(`\`${view.name}\` keeps logs ${days} days, less than ${min}`);
    if (max !== undefined && days > max) {
      return fail(`\`${view.name}\` keeps ${level} logs ${days} days, more than the level's ${max}`);
    }
    return pass(`\`${view.name}\` keeps logs ${days} days`);
  },
});
