import type { Resource } from '../../graph/resource';
import {
  ResourceRef,
  Unknown,
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
import { parsePolicyDocument } from '../common/policy';
import type { AdapterContext, AdapterRegistry } from '../registry';

const IDENTITY_TYPES: Readonly<Record<string, IdentityView['principalType']>> = {
  'AWS::IAM::Role': 'role',
  'AWS::IAM::User': 'user',
  'AWS::IAM::Group': 'group',
};

/** Property of a standalone policy that lists the identities of each kind it is attached to. */
const ATTACH_PROPERTY: Readonly<Record<IdentityView['principalType'], string>> = {
  role: 'Roles',
  user: 'Users',
  group: 'Groups',
};

/** Inline policy resources (`AWS::IAM::RolePolicy`...) and the property naming their identity. */
const INLINE_POLICY_RESOURCES: Readonly<Record<IdentityView['principalType'], [string, string]>> = {
  role: ['AWS::IAM::RolePolicy', 'RoleName'],
  user: ['AWS::IAM::UserPolicy', 'UserName'],
  group: ['AWS::IAM::GroupPolicy', 'GroupName'],
};

const STANDALONE_POLICY_TYPES = ['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy'] as const;

/**
 * Resources of `type` whose `property` names the identity (by reference or by name/ARN). One that may
 * name it (a value several identities claim) counts too: permissions are assumed granted.
 */
function attaching(r: Resource, ctx: AdapterContext, type: string, property: string): readonly Resource[] {
  const found = ctx.graph.attachedBy(r.address, type, (x) => x.properties[property]);
  if (found.uncertain.length === 0) return found.attached;
  return [...found.attached, ...found.uncertain.map((u) => u.resource)];
}

function nameOf(v: Value | undefined): string {
  return typeof v === 'string' ? v : show(v);
}

/** An entry of a list of ARNs or names: plain strings stay, references and expressions become Unknown. */
function fact(v: Value): Fact<string> {
  return asString(v) ?? new Unknown('empty entry');
}

/** The inline `Policies` of an identity: name and parsed document. */
function inlinePolicies(v: Value | undefined): { name: string; document: PolicyDocument }[] {
  if (v instanceof Unknown) return [{ name: v.toString(), document: { statements: [], unresolved: v } }];
  return asList(v)
    .filter(isObject)
    .map((p) => ({ name: nameOf(p.PolicyName), document: parsePolicyDocument(p.PolicyDocument) }));
}

/**
 * `AWS::IAM::Role`, `User`, `Group` -> identity: trust policy (roles), inline policies (the
 * `Policies` property and `AWS::IAM::RolePolicy`/`UserPolicy`/`GroupPolicy` resources), managed
 * policy ARNs, and the standalone `AWS::IAM::Policy`/`ManagedPolicy` resources of the graph attached
 * to it (through their `Roles`/`Users`/`Groups`, or through this identity's `ManagedPolicyArns`).
 */
export function identityView(r: Resource, ctx: AdapterContext): IdentityView {
  const principalType = IDENTITY_TYPES[r.type]!;
  const p = r.properties;
  const [inlineType, inlineProperty] = INLINE_POLICY_RESOURCES[principalType];
  const inline = inlinePolicies(p.Policies);
  for (const x of attaching(r, ctx, inlineType, inlineProperty))
    inline.push({
      name: nameOf(x.properties.PolicyName),
      document: parsePolicyDocument(x.properties.PolicyDocument),
    });
  const managed = p.ManagedPolicyArns;
  const managedPolicyArns: Fact<string>[] =
    managed instanceof Unknown ? [managed] : asList(managed).map(fact);

  const attached = new Set<string>();
  for (const type of STANDALONE_POLICY_TYPES) {
    for (const pol of attaching(r, ctx, type, ATTACH_PROPERTY[principalType])) attached.add(pol.address);
  }
  // Without `ManagedPolicyArns` the identity names no managed policy.
  if (managed !== undefined && managed !== null) {
    for (const pol of ctx.graph.references(r.address, 'AWS::IAM::ManagedPolicy')) {
      if (ctx.graph.names(managed, pol.address, r) !== false) attached.add(pol.address);
    }
  }

  return {
    kind: 'identity',
    resource: r,
    name: displayName(r),
    principalType,
    trustPolicy: principalType === 'role' ? parsePolicyDocument(p.AssumeRolePolicyDocument) : undefined,
    inlinePolicies: inline,
    managedPolicyArns,
    attachedPolicies: [...attached],
    accessKeys: principalType === 'user' ? accessKeys(r, ctx) : undefined,
  };
}

/** `AWS::IAM::AccessKey` resources whose `UserName` references the user; `Status` defaults to `Active`. */
function accessKeys(user: Resource, ctx: AdapterContext): IdentityView['accessKeys'] {
  return attaching(user, ctx, 'AWS::IAM::AccessKey', 'UserName').map((k) => {
    const status = asString(k.properties.Status);
    return { address: k.address, active: status instanceof Unknown ? status : status !== 'Inactive' };
  });
}

/** `AWS::Cognito::UserPool` -> user directory. `MfaConfiguration` defaults to `OFF`. */
export function userPoolView(r: Resource): UserDirectoryView {
  const mfa = asString(r.properties.MfaConfiguration) ?? 'OFF';
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
 * `AWS::Cognito::UserPoolClient` -> app client. Service defaults for a client created through the API (CloudFormation
 * included): `PreventUserExistenceErrors` `LEGACY` (existence revealed), `EnableTokenRevocation` true, and OAuth off
 * unless `AllowedOAuthFlowsUserPoolClient` is true.
 */
export function userPoolClientView(r: Resource): AppClientView {
  const p = r.properties;
  const prevent = asString(p.PreventUserExistenceErrors) ?? 'LEGACY';
  const oauthOn = asBool(p.AllowedOAuthFlowsUserPoolClient) ?? false;
  const flows = p.AllowedOAuthFlows;
  return {
    kind: 'app-client',
    resource: r,
    name: displayName(r),
    directory: p.UserPoolId instanceof ResourceRef ? p.UserPoolId.address : undefined,
    revealsUserExistence:
      prevent instanceof Unknown
        ? prevent
        : prevent === 'ENABLED'
          ? false
          : prevent === 'LEGACY'
            ? true
            : new Unknown(`PreventUserExistenceErrors ${prevent}`),
    oauthFlows:
      oauthOn instanceof Unknown
        ? oauthOn
        : !oauthOn
          ? []
          : flows instanceof Unknown
            ? flows
            : asList(flows).map((f) => (typeof f === 'string' ? f : show(f))),
    tokenRevocation: asBool(p.EnableTokenRevocation) ?? true,
  };
}

/** Each property of a standalone policy naming identities, with the type of those identities. */
const NAMING_PROPERTIES: readonly (readonly [string, string])[] = Object.entries(ATTACH_PROPERTY).map(
  ([principalType, prop]) => [
    prop,
    Object.keys(IDENTITY_TYPES).find((t) => IDENTITY_TYPES[t] === principalType)!,
  ],
);

/**
 * Identities named in a policy's `Roles`/`Users`/`Groups`: graph addresses (by reference or by name),
 * or names as written.
 */
function namedIdentities(r: Resource, ctx: AdapterContext): string[] {
  const out: string[] = [];
  for (const [prop, type] of NAMING_PROPERTIES) {
    const v = r.properties[prop];
    for (const x of v instanceof Unknown ? [v] : asList(v)) {
      if (x instanceof ResourceRef) {
        out.push(x.address);
        continue;
      }
      if (x instanceof Unknown && x.refs.length > 0) {
        out.push(...x.refs.map((ref) => ref.address));
        continue;
      }
      const named = ctx.graph.target(x, r, type);
      if (named !== undefined && !(named instanceof Unknown)) out.push(named.address);
      else out.push(nameOf(x));
    }
  }
  return out;
}

/**
 * `AWS::IAM::Policy` (inline policy attached from outside) and `AWS::IAM::ManagedPolicy` ->
 * permission policy, with the identities it is attached to.
 */
export function permissionPolicyView(r: Resource, ctx: AdapterContext): PermissionPolicyView {
  const managed = r.type === 'AWS::IAM::ManagedPolicy';
  const attachedTo = new Set(namedIdentities(r, ctx));
  if (managed) {
    for (const type of Object.keys(IDENTITY_TYPES)) {
      for (const id of attaching(r, ctx, type, 'ManagedPolicyArns')) attachedTo.add(id.address);
    }
  }
  return {
    kind: 'permission-policy',
    resource: r,
    name: displayName(r),
    managed,
    document: parsePolicyDocument(r.properties.PolicyDocument),
    attachedTo: [...attachedTo],
  };
}

/**
 * IAM roles, users, groups and standalone policies -> identity and permission-policy views; Cognito
 * user pools -> user-directory views, their clients -> app-client views.
 */
export function registerIdentity(registry: AdapterRegistry): void {
  registry.register('cloudformation', Object.keys(IDENTITY_TYPES), identityView);
  registry.register('cloudformation', ['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy'], permissionPolicyView);
  registry.register('cloudformation', 'AWS::Cognito::UserPool', userPoolView);
  registry.register('cloudformation', 'AWS::Cognito::UserPoolClient', userPoolClientView);
}
