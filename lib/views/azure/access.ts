import type { ResourceGraph } from '../../graph/graph';
import type { Resource } from '../../graph/resource';
import { ResourceRef, Unknown, asList, asString, isObject, show, type Value } from '../../graph/values';
import type { AccessGrantView, Fact, GrantScopeType } from '../kinds';
import { displayName } from '../common/naming';
import type { AdapterContext, AdapterRegistry } from '../registry';

/*
 * Azure role assignments -> access grants. A role assignment gives a principal (a user, group, service principal or
 * managed identity: one identity of the tenant) the permissions of a role definition on a scope: the tenant root, a
 * management group, a subscription, a resource group or one resource. The role's actions, not-actions, data actions
 * and not-data-actions are the grant's. Built-in roles are known by their id, the same in every
 * subscription; a custom role is read from its role definition when the program declares it, otherwise its actions
 * stay Unknown.
 */

const ROLE_ASSIGNMENT = 'azure-native:authorization:RoleAssignment';
const ROLE_DEFINITION = 'azure-native:authorization:RoleDefinition';
const RESOURCE_GROUP = 'azure-native:resources:ResourceGroup';

/** A role's permissions: actions and data actions allowed, and those taken away from them. */
interface RolePermissions {
  readonly name: string;
  readonly actions: readonly string[];
  readonly notActions: readonly string[];
  readonly dataActions?: readonly string[];
  readonly notDataActions?: readonly string[];
}

/**
 * Built-in roles by id, with their permissions as Microsoft publishes them.
 * @see https://learn.microsoft.com/azure/role-based-access-control/built-in-roles
 */
export const BUILT_IN_ROLES: Readonly<Record<string, RolePermissions>> = {
  '8e3af657-a8ff-443c-a75c-2fe8c4bcb635': { name: 'Owner', actions: ['*'], notActions: [] },
  'b24988ac-6180-42a0-ab88-20f7382dd24c': {
    name: 'Contributor',
    actions: ['*'],
    notActions: [
      'Microsoft.Authorization/*/Delete',
      'Microsoft.Authorization/*/Write',
      'Microsoft.Authorization/elevateAccess/Action',
      'Microsoft.Blueprint/blueprintAssignments/write',
      'Microsoft.Blueprint/blueprintAssignments/delete',
      'Microsoft.Compute/galleries/share/action',
      'Microsoft.Purview/consents/write',
      'Microsoft.Purview/consents/delete',
      'Microsoft.Resources/deploymentStacks/manageDenySetting/action',
      'Microsoft.Subscription/cancel/action',
      'Microsoft.Subscription/enable/action',
    ],
  },
  'acdd72a7-3385-48ef-bd42-f606fba81ae7': { name: 'Reader', actions: ['*/read'], notActions: [] },
  '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9': {
    name: 'User Access Administrator',
    actions: ['*/read', 'Microsoft.Authorization/*', 'Microsoft.Support/*'],
    notActions: [],
  },
  'f58310d9-a9f6-439a-9e8d-f62e7b41a168': {
    name: 'Role Based Access Control Administrator',
    actions: [
      'Microsoft.Authorization/roleAssignments/write',
      'Microsoft.Authorization/roleAssignments/delete',
      '*/read',
      'Microsoft.Support/*',
    ],
    notActions: [],
  },
  'e147488a-f6f5-4113-8e2d-b22465e65bf6': {
    name: 'Key Vault Crypto Service Encryption User',
    actions: [
      'Microsoft.EventGrid/eventSubscriptions/write',
      'Microsoft.EventGrid/eventSubscriptions/read',
      'Microsoft.EventGrid/eventSubscriptions/delete',
    ],
    notActions: [],
    dataActions: [
      'Microsoft.KeyVault/vaults/keys/read',
      'Microsoft.KeyVault/vaults/keys/wrap/action',
      'Microsoft.KeyVault/vaults/keys/unwrap/action',
    ],
  },
  'e5e2a7ff-d759-4cd2-bb51-3152d37e2eb1': {
    name: 'Storage Account Backup Contributor',
    actions: [
      'Microsoft.Authorization/*/read',
      'Microsoft.Authorization/locks/read',
      'Microsoft.Authorization/locks/write',
      'Microsoft.Authorization/locks/delete',
      'Microsoft.Features/features/read',
      'Microsoft.Features/providers/features/read',
      'Microsoft.Resources/subscriptions/resourceGroups/read',
      'Microsoft.Storage/operations/read',
      'Microsoft.Storage/storageAccounts/objectReplicationPolicies/delete',
      'Microsoft.Storage/storageAccounts/objectReplicationPolicies/read',
      'Microsoft.Storage/storageAccounts/objectReplicationPolicies/write',
      'Microsoft.Storage/storageAccounts/objectReplicationPolicies/restorePointMarkers/write',
      'Microsoft.Storage/storageAccounts/blobServices/containers/read',
      'Microsoft.Storage/storageAccounts/blobServices/containers/write',
      'Microsoft.Storage/storageAccounts/blobServices/read',
      'Microsoft.Storage/storageAccounts/blobServices/write',
      'Microsoft.Storage/storageAccounts/read',
      'Microsoft.Storage/storageAccounts/restoreBlobRanges/action',
    ],
    notActions: [],
  },
  'ba92f5b4-2d11-453d-a403-e96b0029c9fe': {
    name: 'Storage Blob Data Contributor',
    actions: [
      'Microsoft.Storage/storageAccounts/blobServices/containers/delete',
      'Microsoft.Storage/storageAccounts/blobServices/containers/read',
      'Microsoft.Storage/storageAccounts/blobServices/containers/write',
      'Microsoft.Storage/storageAccounts/blobServices/generateUserDelegationKey/action',
    ],
    notActions: [],
    dataActions: [
      'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/delete',
      'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read',
      'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write',
      'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/move/action',
      'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/add/action',
    ],
  },
};

const GUID = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\s*$/i;

/** Permissions of a role definition the program declares: the union of its `permissions`. */
function declaredRole(r: Resource): RolePermissions | Unknown {
  const name = asString(r.properties.roleName);
  const actions: string[] = [];
  const notActions: string[] = [];
  const dataActions: string[] = [];
  const notDataActions: string[] = [];
  const perms = r.properties.permissions;
  if (perms instanceof Unknown) return perms;
  for (const p of asList(perms)) {
    if (!isObject(p)) return new Unknown(`a permission of role \`${displayName(r)}\` is ${show(p)}`);
    for (const [key, out] of [
      ['actions', actions],
      ['dataActions', dataActions],
      ['notActions', notActions],
      ['notDataActions', notDataActions],
    ] as const) {
      for (const a of asList(p[key])) {
        const s = asString(a);
        if (typeof s !== 'string')
          return s ?? new Unknown(`\`${key}\` of role \`${displayName(r)}\` holds ${show(a)}`);
        out.push(s);
      }
    }
  }
  return {
    name: typeof name === 'string' ? name : displayName(r),
    actions,
    notActions,
    dataActions,
    notDataActions,
  };
}

/** The role a `roleDefinitionId` names: a built-in role by its id, a role definition of the program, or Unknown. */
function roleOf(v: Value | undefined, graph: ResourceGraph): RolePermissions | Unknown {
  const ref = v instanceof ResourceRef ? v : v instanceof Unknown ? v.refs[0] : undefined;
  const declared = ref ? graph.get(ref.address) : undefined;
  if (declared?.type === ROLE_DEFINITION) return declaredRole(declared);
  const written = typeof v === 'string' ? v : v instanceof Unknown ? v.display : undefined;
  const id = written === undefined ? undefined : GUID.exec(written)?.[1]?.toLowerCase();
  if (id === undefined)
    return v instanceof Unknown ? v : new Unknown(`the role definition id ${show(v)} names no role`);
  return (
    BUILT_IN_ROLES[id] ??
    new Unknown(`role definition \`${id}\` is not a built-in role, and the program does not declare it`)
  );
}

/** What a scope written as an Azure resource id covers. */
function scopeTypeOfId(id: string): Fact<GrantScopeType> {
  const path = id.replace(/\/+$/, '');
  if (path === '') return 'organization';
  if (/^\/providers\/Microsoft\.Management\/managementGroups\/[^/]+$/i.test(path)) return 'organization';
  if (/^\/subscriptions\/[^/]+$/i.test(path)) return 'account';
  if (/^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+$/i.test(path)) return 'resource-group';
  if (/^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/.+/i.test(path)) return 'resource';
  if (/^\/providers\/Microsoft\.Management\/managementGroups\/[^/]+\/.+/i.test(path)) return 'resource';
  return new Unknown(`scope \`${id}\` is not an Azure resource id`);
}

/**
 * The scope of an assignment and what it covers: a resource of the graph by its address (a resource group, or one
 * resource), an id as written, or the Unknown it is. An id whose unresolved parts are names (a subscription id from
 * configuration) is still classified by its shape.
 */
function scopeOf(
  v: Value | undefined,
  graph: ResourceGraph,
): { scope: Fact<string>; type: Fact<GrantScopeType>; name?: string } {
  const inGraph = (target: Resource) => ({
    scope: target.address,
    type: target.type === RESOURCE_GROUP ? ('resource-group' as const) : ('resource' as const),
    name: displayName(target),
  });
  if (v instanceof ResourceRef) {
    const target = graph.get(v.address);
    return target ? inGraph(target) : { scope: v.address, type: 'resource' };
  }
  const s = asString(v);
  if (s === undefined) return { scope: new Unknown('no `scope`'), type: new Unknown('no `scope`') };
  if (typeof s === 'string') return { scope: s, type: scopeTypeOfId(s) };
  const shown = s.display?.replace(/\$\{[^{}]*\}/g, 'x');
  if (shown !== undefined && shown.startsWith('/')) {
    const type = scopeTypeOfId(shown);
    if (typeof type === 'string') return { scope: s, type };
  }
  if (s.refs.length === 1 && s.display === `\${${s.refs[0]!.toString()}}`) {
    const target = graph.get(s.refs[0]!.address);
    if (target) return inGraph(target);
  }
  return { scope: s, type: s };
}

/** The principal: the address of the identity of the graph it names, or the id as written. */
function principalOf(v: Value | undefined, graph: ResourceGraph): Fact<string> {
  const s = asString(v);
  if (s === undefined) return new Unknown('the assignment names no `principalId`');
  if (typeof s === 'string') return s;
  const ref = s.refs.length === 1 ? s.refs[0] : undefined;
  return ref && graph.get(ref.address) ? ref.address : s;
}

/** `authorization:RoleAssignment` -> access grant: the role's actions, for one identity, on the scope. */
export function roleAssignmentView(r: Resource, ctx: AdapterContext): AccessGrantView {
  const p = r.properties;
  const role = roleOf(p.roleDefinitionId, ctx.graph);
  const { scope, type, name } = scopeOf(p.scope, ctx.graph);
  const condition = asString(p.condition);
  const principal = principalOf(p.principalId, ctx.graph);
  return {
    kind: 'access-grant',
    resource: r,
    name: displayName(r),
    // Deny assignments are resources of their own, which programs cannot declare: an assignment allows.
    effect: 'allow',
    principal,
    // A principal id is one object of the tenant: a user, a group, a service principal or a managed identity.
    principalType: 'identity',
    actions: role instanceof Unknown ? [role] : role.actions,
    // Not-actions only take away from actions (with none, a role grants no action, unlike an IAM `NotAction`).
    ...(role instanceof Unknown || role.notActions.length === 0 || role.actions.length === 0
      ? {}
      : { notActions: role.notActions }),
    dataActions: role instanceof Unknown ? [role] : (role.dataActions ?? []),
    ...(role instanceof Unknown || (role.notDataActions ?? []).length === 0
      ? {}
      : { notDataActions: role.notDataActions }),
    scope,
    scopeType: type,
    ...(name === undefined ? {} : { scopeName: name }),
    ...(role instanceof Unknown ? {} : { role: role.name }),
    // An attribute-based condition narrows the grant; it is kept as written.
    conditions: condition === undefined ? {} : { Condition: { 'azure:condition': [condition] } },
  };
}

export function registerAzureAccess(registry: AdapterRegistry): void {
  registry.register('pulumi', ROLE_ASSIGNMENT, roleAssignmentView);
  // A custom role grants nothing by itself: the assignments that give it are judged with its permissions.
  registry.register('pulumi', ROLE_DEFINITION, () => undefined);
}
