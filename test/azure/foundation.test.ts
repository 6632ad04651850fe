import {
  AuditWorkspace,
  Classification,
  ClassifiedKeyVault,
  DENY_ALL_PRIORITY,
  SegmentedVirtualNetwork,
  Tier,
} from '../../lib/azure';
import {
  PLACEMENT,
  SUBSCRIPTION_ID,
  TENANT_ID,
  at,
  capture,
  foundation,
  named,
  ofType,
  type Captured,
} from './support';

interface Rule {
  name: string;
  direction: string;
  access: string;
  priority: number;
  sourceAddressPrefix: string;
  destinationAddressPrefix: string;
  destinationPortRange?: string;
  destinationPortRanges?: string[];
}

const rulesOf = (resources: Captured[], tier: Tier): Rule[] =>
  at(
    named(resources, 'azure-native:network:NetworkSecurityGroup', `net-${tier.toLowerCase()}-nsg`),
    'securityRules',
  ) as Rule[];

describe('AuditWorkspace', () => {
  let resources: Captured[];
  beforeAll(async () => {
    resources = await capture(() => {
      new AuditWorkspace('audit', PLACEMENT);
    });
  });

  it('keeps logs 365 days with local authentication off', () => {
    const ws = named(resources, 'azure-native:operationalinsights:Workspace', 'audit-workspace');
    expect(at(ws, 'retentionInDays')).toBe(365);
    expect(at(ws, 'features.disableLocalAuth')).toBe(true);
  });

  it('exports its tables to an archive whose blobs are immutable for a year', () => {
    const archive = named(resources, 'azure-native:storage:StorageAccount', 'audit-archive');
    expect(at(archive, 'immutableStorageWithVersioning')).toEqual({
      enabled: true,
      immutabilityPolicy: {
        immutabilityPeriodSinceCreationInDays: 365,
        state: 'Unlocked',
        allowProtectedAppendWrites: true,
      },
    });
    expect(at(archive, 'minimumTlsVersion')).toBe('TLS1_2');
    expect(at(archive, 'allowBlobPublicAccess')).toBe(false);
    expect(at(archive, 'allowSharedKeyAccess')).toBe(false);
    const exp = named(resources, 'azure-native:operationalinsights:DataExport', 'audit-export');
    expect(at(exp, 'enable')).toBe(true);
    expect(at(exp, 'resourceId')).toMatch(/audit-archive$/);
    expect(at(exp, 'tableNames')).toContain('AzureActivity');
  });

  it("encrypts the archive with a customer-managed key of the workspace's own CONFIDENTIAL vault, twice", () => {
    const archive = named(resources, 'azure-native:storage:StorageAccount', 'audit-archive');
    expect(at(archive, 'encryption')).toMatchObject({
      keySource: 'Microsoft.Keyvault',
      keyVaultProperties: {
        keyName: 'audit-archive-key',
        keyVaultUri: 'https://audit-keys-vault.vault.azure.net/',
      },
      encryptionIdentity: {
        encryptionUserAssignedIdentity: expect.stringMatching(/audit-archive-identity$/),
      },
      requireInfrastructureEncryption: true,
    });
    expect(at(archive, 'identity.type')).toBe('UserAssigned');
    const vault = named(resources, 'azure-native:keyvault:Vault', 'audit-keys-vault');
    expect(at(vault, 'tags.data-classification')).toBe('confidential');
    expect(at(vault, 'properties.publicNetworkAccess')).toBe('Disabled');
    // A CONFIDENTIAL key rotates yearly; the vault's own audit log comes to the workspace.
    const key = named(resources, 'azure-native:keyvault:Key', 'audit-archive-key');
    expect(at(key, 'properties.rotationPolicy.lifetimeActions')).toContainEqual({
      trigger: { timeAfterCreate: 'P365D' },
      action: { type: 'rotate' },
    });
    expect(
      ofType(resources, 'azure-native:monitor:DiagnosticSetting').map((d) => String(at(d, 'resourceUri'))),
    ).toContainEqual(expect.stringMatching(/audit-keys-vault$/));
  });

  it('deletes archived blobs and their previous versions once their immutability is over', () => {
    const policy = named(resources, 'azure-native:storage:ManagementPolicy', 'audit-archive-lifecycle');
    expect(at(policy, 'policy.rules')).toEqual([
      expect.objectContaining({
        enabled: true,
        definition: {
          filters: { blobTypes: ['blockBlob'] },
          actions: {
            baseBlob: { delete: { daysAfterModificationGreaterThan: 365 } },
            version: { delete: { daysAfterCreationGreaterThan: 365 } },
          },
        },
      }),
      expect.objectContaining({
        enabled: true,
        definition: {
          filters: { blobTypes: ['appendBlob'] },
          actions: { baseBlob: { delete: { daysAfterModificationGreaterThan: 365 } } },
        },
      }),
    ]);
  });

  it('keeps archived blobs as long as they are immutable', async () => {
    const policy = named(
      await capture(() => void new AuditWorkspace('audit', { ...PLACEMENT, immutabilityDays: 400 })),
      'azure-native:storage:ManagementPolicy',
      'audit-archive-lifecycle',
    );
    const rules = at(policy, 'policy.rules') as { definition: { actions: object } }[];
    expect(rules.map((r) => r.definition.actions)).toEqual([
      {
        baseBlob: { delete: { daysAfterModificationGreaterThan: 400 } },
        version: { delete: { daysAfterCreationGreaterThan: 400 } },
      },
      { baseBlob: { delete: { daysAfterModificationGreaterThan: 400 } } },
    ]);
  });

  it('tags the workspace and the archive CONFIDENTIAL', () => {
    for (const r of [
      named(resources, 'azure-native:operationalinsights:Workspace', 'audit-workspace'),
      named(resources, 'azure-native:storage:StorageAccount', 'audit-archive'),
    ]) {
      expect(at(r, 'tags.data-classification')).toBe('confidential');
    }
    // Without opt-outs, nothing the services cannot give is acknowledged.
    for (const r of [
      named(resources, 'azure-native:operationalinsights:Workspace', 'audit-workspace'),
      named(resources, 'azure-native:storage:StorageAccount', 'audit-archive'),
    ])
      expect(Object.keys(at(r, 'tags') as object)).toEqual(['data-classification']);
  });

  it('records unmaskedLogs on the workspace and noArchiveBackup on the archive, with their reasons', async () => {
    const masking = 'Audit records name callers, which is what they are for';
    const backup = 'Azure Backup copies no append blob';
    const resources = await capture(
      () =>
        void new AuditWorkspace('audit', {
          ...PLACEMENT,
          unmaskedLogs: { reason: masking },
          noArchiveBackup: { reason: backup },
        }),
    );
    expect(
      at(named(resources, 'azure-native:operationalinsights:Workspace', 'audit-workspace'), 'tags'),
    ).toEqual({
      'data-classification': 'confidential',
      'bulwark:opt-out:unmaskedLogs:BW-DP-014': masking,
    });
    expect(at(named(resources, 'azure-native:storage:StorageAccount', 'audit-archive'), 'tags')).toEqual({
      'data-classification': 'confidential',
      'bulwark:opt-out:noArchiveBackup:BW-BR-005': backup,
    });
  });

  it('records serviceManagedKey, with its reason, for the rules it acknowledges', async () => {
    const reason = 'No dedicated cluster for this volume of logs';
    const ws = named(
      await capture(() => void new AuditWorkspace('audit', { ...PLACEMENT, serviceManagedKey: { reason } })),
      'azure-native:operationalinsights:Workspace',
      'audit-workspace',
    );
    expect(at(ws, 'tags')).toEqual({
      'data-classification': 'confidential',
      'bulwark:opt-out:serviceManagedKey:BW-DP-002': reason,
      'bulwark:opt-out:serviceManagedKey:BW-DP-012': reason,
    });
  });

  it("audits its own queries and the archive's blob access", () => {
    const diags = ofType(resources, 'azure-native:monitor:DiagnosticSetting').map((d) =>
      String(at(d, 'resourceUri')),
    );
    expect(diags).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/audit-workspace$/),
        expect.stringMatching(/audit-archive\/blobServices\/default$/),
      ]),
    );
  });

  it.each([
    [{ retentionInDays: 90 }, 'BULWARK_AUDIT_RETENTION'],
    [{ immutabilityDays: 30 }, 'BULWARK_AUDIT_IMMUTABILITY'],
    [{ exportTables: [] }, 'BULWARK_AUDIT_EXPORT'],
    [{ serviceManagedKey: { reason: 'no' } }, 'BULWARK_OPT_OUT_REASON'],
    [{ noArchiveBackup: { reason: 'no' } }, 'BULWARK_OPT_OUT_REASON'],
    [{ unmaskedLogs: { reason: 'no' } }, 'BULWARK_OPT_OUT_REASON'],
  ])('refuses %j', async (extra, code) => {
    await expect(capture(() => void new AuditWorkspace('audit', { ...PLACEMENT, ...extra }))).rejects.toThrow(
      code,
    );
  });
});

describe('SegmentedVirtualNetwork', () => {
  let resources: Captured[];
  beforeAll(async () => {
    resources = await capture(() => {
      const audit = new AuditWorkspace('audit', PLACEMENT);
      new SegmentedVirtualNetwork('net', { ...PLACEMENT, audit });
    });
  });

  it.each([Tier.INGRESS, Tier.APPLICATION, Tier.DATA])(
    '%s NSG ends in an explicit deny-all inbound rule',
    (tier) => {
      const deny = rulesOf(resources, tier).find((r) => r.name === 'DenyAllInbound');
      expect(deny).toMatchObject({
        direction: 'Inbound',
        access: 'Deny',
        priority: DENY_ALL_PRIORITY,
        sourceAddressPrefix: '*',
        destinationPortRange: '*',
      });
    },
  );

  it('says why each NSG rule is there', () => {
    for (const tier of [Tier.INGRESS, Tier.APPLICATION, Tier.DATA])
      for (const r of rulesOf(resources, tier) as (Rule & { description?: string })[]) {
        expect(r.description).toEqual(expect.any(String));
        expect(r.description!.length).toBeGreaterThan(0);
        expect(r.description!.length).toBeLessThanOrEqual(140);
      }
    expect(rulesOf(resources, Tier.DATA)).toContainEqual(
      expect.objectContaining({
        name: 'AllowApplicationToData1433In',
        description: 'Application tier to Data tier on Tcp 1433 (declared flow)',
      }),
    );
  });

  it('admits the internet only to the ingress tier, on 443', () => {
    for (const tier of [Tier.INGRESS, Tier.APPLICATION, Tier.DATA]) {
      const fromInternet = rulesOf(resources, tier).filter(
        (r) =>
          r.access === 'Allow' &&
          r.direction === 'Inbound' &&
          ['Internet', '*', '0.0.0.0/0'].includes(r.sourceAddressPrefix),
      );
      if (tier === Tier.INGRESS) expect(fromInternet.map((r) => r.destinationPortRange)).toEqual(['443']);
      else expect(fromInternet).toEqual([]);
    }
  });

  it('allows the data tier only the declared flows in, and nothing out', () => {
    const data = rulesOf(resources, Tier.DATA);
    const allowedIn = data.filter((r) => r.access === 'Allow' && r.direction === 'Inbound');
    expect(allowedIn.map((r) => [r.sourceAddressPrefix, r.destinationPortRange])).toEqual([
      ['10.0.1.0/24', '443'],
      ['10.0.1.0/24', '1433'],
    ]);
    expect(data.filter((r) => r.direction === 'Outbound')).toEqual([
      expect.objectContaining({ access: 'Deny', priority: DENY_ALL_PRIORITY, destinationAddressPrefix: '*' }),
    ]);
  });

  it('gives subnets no default outbound access and applies NSGs to private endpoints in the data tier', () => {
    const data = named(resources, 'azure-native:network:Subnet', 'net-data');
    expect(at(data, 'defaultOutboundAccess')).toBe(false);
    expect(at(data, 'privateEndpointNetworkPolicies')).toBe('Enabled');
    expect(at(data, 'networkSecurityGroup.id')).toMatch(/net-data-nsg$/);
  });

  it('logs flows (version 2) to the audit archive with traffic analytics', () => {
    const flowLog = named(resources, 'azure-native:network:FlowLog', 'net-flow-log');
    expect(at(flowLog, 'enabled')).toBe(true);
    expect(at(flowLog, 'targetResourceId')).toMatch(/net-vnet$/);
    expect(at(flowLog, 'storageId')).toMatch(/audit-archive$/);
    expect(at(flowLog, 'format')).toEqual({ type: 'JSON', version: 2 });
    expect(at(flowLog, 'flowAnalyticsConfiguration.networkWatcherFlowAnalyticsConfiguration.enabled')).toBe(
      true,
    );
    expect(at(flowLog, 'networkWatcherName')).toBe('NetworkWatcher_westeurope');
    expect(at(flowLog, 'identity.userAssignedIdentities')).toEqual([
      expect.stringMatching(/net-flow-log-identity$/),
    ]);
    const grant = named(resources, 'azure-native:authorization:RoleAssignment', 'net-flow-log-grant');
    expect(at(grant, 'scope')).toMatch(/audit-archive$/);
    expect(at(grant, 'roleDefinitionId')).toMatch(/ba92f5b4-2d11-453d-a403-e96b0029c9fe$/);
  });

  it('links a private DNS zone per private endpoint service to the network', () => {
    const zones = ofType(resources, 'azure-native:privatedns:PrivateZone').map((z) =>
      at(z, 'privateZoneName'),
    );
    expect(zones).toEqual(
      expect.arrayContaining([
        'privatelink.blob.core.windows.net',
        'privatelink.vaultcore.azure.net',
        'privatelink.database.windows.net',
        'privatelink.openai.azure.com',
      ]),
    );
    expect(ofType(resources, 'azure-native:privatedns:VirtualNetworkLink')).toHaveLength(zones.length);
  });

  it.each([
    [{ flows: [{ from: Tier.APPLICATION, to: Tier.DATA, port: '*' }] }, 'BULWARK_VNET_FLOW_PORT'],
    [{ flows: [{ from: Tier.DATA, to: Tier.INGRESS, port: 22 }] }, 'BULWARK_VNET_FLOW_INWARD'],
    [{ addressSpace: '10.0.0.0/26' }, 'BULWARK_VNET_CIDR'],
    [{ privateEndpointGroups: ['mongo'] }, 'BULWARK_VNET_DNS_GROUP'],
  ])('refuses %j', async (extra, code) => {
    await expect(
      capture(() => {
        const audit = new AuditWorkspace('audit', PLACEMENT);
        new SegmentedVirtualNetwork('net', { ...PLACEMENT, audit, ...extra });
      }),
    ).rejects.toThrow(code);
  });
});

describe('ClassifiedKeyVault', () => {
  it.each([
    [Classification.CONFIDENTIAL, 'standard', 'RSA', 'P365D', 'P395D'],
    [Classification.RESTRICTED, 'premium', 'RSA-HSM', 'P180D', 'P210D'],
    [Classification.TOP_SECRET, 'premium', 'RSA-HSM', 'P90D', 'P120D'],
  ])('at %s: %s vault, %s keys rotating every %s', async (level, sku, kty, rotation, expiry) => {
    const resources = await capture(() => {
      const { keyVault } = foundation(level);
      keyVault.customerManagedKey('store', {
        classification: level,
        parent: keyVault,
        resourceGroupName: 'rg',
      });
    });
    const vault = named(resources, 'azure-native:keyvault:Vault', 'keys-vault');
    expect(at(vault, 'properties')).toMatchObject({
      tenantId: TENANT_ID,
      sku: { family: 'A', name: sku },
      enableRbacAuthorization: true,
      enableSoftDelete: true,
      softDeleteRetentionInDays: 90,
      enablePurgeProtection: true,
      publicNetworkAccess: 'Disabled',
      networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices' },
    });
    expect(
      at(
        named(resources, 'azure-native:network:PrivateEndpoint', 'keys-vault-pe'),
        'privateLinkServiceConnections',
      ),
    ).toEqual([expect.objectContaining({ groupIds: ['vault'] })]);
    const key = named(resources, 'azure-native:keyvault:Key', 'store-key');
    expect(at(key, 'properties.kty')).toBe(kty);
    expect(at(key, 'properties.rotationPolicy.lifetimeActions')).toContainEqual({
      trigger: { timeAfterCreate: rotation },
      action: { type: 'rotate' },
    });
    expect(at(key, 'properties.rotationPolicy.attributes.expiryTime')).toBe(expiry);
    const grant = named(resources, 'azure-native:authorization:RoleAssignment', 'store-key-grant');
    expect(at(grant, 'scope')).toMatch(/store-key$/);
    expect(at(grant, 'roleDefinitionId')).toBe(
      `/subscriptions/${SUBSCRIPTION_ID}/providers/Microsoft.Authorization/roleDefinitions/e147488a-f6f5-4113-8e2d-b22465e65bf6`,
    );
    expect(
      ofType(resources, 'azure-native:monitor:DiagnosticSetting').some((d) =>
        String(at(d, 'resourceUri')).endsWith('keys-vault'),
      ),
    ).toBe(true);
  });

  it('takes tenant and subscription from the client configuration when not given', async () => {
    const resources = await capture(() => {
      const audit = new AuditWorkspace('audit', PLACEMENT);
      const network = new SegmentedVirtualNetwork('net', { ...PLACEMENT, audit });
      new ClassifiedKeyVault('keys', {
        ...PLACEMENT,
        classification: Classification.INTERNAL,
        network,
        audit,
      });
    });
    expect(at(named(resources, 'azure-native:keyvault:Vault', 'keys-vault'), 'properties.tenantId')).toBe(
      TENANT_ID,
    );
  });
});

describe('ClassifiedKeyVault network', () => {
  it('takes no private endpoint below RESTRICTED unless given a network', async () => {
    const resources = await capture(() => {
      const audit = new AuditWorkspace('audit', PLACEMENT);
      new ClassifiedKeyVault('keys', { ...PLACEMENT, classification: Classification.CONFIDENTIAL, audit });
    });
    expect(at(named(resources, 'azure-native:keyvault:Vault', 'keys-vault'), 'properties')).toMatchObject({
      publicNetworkAccess: 'Disabled',
      networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices' },
    });
    expect(ofType(resources, 'azure-native:network:PrivateEndpoint')).toEqual([]);
  });

  it('refuses a RESTRICTED vault without a network', async () => {
    await expect(
      capture(() => {
        const audit = new AuditWorkspace('audit', PLACEMENT);
        new ClassifiedKeyVault('keys', { ...PLACEMENT, classification: Classification.RESTRICTED, audit });
      }),
    ).rejects.toThrow('BULWARK_PRIVATE_ENDPOINT_REQUIRED');
  });
});

describe('AuditWorkspace archiveImmutability', () => {
  it('locks the archive policy once asked to', async () => {
    const resources = await capture(() => {
      new AuditWorkspace('audit', { ...PLACEMENT, archiveImmutability: 'Locked' });
    });
    const archive = named(resources, 'azure-native:storage:StorageAccount', 'audit-archive');
    expect(at(archive, 'immutableStorageWithVersioning.immutabilityPolicy.state')).toBe('Locked');
  });
});

describe('ClassifiedKeyVault customerManagedKey', () => {
  it("refuses a key for data above the vault's level", async () => {
    await expect(
      capture(() => {
        const { keyVault } = foundation(Classification.CONFIDENTIAL);
        keyVault.customerManagedKey('store', {
          classification: Classification.TOP_SECRET,
          parent: keyVault,
          resourceGroupName: 'rg',
        });
      }),
    ).rejects.toThrow('BULWARK_KEY_VAULT_LEVEL');
  });
});
