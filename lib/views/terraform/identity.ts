import type { Resource } from '../../graph/resource';
import {
  Unknown,
  isAfterApply,
  asBool,
  asList,
  asString,
  isObject,
  show,
  type Value,
} from '../../graph/values';
import type {
  AppClientView,
  Fact,
  IdentityView,
  PermissionPolicyView,
  PolicyDocument,
  UserDirectoryView,
} from '../kinds';
import { displayName } from '../common/naming';
import { terraformPolicyDocument } from '../common/terraform-policy';
import type { AdapterContext, AdapterRegistry } from '../registry';

type PrincipalType = IdentityView['principalType'];

const IDENTITY_TYPES: Readonly<Record<string, PrincipalType>> = {
  aws_iam_role: 'role',
  aws_iam_user: 'user',
  aws_iam_group: 'group',
};

const TYPE_OF: Readonly<Record<PrincipalType, string>> = {
  role: 'aws_iam_role',
  user: 'aws_iam_user',
  group: 'aws_iam_group',
};

/** Inline policy resources and the argument naming their identity. */
const INLINE_POLICY: Readonly<Record<PrincipalType, [string, string]>> = {
  role: ['aws_iam_role_policy', 'role'],
  user: ['aws_iam_user_policy', 'user'],
  group: ['aws_iam_group_policy', 'group'],
};

/** One-identity attachment resources and the argument naming their identity. */
const ATTACHMENT: Readonly<Record<PrincipalType, [string, string]>> = {
  role: ['aws_iam_role_policy_attachment', 'role'],
  user: ['aws_iam_user_policy_attachment', 'user'],
  group: ['aws_iam_group_policy_attachment', 'group'],
};

/** `aws_iam_policy_attachment` (exclusive attachment) lists its identities in `roles`, `users`, `groups`. */
const SHARED_ATTACHMENT = 'aws_iam_policy_attachment';
const SHARED_LIST: Readonly<Record<PrincipalType, string>> = {
  role: 'roles',
  user: 'users',
  group: 'groups',
};

const POLICY_TYPE = 'aws_iam_policy';

/**
 * Whether a value is only the provider's echo of an optional, computed argument left unset: known
 * only after apply, from no expression. A role's `inline_policy` and `managed_policy_arns` read so in
 * a plan when the configuration does not set them; a configured value carries its references or is
 * known.
 */
function computedEcho(v: Value | undefined): boolean {
  return isAfterApply(v);
}

/** Resources of `type` whose `argument` names the identity (a value several identities claim counts too). */
function attaching(r: Resource, ctx: AdapterContext, type: string, argument: string): Resource[] {
  const found = ctx.graph.attachedBy(r.address, type, (x) => x.properties[argument]);
  return [...found.attached, ...found.uncertain.map((u) => u.resource)];
}

function nameOf(v: Value | undefined): string {
  return typeof v === 'string' ? v : show(v);
}

function fact(v: Value): Fact<string> {
  return asString(v) ?? new Unknown('empty entry');
}

/** An inline policy resource's name: `name`, else `name_prefix`, else its address. */
function inlineName(x: Resource): string {
  const name = x.properties.name ?? x.properties.name_prefix;
  return typeof name === 'string' && name !== ''
    ? name
    : name === undefined || name === null
      ? x.address
      : show(name);
}

/** A role's `inline_policy` blocks (object or list): name and document. Empty blocks (none declared) are skipped. */
function inlineBlocks(
  v: Value | undefined,
  ctx: AdapterContext,
): { name: string; document: PolicyDocument }[] {
  if (computedEcho(v)) return [];
  if (v instanceof Unknown) return [{ name: v.toString(), document: { statements: [], unresolved: v } }];
  return asList(v)
    .filter(isObject)
    .filter((b) => !((b.name ?? '') === '' && (b.policy ?? '') === ''))
    .map((b) => ({ name: nameOf(b.name), document: terraformPolicyDocument(b.policy, ctx.graph) }));
}

/**
 * A policy ARN of an attachment or of `managed_policy_arns`: the `aws_iam_policy` of the graph it
 * names, or the ARN as written (an AWS managed policy, a policy outside the configuration, an unknown).
 */
function policyNamed(v: Value, holder: Resource, ctx: AdapterContext): Resource | Fact<string> {
  const target = ctx.graph.target(v, holder, POLICY_TYPE);
  if (target instanceof Unknown) return target;
  return target ?? fact(v);
}

/**
 * `aws_iam_role`, `aws_iam_user`, `aws_iam_group` -> identity: trust policy (`assume_role_policy`),
 * inline policies (a role's `inline_policy` blocks and `aws_iam_role_policy` / `_user_policy` /
 * `_group_policy` resources), managed policy ARNs (a role's `managed_policy_arns`, the `policy_arn`
 * of `aws_iam_*_policy_attachment` and `aws_iam_policy_attachment` resources), the `aws_iam_policy`
 * resources of the graph among them, and a user's `aws_iam_access_key` resources.
 */
export function identityView(r: Resource, ctx: AdapterContext): IdentityView {
  const principalType = IDENTITY_TYPES[r.type]!;
  const p = r.properties;
  const [inlineType, inlineArg] = INLINE_POLICY[principalType];
  const inline = [
    ...(principalType === 'role' ? inlineBlocks(p.inline_policy, ctx) : []),
    ...attaching(r, ctx, inlineType, inlineArg).map((x) => ({
      name: inlineName(x),
      document: terraformPolicyDocument(x.properties.policy, ctx.graph),
    })),
  ];

  const managedPolicyArns: Fact<string>[] = [];
  const attached = new Set<string>();
  const take = (v: Value, holder: Resource, listed: boolean) => {
    const named = policyNamed(v, holder, ctx);
    if (typeof named === 'object' && !(named instanceof Unknown)) {
      attached.add(named.address);
      // An entry of `managed_policy_arns` is listed as written, as CloudFormation's `ManagedPolicyArns` is.
      if (listed) managedPolicyArns.push(fact(v));
    } else managedPolicyArns.push(named);
  };
  if (principalType === 'role' && !computedEcho(p.managed_policy_arns)) {
    const managed = p.managed_policy_arns;
    if (managed instanceof Unknown) managedPolicyArns.push(managed);
    else for (const v of asList(managed)) take(v, r, true);
  }
  const [attachmentType, attachmentArg] = ATTACHMENT[principalType];
  for (const a of attaching(r, ctx, attachmentType, attachmentArg))
    take(a.properties.policy_arn ?? null, a, false);
  for (const a of attaching(r, ctx, SHARED_ATTACHMENT, SHARED_LIST[principalType]))
    take(a.properties.policy_arn ?? null, a, false);

  return {
    kind: 'identity',
    resource: r,
    name: displayName(r),
    principalType,
    trustPolicy:
      principalType === 'role' ? terraformPolicyDocument(p.assume_role_policy, ctx.graph) : undefined,
    inlinePolicies: inline,
    managedPolicyArns,
    attachedPolicies: [...attached],
    accessKeys: principalType === 'user' ? accessKeys(r, ctx) : undefined,
  };
}

/** `aws_iam_access_key` resources whose `user` names the user; `status` defaults to `Active`. */
function accessKeys(user: Resource, ctx: AdapterContext): IdentityView['accessKeys'] {
  return attaching(user, ctx, 'aws_iam_access_key', 'user').map((k) => {
    const status = asString(k.properties.status);
    return {
      address: k.address,
      active: status instanceof Unknown ? status : status !== 'Inactive',
    };
  });
}

/** The identity an attachment argument names: its address in the graph, or the name as written. */
function identityNamed(v: Value, holder: Resource, type: string, ctx: AdapterContext): string {
  const target = ctx.graph.target(v, holder, type);
  if (target !== undefined && !(target instanceof Unknown)) return target.address;
  return nameOf(v);
}

/**
 * `aws_iam_policy` -> permission policy (managed), attached to the identities named by the
 * attachments whose `policy_arn` names it and the roles whose `managed_policy_arns` do.
 */
export function permissionPolicyView(r: Resource, ctx: AdapterContext): PermissionPolicyView {
  const attachedTo = new Set<string>();
  for (const principalType of Object.values(IDENTITY_TYPES)) {
    const identityType = TYPE_OF[principalType];
    const [attachmentType, arg] = ATTACHMENT[principalType];
    for (const a of attaching(r, ctx, attachmentType, 'policy_arn'))
      attachedTo.add(identityNamed(a.properties[arg] ?? null, a, identityType, ctx));
    for (const a of attaching(r, ctx, SHARED_ATTACHMENT, 'policy_arn')) {
      const list = a.properties[SHARED_LIST[principalType]];
      for (const v of list instanceof Unknown ? [list] : asList(list))
        attachedTo.add(identityNamed(v, a, identityType, ctx));
    }
  }
  for (const role of attaching(r, ctx, 'aws_iam_role', 'managed_policy_arns')) attachedTo.add(role.address);
  return {
    kind: 'permission-policy',
    resource: r,
    name: displayName(r),
    managed: true,
    document: terraformPolicyDocument(r.properties.policy, ctx.graph),
    attachedTo: [...attachedTo],
  };
}

/** `aws_cognito_user_pool` -> user directory. `mfa_configuration` defaults to `OFF`. */
export function userPoolView(r: Resource): UserDirectoryView {
  const mfa = asString(r.properties.mfa_configuration) ?? 'OFF';
  return {
    kind: 'user-directory',
    resource: r,
    name: displayName(r),
    mfa:
      mfa instanceof Unknown
        ? mfa
        : mfa === 'ON'
          ? 'required'
          : mfa === 'OPTIONAL'
            ? 'optional'
            : mfa === 'OFF'
              ? 'off'
              : new Unknown(`MFA configuration ${mfa}`),
  };
}

/**
 * `aws_cognito_user_pool_client` -> app client. Service defaults for a client created through the
 * API: `prevent_user_existence_errors` `LEGACY` (existence revealed), `enable_token_revocation` true,
 * OAuth off unless `allowed_oauth_flows_user_pool_client` is true. A default the provider computes
 * (known only after apply) is the service default.
 */
export function userPoolClientView(r: Resource, ctx: AdapterContext): AppClientView {
  const p = r.properties;
  const read = (v: Value | undefined) => (computedEcho(v) ? undefined : v);
  const prevent = asString(read(p.prevent_user_existence_errors)) ?? 'LEGACY';
  const oauthOn = asBool(read(p.allowed_oauth_flows_user_pool_client)) ?? false;
  const flows = p.allowed_oauth_flows;
  const pool = ctx.graph.target(p.user_pool_id, r, 'aws_cognito_user_pool');
  return {
    kind: 'app-client',
    resource: r,
    name: displayName(r),
    directory: pool !== undefined && !(pool instanceof Unknown) ? pool.address : undefined,
    revealsUserExistence:
      prevent instanceof Unknown
        ? prevent
        : prevent === 'ENABLED'
          ? false
          : prevent === 'LEGACY'
            ? true
            : new Unknown(`prevent_user_existence_errors ${prevent}`),
    oauthFlows:
      oauthOn instanceof Unknown
        ? oauthOn
        : !oauthOn
          ? []
          : flows instanceof Unknown
            ? flows
            : asList(flows).map((f) => (typeof f === 'string' ? f : show(f))),
    tokenRevocation: asBool(read(p.enable_token_revocation)) ?? true,
  };
}

/**
 * IAM roles, users, groups and policies -> identity and permission-policy views; Cognito user
 * pools -> user-directory views, their clients -> app-client views.
 */
export function registerIdentity(registry: AdapterRegistry): void {
  registry.register('terraform', Object.keys(IDENTITY_TYPES), identityView);
  registry.register('terraform', POLICY_TYPE, permissionPolicyView);
  registry.register('terraform', 'aws_cognito_user_pool', userPoolView);
  registry.register('terraform', 'aws_cognito_user_pool_client', userPoolClientView);
}
