import { defineRule, fail, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-PA-010',
  title: 'Key stores grant access to keys and secrets through identity roles',
  severity: 'medium',
  controls: ['cis-azure-6.0:8.3.6', 'mcsb-v1:PA-7', 'nist-csf-2.0:PR.AA-05'],
  threats: ['privilege-escalation', 'insider-misuse'],
  rationale:
    'A key store that keeps its own access policies grants permissions the identity service does not see: they ' +
    'cannot be scoped to one key or secret, made conditional, granted just in time or reviewed with the rest of ' +
    'the estate, and anyone who may change the vault may write themselves a policy. Role assignments put every ' +
    'grant on keys and secrets under the same least-privilege controls as any other resource.',
  fix: {
    pulumi:
      '`keyvault.Vault`: `properties: { enableRbacAuthorization: true }` and no `accessPolicies`; grant ' +
      '`authorization.RoleAssignment`s of the Key Vault data roles (Key Vault Crypto User, Secrets User) on the ' +
      'vault or on one key.',
  },
  appliesTo: ['key-store'],
  check(view) {
    const model = view.dataAccessModel;
    if (model instanceof Unknown)
      return unknown(`\`${view.name}\`: how access is granted cannot be resolved (${model.reason})`);
    if (model === 'store-access-policies')
      return fail(
        `\`${view.name}\` grants access to its keys and secrets through its own access policies, not identity roles`,
      );
    return pass(`\`${view.name}\` grants access to its keys and secrets through identity roles`);
  },
});
