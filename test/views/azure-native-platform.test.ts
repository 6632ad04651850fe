import * as network from '@pulumi/azure-native/network';
import * as security from '@pulumi/azure-native/security';
import { evaluate } from '../../lib/engine/evaluate';
import { ResourceGraph } from '../../lib/graph/graph';
import { adaptersForAll } from '../../lib/sources';
import { ViewSet } from '../../lib/views/registry';
import type { FirewallView, PostureView, SubnetView } from '../../lib/views/kinds';
import { RULES } from '../../policies/rules';
import { SUBSCRIPTION } from '../support/azure-native';
import { EVERY_RULE_MANDATORY, pulumiGraph } from '../support/cases';

/** Run a program under Pulumi's mocks and read it as the Pulumi source reads a program. */
async function graphOf(program: () => void): Promise<ResourceGraph> {
  return (await pulumiGraph(program, 'program', 'platform')).graph;
}

/** The mistakes of a misconfigured estate: an NSG open to RDP from the internet, every Defender plan at Free. */
function misconfigured(): void {
  const nsg = new network.NetworkSecurityGroup('application', {
    resourceGroupName: 'estate',
    securityRules: [
      {
        name: 'AllowRdpFromInternet',
        direction: 'Inbound',
        access: 'Allow',
        priority: 100,
        protocol: 'Tcp',
        sourceAddressPrefix: 'Internet',
        sourcePortRange: '*',
        destinationAddressPrefix: '*',
        destinationPortRange: '3389',
      },
    ],
  });
  const vnet = new network.VirtualNetwork('network', {
    resourceGroupName: 'estate',
    addressSpace: { addressPrefixes: ['10.40.0.0/16'] },
  });
  new network.Subnet('application-subnet', {
    resourceGroupName: 'estate',
    virtualNetworkName: vnet.name,
    addressPrefix: '10.40.1.0/24',
    networkSecurityGroup: { id: nsg.id },
  });
  for (const plan of ['CloudPosture', 'VirtualMachines', 'StorageAccounts', 'SqlServers'])
    new security.Pricing(`defender-${plan}`, {
      scopeId: SUBSCRIPTION,
      pricingName: plan,
      pricingTier: 'Free',
    });
}

describe('azure-native network and posture adapters', () => {
  let graph: ResourceGraph;
  let views: ViewSet;
  beforeAll(async () => {
    graph = await graphOf(() => {
      misconfigured();
      // A standalone rule naming an NSG the program does not declare.
      new network.SecurityRule('external-rule', {
        resourceGroupName: 'estate',
        networkSecurityGroupName: 'legacy-nsg',
        securityRuleName: 'AllowRdpFromInternet',
        direction: 'Inbound',
        access: 'Allow',
        priority: 100,
        protocol: 'Tcp',
        sourceAddressPrefix: 'Internet',
        sourcePortRange: '*',
        destinationAddressPrefix: '*',
        destinationPortRange: '3389',
      });
    });
    views = new ViewSet(graph, adaptersForAll());
  }, 60_000);

  const byName = (name: string) => [...graph.all()].find((r) => r.logicalId === name)!;

  it('reads an NSG rule as an allow with its priority, port and service tag', () => {
    const fw = views.of(byName('application')).find((v): v is FirewallView => v.kind === 'firewall')!;
    expect(fw.rules).toEqual([
      expect.objectContaining({
        direction: 'ingress',
        action: 'allow',
        priority: 100,
        protocol: 'tcp',
        fromPort: 3389,
        toPort: 3389,
        source: { serviceTag: 'Internet' },
        destination: { serviceTag: '*' },
      }),
    ]);
  });

  it('judges a standalone rule naming an NSG outside the program as a firewall of its own', () => {
    const fw = views.of(byName('external-rule')).find((v): v is FirewallView => v.kind === 'firewall')!;
    expect(fw.rules.map((r) => [r.declaredBy, r.fromPort, r.action])).toEqual([
      [byName('external-rule').address, 3389, 'allow'],
    ]);
    const nsg = views.of(byName('application')).find((v): v is FirewallView => v.kind === 'firewall')!;
    expect(nsg.rules).toHaveLength(1);
  });

  it('associates a subnet with its NSG and its network by reference', () => {
    const subnet = views.of(byName('application-subnet')).find((v): v is SubnetView => v.kind === 'subnet')!;
    expect(subnet.firewalls).toEqual([byName('application').address]);
    expect(subnet.network).toBe(byName('network').address);
  });

  it("makes one threat-detection view of a subscription's plans, and a CSPM view of CloudPosture", () => {
    const posture = [...graph.all()].flatMap((r) =>
      views.of(r).filter((v): v is PostureView => v.kind === 'posture'),
    );
    expect(posture.map((p) => [p.name, p.service, p.enabled])).toEqual([
      ['defender-CloudPosture', 'cspm', false],
      ['defender-VirtualMachines', 'threat-detection', false],
    ]);
    const threat = posture[1]!;
    expect(threat.scope).toBe(SUBSCRIPTION);
    expect(threat.detectors.map((d) => `${d.name}:${d.scope}`)).toEqual([
      'VirtualMachines:workload-runtime',
      'VirtualMachines:virtual-machines',
      'StorageAccounts:object-store-data',
      'StorageAccounts/OnUploadMalwareScanning:object-store-data',
      'SqlServers:database-logins',
    ]);
  });
});

describe('a misconfigured estate fails with the MCSB controls of its mistakes', () => {
  let failed: { rule: string; resource: string; controls: readonly string[] }[];
  beforeAll(async () => {
    const graph = await graphOf(misconfigured);
    const ev = evaluate({ graph, adapters: adaptersForAll(), rules: RULES, pack: EVERY_RULE_MANDATORY });
    failed = ev.results
      .filter((r) => r.outcome === 'fail')
      .map((r) => ({ rule: r.rule.id, resource: r.resource.logicalId!, controls: r.rule.controls }));
  }, 60_000);

  it('the NSG open to RDP from the internet fails BW-NS-001 under mcsb-v1:NS-1', () => {
    expect(failed).toContainEqual({
      rule: 'BW-NS-001',
      resource: 'application',
      controls: expect.arrayContaining(['mcsb-v1:NS-1']),
    });
  });

  it('Defender off fails BW-LT-102 and BW-LT-109 under mcsb-v1:LT-1', () => {
    expect(failed).toContainEqual({
      rule: 'BW-LT-102',
      resource: 'defender-VirtualMachines',
      controls: expect.arrayContaining(['mcsb-v1:LT-1']),
    });
    expect(failed).toContainEqual({
      rule: 'BW-LT-109',
      resource: 'defender-CloudPosture',
      controls: expect.arrayContaining(['mcsb-v1:LT-1']),
    });
  });

  it('the network without a flow log fails BW-LT-101 under mcsb-v1:LT-4', () => {
    expect(failed).toContainEqual({
      rule: 'BW-LT-101',
      resource: 'network',
      controls: expect.arrayContaining(['mcsb-v1:LT-4']),
    });
  });
});
