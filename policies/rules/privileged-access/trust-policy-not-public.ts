import { defineRule, fail, notApplicable, pass, unknown, type CheckResult } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';
import { allowsPublic } from '../../../lib/views/common/policy';

export default defineRule({
  id: 'BW-PA-003',
  title: 'Role trust policies do not let everyone assume the role',
  severity: 'critical',
  controls: ['mcsb-v1:PA-7', 'nist-csf-2.0:PR.AA-05'],
  threats: ['unauthorized-access', 'privilege-escalation'],
  rationale:
    'A trust policy that allows `Principal: "*"` without a condition naming the account, organization or source ' +
    'lets any AWS principal, in any account, assume the role and use its permissions.',
  fix: {
    cdk: 'Name the principals that may assume the role (a service principal, an account, a role ARN), or restrict `*` with `aws:PrincipalOrgID` / `aws:PrincipalAccount` conditions.',
    terraform:
      "Name the principals in the `aws_iam_role`'s `assume_role_policy` (a `principals` block of type `Service`, or `AWS` with an account or role ARN, in its `data.aws_iam_policy_document`), or add a `condition` on `aws:PrincipalOrgID` / `aws:PrincipalAccount`.",
  },
  appliesTo: ['identity'],
  check(view) {
    if (view.principalType !== 'role' || !view.trustPolicy)
      return notApplicable('only roles have trust policies');
    const doc = view.trustPolicy;
    if (doc.unresolved)
      return unknown(`\`${view.name}\`: the trust policy cannot be resolved (${doc.unresolved.reason})`);
    const out: CheckResult[] = [];
    doc.statements.forEach((s, i) => {
      const finding = `trust#${s.sid ?? i}`;
      if (allowsPublic(s)) {
        out.push(
          fail(
            `\`${view.name}\` can be assumed by everyone (\`Principal: "*"\` without a restricting condition)`,
            finding,
          ),
        );
        return;
      }
      if (s.effect === 'Deny') return;
      const open = s.principals.find((p): p is Unknown => p instanceof Unknown && p.refs.length === 0);
      if (open)
        out.push(
          unknown(`\`${view.name}\`: a trusted principal cannot be resolved (${open.reason})`, finding),
        );
    });
    return out.length ? out : [pass(`\`${view.name}\` trusts named principals only`)];
  },
});
