import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-IM-012',
  title: 'Databases sign clients in through the cloud identity service only',
  severity: 'high',
  controls: ['mcsb-v1:IM-1', 'nist-csf-2.0:PR.AA-03'],
  threats: ['unauthorized-access', 'insider-misuse'],
  rationale:
    'A database that also accepts its own logins keeps passwords outside the identity service: they are not ' +
    'covered by multi-factor authentication or conditional access, are not disabled when their owner leaves, ' +
    'and end up in connection strings, pipelines and laptops, where a leak grants access from wherever the ' +
    'endpoint is reachable. Accepting only identities of the cloud identity service (users, groups, managed ' +
    'identities) makes every sign-in one the directory governs and records.',
  fix: {
    pulumi:
      '`sql.Server`: `administrators: { administratorType: "ActiveDirectory", azureADOnlyAuthentication: true, ' +
      'login, sid, principalType: "Group", tenantId }`, with no `administratorLogin` / `administratorLoginPassword`.',
  },
  appliesTo: ['data-store'],
  check(view) {
    const local = view.localAuthentication;
    if (
      (view.storeType !== 'database-instance' && view.storeType !== 'database-cluster') ||
      local === undefined
    )
      return notApplicable(`${view.storeType} has no switch for sign-in through the identity service only`);
    if (local instanceof Unknown)
      return unknown(`\`${view.name}\`: how clients sign in cannot be resolved (${local.reason})`);
    if (local)
      return fail(`\`${view.name}\` accepts database logins with passwords besides cloud identities`);
    return pass(`\`${view.name}\` accepts cloud identities only`);
  },
});
