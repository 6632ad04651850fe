import type * as azureInputs from '@pulumi/azure-native/types/input';
import * as authorization from '@pulumi/azure-native/authorization';
import * as cognitiveservices from '@pulumi/azure-native/cognitiveservices';
import * as keyvault from '@pulumi/azure-native/keyvault';
import * as operationalinsights from '@pulumi/azure-native/operationalinsights';
import * as sql from '@pulumi/azure-native/sql';
import * as storage from '@pulumi/azure-native/storage';
import * as containerservice from '@pulumi/azure-native/containerservice';
import * as monitor from '@pulumi/azure-native/monitor';
import type { types } from '@pulumi/azure-native';
import type * as pulumi from '@pulumi/pulumi';

/*
 * azure-native resources for Pulumi rule cases, each in the compliant shape of the bulwark/azure components
 * (CONFIDENTIAL level); a case passes overrides to change the one thing it proves.
 */

const TENANT = '00000000-0000-0000-0000-000000000001';

/** Every case's resources sit in one resource group, named (the group itself is not judged). */
const RESOURCE_GROUP = 'rg-cases';

export function storageAccount(
  name: string,
  overrides: Partial<storage.StorageAccountArgs> = {},
): storage.StorageAccount {
  return new storage.StorageAccount(name, {
    resourceGroupName: RESOURCE_GROUP,
    kind: 'StorageV2',
    sku: { name: 'Standard_ZRS' },
    minimumTlsVersion: 'TLS1_2',
    enableHttpsTrafficOnly: true,
    allowBlobPublicAccess: false,
    allowSharedKeyAccess: false,
    publicNetworkAccess: 'Disabled',
    networkRuleSet: { defaultAction: 'Deny', bypass: 'AzureServices' },
    encryption: {
      keySource: 'Microsoft.Keyvault',
      keyVaultProperties: { keyName: 'data', keyVaultUri: 'https://keys.vault.azure.net/' },
      requireInfrastructureEncryption: true,
    },
    tags: { 'data-classification': 'confidential' },
    ...overrides,
  });
}

export function vault(
  name: string,
  overrides: Partial<azureInputs.keyvault.VaultPropertiesArgs> = {},
): keyvault.Vault {
  return new keyvault.Vault(name, {
    resourceGroupName: RESOURCE_GROUP,
    properties: {
      tenantId: TENANT,
      sku: { family: 'A', name: 'standard' },
      enableRbacAuthorization: true,
      enableSoftDelete: true,
      softDeleteRetentionInDays: 90,
      enablePurgeProtection: true,
      publicNetworkAccess: 'Disabled',
      networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices' },
      ...overrides,
    },
    tags: { 'data-classification': 'restricted' },
  });
}

export function sqlServer(name: string, overrides: Partial<sql.ServerArgs> = {}): sql.Server {
  return new sql.Server(name, {
    resourceGroupName: RESOURCE_GROUP,
    version: '12.0',
    minimalTlsVersion: '1.2',
    publicNetworkAccess: 'Disabled',
    administrators: {
      administratorType: 'ActiveDirectory',
      azureADOnlyAuthentication: true,
      login: 'sql-admins',
      sid: '00000000-0000-0000-0000-000000000002',
      principalType: 'Group',
      tenantId: TENANT,
    },
    tags: { 'data-classification': 'restricted' },
    ...overrides,
  });
}

/** Server auditing to Azure Monitor, as the SQL component turns it on. */
export function auditing(server: sql.Server, state: 'Enabled' | 'Disabled' = 'Enabled'): void {
  new sql.ExtendedServerBlobAuditingPolicy('audit', {
    resourceGroupName: RESOURCE_GROUP,
    serverName: server.name,
    blobAuditingPolicyName: 'default',
    state,
    isAzureMonitorTargetEnabled: true,
  });
}

/** A database of `server`, as the SQL component adds them (RESTRICTED: zone-redundant, geo-redundant backups). */
export function sqlDatabase(
  name: string,
  server: sql.Server,
  overrides: Partial<sql.DatabaseArgs> = {},
): sql.Database {
  return new sql.Database(name, {
    resourceGroupName: RESOURCE_GROUP,
    serverName: server.name,
    databaseName: name,
    zoneRedundant: true,
    requestedBackupStorageRedundancy: 'Geo',
    tags: { 'data-classification': 'restricted' },
    ...overrides,
  });
}

/** The database's point-in-time restore window, as the SQL component sets it. */
export function pitrPolicy(
  database: sql.Database,
  server: sql.Server,
  retentionDays: number | undefined,
): sql.BackupShortTermRetentionPolicy {
  return new sql.BackupShortTermRetentionPolicy('pitr', {
    resourceGroupName: RESOURCE_GROUP,
    serverName: server.name,
    databaseName: database.name,
    policyName: 'default',
    retentionDays,
    diffBackupIntervalInHours: 12,
  });
}

/** Threat detection (Defender for SQL) on `server`, as the SQL component turns it on. */
export function sqlThreatDetection(
  server: sql.Server,
  state: 'Enabled' | 'Disabled' = 'Enabled',
): sql.ServerSecurityAlertPolicy {
  return new sql.ServerSecurityAlertPolicy('threat-detection', {
    resourceGroupName: RESOURCE_GROUP,
    serverName: server.name,
    securityAlertPolicyName: 'Default',
    state,
    emailAccountAdmins: true,
  });
}

/** Built-in role ids, as Microsoft publishes them. */
export const ROLES = {
  owner: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
  contributor: 'b24988ac-6180-42a0-ab88-20f7382dd24c',
  reader: 'acdd72a7-3385-48ef-bd42-f606fba81ae7',
  userAccessAdministrator: '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9',
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe',
} as const;

/**
 * A role assignment of a built-in role (by id) or a role definition of the program to a managed identity's service
 * principal, on `scope`, as the bulwark/azure components write theirs.
 */
export function roleAssignment(
  name: string,
  role: string | authorization.RoleDefinition,
  scope: pulumi.Input<string>,
  overrides: Partial<authorization.RoleAssignmentArgs> = {},
): authorization.RoleAssignment {
  return new authorization.RoleAssignment(name, {
    scope,
    principalId: '00000000-0000-0000-0000-000000000003',
    principalType: 'ServicePrincipal',
    roleDefinitionId:
      typeof role === 'string'
        ? `${SUBSCRIPTION}/providers/Microsoft.Authorization/roleDefinitions/${role}`
        : role.id,
    ...overrides,
  });
}

export function aiAccount(
  name: string,
  overrides: Partial<azureInputs.cognitiveservices.AccountPropertiesArgs> = {},
): cognitiveservices.Account {
  return new cognitiveservices.Account(name, {
    resourceGroupName: RESOURCE_GROUP,
    kind: 'OpenAI',
    sku: { name: 'S0' },
    properties: {
      customSubDomainName: `contoso-${name}`,
      disableLocalAuth: true,
      publicNetworkAccess: 'Disabled',
      encryption: {
        keySource: 'Microsoft.KeyVault',
        keyVaultProperties: {
          keyName: 'ai',
          keyVaultUri: 'https://keys.vault.azure.net/',
          identityClientId: TENANT,
        },
      },
      ...overrides,
    },
    tags: { 'data-classification': 'confidential' },
  });
}

export function workspace(
  name: string,
  overrides: Partial<operationalinsights.WorkspaceArgs> = {},
): operationalinsights.Workspace {
  return new operationalinsights.Workspace(name, {
    resourceGroupName: RESOURCE_GROUP,
    sku: { name: 'PerGB2018' },
    retentionInDays: 365,
    tags: { 'data-classification': 'confidential' },
    ...overrides,
  });
}

export const SUBSCRIPTION = '/subscriptions/00000000-0000-0000-0000-000000000000';
export const WORKSPACE_ID =
  '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/audit/providers/Microsoft.OperationalInsights/workspaces/audit';

/**
 * An AKS cluster as the baseline wants it: private API server, Entra ID with Azure RBAC, Kubernetes RBAC, no local
 * accounts, Cilium network policies, secrets encrypted with a Key Vault key; `overrides` replace top-level arguments.
 */
export function aksCluster(
  overrides: Partial<containerservice.ManagedClusterArgs> = {},
  name = 'cluster',
): containerservice.ManagedCluster {
  return new containerservice.ManagedCluster(name, {
    resourceGroupName: 'platform',
    dnsPrefix: 'platform',
    identity: { type: 'SystemAssigned' },
    agentPoolProfiles: [{ name: 'system', mode: 'System', count: 3, vmSize: 'Standard_D4s_v5' }],
    enableRBAC: true,
    disableLocalAccounts: true,
    aadProfile: {
      managed: true,
      enableAzureRBAC: true,
      adminGroupObjectIDs: ['11111111-1111-1111-1111-111111111111'],
    },
    apiServerAccessProfile: { enablePrivateCluster: true },
    networkProfile: { networkPlugin: 'azure', networkPolicy: 'cilium', networkDataplane: 'cilium' },
    securityProfile: {
      azureKeyVaultKms: {
        enabled: true,
        keyId: 'https://platform-keys.vault.azure.net/keys/etcd/0123456789abcdef0123456789abcdef',
        keyVaultNetworkAccess: 'Public',
      },
    },
    ...overrides,
  });
}

/** A diagnostic setting sending `logs` of `resourceUri` to the audit workspace. */
export function diagnostics(
  name: string,
  resourceUri: pulumi.Input<string>,
  logs: types.input.monitor.DiagnosticsLogSettingsArgs[] = [{ categoryGroup: 'allLogs', enabled: true }],
  destination: Partial<monitor.DiagnosticSettingArgs> = { workspaceId: WORKSPACE_ID },
): monitor.DiagnosticSetting {
  return new monitor.DiagnosticSetting(name, { resourceUri, logs, ...destination });
}
