import { Unknown } from '../../graph/values';
import type {
  AccessGrant,
  AccessGrantView,
  Fact,
  PolicyDocument,
  PolicyStatement,
  PrincipalType,
  View,
} from '../kinds';
import { wildcardMatch } from './wildcard';

/**
 * The values a condition block gives `key` (compared case-insensitively, as IAM compares condition keys), across
 * every operator; undefined when no operator tests the key.
 */
export function conditionValues(
  conditions: PolicyStatement['conditions'],
  key: string,
): readonly Fact<string>[] | undefined {
  const k = key.toLowerCase();
  let out: Fact<string>[] | undefined;
  for (const block of Object.values(conditions)) {
    for (const [name, values] of Object.entries(block)) {
      if (name.toLowerCase() === k) (out ??= []).push(...values);
    }
  }
  return out;
}

/**
 * The first of `keys` the conditions test with a value that narrows it (anything but `*`), or undefined. A value that
 * cannot be resolved still narrows (the key is there, only its value is unknown), unless it depends on a template
 * condition (`Fn::If`), where one branch may leave the key out: then, when no other key narrows, the Unknown.
 */
export function narrowingCondition(
  conditions: PolicyStatement['conditions'],
  keys: readonly string[],
): string | Unknown | undefined {
  let conditional: Unknown | undefined;
  for (const key of keys) {
    const values = conditionValues(conditions, key);
    if (values === undefined || values.length === 0 || values.some((v) => v === '*')) continue;
    const branch = values.find(
      (v): v is Unknown => v instanceof Unknown && (v.display ?? '').includes('${If:'),
    );
    if (!branch) return key;
    conditional ??= new Unknown(`\`${key}\` ${branch.reason}`, branch.refs, branch.display);
  }
  return conditional;
}

/**
 * A principal as the provider classifies it: everyone, a service, an account, or one identity. An unresolved
 * principal whose rendering only lacks the deploying account or partition (`${AWS::AccountId}`,
 * `arn:${AWS::Partition}:iam::...:root`; Terraform `data.aws_caller_identity.<name>.account_id`, `data.aws_partition.<name>.partition`) is still classified; any other unresolved part leaves it unknown.
 */
export function classifyPrincipal(principal: Fact<string>): Fact<PrincipalType> {
  let p: string;
  if (principal instanceof Unknown) {
    const shown = (principal.display ?? '')
      .replace(/\$\{AWS::AccountId\}|\$\{data\.aws_caller_identity\.[^.}]+\.account_id\}/g, '000000000000')
      .replace(/\$\{AWS::Partition\}|\$\{data\.aws_partition\.[^.}]+\.partition\}/g, 'aws');
    if (shown === '' || shown.includes('${')) return principal;
    p = shown;
  } else p = principal;
  if (p === '*') return 'everyone';
  if (/^\d{12}$/.test(p) || /^arn:[^:]+:iam::\d{12}:root$/.test(p)) return 'account';
  if (/^arn:/.test(p)) return 'identity';
  // Service principals: `s3.amazonaws.com`, `events.amazonaws.com.cn`, `alexa-appkit.amazon.com`.
  if (/^[a-z0-9.-]+\.amazon(aws)?\.com(\.cn)?$/i.test(p)) return 'service';
  return new Unknown(`principal \`${p}\` is neither \`*\`, an account, an ARN nor a service`);
}

/**
 * Whether a grant allows `action`: one of its actions matches it and none of the actions it leaves out does (an IAM
 * `NotAction` grant, with no actions, allows every action but those left out). Unknown when an action that could
 * decide it cannot be resolved.
 */
export function grantAllows(g: AccessGrant, action: string): Fact<boolean> {
  const matches = (p: Fact<string>): Fact<boolean> =>
    typeof p === 'string' ? wildcardMatch(p, action, { ignoreCase: true }) : p;
  const left = g.notActions ?? [];
  let allowed: Fact<boolean> = g.actions.length === 0 && left.length > 0;
  for (const a of g.actions) {
    const m = matches(a);
    if (m === true) {
      allowed = true;
      break;
    }
    if (m instanceof Unknown) allowed = m;
  }
  if (allowed === false) return false;
  for (const n of left) {
    const m = matches(n);
    if (m === true) return false;
    if (m instanceof Unknown && allowed === true) allowed = m;
  }
  return allowed;
}

/**
 * Whether a grant declared as a resource of its own covers every resource of an account or more (an Azure
 * subscription, management group or tenant root); Unknown when its scope cannot be told.
 */
export function grantOnEveryResource(g: AccessGrantView): Fact<boolean> {
  const t = g.scopeType;
  if (t instanceof Unknown) return t;
  return t === 'account' || t === 'organization';
}

function effectOf(s: PolicyStatement): AccessGrant['effect'] {
  return s.effect === 'Allow' ? 'allow' : s.effect === 'Deny' ? 'deny' : s.effect;
}

/** The parts every grant of a statement shares. */
function common(s: PolicyStatement): Pick<AccessGrant, 'effect' | 'actions' | 'notActions' | 'conditions'> {
  return {
    effect: effectOf(s),
    actions: s.actions,
    ...(s.notActions.length > 0 ? { notActions: s.notActions } : {}),
    conditions: s.conditions,
  };
}

/**
 * The grants of an identity policy: one per resource of each statement (`NotResource`: scope `*` less those), all
 * for `identity` (the address of the role, user or group, or its name as written).
 */
export function identityPolicyGrants(doc: PolicyDocument, identity: string): Fact<readonly AccessGrant[]> {
  if (doc.unresolved) return doc.unresolved;
  return doc.statements.flatMap((s) => {
    const scopes: readonly Fact<string>[] = s.notResources.length > 0 ? ['*'] : s.resources;
    return scopes.map((scope) => ({
      ...common(s),
      principal: identity,
      principalType: 'identity' as const,
      scope,
      ...(s.notResources.length > 0 ? { notScopes: s.notResources } : {}),
    }));
  });
}

/**
 * The grants of a resource policy (bucket, queue, topic, table, secret, key or endpoint policy): one per principal of
 * each statement, all on `scope` (the address of the resource the policy is attached to). A statement without a
 * principal grants an Unknown one: resource policies must name theirs.
 */
export function resourcePolicyGrants(doc: PolicyDocument, scope: string): Fact<readonly AccessGrant[]> {
  if (doc.unresolved) return doc.unresolved;
  return doc.statements.flatMap((s) => {
    const principals: readonly Fact<string>[] =
      s.principals.length > 0 ? s.principals : [new Unknown('resource policy statement names no principal')];
    return principals.map((principal) => ({
      ...common(s),
      principal,
      principalType: classifyPrincipal(principal),
      scope,
    }));
  });
}

/**
 * The access grants a view states, in one shape whatever their source: an access-grant view is one; an identity's
 * inline policies; a standalone permission policy, for each identity it is attached to; a data store's, key's or
 * private endpoint's resource policy. An Unknown when a policy document cannot be resolved (never an empty list);
 * undefined for views that grant nothing. Managed policies attached to an identity are their own
 * `permission-policy` views (or ARNs outside the graph), not part of the identity's grants.
 */
export function grantsOf(view: View): Fact<readonly AccessGrant[]> | undefined {
  switch (view.kind) {
    case 'access-grant':
      return [view];
    case 'identity': {
      const out: AccessGrant[] = [];
      for (const { document } of view.inlinePolicies) {
        const g = identityPolicyGrants(document, view.resource.address);
        if (g instanceof Unknown) return g;
        out.push(...g);
      }
      return out;
    }
    case 'permission-policy': {
      const out: AccessGrant[] = [];
      for (const identity of view.attachedTo) {
        const g = identityPolicyGrants(view.document, identity);
        if (g instanceof Unknown) return g;
        out.push(...g);
      }
      return out;
    }
    case 'data-store':
      return view.resourcePolicy && resourcePolicyGrants(view.resourcePolicy, view.resource.address);
    case 'key':
    case 'private-endpoint':
      return view.policy && resourcePolicyGrants(view.policy, view.resource.address);
    default:
      return undefined;
  }
}
