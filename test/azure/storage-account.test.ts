import { Classification, ClassifiedStorageAccount, LEVELS, OPT_OUT_TAG_PREFIX } from '../../lib/azure';
import { PLACEMENT, at, capture, foundation, named, ofType } from './support';

const ACCOUNT = 'azure-native:storage:StorageAccount';

async function storeOf(
  level: Classification,
  extra: Partial<ConstructorParameters<typeof ClassifiedStorageAccount>[1]> = {},
) {
  return capture(() => {
    const { audit, network, keyVault } = foundation(level);
    new ClassifiedStorageAccount('data', {
      ...PLACEMENT,
      classification: level,
      audit,
      network,
      keyVault,
      ...extra,
    });
  });
}

describe('ClassifiedStorageAccount', () => {
  describe.each(LEVELS)('at %s', (level) => {
    let resources: Awaited<ReturnType<typeof storeOf>>;
    beforeAll(async () => {
      resources = await storeOf(level);
    });

    it('requires TLS 1.2, HTTPS only and refuses anonymous blob access', () => {
      const account = named(resources, ACCOUNT, 'data-account');
      expect(at(account, 'minimumTlsVersion')).toBe('TLS1_2');
      expect(at(account, 'enableHttpsTrafficOnly')).toBe(true);
      expect(at(account, 'allowBlobPublicAccess')).toBe(false);
      expect(at(account, 'allowCrossTenantReplication')).toBe(false);
      expect(at(account, 'tags.data-classification')).toBe(level.toLowerCase().replace('_', '-'));
    });

    it('keeps blob versions and soft-deleted blobs no longer than the level keeps backups', () => {
      const blobs = named(resources, 'azure-native:storage:BlobServiceProperties', 'data-blobs');
      const days = { PUBLIC: 7, INTERNAL: 35, CONFIDENTIAL: 35, RESTRICTED: 35, TOP_SECRET: 30 }[level];
      expect(at(blobs, 'isVersioningEnabled')).toBe(true);
      expect(at(blobs, 'deleteRetentionPolicy')).toEqual({ enabled: true, days });
      expect(at(blobs, 'containerDeleteRetentionPolicy')).toEqual({ enabled: true, days });
    });

    it("expires blobs after the level's data retention", () => {
      const policy = named(resources, 'azure-native:storage:ManagementPolicy', 'data-lifecycle');
      const rules = at(policy, 'policy.rules') as {
        definition: { actions: Record<string, { delete: Record<string, number> }> };
      }[];
      const expiry = { PUBLIC: undefined, INTERNAL: 730, CONFIDENTIAL: 365, RESTRICTED: 180, TOP_SECRET: 30 }[
        level
      ];
      expect(rules[0]!.definition.actions.baseBlob?.delete.daysAfterModificationGreaterThan).toBe(expiry);
      expect(rules[0]!.definition.actions.version!.delete.daysAfterCreationGreaterThan).toBeLessThanOrEqual(
        expiry ?? Infinity,
      );
    });

    it('sends blob logs to the audit workspace', () => {
      const diag = named(resources, 'azure-native:monitor:DiagnosticSetting', 'data-blobs-diagnostics');
      expect(at(diag, 'logs')).toEqual(expect.arrayContaining([{ categoryGroup: 'audit', enabled: true }]));
    });
  });

  it.each([
    [Classification.PUBLIC, true, 'Enabled', 'Microsoft.Storage', false],
    [Classification.INTERNAL, true, 'Enabled', 'Microsoft.Keyvault', false],
    [Classification.CONFIDENTIAL, false, 'Enabled', 'Microsoft.Keyvault', false],
    [Classification.RESTRICTED, false, 'Disabled', 'Microsoft.Keyvault', false],
    [Classification.TOP_SECRET, false, 'Disabled', 'Microsoft.Keyvault', true],
  ])(
    'at %s: shared keys %s, public network %s, key source %s, infrastructure encryption %s',
    async (level, sharedKey, network, keySource, infra) => {
      const resources = await storeOf(level);
      const account = named(resources, ACCOUNT, 'data-account');
      expect(at(account, 'allowSharedKeyAccess')).toBe(sharedKey);
      expect(at(account, 'publicNetworkAccess')).toBe(network);
      expect(at(account, 'networkRuleSet.defaultAction')).toBe('Deny');
      expect(at(account, 'encryption.keySource')).toBe(keySource);
      expect(at(account, 'encryption.requireInfrastructureEncryption')).toBe(infra);
      if (keySource === 'Microsoft.Keyvault') {
        expect(at(account, 'encryption.keyVaultProperties.keyName')).toBe('data-key');
        expect(at(account, 'encryption.encryptionIdentity.encryptionUserAssignedIdentity')).toMatch(
          /data-identity$/,
        );
      }
    },
  );

  it('restores blobs to a point in time from CONFIDENTIAL up, inside the soft-delete window', async () => {
    const internal = named(
      await storeOf(Classification.INTERNAL),
      'azure-native:storage:BlobServiceProperties',
      'data-blobs',
    );
    const confidential = named(
      await storeOf(Classification.CONFIDENTIAL),
      'azure-native:storage:BlobServiceProperties',
      'data-blobs',
    );
    expect(at(internal, 'restorePolicy')).toBeUndefined();
    expect(at(confidential, 'restorePolicy')).toEqual({ enabled: true, days: 34 });
  });

  it('places a blob private endpoint in the data tier, registered in the blob zone', async () => {
    const resources = await storeOf(Classification.RESTRICTED);
    const endpoint = named(resources, 'azure-native:network:PrivateEndpoint', 'data-blob-pe');
    expect(at(endpoint, 'subnet.id')).toMatch(/net-data$/);
    expect(at(endpoint, 'privateLinkServiceConnections')).toEqual([
      expect.objectContaining({
        groupIds: ['blob'],
        privateLinkServiceId: expect.stringMatching(/data-account$/),
      }),
    ]);
    const zones = named(resources, 'azure-native:network:PrivateDnsZoneGroup', 'data-blob-pe-dns');
    expect(at(zones, 'privateDnsZoneConfigs')).toEqual([
      expect.objectContaining({ privateDnsZoneId: expect.stringMatching(/net-blob-core-windows-net$/) }),
    ]);
  });

  it('anonymousRead at PUBLIC allows anonymous access and records the reason on the account', async () => {
    const reason = 'Static marketing assets served to anyone';
    const resources = await capture(() => {
      const { audit } = foundation(Classification.PUBLIC);
      new ClassifiedStorageAccount('site', {
        ...PLACEMENT,
        classification: Classification.PUBLIC,
        audit,
        anonymousRead: { reason },
      });
    });
    const account = named(resources, ACCOUNT, 'site-account');
    expect(at(account, 'allowBlobPublicAccess')).toBe(true);
    expect(at(account, 'networkRuleSet.defaultAction')).toBe('Allow');
    // One tag per rule the opt-out acknowledges: public access (BW-DP-008) and the open endpoint (BW-DP-027).
    expect(
      (at(account, 'tags') as Record<string, string>)[`${OPT_OUT_TAG_PREFIX}anonymousRead:BW-DP-008`],
    ).toBe(reason);
    expect(
      (at(account, 'tags') as Record<string, string>)[`${OPT_OUT_TAG_PREFIX}anonymousRead:BW-DP-027`],
    ).toBe(reason);
    const component = named(resources, 'bulwark:azure:ClassifiedStorageAccount', 'site');
    expect(at(component, 'optOuts')).toEqual([
      { resource: 'site-account', rule: 'BW-DP-008', control: 'mcsb-v1:NS-2', prop: 'anonymousRead', reason },
      { resource: 'site-account', rule: 'BW-DP-027', control: 'mcsb-v1:NS-2', prop: 'anonymousRead', reason },
    ]);
  });

  it('sharedKeyAccess at CONFIDENTIAL keeps shared keys and records the reason', async () => {
    const reason = 'Legacy SFTP gateway signs requests with the account key';
    const resources = await storeOf(Classification.CONFIDENTIAL, { sharedKeyAccess: { reason } });
    const account = named(resources, ACCOUNT, 'data-account');
    expect(at(account, 'allowSharedKeyAccess')).toBe(true);
    expect(at(account, `tags.${OPT_OUT_TAG_PREFIX}sharedKeyAccess`)).toBe(reason);
  });

  it.each([
    [
      'anonymousRead above PUBLIC',
      Classification.INTERNAL,
      { anonymousRead: { reason: 'public website assets' } },
      'BULWARK_PUBLIC_READ_LEVEL',
    ],
    [
      'no key vault at INTERNAL',
      Classification.INTERNAL,
      { keyVault: undefined },
      'BULWARK_CUSTOMER_KEY_REQUIRED',
    ],
    [
      'no network at RESTRICTED',
      Classification.RESTRICTED,
      { network: undefined },
      'BULWARK_PRIVATE_ENDPOINT_REQUIRED',
    ],
    [
      'a reason too short',
      Classification.CONFIDENTIAL,
      { sharedKeyAccess: { reason: 'legacy' } },
      'BULWARK_OPT_OUT_REASON',
    ],
    [
      'sharedKeyAccess where shared keys are allowed',
      Classification.INTERNAL,
      { sharedKeyAccess: { reason: 'legacy client uses keys' } },
      'BULWARK_OPT_OUT_UNNEEDED',
    ],
  ])('refuses %s', async (_name, level, extra, code) => {
    await expect(storeOf(level, extra)).rejects.toThrow(code);
  });

  it('creates no key at PUBLIC, one from INTERNAL up', async () => {
    // Besides the audit archive's own key.
    const keys = async (level: Classification) =>
      ofType(await storeOf(level), 'azure-native:keyvault:Key')
        .map((k) => k.name)
        .filter((n) => !n.startsWith('audit-'));
    expect(await keys(Classification.PUBLIC)).toEqual([]);
    expect(await keys(Classification.INTERNAL)).toHaveLength(1);
  });
});
