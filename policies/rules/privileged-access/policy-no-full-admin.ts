import { defineRule, fail, notApplicable, pass, unknown, type CheckResult } from '../../../lib/engine/rule';
import { Unknown, show } from '../../../lib/graph/values';
import type { AccessGrantView, Fact, PolicyDocument, PolicyStatement } from '../../../lib/views/kinds';
import { grantOnEveryResource } from '../../../lib/views/common/grants';

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

/** How a grant's role reads in messages: `` (role `Owner`)`` where the source names it. */
export function roleNote(g: AccessGrantView): string {
  return g.role === undefined ? '' : ` (role \`${g.role}\`)`;
}

/** A grant declared as a resource of its own (an Azure role assignment): every action, on every resource of an account. */
function checkGrant(g: AccessGrantView): CheckResult {
  if (g.scopeType === 'function') return notApplicable('a function permission is on one function');
  if (g.effect === 'deny') return pass(`\`${g.name}\` denies, it grants nothing`);
  const on = g.scopeName ?? show(g.scope);
  const everywhere = grantOnEveryResource(g);
  if (everywhere === false) return pass(`\`${g.name}\` is limited to \`${on}\``);
  const all: Fact<boolean> = (g.notActions ?? []).length > 0 ? false : anyWildcard(g.actions, ['*', '*:*']);
  const parts = [g.effect instanceof Unknown ? g.effect : true, all, everywhere];
  if (parts.includes(false)) return pass(`\`${g.name}\` grants no \`*\` administrative access on \`${on}\``);
  const u = parts.find((p): p is Unknown => p instanceof Unknown);
  if (u) return unknown(`\`${g.name}\` may allow every action on every resource of \`${on}\` (${u.reason})`);
  return fail(`\`${g.name}\` allows every action (\`*\`) on every resource of \`${on}\`${roleNote(g)}`);
}

export default defineRule({
  id: 'BW-PA-001',
  title: 'Permission policies and role assignments do not allow every action on every resource',
  severity: 'critical',
  controls: ['cis-aws-5.0:1.15', 'mcsb-v1:PA-7', 'nist-csf-2.0:PR.AA-05', 'gdpr:Art.32(1)(b)', 'sox:404-SOD'],
  threats: ['privilege-escalation', 'insider-misuse', 'unauthorized-access'],
  rationale:
    'A statement allowing `Action: "*"` on `Resource: "*"` makes its holder an account administrator: it can read ' +
    'every store, disable logging, and grant itself anything else. Least privilege starts from the actions a ' +
    'workload calls, on the resources it owns. On Azure, the Owner role (`*`) assigned on a subscription, a ' +
    'management group or the tenant root is the same grant.',
  fix: {
    cdk: 'Replace the statement with the actions and resource ARNs the identity needs (CDK `grant*` methods produce them); keep full administration to a break-glass role outside application stacks.',
    terraform:
      "Replace the statement allowing `*` on `*` in the `policy` of the `aws_iam_policy`, `aws_iam_role_policy` / `aws_iam_user_policy` / `aws_iam_group_policy` or the role's `inline_policy` (or the `statement` of its `data.aws_iam_policy_document`) with the actions and resource ARNs the identity needs; keep full administration to a break-glass role outside application configurations.",
    pulumi:
      'On the `authorization.RoleAssignment`, give the identity a role with the actions it needs (a built-in data role such as Storage Blob Data Reader, or a custom `authorization.RoleDefinition`) and set `scope` to the resource or resource group it works on, not the subscription; keep Owner to break-glass accounts outside application programs.',
  },
  appliesTo: ['identity', 'permission-policy', 'access-grant'],
  check(view) {
    if (view.kind === 'access-grant') return checkGrant(view);
    if (view.kind === 'identity') return checkDocuments(view.name, view.inlinePolicies);
    return checkDocuments(view.name, [{ name: view.name, document: view.document }]);
  },
});
