import type { ResourceGraph } from '../../graph/graph';
import type { Resource } from '../../graph/resource';
import { Unknown, asBool, asNumber, refsIn, show, type Value } from '../../graph/values';
import type { DataStoreView, Fact } from '../kinds';
import { classificationOf } from '../common/classification';
import { kmsEncryption } from '../common/keys';
import type { AdapterContext } from '../registry';
import { type Encryption, base, bool } from '../common/store-base';

/* RDS DB instances and clusters -> data-store views. */

const INSTANCE_SOURCES = [
  'SourceDBInstanceIdentifier',
  'SourceDbiResourceId',
  'SourceDBInstanceAutomatedBackupsArn',
  'SourceDBClusterIdentifier',
  'DBSnapshotIdentifier',
  'DBClusterSnapshotIdentifier',
];
const CLUSTER = 'AWS::RDS::DBCluster';
const CLUSTER_SOURCES = ['SnapshotIdentifier', 'SourceDBClusterIdentifier'];

/**
 * The database of the graph a replica is created from (`SourceDBInstanceIdentifier`,
 * `SourceDBClusterIdentifier`): by reference, identifier (RDS keeps identifiers in lower case) or ARN.
 * An identifier two databases claim names neither.
 */
function replicationSource(
  v: Value | undefined,
  graph: ResourceGraph,
  holder: Resource,
): Resource | undefined {
  const types = ['AWS::RDS::DBInstance', CLUSTER];
  const found =
    graph.target(v, holder, types) ??
    (typeof v === 'string' ? graph.target(v.toLowerCase(), holder, types) : undefined);
  return found instanceof Unknown ? undefined : found;
}

/**
 * `StorageEncrypted` + `KmsKeyId` (default key `alias/aws/rds`). A database restored or replicated
 * from another inherits its encryption when `StorageEncrypted` is not set: read from the source when
 * the graph holds it (a replica's `SourceDBInstanceIdentifier: !Ref Main`). Aurora Serverless v1
 * (`EngineMode: serverless`) is always encrypted.
 */
function rdsEncryption(
  r: Resource,
  sources: readonly string[],
  graph: ResourceGraph,
  seen: ReadonlySet<string> = new Set(),
): Encryption {
  const p = r.properties;
  const encrypted = asBool(p.StorageEncrypted);
  if (encrypted instanceof Unknown) return { atRest: encrypted };
  if (encrypted === undefined) {
    const source = sources.find((s) => p[s] !== undefined && p[s] !== null);
    const from = source === undefined ? undefined : replicationSource(p[source], graph, r);
    if (from !== undefined && !seen.has(from.address)) {
      const fromSources = from.type === 'AWS::RDS::DBCluster' ? CLUSTER_SOURCES : INSTANCE_SOURCES;
      return rdsEncryption(from, fromSources, graph, new Set([...seen, r.address]));
    }
    if (source) {
      return {
        atRest: new Unknown(
          `encryption is inherited from \`${source}\` ${show(p[source])}`,
          refsIn(p[source]),
        ),
      };
    }
    if (p.EngineMode === 'serverless') return kmsEncryption(p.KmsKeyId, graph, 'kms-provider-key', r);
  }
  if (!encrypted) return { atRest: 'none' };
  return kmsEncryption(p.KmsKeyId, graph, 'kms-provider-key', r);
}

function isAurora(engine: Value | undefined): Fact<boolean> {
  if (engine instanceof Unknown) return engine;
  return typeof engine === 'string' && engine.startsWith('aurora');
}

function retention(v: Value | undefined, dflt: number): { days: Fact<number>; pitr: Fact<boolean> } {
  const days = asNumber(v) ?? dflt;
  return { days, pitr: days instanceof Unknown ? days : days > 0 };
}

/** Unset, RDS decides from the subnet group's VPC (public when it has an internet gateway). */
function rdsPublic(p: Record<string, Value>): Fact<boolean> {
  const v = asBool(p.PubliclyAccessible);
  if (v !== undefined) return v;
  return new Unknown(
    '`PubliclyAccessible` is not set: RDS decides from the VPC of the subnet group (public when it has an internet gateway)',
  );
}

/**
 * Public accessibility of a cluster. Aurora sets it on each instance of the cluster (which has its
 * own view), so an Aurora cluster without the property has none; a Multi-AZ DB cluster has it itself.
 */
function clusterPublic(p: Record<string, Value>): Fact<boolean> | undefined {
  if (p.PubliclyAccessible !== undefined) return rdsPublic(p);
  const aurora = isAurora(p.Engine);
  return aurora === true ? undefined : aurora instanceof Unknown ? aurora : rdsPublic(p);
}

/**
 * Whether a DB cluster keeps serving when an availability zone fails. A Multi-AZ DB cluster
 * (`DBClusterInstanceClass`, non-Aurora) always runs a writer and two readers in three zones. Aurora keeps six
 * copies of its storage in three zones whatever its instances, but with a single instance a zone failure leaves
 * no instance to fail over to until one is recreated: it is multi-AZ when the graph gives it two instances or
 * more (RDS spreads them across zones). Aurora Serverless v1 (`EngineMode: serverless`) recreates its capacity
 * in another zone by design.
 */
function clusterMultiAz(r: Resource, graph: ResourceGraph): Fact<boolean> {
  const p = r.properties;
  const aurora = isAurora(p.Engine);
  if (aurora instanceof Unknown) return aurora;
  if (!aurora) return p.DBClusterInstanceClass !== undefined ? true : new Unknown('engine is not Aurora');
  if (p.EngineMode === 'serverless') return true;
  const instances = graph.attachedBy(
    r.address,
    'AWS::RDS::DBInstance',
    (i) => i.properties.DBClusterIdentifier,
  );
  if (instances.attached.length >= 2) return true;
  const u = instances.uncertain[0];
  return u ? u.reason : false;
}

/**
 * `AWS::RDS::DBCluster` (Aurora and Multi-AZ DB clusters). Minor version upgrades are automatic unless
 * `AutoMinorVersionUpgrade` is false (on the cluster, and on each Aurora instance).
 */
export function dbClusterView(r: Resource, ctx: AdapterContext): DataStoreView {
  const p = r.properties;
  const backups = retention(p.BackupRetentionPeriod, 1);
  return {
    ...base(r, 'database-cluster', rdsEncryption(r, CLUSTER_SOURCES, ctx.graph)),
    pointInTimeRecovery: backups.pitr,
    backupRetentionDays: backups.days,
    deletionProtection: bool(p.DeletionProtection, false),
    publicNetworkAccess: clusterPublic(p),
    // RDS places every instance and cluster endpoint in a VPC (EC2-Classic is retired).
    privateEndpoint: true,
    autoMinorVersionUpgrade: bool(p.AutoMinorVersionUpgrade, true),
    multiAz: clusterMultiAz(r, ctx.graph),
  };
}

/**
 * `AWS::RDS::DBInstance`. An instance of a DB cluster (`DBClusterIdentifier`) stores its data in the
 * cluster: encryption and classification come from the cluster, and backups and deletion protection
 * are the cluster's (reported on the cluster's view, not here). A read replica
 * (`SourceDBInstanceIdentifier`) holds its source's data: encryption and, when untagged, classification
 * come from the source; without a `BackupRetentionPeriod` of its own its backups are the source's
 * (no backup facts here).
 */
export function dbInstanceView(r: Resource, ctx: AdapterContext): DataStoreView {
  const p = r.properties;
  const clusterId = p.DBClusterIdentifier;
  if (clusterId !== undefined && clusterId !== null) {
    // RDS keeps identifiers in lower case: `MyCluster` names the cluster `mycluster`.
    const cluster =
      ctx.graph.target(clusterId, r, CLUSTER) ??
      (typeof clusterId === 'string' ? ctx.graph.target(clusterId.toLowerCase(), r, CLUSTER) : undefined);
    let encryption: Encryption;
    let classification = classificationOf(r);
    if (cluster instanceof Unknown) {
      encryption = { atRest: cluster };
    } else if (cluster?.type === 'AWS::RDS::DBCluster') {
      encryption = rdsEncryption(cluster, CLUSTER_SOURCES, ctx.graph);
      if (classification.state === 'untagged') classification = classificationOf(cluster);
    } else {
      encryption = {
        atRest: new Unknown(
          `encryption is set on DB cluster ${show(clusterId)}, which is not in the template`,
          refsIn(clusterId),
        ),
      };
    }
    return {
      ...base(r, 'database-instance', encryption, classification),
      publicNetworkAccess: rdsPublic(p),
      privateEndpoint: true,
      autoMinorVersionUpgrade: bool(p.AutoMinorVersionUpgrade, true),
    };
  }
  const replicaOf = p.SourceDBInstanceIdentifier ?? p.SourceDBClusterIdentifier;
  const replica = replicaOf !== undefined && replicaOf !== null;
  const source = replica ? replicationSource(replicaOf, ctx.graph, r) : undefined;
  let classification = classificationOf(r);
  if (classification.state === 'untagged' && source) classification = classificationOf(source);
  // A read replica without a retention of its own is backed up through its source, like an instance of a cluster.
  const backups =
    replica && p.BackupRetentionPeriod === undefined ? undefined : retention(p.BackupRetentionPeriod, 1);
  return {
    ...base(r, 'database-instance', rdsEncryption(r, INSTANCE_SOURCES, ctx.graph), classification),
    pointInTimeRecovery: backups?.pitr,
    backupRetentionDays: backups?.days,
    deletionProtection: bool(p.DeletionProtection, false),
    publicNetworkAccess: rdsPublic(p),
    privateEndpoint: true,
    autoMinorVersionUpgrade: bool(p.AutoMinorVersionUpgrade, true),
    multiAz: bool(p.MultiAZ, false),
  };
}
