import type { ResourceGraph } from '../../graph/graph';
import type { Resource } from '../../graph/resource';
import { Unknown, asBool, asList, asNumber, asString, get, show, type Value } from '../../graph/values';
import type { ClassificationFact, DataStoreView, Fact } from '../kinds';
import { classificationOf } from '../common/classification';
import { kmsEncryption } from '../common/keys';
import { parsePolicyDocument } from '../common/policy';
import type { AdapterContext } from '../registry';
import { type Encryption, allTrue, base, bool, weaker, withTags } from '../common/store-base';

/* DynamoDB tables and global tables -> data-store views. */

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
