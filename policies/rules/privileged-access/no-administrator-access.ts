import { defineRule, fail, pass, unknown, type CheckResult } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

const ADMIN = /^arn:[^:]+:iam::aws:policy\/AdministratorAccess$/;
const ADMIN_EXPRESSION = /:iam::aws:policy\/AdministratorAccess$/;

export default defineRule({
  id: 'BW-PA-002',
  title: 'IAM identities do not hold the AWS managed AdministratorAccess policy',
  severity: 'high',
  controls: ['cis-aws-5.0:1.15', 'mcsb-v1:PA-1', 'mcsb-v1:PA-7', 'nist-csf-2.0:PR.AA-05', 'sox:404-SOD'],
  threats: ['privilege-escalation', 'insider-misuse'],
  rationale:
    '`AdministratorAccess` allows every action on every resource of the account. An application role or a user ' +
    'holding it turns any compromise of that identity into a compromise of the account.',
  fix: {
    cdk: 'Attach a policy with the actions the identity needs instead; if a break-glass administrator role is needed, keep it in a dedicated stack and acknowledge this rule there with a reason.',
    terraform:
      "Remove `arn:aws:iam::aws:policy/AdministratorAccess` from the `aws_iam_role`'s `managed_policy_arns` and from the `policy_arn` of `aws_iam_role_policy_attachment` / `aws_iam_user_policy_attachment` / `aws_iam_group_policy_attachment` / `aws_iam_policy_attachment`; attach an `aws_iam_policy` with the actions the identity needs instead.",
  },
  appliesTo: ['identity'],
  check(view) {
    const out: CheckResult[] = [];
    for (const arn of view.managedPolicyArns) {
      if (typeof arn === 'string') {
        if (ADMIN.test(arn)) out.push(fail(`\`${view.name}\` holds \`${arn}\``, 'AdministratorAccess'));
      } else if (arn.display !== undefined && ADMIN_EXPRESSION.test(arn.display)) {
        out.push(fail(`\`${view.name}\` holds \`${arn.display}\``, 'AdministratorAccess'));
      } else if (arn.refs.length === 0) {
        // A reference to a policy of the graph is checked on that policy; an unresolved ARN could be anything.
        out.push(
          unknown(`\`${view.name}\`: managed policy ARN cannot be resolved (${(arn as Unknown).reason})`),
        );
      }
    }
    return out.length ? out : [pass(`\`${view.name}\` does not hold AdministratorAccess`)];
  },
});
