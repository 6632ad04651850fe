import type { ResourceGraph } from '../../graph/graph';
import type { Resource } from '../../graph/resource';
import {
  Unknown,
  asBool,
  asList,
  asNumber,
  asString,
  get,
  isObject,
  refsIn,
  show,
  type Value,
} from '../../graph/values';
import type {
  AtRestEncryption,
  ClassificationFact,
  DataStoreType,
  DataStoreView,
  Fact,
  PolicyDocument,
} from '../kinds';
import { classificationOf } from '../common/classification';
import { kmsEncryption } from '../common/keys';
import { displayName } from '../common/naming';
import {
  allowsPublic,
  deniesInsecureTransport,
  parsePolicyDocument,
  type TlsDenyScope,
} from '../common/policy';
import { arnRenderings, refRendering } from './arns';
import type { AdapterContext, AdapterRegistry } from '../registry';

export type Encryption = DataStoreView['encryption'];

const STRENGTH: readonly AtRestEncryption[] = [
  'none',
  'provider',
  'kms-provider-key',
  'customer-key',
  'double',
];

/** The weaker of two encryption facts; an Unknown wins over any known value. */
export function weaker(a: Encryption, b: Encryption): Encryption {
  if (a.atRest instanceof Unknown) return a;
  if (b.atRest instanceof Unknown) return b;
  return STRENGTH.indexOf(b.atRest) < STRENGTH.indexOf(a.atRest) ? b : a;
}

/** True only when every fact is true: a false decides, else an Unknown, else true. */
function allTrue(facts: readonly Fact<boolean>[]): Fact<boolean> {
  if (facts.some((f) => f === false)) return false;
  return facts.find((f): f is Unknown => f instanceof Unknown) ?? true;
}

/** A boolean property with its service default. */
export function bool(v: Value | undefined, dflt: boolean): Fact<boolean> {
  return asBool(v) ?? dflt;
}

export function base(
  r: Resource,
  storeType: DataStoreType,
  encryption: Encryption,
  classification: ClassificationFact = classificationOf(r),
): Pick<
  DataStoreView,
  'kind' | 'storeType' | 'resource' | 'name' | 'classification' | 'encryption' | 'retainedOnDelete'
> {
  return {
    kind: 'data-store',
    storeType,
    resource: r,
    name: displayName(r),
    classification,
    encryption:
      encryption.atRest === 'customer-key' || encryption.atRest === 'double'
        ? encryption
        : { atRest: encryption.atRest },
    retainedOnDelete: r.retainOnDelete ?? false,
  };
}

/** A copy of a resource with other tags, for services that keep tags outside `Tags`. */
function withTags(r: Resource, tags: Value | undefined): Resource {
  const out: Record<string, Value> = {};
  for (const t of asList(tags)) {
    if (isObject(t) && typeof t.Key === 'string' && t.Value !== undefined) out[t.Key] = t.Value;
  }
  return { ...r, tags: out };
}

/** A resource policy attachment: resources of `type` whose `targets` property names the store. */
interface PolicyAttachment {
  readonly type: string;
  readonly targets: string;
  /** Property holding the document. @default 'PolicyDocument' */
  readonly document?: string;
}

/**
 * The statements of every resource policy that attaches to a store (its `targets` property names the
 * store by reference or by value), as one document. A policy that may attach (it names the store by
 * a value another store claims too) makes the document unresolved.
 */
function attachedPolicy(
  r: Resource,
  graph: ResourceGraph,
  attachments: readonly PolicyAttachment[],
): PolicyDocument {
  const docs: PolicyDocument[] = [];
  let uncertain: Unknown | undefined;
  for (const { type, targets, document } of attachments) {
    const found = graph.attachedBy(r.address, type, (p) => p.properties[targets]);
    for (const p of found.attached)
      docs.push(parsePolicyDocument(p.properties[document ?? 'PolicyDocument']));
    const u = found.uncertain[0];
    if (u)
      uncertain ??= new Unknown(
        `policy \`${displayName(u.resource)}\` may attach to the resource (${u.reason.reason})`,
      );
  }
  const unresolved = docs.find((d) => d.unresolved)?.unresolved ?? uncertain;
  const statements = docs.flatMap((d) => d.statements);
  return unresolved ? { statements, unresolved } : { statements };
}

/** TLS-only and public-grant facts, with the document, from the resource policies that attach to a store. */
function resourcePolicyFacts(
  r: Resource,
  graph: ResourceGraph,
  attachments: readonly PolicyAttachment[],
  tls: TlsDenyScope,
): { tlsOnly: Fact<boolean>; policyAllowsPublic: Fact<boolean>; resourcePolicy: PolicyDocument } {
  const resourcePolicy = attachedPolicy(r, graph, attachments);
  const { statements, unresolved } = resourcePolicy;
  return {
    tlsOnly: statements.some((s) => deniesInsecureTransport(s, tls)) ? true : (unresolved ?? false),
    policyAllowsPublic: statements.some(allowsPublic) ? true : (unresolved ?? false),
    resourcePolicy,
  };
}

// ---------------------------------------------------------------------------------------------
// DynamoDB

/**
 * `SSESpecification` of a table: absent or `SSEEnabled: false` is the AWS owned key; enabled without
 * `KMSMasterKeyId` is the AWS managed key `alias/aws/dynamodb`.
 */
function dynamoEncryption(
  sse: Value | undefined,
  keyValue: Value | undefined,
  graph: ResourceGraph,
  r: Resource,
): Encryption {
  if (sse === undefined || sse === null) return { atRest: 'provider' };
  if (sse instanceof Unknown) return { atRest: sse };
  const enabled = asBool(get(sse, 'SSEEnabled'));
  if (enabled instanceof Unknown) return { atRest: enabled };
  if (!enabled) return { atRest: 'provider' };
  return kmsEncryption(keyValue, graph, 'kms-provider-key', r);
}

function pitr(spec: Value | undefined): { enabled: Fact<boolean>; days?: Fact<number> } {
  if (spec instanceof Unknown) return { enabled: spec };
  const enabled = bool(get(spec, 'PointInTimeRecoveryEnabled'), false);
  if (enabled !== true) return { enabled };
  return { enabled, days: asNumber(get(spec, 'RecoveryPeriodInDays')) ?? 35 };
}

/** Items expire only by TTL, at times the application writes: no day count can be read. */
function ttlRetention(spec: Value | undefined): Fact<number | null> {
  if (spec instanceof Unknown) return spec;
  const enabled = asBool(get(spec, 'Enabled'));
  if (enabled instanceof Unknown) return enabled;
  if (!enabled) return null;
  return new Unknown(`items expire by the TTL attribute \`${show(get(spec, 'AttributeName'))}\`, per item`);
}

/** The TTL attribute when TTL is enabled: items expire at the time the application writes in it. */
function ttlAttribute(spec: Value | undefined): { ttlAttribute?: Fact<string> } {
  if (spec === undefined || spec === null || spec instanceof Unknown) return {};
  if (asBool(get(spec, 'Enabled')) !== true) return {};
  const name = asString(get(spec, 'AttributeName'));
  return { ttlAttribute: name ?? new Unknown('TTL is enabled without `AttributeName`') };
}

/** `AWS::DynamoDB::Table`, with its embedded resource policy (`ResourcePolicy.PolicyDocument`). */
export function tableView(r: Resource, ctx: AdapterContext): DataStoreView {
  const p = r.properties;
  const sse = p.SSESpecification;
  const recovery = pitr(p.PointInTimeRecoverySpecification);
  return {
    ...base(r, 'table', dynamoEncryption(sse, get(sse, 'KMSMasterKeyId'), ctx.graph, r)),
    pointInTimeRecovery: recovery.enabled,
    backupRetentionDays: recovery.days,
    dataRetentionDays: ttlRetention(p.TimeToLiveSpecification),
    ...ttlAttribute(p.TimeToLiveSpecification),
    deletionProtection: bool(p.DeletionProtectionEnabled, false),
    resourcePolicy: parsePolicyDocument(get(p, 'ResourcePolicy', 'PolicyDocument')),
  };
}

/**
 * `AWS::DynamoDB::GlobalTable`: one view for the table, with the weakest setting of its replicas
 * (keys, point-in-time recovery, deletion protection and tags are set per replica).
 */
export function globalTableView(r: Resource, ctx: AdapterContext): DataStoreView {
  const p = r.properties;
  const replicas = p.Replicas;
  if (replicas instanceof Unknown) {
    return {
      ...base(r, 'table', { atRest: replicas }, { state: 'unknown', value: replicas }),
      pointInTimeRecovery: replicas,
      dataRetentionDays: ttlRetention(p.TimeToLiveSpecification),
      deletionProtection: replicas,
    };
  }
  const list = asList(replicas);
  let encryption: Encryption | undefined;
  for (const replica of list) {
    const e = dynamoEncryption(
      p.SSESpecification,
      get(replica, 'SSESpecification', 'KMSMasterKeyId'),
      ctx.graph,
      r,
    );
    encryption = encryption ? weaker(encryption, e) : e;
  }
  const recoveries = list.map((x) => pitr(get(x, 'PointInTimeRecoverySpecification')));
  const days = recoveries.map((x) => x.days).filter((d): d is Fact<number> => d !== undefined);
  const pitrOn = list.length === 0 ? false : allTrue(recoveries.map((x) => x.enabled));
  return {
    ...base(
      r,
      'table',
      encryption ?? dynamoEncryption(p.SSESpecification, undefined, ctx.graph, r),
      replicaClassification(r, list),
    ),
    pointInTimeRecovery: pitrOn,
    backupRetentionDays:
      pitrOn === true
        ? (days.find((d): d is Unknown => d instanceof Unknown) ?? Math.min(...(days as number[])))
        : undefined,
    dataRetentionDays: ttlRetention(p.TimeToLiveSpecification),
    ...ttlAttribute(p.TimeToLiveSpecification),
    deletionProtection: allTrue(list.map((x) => bool(get(x, 'DeletionProtectionEnabled'), false))),
  };
}

/** Every replica must carry the same classification; differing ones cannot be told apart. */
function replicaClassification(r: Resource, replicas: readonly Value[]): ClassificationFact {
  const facts = replicas.map((x) => classificationOf(withTags(r, get(x, 'Tags'))));
  const first = facts[0];
  if (!first) return { state: 'untagged' };
  const same = facts.every((f) => JSON.stringify(f) === JSON.stringify(first));
  return same
    ? first
    : {
        state: 'unknown',
        value: new Unknown('replicas of the global table carry different `data-classification` tags'),
      };
}

// ---------------------------------------------------------------------------------------------
// RDS

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
    publiclyAccessible: clusterPublic(p),
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
      publiclyAccessible: rdsPublic(p),
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
    publiclyAccessible: rdsPublic(p),
    autoMinorVersionUpgrade: bool(p.AutoMinorVersionUpgrade, true),
    multiAz: bool(p.MultiAZ, false),
  };
}

// ---------------------------------------------------------------------------------------------
// Messaging

/**
 * `AWS::SQS::Queue`: a KMS key when `KmsMasterKeyId` is set, else SSE-SQS unless
 * `SqsManagedSseEnabled` is false. TLS-only and public grants come from its queue policies.
 */
export function queueView(r: Resource, ctx: AdapterContext): DataStoreView {
  const p = r.properties;
  let encryption: Encryption;
  if (p.KmsMasterKeyId !== undefined && p.KmsMasterKeyId !== null) {
    encryption = kmsEncryption(p.KmsMasterKeyId, ctx.graph, 'kms-provider-key', r);
  } else {
    const sqsManaged = bool(p.SqsManagedSseEnabled, true);
    encryption = { atRest: sqsManaged instanceof Unknown ? sqsManaged : sqsManaged ? 'provider' : 'none' };
  }
  const seconds = asNumber(p.MessageRetentionPeriod) ?? 345_600;
  return {
    ...base(r, 'queue', encryption),
    ...resourcePolicyFacts(
      r,
      ctx.graph,
      [
        { type: 'AWS::SQS::QueuePolicy', targets: 'Queues' },
        { type: 'AWS::SQS::QueueInlinePolicy', targets: 'Queue' },
      ],
      // Every SQS action: a queue has no sub-resources.
      { actions: ['sqs:*'], arns: arnRenderings(r, [refRendering(r.address, 'Arn')]) },
    ),
    dataRetentionDays: seconds instanceof Unknown ? seconds : seconds / 86_400,
  };
}

/** `AWS::SNS::Topic`: unencrypted unless `KmsMasterKeyId` is set. */
export function topicView(r: Resource, ctx: AdapterContext): DataStoreView {
  return {
    ...base(r, 'topic', kmsEncryption(r.properties.KmsMasterKeyId, ctx.graph, 'none', r)),
    ...resourcePolicyFacts(
      r,
      ctx.graph,
      [
        { type: 'AWS::SNS::TopicPolicy', targets: 'Topics' },
        { type: 'AWS::SNS::TopicInlinePolicy', targets: 'TopicArn' },
      ],
      // SNS's guidance for encryption in transit denies `sns:Publish`, the action that carries
      // messages into the topic. `Ref` of a topic is its ARN.
      {
        actions: ['sns:Publish'],
        arns: arnRenderings(r, [refRendering(r.address), refRendering(r.address, 'TopicArn')]),
      },
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// Logs, volumes, secrets, file systems

/** A data protection policy masks data when one of its statements has a `Deidentify` operation. */
function masks(policy: Value | undefined): Fact<boolean> {
  if (policy === undefined || policy === null) return false;
  if (typeof policy === 'string') {
    try {
      return masks(JSON.parse(policy) as Value);
    } catch {
      return new Unknown('the data protection policy is not valid JSON');
    }
  }
  if (policy instanceof Unknown) return policy;
  const statements = get(policy, 'Statement');
  if (statements instanceof Unknown) return statements;
  for (const s of asList(statements)) {
    const deidentify = get(s, 'Operation', 'Deidentify');
    if (deidentify instanceof Unknown) return deidentify;
    if (deidentify !== undefined && deidentify !== null) return true;
  }
  return false;
}

/** `AWS::Logs::LogGroup`: CloudWatch Logs always encrypts; `KmsKeyId` puts a KMS key on it. */
export function logGroupView(r: Resource, ctx: AdapterContext): DataStoreView {
  const p = r.properties;
  const days = asNumber(p.RetentionInDays);
  return {
    ...base(r, 'log-group', kmsEncryption(p.KmsKeyId, ctx.graph, 'provider', r)),
    dataRetentionDays: days ?? null,
    piiMasking: masks(p.DataProtectionPolicy),
    deletionProtection: bool(p.DeletionProtectionEnabled, false),
  };
}

/**
 * `AWS::EC2::Volume`. `Encrypted: true` without `KmsKeyId` uses the account's default EBS key, which
 * the template does not name: counted as an AWS managed key. Unset, the volume is encrypted only if
 * EBS encryption by default is on in the account, which the template cannot show.
 */
export function volumeView(r: Resource, ctx: AdapterContext): DataStoreView {
  const p = r.properties;
  const encrypted = asBool(p.Encrypted);
  let encryption: Encryption;
  if (encrypted instanceof Unknown) encryption = { atRest: encrypted };
  else if (encrypted === true) encryption = kmsEncryption(p.KmsKeyId, ctx.graph, 'kms-provider-key', r);
  else if (p.SnapshotId !== undefined && p.SnapshotId !== null)
    encryption = {
      atRest: new Unknown(
        `encryption is inherited from snapshot ${show(p.SnapshotId)}`,
        refsIn(p.SnapshotId),
      ),
    };
  else if (encrypted === false) encryption = { atRest: 'none' };
  else
    encryption = {
      atRest: new Unknown(
        '`Encrypted` is not set: the volume is encrypted only if EBS encryption by default is on in the account and region',
      ),
    };
  return base(r, 'block-volume', encryption);
}

/**
 * `AWS::SecretsManager::Secret`: encrypted with `aws/secretsmanager` unless `KmsKeyId` names a key;
 * rotated when an `AWS::SecretsManager::RotationSchedule` targets it. Its resource policy is the
 * `AWS::SecretsManager::ResourcePolicy` attached to it.
 */
export function secretView(r: Resource, ctx: AdapterContext): DataStoreView {
  const schedules = ctx.graph.attachedBy(
    r.address,
    'AWS::SecretsManager::RotationSchedule',
    (s) => s.properties.SecretId,
  ).attached;
  return {
    ...base(r, 'secret', kmsEncryption(r.properties.KmsKeyId, ctx.graph, 'kms-provider-key', r)),
    rotation: schedules.length > 0,
    resourcePolicy: attachedPolicy(r, ctx.graph, [
      { type: 'AWS::SecretsManager::ResourcePolicy', targets: 'SecretId', document: 'ResourcePolicy' },
    ]),
  };
}

/**
 * `AWS::EFS::FileSystem`: unencrypted unless `Encrypted` is true (default key
 * `aws/elasticfilesystem`). Tags are in `FileSystemTags`.
 */
export function fileSystemView(r: Resource, ctx: AdapterContext): DataStoreView {
  const p = r.properties;
  const encrypted = bool(p.Encrypted, false);
  const encryption: Encryption =
    encrypted instanceof Unknown
      ? { atRest: encrypted }
      : encrypted
        ? kmsEncryption(p.KmsKeyId, ctx.graph, 'kms-provider-key', r)
        : { atRest: 'none' };
  const tagged = p.FileSystemTags === undefined ? r : withTags(r, p.FileSystemTags);
  return base(r, 'file-system', encryption, classificationOf(tagged));
}

/** Data-store views for DynamoDB, RDS, SQS, SNS, CloudWatch Logs, EBS, Secrets Manager and EFS. */
export function registerStores(registry: AdapterRegistry): void {
  registry
    .register('cloudformation', 'AWS::DynamoDB::Table', tableView)
    .register('cloudformation', 'AWS::DynamoDB::GlobalTable', globalTableView)
    .register('cloudformation', 'AWS::RDS::DBCluster', dbClusterView)
    .register('cloudformation', 'AWS::RDS::DBInstance', dbInstanceView)
    .register('cloudformation', 'AWS::SQS::Queue', queueView)
    .register('cloudformation', 'AWS::SNS::Topic', topicView)
    .register('cloudformation', 'AWS::Logs::LogGroup', logGroupView)
    .register('cloudformation', 'AWS::EC2::Volume', volumeView)
    .register('cloudformation', 'AWS::SecretsManager::Secret', secretView)
    .register('cloudformation', 'AWS::EFS::FileSystem', fileSystemView);
}
