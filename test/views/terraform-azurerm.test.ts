import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, TerraformResource, TerraformStack } from 'cdktf';
import type { ResourceGraph } from '../../lib/graph/graph';
import { Unknown } from '../../lib/graph/values';
import { adaptersForAll, loadInput } from '../../lib/sources';
import { peerRange } from '../../lib/views/common/traffic';
import { ViewSet } from '../../lib/views/registry';

const PLANS = path.join(__dirname, '../fixtures/terraform/terraform-plans');

function views(graph: ResourceGraph): ViewSet {
  return new ViewSet(graph, adaptersForAll());
}

function plan(name: string): ViewSet {
  return views(loadInput([path.join(PLANS, name)]).graph);
}

describe('azurerm storage accounts from plans (provider 2.x)', () => {
  it('reads HTTPS only, the TLS floor, public containers, versioning and encryption', () => {
    const vs = plan('regula__azure-storage-secure-transfer.json');
    const ok = vs.viewOf('azurerm_storage_account.validstorageaccount1', 'data-store')!;
    expect(ok).toMatchObject({
      storeType: 'object-store',
      tlsOnly: true,
      minTls: '1.0',
      publicAccess: 'blocked',
      policyAllowsPublic: false,
      versioning: false,
      encryption: { atRest: 'provider' },
      dataAccessEvents: 'resource-logs',
    });
    expect(vs.viewOf('azurerm_storage_account.invalidstorageaccount1', 'data-store')!.tlsOnly).toBe(false);
  });

  it('reads GRS as one zone, no lock as no deletion protection, and soft delete left to the service as unknown', () => {
    const ok = plan('regula__azure-storage-secure-transfer.json').viewOf(
      'azurerm_storage_account.validstorageaccount1',
      'data-store',
    )!;
    expect(ok).toMatchObject({ multiAz: false, deletionProtection: false });
    expect(ok.softDeleteDays?.objects).toBeInstanceOf(Unknown);
    expect(ok.softDeleteDays?.containers).toBeInstanceOf(Unknown);
  });

  it('reads network rules left to the provider as none: the account allows every network', () => {
    const vs = plan('regula__azure-storage-network-rules-deny.json');
    const pub = (a: string) => vs.viewOf(`azurerm_storage_account.${a}`, 'data-store')!.publicNetworkAccess;
    expect(pub('invalidstorageaccount1')).toBe(true);
    expect(pub('invalidstorageaccount2')).toBe(true);
    expect(pub('validstorageaccount1')).toBe(false);
    expect(pub('validstorageaccount2')).toBe(false);
  });

  it('counts a public container only where the account lets containers be public', () => {
    const vs = plan('regula__azure-storage-container-access.json');
    const account = vs.viewOf('azurerm_storage_account.example', 'data-store')!;
    expect(account.publicAccess).toBe('blocked');
    expect(account.policyAllowsPublic).toBe(false);
    // Containers contribute to their account's view and have none of their own.
    expect(vs.of(vs.graph.get('azurerm_storage_container.invalidcontainer1')!)).toEqual([]);
  });

  it('reads allow_blob_public_access true as open', () => {
    const vs = plan('terraform-compliance__azure-storage-accounts.json');
    expect(vs.viewOf('azurerm_storage_account.example', 'data-store')!.publicAccess).toBe('open');
    expect(vs.viewOf('azurerm_storage_account.private', 'data-store')!.publicAccess).toBe('blocked');
  });
});

describe('azurerm network security groups from plans', () => {
  it('reads inline rules with action, priority, protocol, port ranges and every source prefix', () => {
    const vs = plan('regula__azure-nsg-inbound-22.json');
    const nsg = vs.viewOf('azurerm_network_security_group.invalidnsg1', 'firewall')!;
    expect(nsg.rules).toHaveLength(3);
    expect(nsg.rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          direction: 'ingress',
          action: 'allow',
          priority: 101,
          protocol: 'tcp',
          fromPort: 30,
          toPort: 50,
          source: { cidr: '10.10.10.10/32' },
          destination: { serviceTag: '*' },
        }),
        expect.objectContaining({ priority: 100, fromPort: 0, toPort: 65535, source: { serviceTag: '*' } }),
      ]),
    );
  });

  it('attaches standalone rules by group name in the same resource group, one rule per prefix and range', () => {
    const vs = plan('regula__azure-nsg-inbound-22.json');
    const nsg = vs.viewOf('azurerm_network_security_group.testnsg', 'firewall')!;
    const by = (rule: string) =>
      nsg.rules.filter((r) => r.declaredBy === `azurerm_network_security_rule.${rule}`);
    expect(by('invalidrule1').map((r) => r.source)).toEqual([
      { serviceTag: '*' },
      { cidr: '10.10.10.10/32' },
    ]);
    expect(by('invalidrule2').map((r) => [r.fromPort, r.toPort])).toEqual([
      [22, 22],
      [27, 27],
    ]);
    // `Any` is no address and no tag Azure documents: its reach is not guessed.
    expect(peerRange(by('invalidrule2')[0]!.source)).toBeInstanceOf(Unknown);
    expect(nsg.rules).toHaveLength(9);
    // The other groups of the plan get none of them.
    expect(vs.viewOf('azurerm_network_security_group.validnsg1', 'firewall')!.rules).toHaveLength(3);
  });

  it('reads a security_rule list the provider computes as the standalone rules only', () => {
    const vs = plan('checkov__azure-nsg-rule-references.json');
    expect(vs.viewOf('azurerm_network_security_group.fail', 'firewall')!.rules).toEqual([]);
    const pass = vs.viewOf('azurerm_network_security_group.pass', 'firewall')!;
    expect(pass.rules).toEqual([
      expect.objectContaining({
        action: 'deny',
        priority: 100,
        fromPort: 3389,
        toPort: 3389,
        source: { serviceTag: '*' },
        declaredBy: 'azurerm_network_security_rule.pass',
      }),
    ]);
  });
});

describe('azurerm SQL servers from plans', () => {
  it('gives a public database and a firewall whose rules keep their address ranges', () => {
    const vs = plan('regula__azure-sql-firewall-rules.json');
    const db = vs.viewOf('azurerm_sql_server.example', 'data-store')!;
    expect(db).toMatchObject({ storeType: 'database-instance', tlsOnly: true, publicNetworkAccess: true });
    expect(db.minTls).toBeInstanceOf(Unknown);
    const fw = vs.viewOf('azurerm_sql_server.example', 'firewall')!;
    const sources = Object.fromEntries(fw.rules.map((r) => [r.declaredBy.split('.').pop(), r.source]));
    expect(sources).toEqual({
      invalidrule1: { cidr: '0.0.0.0-10.0.17.62' },
      invalidrule2: { serviceTag: 'AzureCloud' },
      invalidrule3: { cidr: '0.0.0.0-255.255.255.255' },
      invalidrule4: { cidr: '10.0.17.62-255.255.255.255' },
      validrule1: { cidr: '10.0.17.62-10.0.17.62' },
    });
    expect(fw.rules.every((r) => r.protocol === 'tcp' && r.fromPort === 1433 && r.toPort === 1433)).toBe(
      true,
    );
    const reach = (rule: string) => {
      const r = peerRange(sources[rule]);
      return r instanceof Unknown ? r : r?.reach;
    };
    expect([1, 2, 3, 4].map((n) => reach(`invalidrule${n}`))).toEqual(['wide', 'wide', 'world', 'wide']);
    expect(reach('validrule1')).toBe('limited');
  });
});

// No CDKTF provider bindings for azurerm are installed: these configurations are written with cdktf's generic
// TerraformResource, which synthesizes the arguments as given.
describe('azurerm arguments left out of a cdk.tf.json (cdktf synth, generic resources)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-tf-azurerm-'));
  let vs: ViewSet;

  beforeAll(() => {
    const app = new App({ outdir: dir });
    const s = new TerraformStack(app, 'Az');
    const resource = (type: string, id: string, args: Record<string, unknown>) => {
      const r = new TerraformResource(s, id, { terraformResourceType: type });
      for (const [k, v] of Object.entries(args)) r.addOverride(k, v);
      return r;
    };
    const account = resource('azurerm_storage_account', 'Bare', {
      name: 'bareaccount',
      resource_group_name: 'rg',
      account_tier: 'Standard',
      account_replication_type: 'LRS',
    });
    resource('azurerm_storage_container', 'Site', {
      name: 'site',
      storage_account_id: `\${${account.fqn}.id}`,
      container_access_type: 'blob',
    });
    resource('azurerm_storage_account', 'Strict', {
      name: 'strictaccount',
      resource_group_name: 'rg',
      min_tls_version: 'TLS1_2',
      https_traffic_only_enabled: true,
      allow_nested_items_to_be_public: false,
      public_network_access_enabled: false,
      infrastructure_encryption_enabled: true,
      blob_properties: { versioning_enabled: true },
    });
    resource('azurerm_mssql_server', 'Sql', {
      name: 'sqlsrv',
      resource_group_name: 'rg',
      version: '12.0',
      public_network_access_enabled: false,
      minimum_tls_version: '1.2',
    });
    // Two groups of one name in two resource groups; a rule names the group by name and resource group.
    for (const [id, rg] of [
      ['NsgA', 'rg-a'],
      ['NsgB', 'rg-b'],
    ] as const)
      resource('azurerm_network_security_group', id, { name: 'web', resource_group_name: rg });
    resource('azurerm_network_security_rule', 'Ssh', {
      name: 'ssh',
      resource_group_name: 'rg-b',
      network_security_group_name: 'web',
      priority: 100,
      direction: 'Inbound',
      access: 'Allow',
      protocol: 'Tcp',
      source_port_range: '*',
      destination_port_range: 'ssh',
      source_address_prefix: 'Internet',
      destination_address_prefix: '*',
    });
    app.synth();
    vs = views(loadInput([path.join(dir, 'stacks', 'Az', 'cdk.tf.json')]).graph);
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('leaves defaults that changed between provider versions unknown', () => {
    const bare = vs.viewOf('azurerm_storage_account.Bare', 'data-store')!;
    expect(bare.minTls).toBeInstanceOf(Unknown);
    expect(bare.publicAccess).toBeInstanceOf(Unknown);
    // A public container in an account that may or may not allow it.
    expect(bare.policyAllowsPublic).toBeInstanceOf(Unknown);
    expect(bare).toMatchObject({ tlsOnly: true, publicNetworkAccess: true, versioning: false });
  });

  it('attaches a standalone rule to the group of its resource group, and keeps a port it cannot read unknown', () => {
    expect(vs.viewOf('azurerm_network_security_group.NsgA', 'firewall')!.rules).toEqual([]);
    const [rule, ...more] = vs.viewOf('azurerm_network_security_group.NsgB', 'firewall')!.rules;
    expect(more).toEqual([]);
    expect(rule).toMatchObject({
      source: { serviceTag: 'Internet' },
      declaredBy: 'azurerm_network_security_rule.Ssh',
    });
    expect(rule!.fromPort).toBeInstanceOf(Unknown);
  });

  it('reads an account and a server set to the strict values', () => {
    expect(vs.viewOf('azurerm_storage_account.Strict', 'data-store')).toMatchObject({
      minTls: '1.2',
      tlsOnly: true,
      publicAccess: 'blocked',
      policyAllowsPublic: false,
      publicNetworkAccess: false,
      versioning: true,
      encryption: { atRest: 'double' },
    });
    expect(vs.viewOf('azurerm_mssql_server.Sql', 'data-store')).toMatchObject({
      minTls: '1.2',
      publicNetworkAccess: false,
    });
    expect(vs.viewOf('azurerm_mssql_server.Sql', 'firewall')!.rules).toEqual([]);
  });
});
