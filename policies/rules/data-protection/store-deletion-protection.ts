import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';
import { requirementsFor } from '../../../lib/classification';

const TYPES = new Set([
  'table',
  'database-instance',
  'database-cluster',
  'graph-database',
  'document-database',
]);

export default defineRule({
  id: 'BW-DP-021',
  title: 'Tables and databases have deletion protection enabled',
  severity: 'medium',
  controls: ['mcsb-v1:AM-3', 'nist-csf-2.0:PR.DS-01', 'nist-csf-2.0:PR.IR-03', 'sox:802-1519'],
  threats: ['insider-misuse', 'configuration-drift'],
  rationale:
    'A single `DeleteTable` or `DeleteDBInstance` call, from a script, a console click or a stack update that replaces ' +
    'the resource, removes the data and, for DynamoDB, its point-in-time recovery window. Deletion protection makes ' +
    'the service refuse the delete until someone turns it off on purpose. Instances of an Aurora cluster are ' +
    'protected by their cluster. PUBLIC data is exempt, as the classification table asks no deletion protection of it; ' +
    'a store without a classification is held to it.',
  fix: {
    cdk: 'Set `deletionProtection: true` on the DynamoDB table, RDS instance or DB cluster, Neptune or DocumentDB cluster.',
    terraform:
      'Set `deletion_protection = true` on the `aws_db_instance`, `aws_rds_cluster`, `aws_neptune_cluster` or ' +
      '`aws_docdb_cluster`, and `deletion_protection_enabled = true` on the `aws_dynamodb_table`.',
  },
  appliesTo: ['data-store'],
  check(view) {
    if (!TYPES.has(view.storeType) || view.deletionProtection === undefined)
      return notApplicable('not a table or database, or protected by its cluster');
    const c = view.classification;
    if (c.state === 'tagged' && !requirementsFor(c.level).deletionProtection)
      return notApplicable(`${c.level} data does not require deletion protection`);
    const dp = view.deletionProtection;
    if (dp instanceof Unknown)
      return unknown(`\`${view.name}\`: deletion protection cannot be resolved (${dp.reason})`);
    if (!dp && c.state === 'unknown')
      return unknown(
        `\`${view.name}\` has deletion protection off and its classification cannot be resolved (${c.value.reason})`,
      );
    if (!dp) return fail(`\`${view.name}\` has deletion protection off`);
    return pass(`\`${view.name}\` has deletion protection on`);
  },
});
