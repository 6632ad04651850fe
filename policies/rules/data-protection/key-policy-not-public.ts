import { defineRule, fail, pass, unknown } from '../../../lib/engine/rule';
import { allowsPublic, mayAllowPublic } from '../../../lib/views/common/policy';
import type { PolicyStatement } from '../../../lib/views/kinds';

/** KMS condition keys that confine a grant to one account's callers. */
const KMS_RESTRICTING = ['kms:calleraccount'];

/** An Allow to everyone that no condition confines to an account, organisation or network. */
function grantsEveryone(s: PolicyStatement): boolean {
  if (!allowsPublic(s)) return false;
  return !Object.values(s.conditions).some((block) =>
    Object.keys(block).some((k) => KMS_RESTRICTING.includes(k.toLowerCase())),
  );
}

export default defineRule({
  id: 'BW-DP-023',
  title: 'KMS key policies do not grant access to everyone',
  severity: 'critical',
  controls: ['mcsb-v1:DP-8', 'mcsb-v1:DP-6', 'nist-csf-2.0:PR.AA-05'],
  threats: ['data-breach', 'unauthorized-access'],
  rationale:
    'A key policy statement allowing `Principal: "*"` lets any AWS account use the key, to decrypt whatever it ' +
    'protects or to encrypt data with it, unless a condition confines the grant (`kms:CallerAccount`, ' +
    '`aws:PrincipalOrgID`, `aws:SourceVpce`, `aws:PrincipalArn`...). The key policy is the only policy that governs a ' +
    'KMS key: IAM policies grant access only where the key policy lets the account delegate.',
  fix: {
    cdk:
      'Name the principals that use the key (`key.grantDecrypt(role)`), or confine the `*` statement with a ' +
      '`kms:CallerAccount` or `aws:PrincipalOrgID` condition.',
    terraform:
      'Name the principals that use the key in the `policy` of the `aws_kms_key` (or its `aws_kms_key_policy`), or confine the `*` statement with a `kms:CallerAccount` or `aws:PrincipalOrgID` condition.',
  },
  appliesTo: ['key'],
  check(view) {
    const policy = view.policy;
    if (policy === undefined)
      return pass(`\`${view.name}\` has the default key policy (its own account only)`);
    const open = policy.statements.filter(grantsEveryone);
    if (open.length > 0) {
      return open.map((s, i) =>
        fail(
          `\`${view.name}\` key policy grants ${s.actions.map(String).join(', ') || 'actions'} to everyone` +
            (s.sid ? ` (statement \`${s.sid}\`)` : ''),
          s.sid ?? String(i),
        ),
      );
    }
    if (policy.unresolved)
      return unknown(`\`${view.name}\`: the key policy cannot be resolved (${policy.unresolved.reason})`);
    const maybe = policy.statements.map(mayAllowPublic).find((u) => u !== undefined);
    if (maybe) return unknown(`\`${view.name}\` key policy may grant everyone: ${maybe.reason}`);
    return pass(`\`${view.name}\` key policy grants nothing to everyone`);
  },
});
