import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-DP-009',
  title: 'Databases are not publicly accessible',
  severity: 'critical',
  controls: [
    'cis-aws-5.0:2.2.3',
    'mcsb-v1:NS-2',
    'nist-csf-2.0:PR.IR-01',
    'classification:PUBLIC-ACCESS',
    'gdpr:Art.25(2)',
  ],
  threats: ['unauthorized-access', 'data-breach'],
  rationale:
    'A publicly accessible database gets a DNS name that resolves to a public IP address, leaving a security group as ' +
    'the only barrier between the internet and the database port. Left unset, RDS decides from the subnet group: a VPC ' +
    'with an internet gateway makes the database public, so the setting must be explicit. An Azure SQL server with ' +
    'public network access is reachable from the internet, behind its server firewall rules only.',
  fix: {
    cdk: 'Set `publiclyAccessible: false` and place the database in private or isolated subnets.',
    terraform:
      'Leave `publicly_accessible` unset or false on the `aws_db_instance` or `aws_rds_cluster_instance`, and give it a ' +
      '`db_subnet_group_name` of private or isolated subnets. `azurerm_mssql_server`: `public_network_access_enabled = false`, ' +
      'reached through an `azurerm_private_endpoint` (`azurerm_sql_server` has no such argument: replace it with `azurerm_mssql_server`).',
    pulumi:
      '`sql.Server`: `publicNetworkAccess: "Disabled"`, reached through a `network.PrivateEndpoint` (group `sqlServer`).',
  },
  appliesTo: ['data-store'],
  check(view) {
    if (view.storeType !== 'database-instance' && view.storeType !== 'database-cluster')
      return notApplicable('not a relational database (BW-DP-027 asserts other stores)');
    if (view.publicNetworkAccess === undefined) {
      return notApplicable(
        view.storeType === 'database-cluster'
          ? 'Aurora sets public accessibility on each instance of the cluster'
          : 'not a database',
      );
    }
    const pub = view.publicNetworkAccess;
    if (pub instanceof Unknown)
      return unknown(`\`${view.name}\`: public accessibility cannot be resolved (${pub.reason})`);
    if (pub) return fail(`\`${view.name}\` has a public endpoint, reachable from the internet`);
    return pass(`\`${view.name}\` is not publicly accessible`);
  },
});
