import * as path from 'node:path';
import * as dataprotection from '@pulumi/azure-native/dataprotection';
import * as keyvault from '@pulumi/azure-native/keyvault';
import * as recoveryservices from '@pulumi/azure-native/recoveryservices';
import * as sql from '@pulumi/azure-native/sql';
import * as storage from '@pulumi/azure-native/storage';
import { checkPaths } from '../../lib/check';
import { Unknown } from '../../lib/graph/values';
import { adaptersForAll } from '../../lib/sources';
import type {
  BackupPlanView,
  BackupVaultView,
  DataStoreView,
  FirewallView,
  KeyView,
} from '../../lib/views/kinds';
import { ViewSet } from '../../lib/views/registry';
import {
  backupVault,
  blobBackupInstance,
  blobBackupPolicy,
  sqlServer,
  storageAccount,
  vault,
  workspace,
} from '../support/azure-native';
import { resolveControl } from '../../policies/controls';
import { pulumiGraph } from '../support/cases';

const examples = path.join(__dirname, '../../examples');

/** Every rule outcome on a resource of a program, with the MCSB v1 controls of the rule. */
function outcomes(program: string) {
  const run = checkPaths([path.join(examples, program)], { stack: 'dev' });
  return {
    run,
    of: (name: string, outcome: 'fail' | 'unknown' | 'pass') =>
      run.evaluation.results
        .filter((r) => r.resource.logicalId === name && r.outcome === outcome)
        .map((r) => ({
          rule: r.rule.id,
          mcsb: r.rule.controls.filter((c) => c.startsWith('mcsb-v1:')),
          message: r.message,
        })),
  };
}

describe('azure-native views: the misconfigured twin fails on each of its mistakes, with its MCSB control', () => {
  let twin: ReturnType<typeof outcomes>;
  beforeAll(() => {
    twin = outcomes('azure-misconfigured');
  }, 120_000);

  it.each([
    ['documents', 'BW-DP-026', 'mcsb-v1:DP-3', /`documents` accepts TLS 1.0/],
    ['documents', 'BW-DP-019', 'mcsb-v1:DP-3', /`documents` is CONFIDENTIAL and accepts TLS 1.0/],
    ['documents', 'BW-DP-008', 'mcsb-v1:NS-2', /`documents` does not block public access/],
    ['keys', 'BW-DP-102', 'mcsb-v1:DP-8', /`keys` lets deleted keys and secrets be purged/],
    ['payments', 'BW-LT-108', 'mcsb-v1:LT-3', /`payments` keeps no audit log/],
    ['assistant', 'BW-IM-013', 'mcsb-v1:IM-1', /`assistant` accepts API keys/],
    [
      'application',
      'BW-NS-001',
      'mcsb-v1:NS-1',
      /`application` allows ingress from .*Internet.* to administration port 3389/,
    ],
    ['defender-VirtualMachines', 'BW-LT-102', 'mcsb-v1:LT-1', /`defender-VirtualMachines` is disabled/],
    ['defender-CloudPosture', 'BW-LT-109', 'mcsb-v1:LT-1', /turns posture management \(CSPM\) off/],
    ['network', 'BW-LT-101', 'mcsb-v1:LT-4', /`network` has no flow log/],
  ])('%s fails %s (%s)', (name, rule, control, message) => {
    const failed = twin.of(name, 'fail').filter((f) => f.rule === rule);
    expect(failed).toEqual([expect.objectContaining({ message: expect.stringMatching(message) })]);
    expect(failed[0]!.mcsb.some((c) => c.startsWith(control))).toBe(true);
    for (const c of failed[0]!.mcsb) expect(resolveControl(c)).toBeDefined();
  });

  it('passes what the twin gets right: RBAC on the vault, Entra-only sign-in and TLS 1.2 on the server', () => {
    expect(twin.of('keys', 'pass').map((p) => p.rule)).toContain('BW-PA-010');
    expect(twin.of('payments', 'pass').map((p) => p.rule)).toEqual(
      expect.arrayContaining(['BW-IM-012', 'BW-DP-026']),
    );
  });

  it('leaves what the API documents no default for unknown, never passed', () => {
    // The server and the AI account set no publicNetworkAccess.
    expect(twin.of('payments', 'unknown').map((u) => u.rule)).toContain('BW-DP-009');
    expect(twin.of('assistant', 'unknown').map((u) => u.rule)).toContain('BW-DP-027');
  });
});

describe('azure-native views: the component estate', () => {
  let estate: ReturnType<typeof outcomes>;
  beforeAll(() => {
    estate = outcomes('azure');
  }, 120_000);

  it('holds a RESTRICTED storage account to TLS 1.2, the highest floor Azure Storage offers', () => {
    expect(estate.of('evidence-account', 'fail').map((f) => f.rule)).not.toContain('BW-DP-019');
    expect(estate.of('evidence-account', 'pass').map((f) => f.rule)).toContain('BW-DP-019');
  });

  it('passes the Azure-only rules on the components: purge protection, RBAC, auditing, Entra-only sign-in', () => {
    const passed = estate.run.evaluation.results.filter((r) => r.outcome === 'pass').map((r) => r.rule.id);
    expect(passed).toEqual(expect.arrayContaining(['BW-DP-102', 'BW-PA-010', 'BW-LT-108', 'BW-IM-012']));
    const failed = estate.run.evaluation.results.filter((r) => r.outcome === 'fail').map((r) => r.rule.id);
    for (const id of ['BW-DP-102', 'BW-PA-010', 'BW-LT-108', 'BW-IM-012']) expect(failed).not.toContain(id);
  });

  it('passes the posture and network rules on the components: Defender plans with CSPM, the MCSB initiative, the security contact, NSGs, subnets, flow logs, resource logs', () => {
    const ids = [
      'BW-LT-102',
      'BW-LT-109',
      'BW-PV-006',
      'BW-IR-001',
      'BW-NS-001',
      'BW-NS-029',
      'BW-LT-101',
      'BW-LT-110',
    ];
    const results = estate.run.evaluation.results.filter((r) => ids.includes(r.rule.id));
    const passed = results.filter((r) => r.outcome === 'pass').map((r) => r.rule.id);
    expect(passed).toEqual(expect.arrayContaining(ids));
    expect(
      results
        .filter((r) => r.outcome === 'fail' || r.outcome === 'unknown')
        .map((r) => `${r.rule.id} ${r.message}`),
    ).toEqual([]);
  });
});

describe('azure-native views of single programs', () => {
  /** The views of what a program registers, read as the Pulumi source reads it. */
  async function viewsOf(build: () => void) {
    const { graph } = await pulumiGraph(build, 'views', 'views');
    const views = new ViewSet(graph, adaptersForAll());
    return { views, all: views.all(), errors: views.errors };
  }

  it('gives a SQL server a firewall on 1433: 0.0.0.0 is every Azure address, a full range the world', async () => {
    const { all } = await viewsOf(() => {
      const server = sqlServer('payments', { publicNetworkAccess: 'Enabled' });
      for (const [name, start, end] of [
        ['azure', '0.0.0.0', '0.0.0.0'],
        ['world', '0.0.0.0', '255.255.255.255'],
        ['office', '203.0.113.7', '203.0.113.7'],
      ] as const)
        new sql.FirewallRule(name, {
          resourceGroupName: 'rg-cases',
          serverName: server.name,
          startIpAddress: start,
          endIpAddress: end,
        });
    });
    const fw = all.find((v): v is FirewallView => v.kind === 'firewall')!;
    expect(fw.rules.map((r) => [r.source, r.fromPort, r.protocol])).toEqual([
      [{ serviceTag: 'AzureCloud' }, 1433, 'tcp'],
      [{ cidr: '0.0.0.0/0' }, 1433, 'tcp'],
      [{ cidr: '203.0.113.7/32' }, 1433, 'tcp'],
    ]);
  });

  it('lists no firewall rule of a server whose public network access is disabled', async () => {
    const { all } = await viewsOf(() => {
      const server = sqlServer('payments');
      new sql.FirewallRule('world', {
        resourceGroupName: 'rg-cases',
        serverName: server.name,
        startIpAddress: '0.0.0.0',
        endIpAddress: '255.255.255.255',
      });
    });
    expect(all.find((v): v is FirewallView => v.kind === 'firewall')!.rules).toEqual([]);
  });

  it('reports a container whose account is not in the program, rather than judging no one', async () => {
    const { errors } = await viewsOf(() => {
      new storage.BlobContainer('site', {
        resourceGroupName: 'rg-cases',
        accountName: 'elsewhere',
        publicAccess: 'Blob',
      });
    });
    expect(errors).toEqual([
      expect.objectContaining({ error: expect.stringMatching(/`accountName` names no/) }),
    ]);
  });

  it('reports a backup instance whose policy is not in the program, rather than judging no one', async () => {
    const { errors } = await viewsOf(() => {
      const account = storageAccount('documents');
      new dataprotection.BackupInstance('documents-backup', {
        resourceGroupName: 'rg-cases',
        vaultName: 'elsewhere',
        properties: {
          objectType: 'BackupInstance',
          dataSourceInfo: { resourceID: account.id, resourceType: 'Microsoft.Storage/storageAccounts' },
          policyInfo: {
            policyId:
              '/subscriptions/0/resourceGroups/rg/providers/Microsoft.DataProtection/backupVaults/elsewhere/backupPolicies/blobs',
          },
        },
      });
    });
    expect(errors).toEqual([
      expect.objectContaining({ error: expect.stringMatching(/`policyInfo.policyId` names no/) }),
    ]);
  });

  it('selects the data source a backup instance protects among the resources its settings are built from', async () => {
    const { all } = await viewsOf(() => {
      const vault = backupVault('vault');
      const policy = blobBackupPolicy('plan', vault);
      blobBackupInstance('documents-backup', vault, policy, storageAccount('documents'));
    });
    const plan = all.find((v): v is BackupPlanView => v.kind === 'backup-plan');
    expect(plan?.selections).toEqual([
      expect.objectContaining({
        resources: [expect.stringMatching(/StorageAccount::documents$/)],
        selectsClassification: ['CONFIDENTIAL'],
      }),
    ]);
    expect(plan?.shortestScheduleHours).toBe(24);
    expect(plan?.rules.map((r) => [r.name, r.intervalHours, r.deleteAfterDays, r.continuous])).toEqual([
      ['BackupDaily', 24, 35, false],
      ['OperationalStore', Infinity, 35, true],
    ]);
  });

  it('reads a key rotation policy, and a key without one as not rotated', async () => {
    const { all } = await viewsOf(() => {
      const v = vault('keys');
      new keyvault.Key('rotated', {
        resourceGroupName: 'rg-cases',
        vaultName: v.name,
        properties: {
          kty: 'RSA',
          rotationPolicy: {
            lifetimeActions: [{ action: { type: 'rotate' }, trigger: { timeAfterCreate: 'P90D' } }],
          },
        },
      });
      new keyvault.Key('static', {
        resourceGroupName: 'rg-cases',
        vaultName: v.name,
        properties: { kty: 'EC' },
      });
    });
    const keys = all
      .filter((v): v is KeyView => v.kind === 'key')
      .sort((a, b) => a.name.localeCompare(b.name));
    expect(keys.map((k) => [k.name, k.rotationEnabled, k.rotationPeriodDays, k.symmetric])).toEqual([
      ['rotated', true, 90, false],
      ['static', false, undefined, false],
    ]);
  });

  it('reads backup vault immutability as a lock, and failed-job alerts as notifications', async () => {
    const { all } = await viewsOf(() => {
      new recoveryservices.Vault('locked', {
        resourceGroupName: 'rg-cases',
        sku: { name: 'RS0', tier: 'Standard' },
        properties: {
          publicNetworkAccess: 'Disabled',
          securitySettings: { immutabilitySettings: { state: 'Locked' } },
          monitoringSettings: { azureMonitorAlertSettings: { alertsForAllJobFailures: 'Enabled' } },
        },
      });
      new dataprotection.BackupVault('open', {
        resourceGroupName: 'rg-cases',
        properties: { storageSettings: [{ datastoreType: 'VaultStore', type: 'LocallyRedundant' }] },
      });
    });
    const vaults = all
      .filter((v): v is BackupVaultView => v.kind === 'backup-vault')
      .sort((a, b) => a.name.localeCompare(b.name));
    expect(
      vaults.map((v) => [v.name, v.lock, v.notifications instanceof Unknown ? 'unknown' : v.notifications]),
    ).toEqual([
      ['locked', { mode: 'compliance' }, ['BACKUP_JOB_FAILED']],
      ['open', { mode: 'none' }, 'unknown'],
    ]);
  });

  it('reads a workspace as unmasked, and one whose records a transformation rewrites as unknown', async () => {
    const { all } = await viewsOf(() => {
      workspace('plain');
      workspace('transformed', {
        defaultDataCollectionRuleResourceId:
          '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-cases/providers/Microsoft.Insights/dataCollectionRules/mask',
      });
    });
    const masking = Object.fromEntries(
      all
        .filter((v): v is DataStoreView => v.kind === 'data-store' && v.storeType === 'log-group')
        .map((v) => [v.name, v.piiMasking instanceof Unknown ? v.piiMasking.reason : v.piiMasking]),
    );
    expect(masking).toEqual({
      plain: false,
      transformed: expect.stringMatching(/workspace transformation .*mask.* is not read/),
    });
  });
});
