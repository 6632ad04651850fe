import * as pulumi from '@pulumi/pulumi';
import {
  AuditWorkspace,
  ClassifiedKeyVault,
  SegmentedVirtualNetwork,
  type Classification,
} from '../../lib/azure';

/** A resource registered while a program ran under Pulumi's mocks. */
export interface Captured {
  readonly type: string;
  readonly name: string;
  readonly custom: boolean;
  /** The inputs the program registered, as the provider SDK sent them (defaults filled in). */
  readonly inputs: Record<string, unknown>;
}

export const SUBSCRIPTION_ID = '00000000-0000-0000-0000-000000000001';
export const TENANT_ID = '00000000-0000-0000-0000-000000000002';

/** Outputs the real service computes that components read: given back by the mocks. */
function computed(type: string, name: string): Record<string, unknown> {
  switch (type) {
    case 'azure-native:keyvault:Vault':
      return { properties: { vaultUri: `https://${name}.vault.azure.net/` } };
    case 'azure-native:keyvault:Key':
      return { keyUri: `https://vault.vault.azure.net/keys/${name}` };
    case 'azure-native:managedidentity:UserAssignedIdentity':
      return { principalId: `${name}-principal`, clientId: `${name}-client` };
    case 'azure-native:operationalinsights:Workspace':
      return { customerId: `${name}-customer` };
    case 'azure-native:dataprotection:BackupVault':
      return { identity: { principalId: `${name}-principal`, type: 'SystemAssigned' } };
    default:
      return {};
  }
}

/**
 * Run `program` under Pulumi's mocks and return every resource it registered, once every
 * registration has settled.
 */
export async function capture(
  program: () => void | Promise<void>,
  project = 'bulwark-test',
): Promise<Captured[]> {
  const resources: Captured[] = [];
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        resources.push({
          type: args.type,
          name: args.name,
          custom: args.custom ?? true,
          inputs: args.inputs,
        });
        const id = `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/rg/providers/${args.type}/${args.name}`;
        return { id, state: { name: args.name, ...args.inputs, ...computed(args.type, args.name) } };
      },
      call: (args) =>
        args.token === 'azure-native:authorization:getClientConfig'
          ? { subscriptionId: SUBSCRIPTION_ID, tenantId: TENANT_ID, clientId: 'client', objectId: 'object' }
          : {},
    },
    project,
    'dev',
    false,
  );
  try {
    await program();
  } finally {
    // Settle what the program registered before it threw, so no registration outlives these mocks.
    await pulumi.runtime.disconnect();
  }
  return resources;
}

/** Resources of `type`. */
export function ofType(resources: readonly Captured[], type: string): Captured[] {
  return resources.filter((r) => r.type === type);
}

/** The one resource of `type` named `name`; throws when there is none. */
export function named(resources: readonly Captured[], type: string, name: string): Captured {
  const found = resources.find((r) => r.type === type && r.name === name);
  if (!found) {
    const names = ofType(resources, type).map((r) => r.name);
    throw new Error(`no ${type} named ${name} (have: ${names.join(', ') || 'none'})`);
  }
  return found;
}

/** Read a nested input by dotted path. */
export function at(resource: Captured, path: string): unknown {
  let value: unknown = resource.inputs;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** The shared pieces a classified component needs: audit workspace, network and key vault of `level`. */
export function foundation(level: Classification): {
  audit: AuditWorkspace;
  network: SegmentedVirtualNetwork;
  keyVault: ClassifiedKeyVault;
} {
  const placement = { resourceGroupName: 'rg', location: 'westeurope' };
  const audit = new AuditWorkspace('audit', placement);
  const network = new SegmentedVirtualNetwork('net', { ...placement, audit });
  const keyVault = new ClassifiedKeyVault('keys', {
    ...placement,
    classification: level,
    network,
    audit,
    tenantId: TENANT_ID,
    subscriptionId: SUBSCRIPTION_ID,
  });
  return { audit, network, keyVault };
}

export const PLACEMENT = { resourceGroupName: 'rg', location: 'westeurope' } as const;
