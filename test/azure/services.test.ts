import {
  AuditWorkspace,
  BACKUP_SOFT_DELETE_DAYS,
  Classification,
  ClassifiedAiAccount,
  ClassifiedBackupVault,
  ClassifiedSqlServer,
  ClassifiedStorageAccount,
  MCSB_INITIATIVE_ID,
  OPT_OUT_TAG_PREFIX,
  SecurityPosture,
  requirementsFor,
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

const ACCOUNT = { subscriptionId: SUBSCRIPTION_ID, tenantId: TENANT_ID };
const ADMIN = { login: 'sql-admins', objectId: '00000000-0000-0000-0000-0000000000aa' };

describe('ClassifiedSqlServer', () => {
  const sqlOf = (level: Classification, withKey = true) =>
    capture(() => {
      const { audit, network, keyVault } = foundation(level);
      const server = new ClassifiedSqlServer('orders', {
        ...PLACEMENT,
        ...ACCOUNT,
        classification: level,
        administrator: ADMIN,
        audit,
        network,
        keyVault: withKey ? keyVault : undefined,
      });
      server.addDatabase('ledger');
    });

  it.each([
    [Classification.INTERNAL, '1.2', true, 'Zone', 35],
    [Classification.CONFIDENTIAL, '1.2', true, 'Zone', 35],
    [Classification.RESTRICTED, '1.3', true, 'Geo', 35],
    [Classification.TOP_SECRET, '1.3', true, 'Geo', 30],
  ])('at %s: TLS %s, customer key %s, %s backups kept %d days', async (level, tls, cmk, redundancy, pitr) => {
    const resources = await sqlOf(level);
    const server = named(resources, 'azure-native:sql:Server', 'orders-server');
    expect(at(server, 'administrators')).toMatchObject({
      administratorType: 'ActiveDirectory',
      azureADOnlyAuthentication: true,
      sid: ADMIN.objectId,
      tenantId: TENANT_ID,
    });
    expect(at(server, 'administratorLogin')).toBeUndefined();
    expect(at(server, 'administratorLoginPassword')).toBeUndefined();
    expect(at(server, 'minimalTlsVersion')).toBe(tls);
    expect(at(server, 'publicNetworkAccess')).toBe('Disabled');
    if (cmk) {
      expect(at(server, 'keyId')).toMatch(/orders-key$/);
      expect(at(server, 'primaryUserAssignedIdentityId')).toMatch(/orders-identity$/);
    } else {
      expect(at(server, 'keyId')).toBeUndefined();
    }
    const db = named(resources, 'azure-native:sql:Database', 'ledger-db');
    expect(at(db, 'requestedBackupStorageRedundancy')).toBe(redundancy);
    expect(at(named(resources, 'azure-native:sql:TransparentDataEncryption', 'ledger-tde'), 'state')).toBe(
      'Enabled',
    );
    const retention = at(
      named(resources, 'azure-native:sql:BackupShortTermRetentionPolicy', 'ledger-pitr'),
      'retentionDays',
    ) as number;
    expect(retention).toBe(pitr);
    expect(retention).toBeLessThanOrEqual(requirementsFor(level).dataRetentionDays!);
  });

  it('audits to the workspace through the master database', async () => {
    const resources = await sqlOf(Classification.CONFIDENTIAL);
    const auditing = named(resources, 'azure-native:sql:ExtendedServerBlobAuditingPolicy', 'orders-auditing');
    expect(at(auditing, 'state')).toBe('Enabled');
    expect(at(auditing, 'isAzureMonitorTargetEnabled')).toBe(true);
    const master = named(resources, 'azure-native:monitor:DiagnosticSetting', 'orders-master-diagnostics');
    expect(at(master, 'resourceUri')).toMatch(/orders-server\/databases\/master$/);
    expect(at(master, 'logs')).toContainEqual({ category: 'SQLSecurityAuditEvents', enabled: true });
    expect(at(master, 'workspaceId')).toMatch(/audit-workspace$/);
    expect(
      at(
        named(resources, 'azure-native:network:PrivateEndpoint', 'orders-sql-pe'),
        'privateLinkServiceConnections',
      ),
    ).toEqual([expect.objectContaining({ groupIds: ['sqlServer'] })]);
  });

  it('refuses a CONFIDENTIAL server without a key vault', async () => {
    await expect(sqlOf(Classification.CONFIDENTIAL, false)).rejects.toThrow('BULWARK_CUSTOMER_KEY_REQUIRED');
  });
});

describe('ClassifiedBackupVault', () => {
  const vaultOf = (level: Classification) =>
    capture(() => {
      const { audit, network, keyVault } = foundation(level);
      const vault = new ClassifiedBackupVault('backup', {
        ...PLACEMENT,
        ...ACCOUNT,
        classification: level,
        audit,
        keyVault,
      });
      const store = new ClassifiedStorageAccount('data', {
        ...PLACEMENT,
        classification: level,
        audit,
        network,
        keyVault,
      });
      vault.protect('data', store, ['documents']);
    });

  const durations = (resources: Captured[]) =>
    (
      at(
        named(resources, 'azure-native:dataprotection:BackupPolicy', 'backup-blob-policy'),
        'properties.policyRules',
      ) as {
        objectType: string;
        lifecycles?: { deleteAfter: { duration: string }; sourceDataStore: { dataStoreType: string } }[];
      }[]
    )
      .filter((r) => r.objectType === 'AzureRetentionRule')
      .map((r) => [r.lifecycles![0]!.sourceDataStore.dataStoreType, r.lifecycles![0]!.deleteAfter.duration]);

  it.each([
    [Classification.INTERNAL, 'ZoneRedundant', [['VaultStore', 'P35D']]],
    [
      Classification.CONFIDENTIAL,
      'ZoneRedundant',
      [
        ['OperationalStore', 'P35D'],
        ['VaultStore', 'P35D'],
      ],
    ],
    [
      Classification.RESTRICTED,
      'GeoRedundant',
      [
        ['OperationalStore', 'P35D'],
        ['VaultStore', 'P35D'],
      ],
    ],
    [
      Classification.TOP_SECRET,
      'GeoRedundant',
      [
        ['OperationalStore', 'P30D'],
        ['VaultStore', 'P30D'],
      ],
    ],
  ])('at %s: locked, soft delete always on, %s, retention %j', async (level, redundancy, expected) => {
    const resources = await vaultOf(level);
    const vault = named(resources, 'azure-native:dataprotection:BackupVault', 'backup-vault');
    expect(at(vault, 'properties.securitySettings.immutabilitySettings.state')).toBe('Locked');
    expect(at(vault, 'properties.securitySettings.softDeleteSettings')).toEqual({
      state: 'AlwaysOn',
      retentionDurationInDays: BACKUP_SOFT_DELETE_DAYS,
    });
    expect(at(vault, 'properties.storageSettings')).toEqual([
      { datastoreType: 'VaultStore', type: redundancy },
    ]);
    expect(durations(resources)).toEqual(expected);
    const cmk = at(vault, 'properties.securitySettings.encryptionSettings') as
      Record<string, unknown> | undefined;
    // A customer-managed key at every level the service holds (INTERNAL up).
    expect(cmk).toMatchObject({
      state: 'Enabled',
      infrastructureEncryption: level === Classification.TOP_SECRET ? 'Enabled' : 'Disabled',
    });
    const instance = named(resources, 'azure-native:dataprotection:BackupInstance', 'data-backup');
    expect(at(instance, 'properties.policyInfo.policyId')).toMatch(/backup-blob-policy$/);
    expect(
      at(
        named(resources, 'azure-native:authorization:RoleAssignment', 'data-backup-grant'),
        'roleDefinitionId',
      ),
    ).toMatch(/e5e2a7ff-d759-4cd2-bb51-3152d37e2eb1$/);
  });

  it('refuses PUBLIC data, which keeps no backups', async () => {
    await expect(vaultOf(Classification.PUBLIC)).rejects.toThrow('BULWARK_BACKUP_LEVEL');
  });

  it('refuses to protect a store of another level', async () => {
    await expect(
      capture(() => {
        const { audit, network, keyVault } = foundation(Classification.RESTRICTED);
        const vault = new ClassifiedBackupVault('backup', {
          ...PLACEMENT,
          ...ACCOUNT,
          classification: Classification.RESTRICTED,
          audit,
          keyVault,
        });
        const store = new ClassifiedStorageAccount('data', {
          ...PLACEMENT,
          classification: Classification.CONFIDENTIAL,
          audit,
          network,
          keyVault,
        });
        vault.protect('data', store, ['documents']);
      }),
    ).rejects.toThrow('BULWARK_BACKUP_LEVEL_MISMATCH');
  });
});

describe('ClassifiedAiAccount', () => {
  const aiOf = (
    level: Classification,
    extra: Partial<ConstructorParameters<typeof ClassifiedAiAccount>[1]> = {},
  ) =>
    capture(() => {
      const { audit, network, keyVault } = foundation(level);
      new ClassifiedAiAccount('assistant', {
        ...PLACEMENT,
        classification: level,
        kind: 'OpenAI',
        customSubDomainName: 'assistant-x',
        audit,
        network,
        keyVault,
        ...extra,
      });
    });

  it.each([Classification.INTERNAL, Classification.CONFIDENTIAL, Classification.TOP_SECRET])(
    'at %s: keys off, private only',
    async (level) => {
      const resources = await aiOf(level);
      const account = named(resources, 'azure-native:cognitiveservices:Account', 'assistant-account');
      expect(at(account, 'kind')).toBe('OpenAI');
      expect(at(account, 'properties.disableLocalAuth')).toBe(true);
      expect(at(account, 'properties.publicNetworkAccess')).toBe('Disabled');
      expect(at(account, 'properties.networkAcls.defaultAction')).toBe('Deny');
      expect(at(account, 'properties.encryption.keySource')).toBe('Microsoft.KeyVault');
      expect(at(account, 'properties.restrictOutboundNetworkAccess')).toBe(
        level === Classification.TOP_SECRET,
      );
      expect(
        at(
          named(resources, 'azure-native:network:PrivateEndpoint', 'assistant-ai-pe'),
          'privateLinkServiceConnections',
        ),
      ).toEqual([expect.objectContaining({ groupIds: ['account'] })]);
      expect(
        at(
          named(resources, 'azure-native:monitor:DiagnosticSetting', 'assistant-account-diagnostics'),
          'logs',
        ),
      ).toContainEqual({ categoryGroup: 'audit', enabled: true });
    },
  );

  it('localAuth keeps API keys and records the reason on the account', async () => {
    const reason = 'Vendor plug-in supports API keys only until Q3';
    const resources = await aiOf(Classification.CONFIDENTIAL, { localAuth: { reason } });
    const account = named(resources, 'azure-native:cognitiveservices:Account', 'assistant-account');
    expect(at(account, 'properties.disableLocalAuth')).toBe(false);
    expect(at(account, `tags.${OPT_OUT_TAG_PREFIX}localAuth`)).toBe(reason);
  });

  it('refuses a CONFIDENTIAL account without a key vault', async () => {
    await expect(aiOf(Classification.CONFIDENTIAL, { keyVault: undefined })).rejects.toThrow(
      'BULWARK_CUSTOMER_KEY_REQUIRED',
    );
  });
});

describe('SecurityPosture', () => {
  const postureOf = (extra: Partial<ConstructorParameters<typeof SecurityPosture>[1]> = {}) =>
    capture(() => {
      const audit = new AuditWorkspace('audit', PLACEMENT);
      new SecurityPosture('posture', {
        ...ACCOUNT,
        audit,
        securityContactEmails: 'soc@example.com',
        ...extra,
      });
    });

  it('turns Defender plans on, CSPM included, assigns the MCSB initiative and names a security contact', async () => {
    const resources = await postureOf();
    const plans = ofType(resources, 'azure-native:security:Pricing');
    expect(plans.map((p) => at(p, 'pricingName'))).toEqual(
      expect.arrayContaining([
        'CloudPosture',
        'VirtualMachines',
        'SqlServers',
        'StorageAccounts',
        'KeyVaults',
        'AI',
      ]),
    );
    expect(
      plans.every(
        (p) =>
          at(p, 'pricingTier') === 'Standard' && at(p, 'scopeId') === `/subscriptions/${SUBSCRIPTION_ID}`,
      ),
    ).toBe(true);
    const mcsb = named(resources, 'azure-native:authorization:PolicyAssignment', 'posture-mcsb');
    expect(at(mcsb, 'policyDefinitionId')).toBe(MCSB_INITIATIVE_ID);
    expect(at(mcsb, 'scope')).toBe(`/subscriptions/${SUBSCRIPTION_ID}`);
    const contact = named(resources, 'azure-native:security:SecurityContact', 'posture-contact');
    expect(at(contact, 'emails')).toBe('soc@example.com');
    expect(at(contact, 'notificationsSources')).toContainEqual({
      sourceType: 'Alert',
      minimalSeverity: 'Medium',
    });
    const activity = named(
      resources,
      'azure-native:monitor:SubscriptionDiagnosticSetting',
      'posture-activity-log',
    );
    expect(at(activity, 'logs')).toContainEqual({ category: 'Security', enabled: true });
  });

  it('excludedPlans leaves a plan off and records the reason on the component', async () => {
    const reason = 'No App Service in this subscription yet';
    const resources = await postureOf({ excludedPlans: { AppServices: { reason } } });
    expect(ofType(resources, 'azure-native:security:Pricing').map((p) => at(p, 'pricingName'))).not.toContain(
      'AppServices',
    );
    expect(at(named(resources, 'bulwark:azure:SecurityPosture', 'posture'), 'optOuts')).toEqual([
      { resource: 'posture-AppServices', control: 'mcsb-v1:LT-1', prop: 'excludedPlans.AppServices', reason },
    ]);
  });

  it('refuses an unknown plan', async () => {
    await expect(
      postureOf({ excludedPlans: { Mainframes: { reason: 'there are none of these' } } }),
    ).rejects.toThrow('BULWARK_DEFENDER_PLAN');
  });
});
