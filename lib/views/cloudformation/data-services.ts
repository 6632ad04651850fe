import type { ResourceGraph } from '../../graph/graph';
import type { Resource } from '../../graph/resource';
import {
  ResourceRef,
  Unknown,
  asBool,
  asList,
  asNumber,
  asString,
  get,
  refsIn,
  show,
  type Value,
} from '../../graph/values';
import type { ClientAuthenticationMethod, DataStoreView, Fact } from '../kinds';
import { kmsEncryption } from '../common/keys';
import { documentAllowsPublic, parsePolicyDocument } from '../common/policy';
import type { AdapterContext, AdapterRegistry } from '../registry';
import { base, bool, type Encryption } from '../common/store-base';
import { registerStreams } from './streams';

// Managed databases, warehouses, caches and search clusters. Each default written here is what the
// service does when the template leaves the property out.

/** A store restored or copied from another inherits its encryption when the template does not set it. */
function inherited(p: Record<string, Value>, sources: readonly string[]): Unknown | undefined {
  const source = sources.find((s) => p[s] !== undefined && p[s] !== null);
  if (source === undefined) return undefined;
  return new Unknown(`encryption is inherited from \`${source}\` ${show(p[source])}`, refsIn(p[source]));
}

/**
 * `StorageEncrypted` and `KmsKeyId` of a Neptune or DocumentDB cluster: both services leave storage
 * unencrypted unless `StorageEncrypted` is true, and then use the AWS managed key `aws/rds` unless a key is
 * named. A cluster restored from a snapshot or another cluster inherits their encryption.
 */
function storageEncryption(r: Resource, graph: ResourceGraph): Encryption {
  const p = r.properties;
  const encrypted = asBool(p.StorageEncrypted);
  if (encrypted instanceof Unknown) return { atRest: encrypted };
  if (encrypted === undefined) {
    const from = inherited(p, ['SnapshotIdentifier', 'SourceDBClusterIdentifier']);
    if (from) return { atRest: from };
  }
  if (!encrypted) return { atRest: 'none' };
  return kmsEncryption(p.KmsKeyId, graph, 'kms-provider-key', r);
}

/** Automated backups kept `BackupRetentionPeriod` days (1 when unset; Neptune and DocumentDB accept 1 to 35). */
function clusterBackups(
  p: Record<string, Value>,
): Pick<DataStoreView, 'backupRetentionDays' | 'pointInTimeRecovery'> {
  const days = asNumber(p.BackupRetentionPeriod) ?? 1;
  return { backupRetentionDays: days, pointInTimeRecovery: days instanceof Unknown ? days : days > 0 };
}

/**
 * The group a cluster names in `property`: a group of the graph (by reference, or by its name property), the
 * service's default group (unset, or a `default.` name), or an Unknown for a group outside the template.
 */
function parameterGroup(
  value: Value | undefined,
  graph: ResourceGraph,
  type: string,
  holder: Resource,
): Resource | 'default' | Unknown {
  if (value === undefined || value === null) return 'default';
  if (typeof value === 'string' && value.startsWith('default.')) return 'default';
  // By reference, or by name (the services keep parameter group names in lower case).
  const found =
    graph.target(value, holder, type) ??
    (typeof value === 'string' ? graph.target(value.toLowerCase(), holder, type) : undefined);
  if (found) return found;
  if (value instanceof ResourceRef)
    return new Unknown(`parameter group ${value.toString()} is not a ${type}`);
  if (value instanceof Unknown) return value;
  if (typeof value !== 'string') return new Unknown(`unexpected parameter group ${show(value)}`);
  return new Unknown(`parameter group \`${value}\` is not in the template`);
}

// ---------------------------------------------------------------------------------------------
// Neptune

/**
 * `AWS::Neptune::DBCluster`. Since engine 1.0.4.0 Neptune accepts only HTTPS and WebSocket connections over
 * TLS 1.2 or later on every endpoint (TLS 1.3 too from engine 1.3.2.0, with no setting to require it); older engine
 * versions are no longer offered. Neptune has no user
 * accounts: without IAM database authentication (`IamAuthEnabled`, off by default) any client that reaches
 * the port can read and write the graph.
 */
export function neptuneClusterView(r: Resource, ctx: AdapterContext): DataStoreView {
  const p = r.properties;
  const iam = bool(p.IamAuthEnabled, false);
  return {
    ...base(r, 'graph-database', storageEncryption(r, ctx.graph)),
    ...clusterBackups(p),
    deletionProtection: bool(p.DeletionProtection, false),
    tlsOnly: true,
    minTls: '1.2',
    minTlsCeiling: '1.2',
    clientAuthentication: iam instanceof Unknown ? iam : iam ? ['cloud-identity'] : ['unauthenticated'],
  };
}

// ---------------------------------------------------------------------------------------------
// DocumentDB

/**
 * TLS of a DocumentDB cluster, from the `tls` parameter of its cluster parameter group. The default group
 * has `tls` `enabled`; `enabled`, `fips-140-3`, `tls1.2+` and `tls1.3+` require TLS, `disabled` refuses it.
 */
function docdbTls(r: Resource, graph: ResourceGraph): Pick<DataStoreView, 'tlsOnly' | 'minTls'> {
  const group = parameterGroup(
    r.properties.DBClusterParameterGroupName,
    graph,
    'AWS::DocDB::DBClusterParameterGroup',
    r,
  );
  if (group instanceof Unknown) return { tlsOnly: group };
  const raw = group === 'default' ? 'enabled' : (get(group.properties.Parameters, 'tls') ?? 'enabled');
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

/** `AWS::DocDB::DBCluster`: storage unencrypted unless `StorageEncrypted`; TLS from its parameter group. */
export function docdbClusterView(r: Resource, ctx: AdapterContext): DataStoreView {
  const p = r.properties;
  return {
    ...base(r, 'document-database', storageEncryption(r, ctx.graph)),
    ...clusterBackups(p),
    deletionProtection: bool(p.DeletionProtection, false),
    ...docdbTls(r, ctx.graph),
  };
}

// ---------------------------------------------------------------------------------------------
// Redshift

/**
 * Redshift changed its defaults for clusters created from January 2025 (encrypted, private, TLS required by
 * the default parameter group); a template that leaves a setting out gets whatever the service applies when
 * it is deployed. Those settings are left Unknown, never assumed.
 */
const REDSHIFT_DEFAULT =
  'Redshift applies a default that depends on when the cluster is created (its defaults changed in January 2025)';

/** `Encrypted` and `KmsKeyId` (the AWS managed key `aws/redshift` when none is named). */
function redshiftEncryption(r: Resource, graph: ResourceGraph): Encryption {
  const p = r.properties;
  const encrypted = asBool(p.Encrypted);
  if (encrypted instanceof Unknown) return { atRest: encrypted };
  if (encrypted === undefined) {
    const from = inherited(p, ['SnapshotIdentifier', 'SnapshotClusterIdentifier']);
    return { atRest: from ?? new Unknown(`\`Encrypted\` is not set: ${REDSHIFT_DEFAULT}`) };
  }
  if (!encrypted) return { atRest: 'none' };
  return kmsEncryption(p.KmsKeyId, graph, 'kms-provider-key', r);
}

/** `require_ssl` in the cluster's parameter group (`AWS::Redshift::ClusterParameterGroup`). */
function redshiftTls(r: Resource, graph: ResourceGraph): Fact<boolean> {
  const group = parameterGroup(
    r.properties.ClusterParameterGroupName,
    graph,
    'AWS::Redshift::ClusterParameterGroup',
    r,
  );
  if (group instanceof Unknown) return group;
  if (group === 'default')
    return new Unknown(
      `the cluster uses the default parameter group, whose \`require_ssl\` ${REDSHIFT_DEFAULT}`,
    );
  const params = group.properties.Parameters;
  if (params instanceof Unknown) return params;
  for (const param of asList(params)) {
    const name = asString(get(param, 'ParameterName'));
    if (name instanceof Unknown) return name;
    if (name?.toLowerCase() !== 'require_ssl') continue;
    const value = asBool(get(param, 'ParameterValue'));
    return value ?? new Unknown('`require_ssl` has no value');
  }
  return new Unknown(
    `parameter group \`${group.logicalId ?? group.address}\` does not set \`require_ssl\`: ${REDSHIFT_DEFAULT}`,
  );
}

/**
 * `AWS::Redshift::Cluster`. Automated snapshots are kept `AutomatedSnapshotRetentionPeriod` days (1 when
 * unset, 0 turns them off). Redshift has no deletion protection setting.
 */
export function redshiftClusterView(r: Resource, ctx: AdapterContext): DataStoreView {
  const p = r.properties;
  const pub = asBool(p.PubliclyAccessible);
  return {
    ...base(r, 'data-warehouse', redshiftEncryption(r, ctx.graph)),
    backupRetentionDays: asNumber(p.AutomatedSnapshotRetentionPeriod) ?? 1,
    tlsOnly: redshiftTls(r, ctx.graph),
    publicNetworkAccess: pub ?? new Unknown(`\`PubliclyAccessible\` is not set: ${REDSHIFT_DEFAULT}`),
    // Redshift clusters always run in a VPC, public or not.
    privateEndpoint: true,
  };
}

// ---------------------------------------------------------------------------------------------
// ElastiCache

/**
 * How clients of a Valkey or Redis OSS replication group authenticate: a user group (RBAC users, each with
 * passwords or IAM), else the `AuthToken` shared by every client, else none.
 */
function cacheAuthentication(p: Record<string, Value>): Fact<readonly ClientAuthenticationMethod[]> {
  const groups = p.UserGroupIds;
  if (groups instanceof Unknown) return groups;
  if (asList(groups).length > 0) return ['user-credentials'];
  const token = p.AuthToken;
  // A token from a parameter or a secret is set, whatever its value; one behind a condition may not be.
  if (token instanceof Unknown && (token.display ?? '').includes('${If:')) return token;
  if (token !== undefined && token !== null) return ['shared-secret'];
  return ['unauthenticated'];
}

/**
 * In-transit encryption of a replication group. `TransitEncryptionEnabled` is off by default; when on,
 * `TransitEncryptionMode` is `required` unless set to `preferred`, which also accepts plaintext clients (a
 * migration step). The same setting encrypts replication between the group's nodes.
 */
function cacheTransit(p: Record<string, Value>): Pick<DataStoreView, 'tlsOnly' | 'nodeToNodeEncryption'> {
  const enabled = bool(p.TransitEncryptionEnabled, false);
  if (enabled !== true) return { tlsOnly: enabled, nodeToNodeEncryption: enabled };
  const mode = asString(p.TransitEncryptionMode) ?? 'required';
  return {
    tlsOnly: mode instanceof Unknown ? mode : mode.toLowerCase() === 'required',
    nodeToNodeEncryption: true,
  };
}

/**
 * `AWS::ElastiCache::ReplicationGroup` (Valkey, Redis OSS). `AtRestEncryptionEnabled` is off by default; on,
 * data on disk and in snapshots is encrypted with a key ElastiCache owns unless `KmsKeyId` names a KMS key.
 * A member of a global datastore (`GlobalReplicationGroupId`) takes its encryption from the primary group.
 */
export function replicationGroupView(r: Resource, ctx: AdapterContext): DataStoreView {
  const p = r.properties;
  let encryption: Encryption;
  const atRest = asBool(p.AtRestEncryptionEnabled);
  if (atRest instanceof Unknown) encryption = { atRest };
  else if (atRest === undefined && p.GlobalReplicationGroupId !== undefined)
    encryption = {
      atRest: new Unknown(
        `encryption is set on global datastore ${show(p.GlobalReplicationGroupId)}`,
        refsIn(p.GlobalReplicationGroupId),
      ),
    };
  else encryption = atRest ? kmsEncryption(p.KmsKeyId, ctx.graph, 'provider', r) : { atRest: 'none' };
  return {
    ...base(r, 'cache', encryption),
    ...cacheTransit(p),
    clientAuthentication: cacheAuthentication(p),
  };
}

/**
 * `AWS::ElastiCache::CacheCluster`. A Memcached cluster keeps data in memory only and has no authentication;
 * `TransitEncryptionEnabled` (off by default) turns TLS on for it. A single-node Valkey or Redis OSS cluster
 * created this way cannot encrypt at rest, use TLS or take an auth token: those need a replication group.
 */
export function cacheClusterView(r: Resource): DataStoreView {
  const p = r.properties;
  const engine = asString(p.Engine);
  if (engine instanceof Unknown || engine === undefined) {
    const u = engine ?? new Unknown('`Engine` is not set');
    return { ...base(r, 'cache', { atRest: u }), tlsOnly: u, clientAuthentication: u };
  }
  if (engine.toLowerCase() === 'memcached') {
    return {
      ...base(r, 'cache', { atRest: 'none' }),
      memoryOnly: true,
      tlsOnly: bool(p.TransitEncryptionEnabled, false),
      clientAuthentication: ['unauthenticated'],
    };
  }
  return {
    ...base(r, 'cache', { atRest: 'none' }),
    tlsOnly: false,
    clientAuthentication: ['unauthenticated'],
  };
}

// ---------------------------------------------------------------------------------------------
// OpenSearch Service and Elasticsearch

/**
 * Lowest TLS version of each OpenSearch Service TLS security policy. None requires TLS 1.3: the strongest
 * still accepts TLS 1.2.
 */
const SEARCH_TLS_POLICIES: Readonly<Record<string, '1.0' | '1.2'>> = {
  'Policy-Min-TLS-1-0-2019-07': '1.0',
  'Policy-Min-TLS-1-2-2019-07': '1.2',
  'Policy-Min-TLS-1-2-PFS-2023-10': '1.2',
};

/**
 * `AWS::OpenSearchService::Domain` and `AWS::Elasticsearch::Domain`. Unless the template says otherwise a
 * domain does not encrypt at rest (on, it uses the AWS managed key `aws/es` unless `KmsKeyId` names one), does
 * not encrypt between nodes, accepts plain HTTP, and takes TLS 1.0 (`Policy-Min-TLS-1-0-2019-07`). Without
 * `VPCOptions` its endpoint is public, guarded only by its access policy.
 */
export function searchDomainView(r: Resource, ctx: AdapterContext): DataStoreView {
  const p = r.properties;
  const rest = p.EncryptionAtRestOptions;
  const restOn = bool(get(rest, 'Enabled'), false);
  const encryption: Encryption =
    restOn instanceof Unknown
      ? { atRest: restOn }
      : restOn
        ? kmsEncryption(get(rest, 'KmsKeyId'), ctx.graph, 'kms-provider-key', r)
        : { atRest: 'none' };
  const endpoint = p.DomainEndpointOptions;
  const policy = asString(get(endpoint, 'TLSSecurityPolicy')) ?? 'Policy-Min-TLS-1-0-2019-07';
  const minTls: Fact<'1.0' | '1.2'> =
    policy instanceof Unknown
      ? policy
      : Object.prototype.hasOwnProperty.call(SEARCH_TLS_POLICIES, policy)
        ? SEARCH_TLS_POLICIES[policy]!
        : new Unknown(`TLS policy \`${policy}\` is not a known OpenSearch Service security policy`);
  const vpc = p.VPCOptions;
  const subnets = get(vpc, 'SubnetIds');
  const publicNetworkAccess: Fact<boolean> =
    vpc instanceof Unknown ? vpc : subnets instanceof Unknown ? subnets : asList(subnets).length === 0;
  const access = parsePolicyDocument(p.AccessPolicies);
  return {
    ...base(r, 'search-cluster', encryption),
    tlsOnly: bool(get(endpoint, 'EnforceHTTPS'), false),
    minTls,
    minTlsCeiling: '1.2',
    nodeToNodeEncryption: bool(get(p.NodeToNodeEncryptionOptions, 'Enabled'), false),
    publicNetworkAccess,
    privateEndpoint: publicNetworkAccess instanceof Unknown ? publicNetworkAccess : !publicNetworkAccess,
    policyAllowsPublic: documentAllowsPublic(access),
  };
}

/** Data-store views for Neptune, DocumentDB, Redshift, ElastiCache, OpenSearch, Kinesis, Firehose, MSK, EMR and DMS. */
export function registerDataServices(registry: AdapterRegistry): void {
  registry
    .register('cloudformation', 'AWS::Neptune::DBCluster', neptuneClusterView)
    .register('cloudformation', 'AWS::DocDB::DBCluster', docdbClusterView)
    .register('cloudformation', 'AWS::Redshift::Cluster', redshiftClusterView)
    .register('cloudformation', 'AWS::ElastiCache::ReplicationGroup', replicationGroupView)
    .register('cloudformation', 'AWS::ElastiCache::CacheCluster', cacheClusterView)
    .register(
      'cloudformation',
      ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'],
      searchDomainView,
    );
  registerStreams(registry);
}
