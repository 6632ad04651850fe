import { defineRule, fail, notApplicable, pass, unknown, type CheckResult } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';
import { meetsTlsFloor } from '../../../lib/views/common/tls';
import type { DataStoreType, TlsVersion } from '../../../lib/views/kinds';

/** Store types whose clients' TLS has its own rule, which names the service's CIS control. */
const OWN_RULE: Partial<Record<DataStoreType, string>> = {
  'object-store': 'BW-DP-006',
  queue: 'BW-DP-007',
  topic: 'BW-DP-007',
};

/** Lowest TLS version accepted for any data in transit: 1.0 and 1.1 are deprecated (RFC 8996). */
const FLOOR: TlsVersion = '1.2';

export default defineRule({
  id: 'BW-DP-026',
  title: 'Data stores encrypt data in transit, to their clients and between their nodes',
  severity: 'high',
  controls: ['cis-azure-6.0:9.3.6', 'mcsb-v1:DP-3', 'nist-csf-2.0:PR.DS-02', 'gdpr:Art.32(1)(a)'],
  threats: ['data-breach', 'unauthorized-access'],
  rationale:
    'A cache, search cluster, warehouse, broker or document database that accepts plaintext connections sends ' +
    'its data, queries and often credentials across the network in clear text: anyone who can observe or redirect ' +
    'traffic in the network reads and alters them. Several managed services still accept plaintext unless told ' +
    'otherwise (ElastiCache without in-transit encryption, OpenSearch domains without HTTPS enforcement, MSK ' +
    'with `TLS_PLAINTEXT`, Redshift without `require_ssl`, DocumentDB with `tls` disabled, DMS endpoints without ' +
    '`SslMode`), and replication between their nodes (OpenSearch node-to-node, MSK in-cluster, EMR shuffle) ' +
    'can be left unencrypted. A store must refuse plaintext clients, encrypt traffic between its nodes, and ' +
    'accept no TLS version below 1.2 where it lets its owner choose. Object stores, queues and topics are held ' +
    'to refusing plaintext by BW-DP-006 and BW-DP-007, and here to their lowest TLS version (an Azure storage ' +
    'account or SQL server set to accept TLS 1.0).',
  fix: {
    cdk:
      'ElastiCache: `transitEncryptionEnabled: true` (mode `required`). OpenSearch: `domainEndpointOptions: ' +
      "{ enforceHttps: true, tlsSecurityPolicy: 'Policy-Min-TLS-1-2-PFS-2023-10' }` and " +
      '`nodeToNodeEncryptionOptions: { enabled: true }`. MSK: `clientBroker: TLS`, `inCluster: true`. Redshift: a ' +
      'cluster parameter group with `require_ssl` `true`. DocumentDB: keep the `tls` cluster parameter `enabled` ' +
      "(or `tls1.2+`). DMS: `sslMode: 'verify-full'`. EMR: a security configuration with " +
      '`EnableInTransitEncryption: true`.',
    terraform:
      '`aws_elasticache_replication_group`: `transit_encryption_enabled = true` (mode `required`). ' +
      '`aws_opensearch_domain`: `domain_endpoint_options { enforce_https = true, tls_security_policy = ' +
      '"Policy-Min-TLS-1-2-PFS-2023-10" }` and `node_to_node_encryption { enabled = true }`. `aws_msk_cluster`: ' +
      '`encryption_info { encryption_in_transit { client_broker = "TLS", in_cluster = true } }`. ' +
      '`aws_redshift_cluster`: an `aws_redshift_parameter_group` with `require_ssl` `true`. `aws_docdb_cluster`: ' +
      'keep the `tls` parameter of its `aws_docdb_cluster_parameter_group` `enabled` (or `tls1.2+`). ' +
      '`azurerm_storage_account`: `min_tls_version = "TLS1_2"`. `azurerm_mssql_server`: `minimum_tls_version = "1.2"` ' +
      '(`azurerm_sql_server` sets none: replace it with `azurerm_mssql_server`).',
    pulumi:
      '`sql.Server`: `minimalTlsVersion: "1.2"` (or `"1.3"`), written out (`None` accepts every version).',
  },
  appliesTo: ['data-store'],
  check(view) {
    // Stores with their own TLS rule are judged here on their lowest TLS version only.
    const own = OWN_RULE[view.storeType];
    const { minTls } = view;
    const tlsOnly = own ? undefined : view.tlsOnly;
    const nodeToNodeEncryption = own ? undefined : view.nodeToNodeEncryption;
    if (tlsOnly === undefined && nodeToNodeEncryption === undefined && minTls === undefined)
      return notApplicable(
        own
          ? `${view.storeType} TLS is asserted by ${own}`
          : `${view.storeType} has no in-transit encryption setting`,
      );
    const endpoint = view.storeType === 'replication-endpoint';
    const out: CheckResult[] = [];
    if (tlsOnly instanceof Unknown)
      out.push(
        unknown(`\`${view.name}\`: TLS for clients cannot be resolved (${tlsOnly.reason})`, 'clients'),
      );
    else if (tlsOnly === false)
      out.push(
        fail(
          endpoint
            ? `\`${view.name}\` connects to its database without TLS`
            : `\`${view.name}\` accepts client connections without TLS`,
          'clients',
        ),
      );
    if (nodeToNodeEncryption instanceof Unknown)
      out.push(
        unknown(
          `\`${view.name}\`: encryption between its nodes cannot be resolved (${nodeToNodeEncryption.reason})`,
          'nodes',
        ),
      );
    else if (nodeToNodeEncryption === false)
      out.push(fail(`\`${view.name}\` sends data between its nodes unencrypted`, 'nodes'));
    if (minTls instanceof Unknown)
      out.push(
        unknown(`\`${view.name}\`: lowest TLS version cannot be resolved (${minTls.reason})`, 'tls-version'),
      );
    else if (meetsTlsFloor(minTls, FLOOR) === false)
      out.push(
        fail(`\`${view.name}\` accepts TLS ${minTls}; TLS ${FLOOR} or later is required`, 'tls-version'),
      );
    if (out.length > 0) return out;
    if (own) return pass(`\`${view.name}\` accepts no TLS version below ${FLOOR}`);
    return pass(
      endpoint
        ? `\`${view.name}\` connects to its database with TLS`
        : `\`${view.name}\` encrypts data in transit`,
    );
  },
});
