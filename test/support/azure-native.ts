import type * as azureInputs from '@pulumi/azure-native/types/input';
import * as authorization from '@pulumi/azure-native/authorization';
import * as cognitiveservices from '@pulumi/azure-native/cognitiveservices';
import * as keyvault from '@pulumi/azure-native/keyvault';
import * as operationalinsights from '@pulumi/azure-native/operationalinsights';
import * as sql from '@pulumi/azure-native/sql';
import * as storage from '@pulumi/azure-native/storage';
import * as containerservice from '@pulumi/azure-native/containerservice';
import * as dataprotection from '@pulumi/azure-native/dataprotection';
import * as monitor from '@pulumi/azure-native/monitor';
import * as cdn from '@pulumi/azure-native/cdn';
import * as network from '@pulumi/azure-native/network';
import type { types } from '@pulumi/azure-native';
import * as pulumi from '@pulumi/pulumi';

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
  opts?: pulumi.CustomResourceOptions,
): storage.StorageAccount {
  return new storage.StorageAccount(
    name,
    {
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
    },
    opts,
  );
}

/** A `CanNotDelete` lock on a resource, named by its id. */
export function deleteLock(
  name: string,
  target: pulumi.CustomResource,
  overrides: Partial<authorization.ManagementLockByScopeArgs> = {},
): authorization.ManagementLockByScope {
  return new authorization.ManagementLockByScope(name, {
    scope: target.id,
    level: 'CanNotDelete',
    notes: 'Deleting it deletes its data.',
    ...overrides,
  });
}

/**
 * The account's blob service as `StorageAccount` sets it: versioning on, blobs and containers kept 30 days after
 * deletion.
 */
export function blobService(
  account: storage.StorageAccount,
  name: string,
  overrides: Partial<storage.BlobServicePropertiesArgs> = {},
): storage.BlobServiceProperties {
  return new storage.BlobServiceProperties(`${name}-blobs`, {
    resourceGroupName: RESOURCE_GROUP,
    accountName: account.name,
    blobServicesName: 'default',
    isVersioningEnabled: true,
    deleteRetentionPolicy: { enabled: true, days: 30 },
    containerDeleteRetentionPolicy: { enabled: true, days: 30 },
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

/** Blob data source type of Azure Backup. */
const BLOB_DATASOURCE = 'Microsoft.Storage/storageAccounts/blobServices';

/** A backup vault in the shape of `ClassifiedBackupVault`: immutability locked, geo-redundant, job failures alerted. */
export function backupVault(
  name: string,
  overrides: Partial<azureInputs.dataprotection.BackupVaultArgs> = {},
): dataprotection.BackupVault {
  return new dataprotection.BackupVault(name, {
    resourceGroupName: RESOURCE_GROUP,
    identity: { type: 'SystemAssigned' },
    properties: {
      storageSettings: [{ datastoreType: 'VaultStore', type: 'GeoRedundant' }],
      securitySettings: {
        immutabilitySettings: { state: 'Locked' },
        softDeleteSettings: { state: 'AlwaysOn', retentionDurationInDays: 14 },
      },
      monitoringSettings: { azureMonitorAlertSettings: { alertsForAllJobFailures: 'Enabled' } },
      ...overrides,
    },
    tags: { 'data-classification': 'confidential' },
  });
}

/** What a blob backup policy keeps and how often it backs up. */
export interface BlobPolicyOptions {
  /** Vaulted retention (ISO 8601). @default 'P35D' */
  readonly vaultRetention?: string;
  /** Continuous (operational) retention; `null` for none. @default 'P35D' */
  readonly operationalRetention?: string | null;
  /** Repeating intervals of the vaulted backup. @default daily at 02:00 UTC */
  readonly schedule?: readonly string[];
}

/** A blob backup policy in the shape of `ClassifiedBackupVault`'s: vaulted daily, and continuous. */
export function blobBackupPolicy(
  name: string,
  vault: dataprotection.BackupVault,
  options: BlobPolicyOptions = {},
): dataprotection.BackupPolicy {
  const store = (dataStoreType: string) => ({ dataStoreType, objectType: 'DataStoreInfoBase' });
  const keep = (dataStoreType: string, duration: string) => ({
    objectType: 'AzureRetentionRule' as const,
    name: 'Default',
    isDefault: true,
    lifecycles: [
      {
        deleteAfter: { objectType: 'AbsoluteDeleteOption' as const, duration },
        sourceDataStore: store(dataStoreType),
        targetDataStoreCopySettings: [],
      },
    ],
  });
  const operational = options.operationalRetention === undefined ? 'P35D' : options.operationalRetention;
  return new dataprotection.BackupPolicy(name, {
    resourceGroupName: RESOURCE_GROUP,
    vaultName: vault.name,
    backupPolicyName: name,
    properties: {
      objectType: 'BackupPolicy',
      datasourceTypes: [BLOB_DATASOURCE],
      policyRules: [
        ...(operational === null ? [] : [keep('OperationalStore', operational)]),
        keep('VaultStore', options.vaultRetention ?? 'P35D'),
        {
          objectType: 'AzureBackupRule',
          name: 'BackupDaily',
          backupParameters: { objectType: 'AzureBackupParams', backupType: 'Discrete' },
          dataStore: store('VaultStore'),
          trigger: {
            objectType: 'ScheduleBasedTriggerContext',
            schedule: {
              repeatingTimeIntervals: [...(options.schedule ?? ['R/2026-01-01T02:00:00+00:00/P1D'])],
              timeZone: 'UTC',
            },
            taggingCriteria: [{ isDefault: true, tagInfo: { tagName: 'Default' }, taggingPriority: 99 }],
          },
        },
      ],
    },
  });
}

/** A backup instance enrolling `account`'s blobs in `policy`, as `ClassifiedBackupVault.protect` does. */
export function blobBackupInstance(
  name: string,
  vault: dataprotection.BackupVault,
  policy: dataprotection.BackupPolicy,
  account: storage.StorageAccount,
): dataprotection.BackupInstance {
  const datasource = {
    datasourceType: BLOB_DATASOURCE,
    objectType: 'Datasource',
    resourceID: account.id,
    resourceName: account.name,
    resourceType: 'Microsoft.Storage/storageAccounts',
    resourceUri: account.id,
    resourceLocation: account.location,
  };
  return new dataprotection.BackupInstance(name, {
    resourceGroupName: RESOURCE_GROUP,
    vaultName: vault.name,
    properties: {
      objectType: 'BackupInstance',
      dataSourceInfo: datasource,
      dataSourceSetInfo: { ...datasource, objectType: 'DatasourceSet' },
      policyInfo: {
        policyId: policy.id,
        policyParameters: {
          backupDatasourceParametersList: [
            { objectType: 'BlobBackupDatasourceParameters', containersList: ['documents'] },
          ],
        },
      },
    },
  });
}

/** The activity log categories `SecurityPosture` exports. */
const ACTIVITY_LOG = ['Administrative', 'Security', 'Policy', 'Alert'];

/** Archive options of {@link activityLog}. */
export interface ActivityLogOptions {
  /** The archive's immutability policy state; `null` for no immutability. @default 'Locked' */
  readonly immutability?: 'Locked' | 'Unlocked' | null;
  /** Categories the setting sends. @default Administrative, Security, Policy, Alert */
  readonly categories?: readonly string[];
  /** Whether the workspace exports the activity table to the archive. @default true */
  readonly exported?: boolean;
  /** Overrides of the archive account. */
  readonly archive?: Partial<storage.StorageAccountArgs>;
  /** Whether the archive's blob service sends all its logs to the workspace. @default false */
  readonly archiveLogs?: boolean;
}

/**
 * The subscription's activity log as `AuditWorkspace` and `SecurityPosture` keep it: sent to a workspace that exports
 * its `AzureActivity` table to an immutable archive account.
 */
export function activityLog(
  name: string,
  options: ActivityLogOptions = {},
): monitor.SubscriptionDiagnosticSetting {
  const ws = workspace(`${name}-workspace`, { tags: {} });
  const state = options.immutability === undefined ? 'Locked' : options.immutability;
  const archive = storageAccount(`${name}-archive`, {
    publicNetworkAccess: 'Enabled',
    tags: {},
    ...(state === null
      ? {}
      : {
          immutableStorageWithVersioning: {
            enabled: true,
            immutabilityPolicy: {
              immutabilityPeriodSinceCreationInDays: 365,
              state,
              allowProtectedAppendWrites: true,
            },
          },
        }),
    ...options.archive,
  });
  if (options.archiveLogs)
    diagnostics(`${name}-archive-blobs`, pulumi.interpolate`${archive.id}/blobServices/default`, undefined, {
      workspaceId: ws.id,
    });
  if (options.exported !== false)
    new operationalinsights.DataExport(`${name}-export`, {
      resourceGroupName: RESOURCE_GROUP,
      workspaceName: ws.name,
      dataExportName: 'archive',
      enable: true,
      resourceId: archive.id,
      tableNames: ['AzureActivity'],
    });
  return new monitor.SubscriptionDiagnosticSetting(name, {
    name,
    workspaceId: ws.id,
    logs: (options.categories ?? ACTIVITY_LOG).map((category) => ({ category, enabled: true })),
  });
}

/** The ARM id of a part of the application gateway `gateway` (`frontendPorts`, `sslProfiles`...), as programs write it. */
export function gatewayPart(kind: string, name: string): { id: string } {
  return {
    id: `${SUBSCRIPTION}/resourceGroups/${RESOURCE_GROUP}/providers/Microsoft.Network/applicationGateways/gateway/${kind}/${name}`,
  };
}

/** A listener of {@link applicationGateway}: its name, protocol and, optionally, the SSL profile it names. */
export interface GatewayListener {
  readonly name: string;
  readonly protocol: 'Http' | 'Https';
  readonly sslProfile?: string;
  /** HTTP listeners: where the routing rule sends requests (`backend` pool, or a redirect to this URL). */
  readonly redirectTo?: string;
}

/**
 * An application gateway (`WAF_v2`) named `gateway` with the listeners given, each with one basic routing rule: to
 * the backend pool, or to a redirect configuration.
 */
export function applicationGateway(
  listeners: readonly GatewayListener[],
  overrides: Partial<network.ApplicationGatewayArgs> = {},
): network.ApplicationGateway {
  const redirects = listeners.filter((l) => l.redirectTo !== undefined);
  return new network.ApplicationGateway('gateway', {
    resourceGroupName: RESOURCE_GROUP,
    applicationGatewayName: 'gateway',
    sku: { name: 'WAF_v2', tier: 'WAF_v2', capacity: 2 },
    gatewayIPConfigurations: [
      {
        name: 'ip',
        subnet: {
          id: `${SUBSCRIPTION}/resourceGroups/${RESOURCE_GROUP}/providers/Microsoft.Network/virtualNetworks/network/subnets/ingress`,
        },
      },
    ],
    frontendIPConfigurations: [
      {
        name: 'public',
        publicIPAddress: {
          id: `${SUBSCRIPTION}/resourceGroups/${RESOURCE_GROUP}/providers/Microsoft.Network/publicIPAddresses/gateway`,
        },
      },
    ],
    frontendPorts: [
      { name: 'http', port: 80 },
      { name: 'https', port: 443 },
    ],
    sslCertificates: [{ name: 'site', keyVaultSecretId: 'https://keys.vault.azure.net/secrets/site' }],
    backendAddressPools: [{ name: 'app', backendAddresses: [{ fqdn: 'app.internal.example' }] }],
    backendHttpSettingsCollection: [{ name: 'app', port: 443, protocol: 'Https' }],
    httpListeners: listeners.map((l) => ({
      name: l.name,
      protocol: l.protocol,
      frontendIPConfiguration: gatewayPart('frontendIPConfigurations', 'public'),
      frontendPort: gatewayPart('frontendPorts', l.protocol === 'Https' ? 'https' : 'http'),
      ...(l.protocol === 'Https' ? { sslCertificate: gatewayPart('sslCertificates', 'site') } : {}),
      ...(l.sslProfile ? { sslProfile: gatewayPart('sslProfiles', l.sslProfile) } : {}),
    })),
    redirectConfigurations: redirects.map((l) => ({
      name: `${l.name}-redirect`,
      redirectType: 'Permanent',
      targetUrl: l.redirectTo,
      includePath: true,
      includeQueryString: true,
    })),
    requestRoutingRules: listeners.map((l, i) => ({
      name: `${l.name}-rule`,
      ruleType: 'Basic',
      priority: 100 + i,
      httpListener: gatewayPart('httpListeners', l.name),
      ...(l.redirectTo !== undefined
        ? { redirectConfiguration: gatewayPart('redirectConfigurations', `${l.name}-redirect`) }
        : {
            backendAddressPool: gatewayPart('backendAddressPools', 'app'),
            backendHttpSettings: gatewayPart('backendHttpSettingsCollection', 'app'),
          }),
    })),
    sslPolicy: { policyType: 'Predefined', policyName: 'AppGwSslPolicy20220101S' },
    ...overrides,
  });
}

/**
 * A Front Door (Standard) route named `route` serving the custom domain `www` (TLS policy `TLS12_2023` unless
 * `tlsSettings` says otherwise), over the protocols given.
 */
export function frontDoorRoute(
  route: Partial<cdn.RouteArgs> = {},
  tlsSettings: Partial<azureInputs.cdn.AFDDomainHttpsParametersArgs> = {},
): cdn.Route {
  const domain = new cdn.AFDCustomDomain('www', {
    resourceGroupName: RESOURCE_GROUP,
    profileName: 'edge',
    customDomainName: 'www',
    hostName: 'www.example.com',
    tlsSettings: { certificateType: 'ManagedCertificate', cipherSuiteSetType: 'TLS12_2023', ...tlsSettings },
  });
  return new cdn.Route('route', {
    resourceGroupName: RESOURCE_GROUP,
    profileName: 'edge',
    endpointName: 'site',
    customDomains: [{ id: domain.id }],
    originGroup: {
      id: `${SUBSCRIPTION}/resourceGroups/${RESOURCE_GROUP}/providers/Microsoft.Cdn/profiles/edge/originGroups/app`,
    },
    supportedProtocols: ['Https'],
    forwardingProtocol: 'HttpsOnly',
    linkToDefaultDomain: 'Disabled',
    ...route,
  });
}
