import { defineRule, fail, notApplicable, pass, unknown, type CheckResult } from '../../../lib/engine/rule';
import { Unknown, show } from '../../../lib/graph/values';
import type { AccessGrantView, Fact, PolicyStatement, View } from '../../../lib/views/kinds';
import { grantAllows, grantOnEveryResource } from '../../../lib/views/common/grants';
import { wildcardMatch } from '../../../lib/views/common/wildcard';
import { documentsOf, resourcePattern } from './no-passrole-on-all-roles';

/** An action of concern, and the service whose ARNs name its resources when that is not the action's own. */
export interface SensitiveAction {
  readonly action: string;
  readonly arnService?: string;
}

const allPatterns = new Map<string, RegExp>();

/**
 * Whether a resource pattern names every resource the action can act on: `*`, or an ARN of the service whose
 * resource part is only a wildcard, with or without a resource type (`arn:aws:iam::123456789012:role/*`,
 * `arn:aws:secretsmanager:*:*:secret:*`, `arn:aws:s3:::*`, and every object of every bucket).
 */
export function namesEveryResource(resource: string, a: SensitiveAction): boolean {
  return namesEveryResourceOf(resource, a.arnService ?? a.action.split(':')[0]!);
}

/** {@link namesEveryResource} for the service whose ARNs name the action's resources. */
function namesEveryResourceOf(resource: string, service: string): boolean {
  if (resource === '*') return true;
  let re = allPatterns.get(service);
  if (!re) {
    const svc = service.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // S3 ARNs carry no resource type: `arn:aws:s3:::name/*` is the objects of one bucket, not every object.
    const typed = service === 's3' ? '' : '|[A-Za-z0-9-]+[/:]\\*';
    re = new RegExp(`^arn:[^:]*:(\\*|${svc}):[^:]*:[^:]*:(\\*|\\*/\\*${typed})$`, 'i');
    allPatterns.set(service, re);
  }
  return re.test(resource);
}

/**
 * Attribute-based scoping: a condition on the resource's tags (`aws:ResourceTag/team`,
 * `secretsmanager:ResourceTag/app`) limits `*` to the resources carrying them.
 */
function scopedByTags(s: PolicyStatement): boolean {
  return Object.values(s.conditions).some((block) =>
    Object.keys(block).some((k) => /(^|:)ResourceTag\//i.test(k)),
  );
}

/** A catalog entry as it is matched: its action lower-cased (IAM compares actions so) and its ARN service. */
interface CatalogEntry {
  readonly action: string;
  readonly lower: string;
  readonly service: string;
}

const prepared = new WeakMap<readonly SensitiveAction[], readonly CatalogEntry[]>();

function entriesOf(catalog: readonly SensitiveAction[]): readonly CatalogEntry[] {
  let entries = prepared.get(catalog);
  if (!entries) {
    entries = catalog.map((a) => ({
      action: a.action,
      lower: a.action.toLowerCase(),
      service: a.arnService ?? a.action.split(':')[0]!,
    }));
    prepared.set(catalog, entries);
  }
  return entries;
}

/**
 * What a statement allows, read once and matched against each action of a catalog: its action patterns
 * lower-cased, the first unresolved one, and its resources as patterns.
 */
class StatementScope {
  private readonly patterns: readonly string[];
  private readonly notPatterns: readonly string[];
  private readonly openAction: Unknown | undefined;
  private readonly openNotAction: Unknown | undefined;
  private readonly resources: readonly (string | undefined)[];
  private readonly openResource: Unknown | undefined;

  constructor(private readonly s: PolicyStatement) {
    const lower = (list: readonly Fact<string>[]) =>
      list.flatMap((a) => (typeof a === 'string' ? [a.toLowerCase()] : []));
    const open = (list: readonly Fact<string>[]) => list.find((a): a is Unknown => a instanceof Unknown);
    this.patterns = lower(s.actions);
    this.notPatterns = lower(s.notActions);
    this.openAction = open(s.actions);
    this.openNotAction = open(s.notActions);
    this.resources = s.notResources.length > 0 ? [] : s.resources.map(resourcePattern);
    this.openResource = s.resources.find(
      (r): r is Unknown => r instanceof Unknown && r.refs.length === 0 && !r.display,
    );
  }

  /** Whether the statement's actions (or its `NotAction`) let it allow the action: `coversAction` for one action. */
  allows(e: CatalogEntry): Fact<boolean> {
    if (this.s.notActions.length > 0) {
      if (this.openNotAction) return this.openNotAction;
      return !anyMatches(this.notPatterns, e.lower);
    }
    if (anyMatches(this.patterns, e.lower)) return true;
    return this.openAction ?? false;
  }

  /** Whether the statement's resources cover every resource of the action (NotResource: all but a list). */
  coversEvery(e: CatalogEntry): Fact<boolean> {
    if (this.s.notResources.length > 0) return true;
    // A loop, not `some` with a closure: this runs once per statement and catalog entry.
    for (let i = 0; i < this.resources.length; i++) {
      const p = this.resources[i];
      if (p !== undefined && namesEveryResourceOf(p, e.service)) return true;
    }
    return this.openResource ?? false;
  }
}

/** Whether any of `patterns` matches `subject` (a loop: it runs once per statement and catalog entry). */
function anyMatches(patterns: readonly string[], subject: string): boolean {
  for (let i = 0; i < patterns.length; i++) if (wildcardMatch(patterns[i]!, subject)) return true;
  return false;
}

/**
 * The scopes of the statements of the view last read. The rules matching catalogs read each view one after the
 * other: a statement is read once for all of them, and its scope is let go with the view rather than kept (and
 * carried by the collector) for the whole evaluation.
 */
const read: { view?: View; scopes: Map<PolicyStatement, StatementScope> } = { scopes: new Map() };

/** A statement of `view` read as {@link StatementScope}, once for every catalog and rule that matches it. */
function scopeOf(view: View, s: PolicyStatement): StatementScope {
  if (read.view !== view) {
    read.view = view;
    read.scopes = new Map();
  }
  let scope = read.scopes.get(s);
  if (!scope) read.scopes.set(s, (scope = new StatementScope(s)));
  return scope;
}

/** How a list of actions reads in a message: the first few, then a count. */
function listed(actions: readonly string[]): string {
  const shown = actions.slice(0, 4).map((a) => `\`${a}\``);
  const more = actions.length > 4 ? ` and ${actions.length - 4} more` : '';
  return shown.join(', ') + more;
}

/**
 * One result per Allow statement of the view's identity policies that allows any of `catalog` on every resource of
 * the action, listing the actions; a pass when none does. A statement scoped by resource tags is not one. `harm`
 * names what the actions do, for messages ("permission management").
 */
export function checkActionsOnAll(
  view: View & { name: string },
  catalog: readonly SensitiveAction[],
  harm: string,
): CheckResult[] {
  const out: CheckResult[] = [];
  const entries = entriesOf(catalog);
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
    document.statements.forEach((s, i) => {
      if (s.effect === 'Deny' || scopedByTags(s)) return;
      const scope = scopeOf(view, s);
      const effect = s.effect instanceof Unknown ? s.effect : true;
      const certain: string[] = [];
      let open: Unknown | undefined;
      for (const e of entries) {
        // The first part that is not known, in this order, is what an unknown result names.
        const action = scope.allows(e);
        if (action === false) continue;
        const every = scope.coversEvery(e);
        if (every === false) continue;
        const u = effect instanceof Unknown ? effect : action instanceof Unknown ? action : every;
        if (u instanceof Unknown) open ??= u;
        else certain.push(e.action);
      }
      const finding = `${policy}#${s.sid ?? i}`;
      if (certain.length > 0)
        out.push(
          fail(
            `\`${view.name}\`: policy \`${policy}\` allows ${listed(certain)} on every resource (${harm})`,
            finding,
          ),
        );
      else if (open)
        out.push(
          unknown(
            `\`${view.name}\`: policy \`${policy}\` may allow ${harm} on every resource (${open.reason})`,
            finding,
          ),
        );
    });
  }
  return out.length ? out : [pass(`\`${view.name}\` allows no ${harm} on every resource`)];
}

/**
 * Actions that change who may do what: IAM policy and credential management (the privilege-escalation methods
 * documented for IAM), assuming roles, and the resource policies of data and compute services.
 */
const ESCALATION: readonly SensitiveAction[] = [
  ...[
    'AttachRolePolicy',
    'AttachUserPolicy',
    'AttachGroupPolicy',
    'PutRolePolicy',
    'PutUserPolicy',
    'PutGroupPolicy',
    'CreatePolicyVersion',
    'SetDefaultPolicyVersion',
    'UpdateAssumeRolePolicy',
    'AddUserToGroup',
    'CreateAccessKey',
    'CreateLoginProfile',
    'UpdateLoginProfile',
    'PutRolePermissionsBoundary',
    'PutUserPermissionsBoundary',
    'DeleteRolePermissionsBoundary',
    'DeleteUserPermissionsBoundary',
  ].map((a) => ({ action: `iam:${a}` })),
  { action: 'sts:AssumeRole', arnService: 'iam' },
  { action: 's3:PutBucketPolicy' },
  { action: 's3:PutBucketAcl' },
  { action: 'kms:PutKeyPolicy' },
  { action: 'kms:CreateGrant' },
  { action: 'lambda:AddPermission' },
  { action: 'secretsmanager:PutResourcePolicy' },
  { action: 'sns:AddPermission' },
  { action: 'sqs:AddPermission' },
  { action: 'ecr:SetRepositoryPolicy' },
];

/** Role-assignment actions that change who may do what: assigning roles, writing role definitions, elevating access. */
const GRANT_ESCALATION: readonly string[] = [
  'Microsoft.Authorization/roleAssignments/write',
  'Microsoft.Authorization/roleDefinitions/write',
  'Microsoft.Authorization/elevateAccess/Action',
];

/**
 * A grant declared as a resource of its own (an Azure role assignment) allowing any of `catalog` on every resource of
 * an account or more: one result; a pass when its scope is narrower or its role allows none of them.
 */
export function checkGrantActionsOnAll(
  g: AccessGrantView,
  catalog: readonly string[],
  harm: string,
): CheckResult {
  if (g.scopeType === 'function') return notApplicable('a function permission is on one function');
  const on = g.scopeName ?? show(g.scope);
  if (g.effect === 'deny') return pass(`\`${g.name}\` denies, it grants nothing`);
  const everywhere = grantOnEveryResource(g);
  if (everywhere === false) return pass(`\`${g.name}\` is limited to \`${on}\``);
  const certain: string[] = [];
  let open: Unknown | undefined = g.effect instanceof Unknown ? g.effect : undefined;
  for (const action of catalog) {
    const a = grantAllows(g, action);
    if (a === true) certain.push(action);
    else if (a instanceof Unknown) open ??= a;
  }
  if (certain.length === 0 && !open) return pass(`\`${g.name}\` allows no ${harm} on \`${on}\``);
  if (everywhere instanceof Unknown) open ??= everywhere;
  const role = g.role === undefined ? '' : ` (role \`${g.role}\`)`;
  const condition = Object.values(g.conditions).flatMap((block) => Object.values(block).flat())[0];
  if (certain.length > 0 && !open && condition !== undefined)
    return unknown(
      `\`${g.name}\` allows ${listed(certain)} on every resource of \`${on}\` under a condition the check does not read (\`${show(condition)}\`)`,
    );
  if (certain.length > 0 && !open)
    return fail(`\`${g.name}\` allows ${listed(certain)} on every resource of \`${on}\` (${harm})${role}`);
  return unknown(`\`${g.name}\` may allow ${harm} on every resource of \`${on}\` (${open!.reason})`);
}

export default defineRule({
  id: 'BW-PA-007',
  title: 'Permission policies and role assignments do not allow managing permissions on every resource',
  severity: 'high',
  controls: ['mcsb-v1:PA-1', 'mcsb-v1:PA-7', 'nist-csf-2.0:PR.AA-05', 'sox:404-SOD'],
  threats: ['privilege-escalation', 'insider-misuse'],
  rationale:
    'Actions that write permissions are privilege escalation when they are allowed on `Resource: "*"`: ' +
    '`iam:PutRolePolicy`, `iam:Attach*Policy`, `iam:CreatePolicyVersion` or `iam:UpdateAssumeRolePolicy` let the ' +
    'holder grant itself (or a role it can assume) anything; `iam:CreateAccessKey` and `iam:*LoginProfile` take over ' +
    'other users; `sts:AssumeRole` on every role reaches every role that trusts the account; and the resource-policy ' +
    'actions (`s3:PutBucketPolicy`, `kms:PutKeyPolicy`, `kms:CreateGrant`, `lambda:AddPermission`...) open any store, ' +
    'key or function to other principals. Each is an administrator short of `*:*`. `iam:PassRole` is BW-PA-005. On ' +
    'Azure, a role that may write role assignments or role definitions (Owner, User Access Administrator, Role Based ' +
    'Access Control Administrator) assigned on a subscription, a management group or the tenant root lets its holder ' +
    'give anyone, itself included, any role there.',
  fix: {
    cdk: 'Scope the statement to the ARNs it must manage (CDK `grant*` methods do), add a permissions boundary to roles a pipeline creates, or restrict `*` with `aws:ResourceTag` conditions; keep permission management to a deployment role outside the application.',
    terraform:
      "Scope the statement's `resources` to the ARNs it must manage, set `permissions_boundary` on the `aws_iam_role`s a pipeline creates, or restrict `*` with a `condition` on `aws:ResourceTag`; keep permission management to a deployment role outside the application.",
    pulumi:
      'On the `authorization.RoleAssignment`, give a role without `Microsoft.Authorization/*` write actions, or set `scope` to the resource group or resource it manages; keep role assignment to a deployment identity outside application programs.',
  },
  appliesTo: ['identity', 'permission-policy', 'access-grant'],
  check(view) {
    if (view.kind === 'access-grant')
      return checkGrantActionsOnAll(view, GRANT_ESCALATION, 'permission management');
    return checkActionsOnAll(view, ESCALATION, 'permission management');
  },
});
