import type { ResourceGraph } from '../../graph/graph';
import type { Resource } from '../../graph/resource';
import { Unknown, asBool, asList, asString, refsIn, show, type Value } from '../../graph/values';
import type { ClientAuthenticationMethod, DataStoreView, Fact } from '../kinds';
import { classificationOf } from '../common/classification';
import { kmsEncryption } from '../common/keys';
import { base, bool, type Encryption } from '../common/store-base';
import type { AdapterContext } from '../registry';
import { arg, present } from './arguments';

/*
 * Data-store views of the Terraform AWS provider's ElastiCache replication groups (Valkey, Redis OSS) and
 * cache clusters (Memcached, and members of a replication group), as the CloudFormation adapters derive them.
 */

/**
 * How clients of a Valkey or Redis OSS replication group authenticate: user groups (`user_group_ids`, RBAC
 * users with passwords or IAM), else the `auth_token` every client shares, else none.
 */
function cacheAuthentication(p: Record<string, Value>): Fact<readonly ClientAuthenticationMethod[]> {
  const groups = arg(p.user_group_ids);
  if (groups instanceof Unknown) return groups;
  if (asList(groups).length > 0) return ['user-credentials'];
  // A token is set whatever its value (a plan redacts it).
  if (present(p.auth_token)) return ['shared-secret'];
  return ['unauthenticated'];
}

/**
 * In-transit encryption of a replication group: `transit_encryption_enabled` (off by default); on,
 * `transit_encryption_mode` is `required` unless set to `preferred`, which also admits plaintext clients.
 * The same setting encrypts replication between the group's nodes.
 */
function cacheTransit(p: Record<string, Value>): Pick<DataStoreView, 'tlsOnly' | 'nodeToNodeEncryption'> {
  const enabled = bool(arg(p.transit_encryption_enabled), false);
  if (enabled !== true) return { tlsOnly: enabled, nodeToNodeEncryption: enabled };
  const mode = asString(arg(p.transit_encryption_mode)) ?? 'required';
  return {
    tlsOnly: mode instanceof Unknown ? mode : mode.toLowerCase() === 'required',
    nodeToNodeEncryption: true,
  };
}

/**
 * At-rest encryption of a replication group: `at_rest_encryption_enabled`, whose unset value the provider
 * leaves to ElastiCache (on for Valkey, off for Redis OSS; `engine` defaults to `redis`). On, data on disk
 * and in snapshots is encrypted with a key ElastiCache owns unless `kms_key_id` names a KMS key. A member
 * of a global datastore takes its encryption from the primary group.
 */
function cacheEncryption(r: Resource, graph: ResourceGraph): Encryption {
  const p = r.properties;
  let atRest = asBool(arg(p.at_rest_encryption_enabled));
  if (atRest instanceof Unknown) return { atRest };
  if (atRest === undefined) {
    const global = arg(p.global_replication_group_id);
    if (global !== undefined)
      return {
        atRest: new Unknown(`encryption is set on global datastore ${show(global)}`, refsIn(global)),
      };
    const engine = asString(arg(p.engine)) ?? 'redis';
    if (engine instanceof Unknown) return { atRest: engine };
    atRest = engine.toLowerCase() === 'valkey';
  }
  return atRest ? kmsEncryption(arg(p.kms_key_id), graph, 'provider', r) : { atRest: 'none' };
}

/** `aws_elasticache_replication_group` (Valkey, Redis OSS). */
export function replicationGroupView(r: Resource, ctx: AdapterContext): DataStoreView {
  const p = r.properties;
  return {
    ...base(r, 'cache', cacheEncryption(r, ctx.graph)),
    ...cacheTransit(p),
    clientAuthentication: cacheAuthentication(p),
  };
}

export const REPLICATION_GROUP = 'aws_elasticache_replication_group';

/**
 * `aws_elasticache_cluster`. A member of a replication group (`replication_group_id`) holds the group's
 * data: its encryption (and, when untagged, classification) is the group's, and TLS and authentication are
 * reported on the group. A Memcached cluster keeps data in memory only and has no authentication;
 * `transit_encryption_enabled` (off by default) turns TLS on for it. A single-node Valkey or Redis OSS
 * cluster cannot encrypt at rest, use TLS or take an auth token: those need a replication group.
 */
export function cacheClusterView(r: Resource, ctx: AdapterContext): DataStoreView {
  const p = r.properties;
  const groupId = arg(p.replication_group_id);
  if (groupId !== undefined) {
    const group =
      ctx.graph.target(groupId, r, REPLICATION_GROUP) ??
      (typeof groupId === 'string'
        ? ctx.graph.target(groupId.toLowerCase(), r, REPLICATION_GROUP)
        : undefined);
    if (group instanceof Unknown) return base(r, 'cache', { atRest: group });
    if (group === undefined)
      return base(r, 'cache', {
        atRest: new Unknown(
          `encryption is set on replication group ${show(groupId)}, which is not in the configuration`,
          refsIn(groupId),
        ),
      });
    let classification = classificationOf(r);
    if (classification.state === 'untagged') classification = classificationOf(group);
    return base(r, 'cache', cacheEncryption(group, ctx.graph), classification);
  }
  const engine = asString(arg(p.engine));
  if (engine instanceof Unknown || engine === undefined) {
    const u = engine ?? new Unknown('`engine` is not set');
    return { ...base(r, 'cache', { atRest: u }), tlsOnly: u, clientAuthentication: u };
  }
  if (engine.toLowerCase() === 'memcached') {
    return {
      ...base(r, 'cache', { atRest: 'none' }),
      memoryOnly: true,
      tlsOnly: bool(arg(p.transit_encryption_enabled), false),
      clientAuthentication: ['unauthenticated'],
    };
  }
  return {
    ...base(r, 'cache', { atRest: 'none' }),
    tlsOnly: false,
    clientAuthentication: ['unauthenticated'],
  };
}
