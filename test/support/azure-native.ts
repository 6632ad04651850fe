import type * as azureInputs from '@pulumi/azure-native/types/input';
import * as cognitiveservices from '@pulumi/azure-native/cognitiveservices';
import * as keyvault from '@pulumi/azure-native/keyvault';
import * as operationalinsights from '@pulumi/azure-native/operationalinsights';
import * as sql from '@pulumi/azure-native/sql';
import * as storage from '@pulumi/azure-native/storage';

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
