import { defineRule, fail, notApplicable, pass } from '../../../lib/engine/rule';
import { Unknown, show } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-PA-004',
  title: 'IAM users receive permissions only through groups',
  severity: 'medium',
  controls: ['cis-aws-5.0:1.14', 'mcsb-v1:PA-7', 'mcsb-v1:PA-1', 'nist-csf-2.0:PR.AA-05', 'sox:404-SOD'],
  threats: ['privilege-escalation', 'insider-misuse', 'configuration-drift'],
  rationale:
    'Permissions attached to individual users are invisible to the group-level access reviews that decide who may ' +
    'do what, survive job changes, and accumulate. Granting through groups keeps each entitlement in one reviewable ' +
    'place; workloads use roles, not users.',
  fix: {
    cdk: "Move the user's policies to a group (`group.addToPolicy`, `group.addManagedPolicy`) and add the user to it (`user.addToGroup(group)`).",
    terraform:
      "Move the user's `aws_iam_user_policy` and `aws_iam_user_policy_attachment` to an `aws_iam_group_policy` / `aws_iam_group_policy_attachment` of an `aws_iam_group`, and add the user to it with `aws_iam_user_group_membership`.",
  },
  appliesTo: ['identity'],
  check(view) {
    if (view.principalType !== 'user') return notApplicable('not an IAM user');
    const direct = [
      ...view.inlinePolicies.map((p) => `inline policy \`${p.name}\``),
      ...view.attachedPolicies.map((a) => `policy \`${a.split('/').pop()}\``),
      ...view.managedPolicyArns
        // A managed policy of the graph is listed once, among the attached policies.
        .filter(
          (a) => !(a instanceof Unknown && a.refs.some((r) => view.attachedPolicies.includes(r.address))),
        )
        .map((a) => `managed policy \`${show(a)}\``),
    ];
    if (direct.length === 0) return pass(`\`${view.name}\` holds no policies of its own`);
    return fail(`\`${view.name}\` holds ${direct.join(', ')} directly instead of through a group`);
  },
});
