import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { isUnknown } from '../../../lib/graph/values';

const TYPES = new Set(['table', 'database-instance', 'database-cluster']);

export default defineRule({
  id: 'BW-DP-021',
  title: 'Tables and databases have deletion protection enabled',
  severity: 'medium',
  controls: ['mcsb-v1:AM-3', 'nist-csf-2.0:PR.DS-01', 'nist-csf-2.0:PR.IR-03'],
  threats: ['insider-misuse', 'configuration-drift'],
  rationale:
    'A single `DeleteTable` or `DeleteDBInstance` call, from a script, a console click or a stack update that replaces ' +
    'the resource, removes the data and, for DynamoDB, its point-in-time recovery window. Deletion protection makes ' +
    'the service refuse the delete until someone turns it off on purpose. Instances of an Aurora cluster are ' +
    'protected by their cluster.',
  fix: 'Set `deletionProtection: true` on the DynamoDB table, RDS instance or DB cluster.',
  appliesTo: ['data-store'],
  check(view) {
    if (!TYPES.has(view.storeType) || view.deletionProtection === undefined)
      return notApplicable('not a table or database, or protected by its cluster');
    const dp = view.deletionProtection;
    if (isUnknown(dp))
      return unknown(`\`${view.name}\`: deletion protection cannot be resolved (${dp.reason})`);
    if (!dp) return fail(`\`${view.name}\` has deletion protection off`);
    return pass(`\`${view.name}\` has deletion protection on`);
  },
});
