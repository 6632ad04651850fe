import { defineRule, fail, notApplicable, pass, unknown, type CheckResult } from '../../../lib/engine/rule';
import type { Fact } from '../../../lib/views/kinds';
import { Unknown } from '../../../lib/graph/values';

/** Relational databases have their own rule, which names the CIS control for RDS. */
const OWN_RULE = new Set(['database-instance', 'database-cluster']);

export default defineRule({
  id: 'BW-DP-027',
  title:
    'Warehouses, search clusters, brokers, storage accounts and key vaults are not reachable from the internet',
  severity: 'high',
  controls: ['cis-azure-6.0:9.3.2.3', 'mcsb-v1:NS-2', 'nist-csf-2.0:PR.IR-01', 'gdpr:Art.25(2)'],
  threats: ['unauthorized-access', 'data-breach'],
  rationale:
    'A Redshift cluster with a public endpoint, an OpenSearch domain outside a VPC or an MSK cluster with public ' +
    'broker addresses can be reached from anywhere on the internet: its login, access policy or client ' +
    'authentication becomes the only barrier, open to credential stuffing, brute force and every unpatched flaw ' +
    "of the service's front end. Placing the store in private subnets leaves the network as a second, " +
    'independent barrier. An Azure storage account answers on the internet unless public network access is off or ' +
    'its network rules deny by default: its account keys and SAS tokens are then the only barrier. A key vault ' +
    'answers on the internet the same way unless public network access is off or its network ACLs deny by default, ' +
    'leaving a stolen token the only barrier to the keys that decrypt every other store. Relational ' +
    'databases are held to the same by BW-DP-009.',
  fix: {
    cdk:
      'Redshift: `publiclyAccessible: false`. OpenSearch: `vpcOptions` with private subnets. MSK: ' +
      "`connectivityInfo.publicAccess.type: 'DISABLED'`.",
    terraform:
      '`aws_redshift_cluster`: `publicly_accessible = false`, written out (its default changed in provider 6.0). ' +
      '`aws_opensearch_domain` / `aws_elasticsearch_domain`: a `vpc_options` block with private subnets. ' +
      '`aws_msk_cluster`: no `public_access` in `broker_node_group_info.connectivity_info`, or `type = "DISABLED"`. ' +
      '`azurerm_storage_account`: `public_network_access_enabled = false` (reached through an `azurerm_private_endpoint`), ' +
      'or a `network_rules` block (or `azurerm_storage_account_network_rules`) with `default_action = "Deny"` and the ' +
      'address ranges and subnets that need access.',
    pulumi:
      '`storage.StorageAccount`: `publicNetworkAccess: "Disabled"` (reached through a `network.PrivateEndpoint`), or `networkRuleSet: { defaultAction: "Deny" }` with the `ipRules` and `virtualNetworkRules` that need access. `cognitiveservices.Account`: `properties: { publicNetworkAccess: "Disabled" }` or `networkAcls: { defaultAction: "Deny" }`. `keyvault.Vault`: `properties: { publicNetworkAccess: "Disabled" }` (reached through a `network.PrivateEndpoint`, group `vault`) or `properties: { networkAcls: { defaultAction: "Deny" } }` with the `ipRules` and `virtualNetworkRules` that need access.',
  },
  appliesTo: ['data-store', 'key-store'],
  check(view) {
    if (view.kind === 'key-store') return judge(view.name, view.publicNetworkAccess);
    if (OWN_RULE.has(view.storeType)) return notApplicable('relational databases are asserted by BW-DP-009');
    const pub = view.publicNetworkAccess;
    if (pub === undefined) return notApplicable(`${view.storeType} has no public endpoint setting`);
    return judge(view.name, pub);
  },
});

function judge(name: string, pub: Fact<boolean>): CheckResult {
  if (pub instanceof Unknown)
    return unknown(`\`${name}\`: whether it has a public endpoint cannot be resolved (${pub.reason})`);
  if (pub) return fail(`\`${name}\` has a public endpoint, reachable from the internet`);
  return pass(`\`${name}\` has no public endpoint`);
}
