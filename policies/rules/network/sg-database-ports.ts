import { defineRule } from '../../../lib/engine/rule';
import { checkWorldIngress } from './sg-admin-ports';

/**
 * Well-known ports of database and data-store engines: SQL Server 1433, Oracle 1521, MySQL/MariaDB/Aurora
 * 3306, PostgreSQL 5432, Redshift 5439, CouchDB 5984, Redis/Valkey 6379, Cassandra 9042,
 * Elasticsearch/OpenSearch 9200 and 9300, Memcached 11211, MongoDB/DocumentDB 27017.
 */
export const DATABASE_PORTS: readonly number[] = [
  1433, 1521, 3306, 5432, 5439, 5984, 6379, 9042, 9200, 9300, 11211, 27017,
];

export default defineRule({
  id: 'BW-NS-002',
  title: 'Security groups allow no ingress from the internet to database ports',
  severity: 'high',
  controls: ['mcsb-v1:NS-1', 'mcsb-v1:NS-2', 'nist-csf-2.0:PR.IR-01'],
  threats: ['unauthorized-access', 'data-breach'],
  rationale:
    'A database engine listening to 0.0.0.0/0 or ::/0 is one leaked or guessed credential, or one unpatched engine ' +
    'vulnerability, away from a data breach; internet scanners find such ports within minutes. ' +
    'Data stores belong in private subnets, reachable only from the application tier. ' +
    'Any /0 counts as the internet whatever its address part, and so does a public range wider than a /8 (IPv4) or a ' +
    '/16 (IPv6).',
  fix: {
    cdk: 'Allow the database port only from the security group of the application that uses it (`db.connections.allowDefaultPortFrom(app)`), never from an address range that covers the internet.',
    terraform:
      "Allow the database port on the `aws_security_group` only from the application's group (`source_security_group_id` on an `aws_security_group_rule`, or `referenced_security_group_id` on an `aws_vpc_security_group_ingress_rule`), never with `cidr_blocks` / `cidr_ipv4` covering the internet. On an `azurerm_network_security_group`, no `Allow` `security_rule` from `*`, `Internet` or `0.0.0.0/0` may cover a database port. An `azurerm_mssql_firewall_rule` / `azurerm_sql_firewall_rule` names only the addresses of known clients (never `0.0.0.0`-`255.255.255.255`, nor `0.0.0.0`-`0.0.0.0`, which admits every Azure tenant); prefer `public_network_access_enabled = false` on the `azurerm_mssql_server` with an `azurerm_private_endpoint`.",
  },
  appliesTo: ['firewall'],
  check(view) {
    return checkWorldIngress(view.name, view.rules, DATABASE_PORTS, 'database port');
  },
});
