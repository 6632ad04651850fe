import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pulumi from '@pulumi/pulumi';
import { parse } from 'yaml';
import { checkPaths } from '../../lib/check';
import { checkExitCode } from '../../lib/cli/check';
import { gates } from '../../lib/engine/evaluate';
import { isSuppressed } from '../../lib/engine/result';
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

  it('tags every storage account, server, AI account and log workspace with its level', () => {
    const stores = [
      ...ofType(resources, 'azure-native:storage:StorageAccount'),
      ...ofType(resources, 'azure-native:sql:Server'),
      ...ofType(resources, 'azure-native:cognitiveservices:Account'),
      ...ofType(resources, 'azure-native:operationalinsights:Workspace'),
    ];
    expect(stores.length).toBeGreaterThanOrEqual(8);
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

  it('records its four opt-outs, with their reasons, for each rule they acknowledge', () => {
    const optOuts = resources.flatMap((r) => (at(r, 'optOuts') as unknown[] | undefined) ?? []);
    expect(optOuts).toHaveLength(6);
    expect(optOuts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          resource: 'audit-workspace',
          prop: 'serviceManagedKey',
          rule: 'BW-DP-002',
        }),
        expect.objectContaining({
          resource: 'audit-workspace',
          prop: 'serviceManagedKey',
          rule: 'BW-DP-012',
        }),
        expect.objectContaining({ resource: 'audit-workspace', prop: 'unmaskedLogs', rule: 'BW-DP-014' }),
        expect.objectContaining({ resource: 'audit-archive', prop: 'noArchiveBackup', rule: 'BW-BR-005' }),
        expect.objectContaining({ resource: 'site-account', prop: 'anonymousRead', rule: 'BW-DP-008' }),
        expect.objectContaining({ resource: 'site-account', prop: 'anonymousRead', rule: 'BW-DP-027' }),
      ]),
    );
  });
});

describe('bulwark check examples/azure --stack dev', () => {
  let run: ReturnType<typeof checkPaths>;
  beforeAll(() => {
    run = checkPaths([join(__dirname, '..', '..', 'examples', 'azure')], { stack: 'dev' });
  }, 120_000);

  it('has no gating finding, and every view is derived', () => {
    const gating = run.evaluation.results.filter((r) => gates(r, run.evaluation.pack));
    expect(gating.map((r) => `${r.rule.id} ${r.resource.logicalId ?? ''}: ${r.message}`)).toEqual([]);
    expect(run.evaluation.viewErrors).toEqual([]);
  });

  it('fails no rule but those its opt-outs acknowledge', () => {
    const failed = run.evaluation.results.filter((r) => r.outcome === 'fail');
    expect(
      failed.filter((r) => !isSuppressed(r)).map((r) => `${r.rule.id} ${r.resource.logicalId ?? ''}`),
    ).toEqual([]);
    // The opt-outs acknowledge what they say, and nothing else.
    expect(
      failed
        .filter(isSuppressed)
        .map((r) => `${r.rule.id} ${r.resource.logicalId ?? ''}`)
        .sort(),
    ).toEqual([
      'BW-BR-005 audit-archive',
      'BW-DP-002 audit-workspace',
      'BW-DP-008 site-account',
      'BW-DP-012 audit-workspace',
      'BW-DP-014 audit-workspace',
      'BW-DP-027 site-account',
    ]);
  });

  it('holds the audit archive to its level: a customer-managed key, expiry within 365 days', () => {
    const passed = run.evaluation.results
      .filter((r) => r.resource.logicalId === 'audit-archive' && r.outcome === 'pass')
      .map((r) => r.rule.id);
    expect(passed).toEqual(expect.arrayContaining(['BW-DP-002', 'BW-DP-012', 'BW-DP-013', 'BW-DP-016']));
  });

  it('keeps the audit workspace and archive when the stack goes (protect)', () => {
    const audit = [...run.input.graph.all()].filter((r) =>
      ['audit-workspace', 'audit-archive'].includes(r.logicalId ?? ''),
    );
    expect(audit.map((r) => [r.logicalId, r.retainOnDelete])).toEqual([
      ['audit-workspace', true],
      ['audit-archive', true],
    ]);
  });

  it('exits 0 but for the resource types no rule reads yet', () => {
    // Every line of `incomplete` is a type no adapter reads: no provider call, no unread input.
    expect(run.input.incomplete.filter((l) => !/: no rule reads `azure-native:[^`]+` yet/.test(l))).toEqual(
      [],
    );
    expect(checkExitCode({ ...run, input: { ...run.input, incomplete: [] } }, 'low')).toBe(0);
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
