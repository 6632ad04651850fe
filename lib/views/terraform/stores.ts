import type { ResourceGraph } from '../../graph/graph';
import type { Resource } from '../../graph/resource';
import {
  isAfterApply,
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
import type { DataStoreView, Fact, PolicyDocument } from '../kinds';
import { classificationOf } from '../common/classification';
import { kmsEncryption } from '../common/keys';
import { documentAllowsPublic, deniesInsecureTransport, type TlsDenyScope } from '../common/policy';
import type { AdapterContext, AdapterRegistry } from '../registry';
import { type Encryption, allTrue, base as storeBase, bool, weaker } from '../common/store-base';
import { block, present } from './arguments';
import { retainedOnDelete } from './lifecycle';
import { terraformResourcePolicy, type TerraformPolicyAttachment } from './resource-policy';

/*
 * Data-store views of Terraform AWS provider resources: DynamoDB, RDS, SQS, SNS, CloudWatch Logs, EBS and
 * EFS. An argument absent from a `cdk.tf.json` block takes the provider's default; a plan writes every
 * argument, with a value known only after apply as an Unknown.
 */

/** How a reference to an attribute of `r` renders inside an interpolated policy: `${aws_sqs_queue.jobs.arn}`. */
function rendering(r: Resource, attribute: string): string {
  return `\${${r.logicalId ?? r.address}.${attribute}}`;
}

/** The ARN renderings of `r` a policy may use: its known ARN, and references to the given attributes. */
function arnsOf(r: Resource, attributes: readonly string[]): string[] {
  const out: string[] = [];
  const arn = r.properties.arn;
  if (typeof arn === 'string') out.push(arn);
  for (const id of r.identities ?? []) if (typeof id === 'string' && id.startsWith('arn:')) out.push(id);
  for (const a of attributes) out.push(rendering(r, a));
  return out;
}

/**
 * TLS-only and public-grant facts from a store's inline `policy` argument and the split policy
 * resources that name it (by reference or by value); one naming it by a value another store claims
 * too makes the document unresolved.
 */
function policyFacts(
  r: Resource,
  graph: ResourceGraph,
  inline: Value | undefined,
  attachments: readonly TerraformPolicyAttachment[],
  tls: TlsDenyScope,
): { tlsOnly: Fact<boolean>; policyAllowsPublic: Fact<boolean>; resourcePolicy: PolicyDocument } {
  const resourcePolicy = terraformResourcePolicy(r, graph, inline, attachments);
  const { statements, unresolved } = resourcePolicy;
  return {
    tlsOnly: statements.some((s) => deniesInsecureTransport(s, tls)) ? true : (unresolved ?? false),
    policyAllowsPublic: documentAllowsPublic(resourcePolicy),
    resourcePolicy,
  };
}

/**
 * A boolean argument with its provider default: unset, or (in a plan) computed by the provider and known
 * only after apply with no expression behind it, it takes the default.
 */
function setting(v: Value | undefined, dflt: boolean): Fact<boolean> {
  return isAfterApply(v) ? dflt : bool(v, dflt);
}

/** The base of a data-store view, kept on delete as the configuration's `lifecycle` says. */
function base(...args: Parameters<typeof storeBase>): ReturnType<typeof storeBase> {
  return { ...storeBase(...args), retainedOnDelete: retainedOnDelete(args[0]) };
}

// DynamoDB

/**
 * `server_side_encryption`: absent or `enabled = false` is the AWS owned key; enabled without
 * `kms_key_arn` is the AWS managed key `alias/aws/dynamodb`. A replica (`replica` block) is encrypted
 * the same way in its region, with its own `kms_key_arn` (the AWS managed key of its region when unset).
 */
function dynamoEncryption(r: Resource, graph: ResourceGraph, replica?: Value): Encryption {
  const sse = block(r.properties.server_side_encryption);
  if (sse === undefined) return { atRest: 'provider' };
  if (sse instanceof Unknown) return { atRest: sse };
  const enabled = asBool(get(sse, 'enabled'));
  if (enabled instanceof Unknown) return { atRest: enabled };
  if (!enabled) return { atRest: 'provider' };
  const key = replica === undefined ? get(sse, 'kms_key_arn') : get(replica, 'kms_key_arn');
  return kmsEncryption(present(key) ? key : undefined, graph, 'kms-provider-key', r);
}

/**
 * The `replica` blocks of a table (a global table, version 2019.11.21): each a copy of the data in
 * another region, with its own key, point-in-time recovery and deletion protection.
 */
function replicasOf(r: Resource): Value[] | Unknown {
  const v = r.properties.replica;
  if (v === undefined || v === null || isAfterApply(v)) return [];
  if (v instanceof Unknown) return v;
  const out: Value[] = [];
  for (const x of asList(v)) {
    if (x instanceof Unknown) return x;
    out.push(x);
  }
  return out;
}

/**
 * `aws_dynamodb_table`, with its resource policy (`aws_dynamodb_resource_policy`). A table with
 * `replica` blocks is judged, as a CloudFormation global table, by its weakest copy: the weakest key,
 * and point-in-time recovery and deletion protection only when the table and every replica have them
 * (both default to off on a replica). Tags are the table's.
 */
export function dynamodbTableView(r: Resource, ctx: AdapterContext): DataStoreView {
  const p = r.properties;
  const recovery = block(p.point_in_time_recovery);
  const ownPitr: Fact<boolean> =
    recovery instanceof Unknown ? recovery : bool(get(recovery, 'enabled'), false);
  const replicas = replicasOf(r);
  let encryption = dynamoEncryption(r, ctx.graph);
  let pitr = ownPitr;
  let deletionProtection = setting(p.deletion_protection_enabled, false);
  if (replicas instanceof Unknown) {
    encryption = { atRest: replicas };
    pitr = replicas;
    deletionProtection = replicas;
  } else {
    for (const x of replicas) encryption = weaker(encryption, dynamoEncryption(r, ctx.graph, x));
    pitr = allTrue([ownPitr, ...replicas.map((x) => setting(get(x, 'point_in_time_recovery'), false))]);
    deletionProtection = allTrue([
      deletionProtection,
      ...replicas.map((x) => setting(get(x, 'deletion_protection_enabled'), false)),
    ]);
  }
  const ttl = block(p.ttl);
  const ttlOn: Fact<boolean> = ttl instanceof Unknown ? ttl : bool(get(ttl, 'enabled'), false);
  const ttlName = asString(get(ttl, 'attribute_name'));
  const policy = policyFacts(
    r,
    ctx.graph,
    undefined,
    [{ type: 'aws_dynamodb_resource_policy', targets: 'resource_arn', document: 'policy' }],
    { actions: ['dynamodb:*'], arns: arnsOf(r, ['arn']) },
  );
  return {
    ...base(r, 'table', encryption),
    pointInTimeRecovery: pitr,
    backupRetentionDays:
      pitr === true ? (asNumber(get(recovery, 'recovery_period_in_days')) ?? 35) : undefined,
    dataRetentionDays:
      ttlOn === true
        ? new Unknown(`items expire by the TTL attribute \`${show(ttlName)}\`, per item`)
        : ttlOn === false
          ? null
          : ttlOn,
    ...(ttlOn === true
      ? { ttlAttribute: ttlName ?? new Unknown('TTL is enabled without `attribute_name`') }
      : {}),
    deletionProtection,
    resourcePolicy: policy.resourcePolicy,
  };
}

// RDS

const DB_INSTANCE = 'aws_db_instance';
const DB_CLUSTER = 'aws_rds_cluster';
const INSTANCE_SOURCES = ['replicate_source_db', 'snapshot_identifier', 'restore_to_point_in_time'];
const CLUSTER_SOURCES = [
  'snapshot_identifier',
  'replication_source_identifier',
  'restore_to_point_in_time',
  'global_cluster_identifier',
  's3_import',
];

/** The database of the graph a replica is made from, by reference, identifier or ARN. */
function sourceDatabase(v: Value | undefined, graph: ResourceGraph, holder: Resource): Resource | undefined {
  const types = [DB_INSTANCE, DB_CLUSTER];
  const found =
    graph.target(v, holder, types) ??
    (typeof v === 'string' ? graph.target(v.toLowerCase(), holder, types) : undefined);
  return found instanceof Unknown ? undefined : found;
}

/**
 * `storage_encrypted` (provider default false; true for Aurora Serverless v1, `engine_mode =
 * "serverless"`) and `kms_key_id` (default key `alias/aws/rds`). A database made from another (a read
 * replica, a snapshot, a point-in-time restore, a global cluster member) inherits that one's
 * encryption unless it sets its own: read from the source when the graph holds it, else Unknown.
 */
function rdsEncryption(r: Resource, graph: ResourceGraph, seen: ReadonlySet<string> = new Set()): Encryption {
  const p = r.properties;
  const encrypted = asBool(p.storage_encrypted);
  if (encrypted instanceof Unknown) return { atRest: encrypted };
  if (encrypted === true)
    return kmsEncryption(present(p.kms_key_id) ? p.kms_key_id : undefined, graph, 'kms-provider-key', r);
  const sources = r.type === DB_CLUSTER ? CLUSTER_SOURCES : INSTANCE_SOURCES;
  const source = sources.find((s) => present(p[s]));
  if (source !== undefined) {
    if (present(p.kms_key_id)) return kmsEncryption(p.kms_key_id, graph, 'kms-provider-key', r);
    const from = sourceDatabase(p[source], graph, r);
    if (from !== undefined && !seen.has(from.address))
      return rdsEncryption(from, graph, new Set([...seen, r.address]));
    return {
      atRest: new Unknown(`encryption is inherited from \`${source}\` ${show(p[source])}`, refsIn(p[source])),
    };
  }
  if (encrypted === undefined && r.type === DB_CLUSTER && p.engine_mode === 'serverless')
    return kmsEncryption(present(p.kms_key_id) ? p.kms_key_id : undefined, graph, 'kms-provider-key', r);
  return { atRest: 'none' };
}

function isAurora(engine: Value | undefined): Fact<boolean> {
  if (engine instanceof Unknown) return engine;
  return typeof engine === 'string' && engine.startsWith('aurora');
}

/** `backup_retention_period`: unset, RDS keeps automated backups for 1 day. */
function retention(v: Value | undefined): { days: Fact<number>; pitr: Fact<boolean> } {
  const days = asNumber(isAfterApply(v) ? undefined : v) ?? 1;
  return { days, pitr: days instanceof Unknown ? days : days > 0 };
}

/** `aws_db_instance`. `publicly_accessible` defaults to false in the provider. */
export function dbInstanceView(r: Resource, ctx: AdapterContext): DataStoreView {
  const p = r.properties;
  const replica = present(p.replicate_source_db);
  const source = replica ? sourceDatabase(p.replicate_source_db, ctx.graph, r) : undefined;
  let classification = classificationOf(r);
  if (classification.state === 'untagged' && source) classification = classificationOf(source);
  const own = isAfterApply(p.backup_retention_period) ? undefined : p.backup_retention_period;
  const backups = replica && (own === undefined || own === null) ? undefined : retention(own);
  return {
    ...base(r, 'database-instance', rdsEncryption(r, ctx.graph), classification),
    pointInTimeRecovery: backups?.pitr,
    backupRetentionDays: backups?.days,
    deletionProtection: setting(p.deletion_protection, false),
    publicNetworkAccess: setting(p.publicly_accessible, false),
    privateEndpoint: true,
    autoMinorVersionUpgrade: setting(p.auto_minor_version_upgrade, true),
    multiAz: setting(p.multi_az, false),
  };
}

/**
 * Whether a cluster keeps serving when an availability zone fails: a Multi-AZ DB cluster
 * (`db_cluster_instance_class`, not Aurora) always does; Aurora Serverless v1 recreates its capacity
 * elsewhere; other Aurora clusters need two `aws_rds_cluster_instance`s or more in the graph.
 */
function clusterMultiAz(r: Resource, graph: ResourceGraph): Fact<boolean> {
  const p = r.properties;
  const aurora = isAurora(p.engine ?? 'aurora');
  if (aurora instanceof Unknown) return aurora;
  if (!aurora) return present(p.db_cluster_instance_class) ? true : new Unknown('engine is not Aurora');
  if (p.engine_mode === 'serverless') return true;
  const instances = graph.attachedBy(
    r.address,
    'aws_rds_cluster_instance',
    (i) => i.properties.cluster_identifier,
  );
  if (instances.attached.length >= 2) return true;
  const u = instances.uncertain[0];
  return u ? u.reason : false;
}

/**
 * `aws_rds_cluster` (Aurora, the provider's default engine, and Multi-AZ DB clusters). Aurora sets public
 * accessibility per instance (`aws_rds_cluster_instance`); a Multi-AZ DB cluster takes RDS's choice from
 * its subnet group's VPC, which the configuration does not show.
 */
export function rdsClusterView(r: Resource, ctx: AdapterContext): DataStoreView {
  const p = r.properties;
  const backups = retention(p.backup_retention_period);
  const aurora = isAurora(p.engine ?? 'aurora');
  return {
    ...base(r, 'database-cluster', rdsEncryption(r, ctx.graph)),
    pointInTimeRecovery: backups.pitr,
    backupRetentionDays: backups.days,
    deletionProtection: setting(p.deletion_protection, false),
    publicNetworkAccess:
      aurora === true
        ? undefined
        : aurora instanceof Unknown
          ? aurora
          : new Unknown(
              'RDS decides public access of a Multi-AZ DB cluster from the VPC of its subnet group',
            ),
    // RDS places every instance and cluster endpoint in a VPC (EC2-Classic is retired).
    privateEndpoint: true,
    autoMinorVersionUpgrade: setting(p.auto_minor_version_upgrade, true),
    multiAz: clusterMultiAz(r, ctx.graph),
  };
}

/**
 * `aws_rds_cluster_instance`: its data is its cluster's, so encryption and (when untagged)
 * classification come from the cluster; backups and deletion protection are reported on the cluster.
 */
export function rdsClusterInstanceView(r: Resource, ctx: AdapterContext): DataStoreView {
  const p = r.properties;
  const id = p.cluster_identifier;
  const cluster =
    ctx.graph.target(id, r, DB_CLUSTER) ??
    (typeof id === 'string' ? ctx.graph.target(id.toLowerCase(), r, DB_CLUSTER) : undefined);
  let encryption: Encryption;
  let classification = classificationOf(r);
  if (cluster instanceof Unknown) encryption = { atRest: cluster };
  else if (cluster !== undefined) {
    encryption = rdsEncryption(cluster, ctx.graph);
    if (classification.state === 'untagged') classification = classificationOf(cluster);
  } else
    encryption = {
      atRest: new Unknown(
        `encryption is set on DB cluster ${show(id)}, which is not in the configuration`,
        refsIn(id),
      ),
    };
  return {
    ...base(r, 'database-instance', encryption, classification),
    publicNetworkAccess: setting(p.publicly_accessible, false),
    privateEndpoint: true,
    autoMinorVersionUpgrade: setting(p.auto_minor_version_upgrade, true),
  };
}

// SQS and SNS

/**
 * `aws_sqs_queue`: a KMS key when `kms_master_key_id` is set, else SSE-SQS unless
 * `sqs_managed_sse_enabled = false` (unset, SQS encrypts new queues with SSE-SQS). Its policy is the
 * inline `policy` and any `aws_sqs_queue_policy` naming its URL.
 */
export function sqsQueueView(r: Resource, ctx: AdapterContext): DataStoreView {
  const p = r.properties;
  let encryption: Encryption;
  if (present(p.kms_master_key_id)) {
    encryption = kmsEncryption(p.kms_master_key_id, ctx.graph, 'kms-provider-key', r);
  } else {
    const sqsManaged = setting(p.sqs_managed_sse_enabled, true);
    encryption = { atRest: sqsManaged instanceof Unknown ? sqsManaged : sqsManaged ? 'provider' : 'none' };
  }
  const seconds = asNumber(p.message_retention_seconds) ?? 345_600;
  return {
    ...base(r, 'queue', encryption),
    ...policyFacts(
      r,
      ctx.graph,
      p.policy,
      [{ type: 'aws_sqs_queue_policy', targets: 'queue_url', document: 'policy' }],
      { actions: ['sqs:*'], arns: arnsOf(r, ['arn']) },
    ),
    dataRetentionDays: seconds instanceof Unknown ? seconds : seconds / 86_400,
  };
}

/**
 * `aws_sns_topic`: unencrypted unless `kms_master_key_id` is set. Its policy is the inline `policy` and
 * any `aws_sns_topic_policy` naming its ARN.
 */
export function snsTopicView(r: Resource, ctx: AdapterContext): DataStoreView {
  const p = r.properties;
  return {
    ...base(
      r,
      'topic',
      kmsEncryption(present(p.kms_master_key_id) ? p.kms_master_key_id : undefined, ctx.graph, 'none', r),
    ),
    ...policyFacts(
      r,
      ctx.graph,
      p.policy,
      [{ type: 'aws_sns_topic_policy', targets: 'arn', document: 'policy' }],
      // SNS's guidance for encryption in transit denies `sns:Publish`; a topic's `id` is its ARN.
      { actions: ['sns:Publish'], arns: arnsOf(r, ['arn', 'id']) },
    ),
  };
}

// CloudWatch Logs

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
  // A JSON document with `${...}` interpolations inside its strings (an identifier's ARN built from the
  // partition): the interpolations change string values only, not whether a statement de-identifies.
  if (policy instanceof Unknown && policy.display?.trimStart().startsWith('{')) {
    try {
      return masks(JSON.parse(policy.display) as Value);
    } catch {
      return policy;
    }
  }
  if (policy instanceof Unknown || policy instanceof ResourceRef)
    return policy instanceof Unknown ? policy : new Unknown(`data protection policy is ${show(policy)}`);
  const statements = get(policy, 'Statement');
  if (statements instanceof Unknown) return statements;
  for (const s of Array.isArray(statements) ? statements : []) {
    const deidentify = get(s, 'Operation', 'Deidentify');
    if (deidentify instanceof Unknown) return deidentify;
    if (deidentify !== undefined && deidentify !== null) return true;
  }
  return false;
}

/**
 * `aws_cloudwatch_log_group`: CloudWatch Logs always encrypts; `kms_key_id` puts a KMS key on it.
 * `retention_in_days` 0 or unset keeps events forever. Masking comes from an
 * `aws_cloudwatch_log_data_protection_policy` naming the group.
 */
export function logGroupView(r: Resource, ctx: AdapterContext): DataStoreView {
  const p = r.properties;
  const days = asNumber(p.retention_in_days);
  const policies = ctx.graph.attachedBy(
    r.address,
    'aws_cloudwatch_log_data_protection_policy',
    (x) => x.properties.log_group_name,
  );
  let piiMasking: Fact<boolean> = false;
  for (const x of policies.attached) {
    const m = masks(x.properties.policy_document);
    if (m === true) piiMasking = true;
    else if (m instanceof Unknown && piiMasking === false) piiMasking = m;
  }
  const u = policies.uncertain[0];
  if (piiMasking === false && u) piiMasking = u.reason;
  return {
    ...base(
      r,
      'log-group',
      kmsEncryption(present(p.kms_key_id) ? p.kms_key_id : undefined, ctx.graph, 'provider', r),
    ),
    dataRetentionDays: days === undefined || days === 0 ? null : days,
    piiMasking,
    deletionProtection: setting(p.deletion_protection_enabled, false),
  };
}

// EBS and EFS

/**
 * Whether the account encrypts new volumes by default, as the configuration shows it: an
 * `aws_ebs_encryption_by_default` (enabled unless `enabled = false`), with the key of an
 * `aws_ebs_default_kms_key` when there is one. Undefined when the configuration does not say.
 */
function encryptionByDefault(r: Resource, graph: ResourceGraph): Encryption | undefined {
  const settings = graph.ofType('aws_ebs_encryption_by_default');
  if (settings.length === 0) return undefined;
  const on = settings.map((s) => bool(s.properties.enabled, true));
  const unknownOn = on.find((x): x is Unknown => x instanceof Unknown);
  if (unknownOn) return { atRest: unknownOn };
  if (on.some((x) => x === false)) return undefined;
  const keys = graph.ofType('aws_ebs_default_kms_key');
  if (keys.length === 0) return { atRest: 'kms-provider-key' };
  if (keys.length > 1)
    return { atRest: new Unknown('several `aws_ebs_default_kms_key` resources set the default key') };
  return kmsEncryption(keys[0]!.properties.key_arn, graph, 'kms-provider-key', r);
}

/**
 * `aws_ebs_volume`. `encrypted = true` without `kms_key_id` uses the account's default EBS key. Unset,
 * or false, the volume is encrypted only if EBS encryption by default is on in the account and
 * region: an `aws_ebs_encryption_by_default` of the configuration says so, else it is Unknown (unset)
 * or none (false). A volume from a snapshot inherits the snapshot's encryption.
 */
export function ebsVolumeView(r: Resource, ctx: AdapterContext): DataStoreView {
  const p = r.properties;
  const encrypted = present(p.encrypted) ? asBool(p.encrypted) : undefined;
  let encryption: Encryption;
  if (encrypted instanceof Unknown) encryption = { atRest: encrypted };
  else if (encrypted === true)
    encryption = kmsEncryption(
      present(p.kms_key_id) ? p.kms_key_id : undefined,
      ctx.graph,
      'kms-provider-key',
      r,
    );
  else {
    const byDefault = encryptionByDefault(r, ctx.graph);
    if (byDefault !== undefined) encryption = byDefault;
    else if (present(p.snapshot_id))
      encryption = {
        atRest: new Unknown(
          `encryption is inherited from snapshot ${show(p.snapshot_id)}`,
          refsIn(p.snapshot_id),
        ),
      };
    else if (encrypted === false) encryption = { atRest: 'none' };
    else
      encryption = {
        atRest: new Unknown(
          '`encrypted` is not set: the volume is encrypted only if EBS encryption by default is on in the account and region',
        ),
      };
  }
  return base(r, 'block-volume', encryption);
}

/** `aws_efs_file_system`: unencrypted unless `encrypted = true` (default key `aws/elasticfilesystem`). */
export function efsFileSystemView(r: Resource, ctx: AdapterContext): DataStoreView {
  const p = r.properties;
  const encrypted = setting(p.encrypted, false);
  const encryption: Encryption =
    encrypted instanceof Unknown
      ? { atRest: encrypted }
      : encrypted
        ? kmsEncryption(present(p.kms_key_id) ? p.kms_key_id : undefined, ctx.graph, 'kms-provider-key', r)
        : { atRest: 'none' };
  return base(r, 'file-system', encryption);
}

/** Data-store views of the Terraform AWS provider's databases, queues, topics, volumes and log groups. */
export function registerTerraformStores(registry: AdapterRegistry): void {
  registry
    .register('terraform', 'aws_dynamodb_table', dynamodbTableView)
    .register('terraform', 'aws_db_instance', dbInstanceView)
    .register('terraform', 'aws_rds_cluster', rdsClusterView)
    .register('terraform', 'aws_rds_cluster_instance', rdsClusterInstanceView)
    .register('terraform', 'aws_sqs_queue', sqsQueueView)
    .register('terraform', 'aws_sns_topic', snsTopicView)
    .register('terraform', 'aws_cloudwatch_log_group', logGroupView)
    .register('terraform', 'aws_ebs_volume', ebsVolumeView)
    .register('terraform', 'aws_efs_file_system', efsFileSystemView);
}
