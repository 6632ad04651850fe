import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pulumi from '@pulumi/pulumi';
import { parse } from 'yaml';
import { at, capture, named, ofType, type Captured } from './support';

/** Run an example program with its dev stack's configuration, under Pulumi's mocks. */
async function runExample(dir: string): Promise<Captured[]> {
  const root = join(__dirname, '..', '..', 'examples', dir);
  const project = (parse(readFileSync(join(root, 'Pulumi.yaml'), 'utf8')) as { name: string }).name;
  const stack = parse(readFileSync(join(root, 'Pulumi.dev.yaml'), 'utf8')) as {
    config: Record<string, string>;
  };
  return capture(async () => {
    pulumi.runtime.setAllConfig(stack.config);
    await import(join(root, 'index.ts'));
  }, project);
}

describe('examples/azure', () => {
  let resources: Captured[];
  beforeAll(async () => {
    resources = await runExample('azure');
  });

  it('composes every component', () => {
    const components = new Set(resources.filter((r) => !r.custom).map((r) => r.type));
    for (const c of [
      'AuditWorkspace',
      'SegmentedVirtualNetwork',
      'SecurityPosture',
      'ClassifiedKeyVault',
      'ClassifiedStorageAccount',
      'ClassifiedBackupVault',
      'ClassifiedSqlServer',
      'ClassifiedAiAccount',
    ]) {
      expect(components).toContain(`bulwark:azure:${c}`);
    }
  });

  it('tags every storage account, server and AI account with its level', () => {
    const stores = [
      ...ofType(resources, 'azure-native:storage:StorageAccount').filter((r) => r.name !== 'audit-archive'),
      ...ofType(resources, 'azure-native:sql:Server'),
      ...ofType(resources, 'azure-native:cognitiveservices:Account'),
    ];
    expect(stores.length).toBeGreaterThanOrEqual(6);
    for (const s of stores)
      expect(at(s, 'tags.data-classification')).toMatch(
        /^(public|internal|confidential|restricted|top-secret)$/,
      );
  });

  it('sends every NSG, vault, store and server log to the one audit workspace', () => {
    const diagnostics = ofType(resources, 'azure-native:monitor:DiagnosticSetting');
    expect(diagnostics.length).toBeGreaterThanOrEqual(15);
    for (const d of diagnostics) expect(at(d, 'workspaceId')).toMatch(/audit-workspace$/);
  });

  it('records the one opt-out, with its reason, on the public site, for each rule it acknowledges', () => {
    const optOuts = resources.flatMap((r) => (at(r, 'optOuts') as unknown[] | undefined) ?? []);
    expect(optOuts).toEqual([
      expect.objectContaining({ resource: 'site-account', prop: 'anonymousRead', rule: 'BW-DP-008' }),
      expect.objectContaining({ resource: 'site-account', prop: 'anonymousRead', rule: 'BW-DP-027' }),
    ]);
  });
});

describe('examples/azure-misconfigured', () => {
  let resources: Captured[];
  beforeAll(async () => {
    resources = await runExample('azure-misconfigured');
  });

  it('holds the mistakes it names', () => {
    const documents = named(resources, 'azure-native:storage:StorageAccount', 'documents');
    expect(at(documents, 'minimumTlsVersion')).toBe('TLS1_0');
    expect(at(documents, 'allowBlobPublicAccess')).toBe(true);
    expect(
      at(named(resources, 'azure-native:keyvault:Vault', 'keys'), 'properties.enablePurgeProtection'),
    ).toBeUndefined();
    expect(
      at(named(resources, 'azure-native:network:NetworkSecurityGroup', 'application'), 'securityRules'),
    ).toContainEqual(
      expect.objectContaining({
        access: 'Allow',
        sourceAddressPrefix: 'Internet',
        destinationPortRange: '3389',
      }),
    );
    expect(ofType(resources, 'azure-native:sql:ExtendedServerBlobAuditingPolicy')).toHaveLength(0);
    expect(ofType(resources, 'azure-native:sql:ServerBlobAuditingPolicy')).toHaveLength(0);
    expect(ofType(resources, 'azure-native:security:Pricing').map((p) => at(p, 'pricingTier'))).toEqual([
      'Free',
      'Free',
      'Free',
      'Free',
    ]);
    expect(
      at(
        named(resources, 'azure-native:cognitiveservices:Account', 'assistant'),
        'properties.disableLocalAuth',
      ),
    ).toBe(false);
  });
});
