import type { ResourceGraph } from '../../graph/graph';
import type { Resource } from '../../graph/resource';
import {
  ResourceRef,
  Unknown,
  asBool,
  asList,
  asNumber,
  asString,
  isObject,
  refsIn,
  show,
  type Value,
} from '../../graph/values';
import type { DataStoreView, Fact } from '../kinds';
import { kmsEncryption } from '../common/keys';
import { base, bool, type Encryption } from '../common/store-base';
import type { AdapterContext, AdapterRegistry } from '../registry';
import { cacheClusterView, REPLICATION_GROUP, replicationGroupView } from './caches';
import { searchDomainView } from './search-domains';
import { registerTerraformStreams } from './streams';
import { arg, present } from './arguments';

/*
 * Data-store views of the Terraform AWS provider's managed graph and document databases and warehouses:
 * Neptune, DocumentDB and Redshift (ElastiCache in caches.ts, OpenSearch and Elasticsearch in
 * search-domains.ts, streams in streams.ts, all registered here). An argument absent
 * from `cdk.tf.json` takes the provider's default (or the service's, where the provider sends nothing); a
 * plan writes every argument, and one the configuration leaves to the provider is known only after apply.
 */

/** The first of `names` the configuration sets, when the store is made from another (snapshot, replica). */
function inherited(p: Record<string, Value>, names: readonly string[]): Unknown | undefined {
  const name = names.find((n) => present(p[n]));
  if (name === undefined) return undefined;
  return new Unknown(`encryption is inherited from \`${name}\` ${show(p[name])}`, refsIn(p[name]));
}

/**
 * `storage_encrypted` and the key argument of a Neptune or DocumentDB cluster: unencrypted unless
 * `storage_encrypted = true`, then the AWS managed key `aws/rds` unless a key is named. A cluster made
 * from a snapshot, another cluster or a global cluster inherits its encryption.
 */
function storageEncryption(
  r: Resource,
  graph: ResourceGraph,
  key: string,
  sources: readonly string[],
): Encryption {
  const p = r.properties;
  const encrypted = asBool(arg(p.storage_encrypted));
  if (encrypted instanceof Unknown) return { atRest: encrypted };
  if (encrypted !== true) {
    const from = inherited(p, sources);
    if (from) return { atRest: from };
  }
  if (!encrypted) return { atRest: 'none' };
  return kmsEncryption(arg(p[key]), graph, 'kms-provider-key', r);
}

/** Automated backups kept `backup_retention_period` days (1 when unset). */
function clusterBackups(
  p: Record<string, Value>,
): Pick<DataStoreView, 'backupRetentionDays' | 'pointInTimeRecovery'> {
  const days = asNumber(arg(p.backup_retention_period)) ?? 1;
  return { backupRetentionDays: days, pointInTimeRecovery: days instanceof Unknown ? days : days > 0 };
}

/**
 * The parameter group a cluster names in `argument`: a group of the configuration (by reference or by
 * name), the service's default group (unset, or a `default.` name), or an Unknown for a group declared
 * elsewhere.
 */
function parameterGroup(
  value: Value | undefined,
  graph: ResourceGraph,
  type: string,
  holder: Resource,
): Resource | 'default' | Unknown {
  const v = arg(value);
  if (v === undefined) return 'default';
  if (typeof v === 'string' && v.startsWith('default.')) return 'default';
  const found =
    graph.target(v, holder, type) ??
    (typeof v === 'string' ? graph.target(v.toLowerCase(), holder, type) : undefined);
  if (found) return found;
  if (v instanceof ResourceRef) return new Unknown(`parameter group ${v.toString()} is not a ${type}`);
  if (v instanceof Unknown) return v;
  if (typeof v !== 'string') return new Unknown(`unexpected parameter group ${show(v)}`);
  return new Unknown(`parameter group \`${v}\` is not in the configuration`);
}

/** The value of the `parameter` block named `name` (case-insensitive) of a parameter group, or undefined. */
function parameter(group: Resource, name: string): Value | undefined {
  const blocks = group.properties.parameter;
  if (blocks instanceof Unknown) return blocks;
  for (const b of asList(blocks)) {
    if (!isObject(b)) continue;
    const n = asString(b.name);
    if (n instanceof Unknown) return n;
    if (n?.toLowerCase() === name) return b.value ?? new Unknown(`\`${name}\` has no value`);
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Neptune

/**
 * `aws_neptune_cluster`. Neptune accepts only TLS 1.2 or later on every endpoint; without IAM database
 * authentication (`iam_database_authentication_enabled`, off by default) any client that reaches the port
 * reads and writes the graph.
 */
export function neptuneClusterView(r: Resource, ctx: AdapterContext): DataStoreView {
  const p = r.properties;
  const iam = bool(arg(p.iam_database_authentication_enabled), false);
  return {
    ...base(
      r,
      'graph-database',
      storageEncryption(r, ctx.graph, 'kms_key_arn', [
        'snapshot_identifier',
        'replication_source_identifier',
        'global_cluster_identifier',
      ]),
    ),
    ...clusterBackups(p),
    deletionProtection: bool(arg(p.deletion_protection), false),
    tlsOnly: true,
    minTls: '1.2',
    minTlsCeiling: '1.2',
    clientAuthentication: iam instanceof Unknown ? iam : iam ? ['cloud-identity'] : ['unauthenticated'],
  };
}

// ---------------------------------------------------------------------------------------------
// DocumentDB

/**
 * TLS of a DocumentDB cluster, from the `tls` parameter of its `aws_docdb_cluster_parameter_group`. The
 * default group has `tls` `enabled`; `enabled`, `fips-140-3`, `tls1.2+` and `tls1.3+` require TLS,
 * `disabled` refuses it.
 */
function docdbTls(r: Resource, graph: ResourceGraph): Pick<DataStoreView, 'tlsOnly' | 'minTls'> {
  const group = parameterGroup(
    r.properties.db_cluster_parameter_group_name,
    graph,
    'aws_docdb_cluster_parameter_group',
    r,
  );
  if (group instanceof Unknown) return { tlsOnly: group };
  const raw = group === 'default' ? 'enabled' : (parameter(group, 'tls') ?? 'enabled');
  const tls = asString(raw);
  if (tls instanceof Unknown || tls === undefined) return { tlsOnly: tls ?? new Unknown('`tls` is empty') };
  switch (tls.toLowerCase()) {
    case 'disabled':
      return { tlsOnly: false };
    case 'tls1.2+':
      return { tlsOnly: true, minTls: '1.2' };
    case 'tls1.3+':
      return { tlsOnly: true, minTls: '1.3' };
    case 'enabled':
    case 'fips-140-3':
      return { tlsOnly: true };
    default:
      return { tlsOnly: new Unknown(`\`tls\` parameter value \`${tls}\` is not one DocumentDB documents`) };
  }
}

/** `aws_docdb_cluster`: storage unencrypted unless `storage_encrypted = true`; TLS from its parameter group. */
export function docdbClusterView(r: Resource, ctx: AdapterContext): DataStoreView {
  const p = r.properties;
  return {
    ...base(
      r,
      'document-database',
      storageEncryption(r, ctx.graph, 'kms_key_id', [
        'snapshot_identifier',
        'restore_to_point_in_time',
        'global_cluster_identifier',
      ]),
    ),
    ...clusterBackups(p),
    deletionProtection: bool(arg(p.deletion_protection), false),
    ...docdbTls(r, ctx.graph),
  };
}

// ---------------------------------------------------------------------------------------------
// Redshift

/**
 * Provider 6.0 changed two defaults of `aws_redshift_cluster` (`encrypted` true, `publicly_accessible`
 * false; before, false and true). A plan writes the value the provider chose; a `cdk.tf.json` that leaves
 * them out gets whichever the provider version applies, so they are left Unknown.
 */
const PROVIDER_DEFAULT = 'its default depends on the AWS provider version (changed in 6.0)';

/**
 * Redshift changed its own defaults for clusters created from January 2025; the parameter group's
 * `require_ssl` is left Unknown when the configuration does not set it.
 */
const REDSHIFT_DEFAULT =
  'Redshift applies a default that depends on when the cluster is created (its defaults changed in January 2025)';

/**
 * `encrypted` and `kms_key_id` (the AWS managed key `aws/redshift` when none is named); a cluster restored from a
 * snapshot (`snapshot_identifier`, `snapshot_arn`) has the snapshot's encryption.
 */
function redshiftEncryption(r: Resource, graph: ResourceGraph): Encryption {
  const p = r.properties;
  const encrypted = asBool(arg(p.encrypted));
  if (encrypted instanceof Unknown) return { atRest: encrypted };
  // A cluster restored from a snapshot takes the snapshot's encryption: the provider does not send `encrypted`.
  if (encrypted !== true) {
    const from = inherited(p, ['snapshot_identifier', 'snapshot_arn']);
    if (from) return { atRest: from };
  }
  if (encrypted === undefined)
    return { atRest: new Unknown(`\`encrypted\` is not set: ${PROVIDER_DEFAULT}`) };
  if (!encrypted) return { atRest: 'none' };
  return kmsEncryption(arg(p.kms_key_id), graph, 'kms-provider-key', r);
}

/** `require_ssl` in the cluster's `aws_redshift_parameter_group`. */
function redshiftTls(r: Resource, graph: ResourceGraph): Fact<boolean> {
  const group = parameterGroup(
    r.properties.cluster_parameter_group_name,
    graph,
    'aws_redshift_parameter_group',
    r,
  );
  if (group instanceof Unknown) return group;
  if (group === 'default')
    return new Unknown(
      `the cluster uses the default parameter group, whose \`require_ssl\` ${REDSHIFT_DEFAULT}`,
    );
  const value = parameter(group, 'require_ssl');
  if (value === undefined)
    return new Unknown(
      `parameter group \`${group.address}\` does not set \`require_ssl\`: ${REDSHIFT_DEFAULT}`,
    );
  return asBool(value) ?? new Unknown('`require_ssl` has no value');
}

/**
 * `aws_redshift_cluster`. Automated snapshots are kept `automated_snapshot_retention_period` days (1 when
 * unset, 0 turns them off).
 */
export function redshiftClusterView(r: Resource, ctx: AdapterContext): DataStoreView {
  const p = r.properties;
  const pub = asBool(arg(p.publicly_accessible));
  return {
    ...base(r, 'data-warehouse', redshiftEncryption(r, ctx.graph)),
    backupRetentionDays: asNumber(arg(p.automated_snapshot_retention_period)) ?? 1,
    tlsOnly: redshiftTls(r, ctx.graph),
    publicNetworkAccess: pub ?? new Unknown(`\`publicly_accessible\` is not set: ${PROVIDER_DEFAULT}`),
    // Redshift clusters always run in a VPC, public or not.
    privateEndpoint: true,
  };
}

/** Data-store views of Neptune, DocumentDB, Redshift, ElastiCache, OpenSearch, Kinesis, Firehose and MSK. */
export function registerTerraformDataServices(registry: AdapterRegistry): void {
  registry
    .register('terraform', 'aws_neptune_cluster', neptuneClusterView)
    .register('terraform', 'aws_docdb_cluster', docdbClusterView)
    .register('terraform', 'aws_redshift_cluster', redshiftClusterView)
    .register('terraform', REPLICATION_GROUP, replicationGroupView)
    .register('terraform', 'aws_elasticache_cluster', cacheClusterView)
    .register('terraform', ['aws_opensearch_domain', 'aws_elasticsearch_domain'], searchDomainView);
  registerTerraformStreams(registry);
}
