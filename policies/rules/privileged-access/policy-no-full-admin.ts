import { defineRule, fail, pass, unknown, type CheckResult } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';
import type { Fact, PolicyDocument, PolicyStatement } from '../../../lib/views/kinds';

/** Whether some value of a list is `*` (true), could be once resolved (Unknown), or none is (false). */
function anyWildcard(values: readonly Fact<string>[], wildcards: readonly string[]): Fact<boolean> {
  if (values.some((v) => typeof v === 'string' && wildcards.includes(v))) return true;
  return values.find((v): v is Unknown => v instanceof Unknown) ?? false;
}

/** Whether a statement allows every action on every resource. */
function grantsEverything(s: PolicyStatement): Fact<boolean> {
  const parts: Fact<boolean>[] = [
    s.effect instanceof Unknown ? s.effect : s.effect === 'Allow',
    anyWildcard(s.actions, ['*', '*:*']),
    anyWildcard(s.resources, ['*']),
  ];
  if (parts.includes(false)) return false;
  return parts.find((p): p is Unknown => p instanceof Unknown) ?? true;
}

function checkDocuments(
  name: string,
  docs: readonly { name: string; document: PolicyDocument }[],
): CheckResult[] {
  const out: CheckResult[] = [];
  for (const { name: policy, document } of docs) {
    if (document.unresolved) {
      out.push(
        unknown(
          `\`${name}\`: policy \`${policy}\` cannot be resolved (${document.unresolved.reason})`,
          policy,
        ),
      );
      continue;
    }
    document.statements.forEach((s, i) => {
      const finding = `${policy}#${s.sid ?? i}`;
      const g = grantsEverything(s);
      if (g === true)
        out.push(fail(`\`${name}\`: policy \`${policy}\` allows \`*\` actions on \`*\` resources`, finding));
      else if (g instanceof Unknown)
        out.push(
          unknown(`\`${name}\`: policy \`${policy}\` may allow \`*\` on \`*\` (${g.reason})`, finding),
        );
    });
  }
  return out.length ? out : [pass(`\`${name}\` grants no \`*:*\` administrative access`)];
}

export default defineRule({
  id: 'BW-PA-001',
  title: 'IAM policies do not allow every action on every resource',
  severity: 'critical',
  controls: ['cis-aws-5.0:1.15', 'mcsb-v1:PA-7', 'nist-csf-2.0:PR.AA-05', 'gdpr:Art.32(1)(b)', 'sox:404-SOD'],
  threats: ['privilege-escalation', 'insider-misuse', 'unauthorized-access'],
  rationale:
    'A statement allowing `Action: "*"` on `Resource: "*"` makes its holder an account administrator: it can read ' +
    'every store, disable logging, and grant itself anything else. Least privilege starts from the actions a ' +
    'workload calls, on the resources it owns.',
  fix: {
    cdk: 'Replace the statement with the actions and resource ARNs the identity needs (CDK `grant*` methods produce them); keep full administration to a break-glass role outside application stacks.',
    terraform:
      "Replace the statement allowing `*` on `*` in the `policy` of the `aws_iam_policy`, `aws_iam_role_policy` / `aws_iam_user_policy` / `aws_iam_group_policy` or the role's `inline_policy` (or the `statement` of its `data.aws_iam_policy_document`) with the actions and resource ARNs the identity needs; keep full administration to a break-glass role outside application configurations.",
  },
  appliesTo: ['identity', 'permission-policy'],
  check(view) {
    if (view.kind === 'identity') return checkDocuments(view.name, view.inlinePolicies);
    return checkDocuments(view.name, [{ name: view.name, document: view.document }]);
  },
});
