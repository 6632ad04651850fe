import { defineRule, fail, notApplicable, pass, unknown, type CheckResult } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-IM-006',
  title: 'Templates create no long-lived access keys for IAM users',
  severity: 'high',
  controls: ['mcsb-v1:IM-8', 'mcsb-v1:PA-2', 'mcsb-v1:IM-3', 'nist-csf-2.0:PR.AA-01'],
  threats: ['unauthorized-access', 'data-breach'],
  rationale:
    'An access key created by a stack never expires: its secret lands in stack outputs, parameters or a secret ' +
    'that someone copies into a CI system or a laptop, and it keeps working until someone remembers to rotate it. ' +
    'Workloads take short-lived role credentials (instance profiles, task roles, OIDC federation for CI).',
  fix: {
    cdk: 'Remove the `iam.AccessKey`; give the workload a role (for CI outside AWS, an OIDC provider and a role it assumes with `sts:AssumeRoleWithWebIdentity`).',
    terraform:
      'Remove the `aws_iam_access_key` (or set `status = "Inactive"`); give the workload an `aws_iam_role` (for CI outside AWS, an `aws_iam_openid_connect_provider` and a role it assumes with `sts:AssumeRoleWithWebIdentity`).',
  },
  appliesTo: ['identity'],
  check(view) {
    if (view.principalType !== 'user') return notApplicable('only users have access keys');
    const keys = view.accessKeys ?? [];
    if (keys.length === 0) return pass(`\`${view.name}\` gets no access key from the input`);
    return keys.map((k): CheckResult => {
      const id = k.address.split('/').pop()!;
      if (k.active instanceof Unknown)
        return unknown(
          `\`${view.name}\`: the status of access key \`${id}\` cannot be resolved (${k.active.reason})`,
          id,
        );
      return k.active
        ? fail(`\`${view.name}\` has a long-lived access key \`${id}\``, id)
        : pass(`\`${view.name}\`: access key \`${id}\` is inactive`, id);
    });
  },
});
