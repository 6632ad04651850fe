import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-NS-029',
  title: 'Every subnet is filtered by a network security group',
  severity: 'medium',
  controls: ['cis-azure-6.0:7.11', 'mcsb-v1:NS-1', 'nist-csf-2.0:PR.IR-01'],
  threats: ['unauthorized-access'],
  rationale:
    'An Azure subnet without a network security group filters nothing: every machine in it is reachable on every ' +
    'port from the rest of the network, and from the internet once it has a public address. An NSG on the subnet ' +
    'brings the default deny (Azure denies inbound internet traffic at priority 65500 once a group applies) and is ' +
    'the place segmentation rules live. Subnets Azure refuses a group on (`GatewaySubnet`, `AzureFirewallSubnet`) are ' +
    'left out.',
  fix: {
    pulumi:
      'Set `networkSecurityGroup: { id: nsg.id }` on the `network.Subnet` (or the inline subnet of the `network.VirtualNetwork`).',
  },
  appliesTo: ['subnet'],
  check(view) {
    const fw = view.firewalls;
    if (fw === undefined) return notApplicable('subnets of this network take no firewall of their own');
    if (view.firewallUnsupported)
      return notApplicable(`\`${view.name}\` is a subnet Azure refuses a group on`);
    if (fw instanceof Unknown)
      return unknown(`\`${view.name}\`: its network security group cannot be resolved (${fw.reason})`);
    return fw.length > 0
      ? pass(`\`${view.name}\` is filtered by \`${fw.map((f) => f.split(/\/|::/).pop()).join('`, `')}\``)
      : fail(`\`${view.name}\` has no network security group: its traffic is not filtered`);
  },
});
