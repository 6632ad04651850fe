import { defineRule, fail, pass, unknown, type CheckResult } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';
import type { Fact, PolicyDocument, PolicyStatement, View } from '../../../lib/views/kinds';
import { actionMatches } from '../../../lib/views/common/policy';

/** Whether a statement's actions (or its `NotAction`) let it allow one of `actions`. */
export function coversAction(s: PolicyStatement, actions: readonly string[]): Fact<boolean> {
  if (s.notActions.length > 0) {
    const open = s.notActions.find((a): a is Unknown => a instanceof Unknown);
    if (open) return open;
    return actions.some((x) => !matchesAny(s.notActions, x));
  }
  for (let i = 0; i < actions.length; i++) if (matchesAny(s.actions, actions[i]!)) return true;
  return s.actions.find((a): a is Unknown => a instanceof Unknown) ?? false;
}

/** Whether any of `patterns` (those resolved) matches `action`: a loop, as it runs once per statement and action. */
function matchesAny(patterns: readonly Fact<string>[], action: string): boolean {
  for (let i = 0; i < patterns.length; i++) {
    const p = patterns[i];
    if (typeof p === 'string' && actionMatches(p, action)) return true;
  }
  return false;
}

/**
 * A resource as a pattern: a plain string, or an expression whose only unresolved parts are
 * placeholders (`arn:aws:iam::${AWS::AccountId}:role/*`), with each placeholder as one segment.
 */
export function resourcePattern(r: Fact<string>): string | undefined {
  if (typeof r === 'string') return r;
  return r.display?.replace(/\$\{[^{}]*\}/g, 'x'); // no brace inside: linear on unclosed `${`
}

/** Whether a statement's resources cover every resource `isAll` recognises. */
function coversAll(s: PolicyStatement, isAll: (r: string) => boolean): Fact<boolean> {
  if (s.notResources.length > 0) return true; // everything except a list
  if (
    s.resources.some((r) => {
      const p = resourcePattern(r);
      return p !== undefined && isAll(p);
    })
  )
    return true;
  return (
    s.resources.find((r): r is Unknown => r instanceof Unknown && r.refs.length === 0 && !r.display) ?? false
  );
}

/** The identity-policy documents of a view: an identity's inline policies, or a standalone policy. */
export function documentsOf(view: View): readonly { name: string; document: PolicyDocument }[] {
  if (view.kind === 'identity') return view.inlinePolicies;
  if (view.kind === 'permission-policy') return [{ name: view.name, document: view.document }];
  return [];
}

/**
 * One result per Allow statement granting any of `actions` on every resource `isAll` accepts; a pass
 * when none does. `what` names the grant in messages ("`iam:PassRole` on every role").
 */
export function checkGrantOnAll(
  view: View & { name: string },
  actions: readonly string[],
  isAll: (resource: string) => boolean,
  what: string,
): CheckResult[] {
  const out: CheckResult[] = [];
  for (const { name: policy, document } of documentsOf(view)) {
    if (document.unresolved) {
      out.push(
        unknown(
          `\`${view.name}\`: policy \`${policy}\` cannot be resolved (${document.unresolved.reason})`,
          policy,
        ),
      );
      continue;
    }
    // A loop, with no closure or list per statement: this runs for every statement of every policy.
    const statements = document.statements;
    for (let i = 0; i < statements.length; i++) {
      const s = statements[i]!;
      if (s.effect === 'Deny') continue;
      const action = coversAction(s, actions);
      if (action === false) continue;
      const all = coversAll(s, isAll);
      if (all === false) continue;
      const u =
        s.effect instanceof Unknown
          ? s.effect
          : action instanceof Unknown
            ? action
            : all instanceof Unknown
              ? all
              : undefined;
      const finding = `${policy}#${s.sid ?? i}`;
      out.push(
        u
          ? unknown(`\`${view.name}\`: policy \`${policy}\` may allow ${what} (${u.reason})`, finding)
          : fail(`\`${view.name}\`: policy \`${policy}\` allows ${what}`, finding),
      );
    }
  }
  return out.length ? out : [pass(`\`${view.name}\` does not allow ${what}`)];
}

/** `*`, or an ARN pattern naming every IAM role (`arn:aws:iam::123456789012:role/*`). */
const ALL_ROLES = /^(\*|arn:[^:]*:iam::[^:]*:(\*|role\/\*))$/;

export default defineRule({
  id: 'BW-PA-005',
  title: 'IAM policies do not allow passing every role',
  severity: 'high',
  controls: ['mcsb-v1:PA-7', 'mcsb-v1:PA-1', 'nist-csf-2.0:PR.AA-05', 'sox:404-SOD'],
  threats: ['privilege-escalation'],
  rationale:
    '`iam:PassRole` lets a principal hand a role to a service (launch an instance, create a function or a stack with ' +
    'it). Allowed on every role, it is a privilege escalation path: the principal passes the most powerful role in ' +
    "the account to a compute service it controls and acts with that role's permissions.",
  fix: {
    cdk: 'Scope `iam:PassRole` to the ARNs of the roles the workload must pass (CDK `role.grantPassRole(grantee)`), and add an `iam:PassedToService` condition.',
    terraform:
      "Scope `iam:PassRole` in the policy's `resources` to the ARNs of the roles the workload must pass (`aws_iam_role.x.arn`), and add a `condition` on `iam:PassedToService`.",
  },
  appliesTo: ['identity', 'permission-policy'],
  check(view) {
    return checkGrantOnAll(view, ['iam:PassRole'], (r) => ALL_ROLES.test(r), '`iam:PassRole` on every role');
  },
});
