import { DescribeKeyCommand } from '@aws-sdk/client-kms';
import type { Resource } from '../../graph/resource';
import { Unknown, type Value, type ValueObject } from '../../graph/values';
import { describeError, errorCode } from '../reader';
import { identitiesOf } from '../../sources/cloudformation/identities';
import { ResourceGone, type CollectContext, type Collected, type ReadError } from './types';

/** Identity of a live resource that is not the desired resource itself. */
export interface LiveIdentity {
  readonly address: string;
  readonly type: string;
  /** The desired resource it stands for, when there is one (a bucket policy declared in the template). */
  readonly desired?: Resource;
  /** A construct-like path for messages when no desired resource stands for it. */
  readonly path?: string;
}

/** A path below a desired resource's construct (`Shop/Vpc/Resource` -> `Shop/Vpc/<child>`). */
export function childPath(desired: Resource, child: string): string | undefined {
  if (!desired.path) return undefined;
  return `${desired.path.replace(/\/(Resource|Default)$/, '')}/${child}`;
}

/**
 * A live resource in CloudFormation shape. It keeps the desired resource's address, logical id,
 * construct path and location (so findings point where the resource is declared) and its
 * IaC-only settings (deletion policy, acknowledgements); properties and tags are what AWS returned.
 */
/** Pseudo parameters of live reads: the commercial partition (`arn:aws:...`). */
const LIVE_PSEUDO = { 'AWS::Partition': 'aws' };

export function liveResource(
  desired: Resource,
  properties: ValueObject,
  tags: Record<string, Value>,
  identity?: LiveIdentity,
): Resource {
  const base = identity
    ? (identity.desired ?? { ...desired, logicalId: undefined, path: identity.path })
    : desired;
  const type = identity?.type ?? desired.type;
  // Live resources are shaped as CloudFormation resources, so they are known by the same names and ARNs
  // (a live bucket policy names its bucket's real ARN).
  const identities = identitiesOf(type, properties, LIVE_PSEUDO);
  return {
    address: identity?.address ?? desired.address,
    type,
    source: 'live',
    properties,
    tags,
    ...(identities.length > 0 ? { identities } : {}),
    ...(base.logicalId !== undefined ? { logicalId: base.logicalId } : {}),
    ...(base.path !== undefined ? { path: base.path } : {}),
    ...(base.stack !== undefined ? { stack: base.stack } : {}),
    ...(base.location !== undefined ? { location: base.location } : {}),
    ...(base.acknowledgements !== undefined ? { acknowledgements: base.acknowledgements } : {}),
    ...(base.retainOnDelete !== undefined ? { retainOnDelete: base.retainOnDelete } : {}),
  };
}

/** Tags from an API's `[{ Key, Value }]` list (any casing of the two fields). */
export function tagMap(list: readonly object[] | undefined): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const t of list ?? []) {
    const x = t as {
      Key?: string;
      Value?: string;
      key?: string;
      value?: string;
      TagKey?: string;
      TagValue?: string;
    };
    const key = x.Key ?? x.key ?? x.TagKey;
    const value = x.Value ?? x.value ?? x.TagValue;
    if (key !== undefined) out[key] = value ?? '';
  }
  return out;
}

/** Tags from an API's `{ key: value }` map. */
export function tagRecord(map: Readonly<Record<string, string>> | undefined): Record<string, Value> {
  return { ...(map ?? {}) };
}

/** A property the API does not report: kept unknown, so it is never mistaken for drift. */
export function notReadable(what: string): Unknown {
  return new Unknown(`${what} cannot be read from the live API`);
}

/** Drop undefined entries, so absent properties stay absent (adapters apply the service defaults). */
export function compact(o: Record<string, Value | undefined>): ValueObject {
  const out: ValueObject = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out;
}

/**
 * The reads of one resource. The primary read decides whether the resource exists; each further
 * read fills one property: "not configured" answers (`NoSuchBucketPolicy`) mean absent, any other
 * error (access denied, throttling after the retries, a server error) leaves that property unknown
 * and is recorded, and a "gone" answer at any point means the resource was deleted.
 */
export class Reads {
  readonly errors: ReadError[] = [];

  constructor(
    /** Error codes meaning the resource does not exist. */
    private readonly gone: readonly string[],
  ) {}

  /** The read that decides existence: a gone code throws {@link ResourceGone}; other errors propagate. */
  async primary<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      if (this.gone.includes(errorCode(e))) throw new ResourceGone(describeError(e));
      throw e;
    }
  }

  /**
   * A read for `property`: its value, `null` when the API answers with one of `absent` (not
   * configured), or an Unknown carrying the error.
   */
  async optional<T>(
    property: string,
    fn: () => Promise<T>,
    absent: readonly string[] = [],
  ): Promise<T | null | Unknown> {
    try {
      return await fn();
    } catch (e) {
      const code = errorCode(e);
      if (absent.includes(code)) return null;
      if (this.gone.includes(code)) throw new ResourceGone(describeError(e));
      const error = describeError(e);
      this.errors.push({ property, error });
      return new Unknown(`\`${property}\` could not be read (${error})`);
    }
  }

  /** The collected result. */
  result(resources: readonly Resource[]): Collected {
    return { resources, readErrors: this.errors };
  }
}

/** A plain JSON copy of an SDK structure (dates as ISO strings, undefined dropped). */
export function plain(v: unknown): Value {
  return JSON.parse(JSON.stringify(v ?? null)) as Value;
}

const keyManagers = new WeakMap<object, Map<string, Promise<string | undefined>>>();

/**
 * A KMS key id or ARN an API returned, as a key property: a reference to the desired key it names,
 * `alias/aws/<service>` when it is an AWS managed key (services report their managed key by ARN),
 * else the ARN (a customer key outside the stacks). Whether a key is AWS managed is asked once per
 * key and run (`DescribeKey`); when that cannot be read the key stays unknown.
 */
export async function keyValue(
  ctx: CollectContext,
  reads: Reads,
  property: string,
  id: string | undefined,
  service: string,
): Promise<Value | undefined> {
  if (!id) return undefined;
  if (/alias\/aws\//.test(id)) return id;
  const ref = ctx.ids.refOrId(id, ctx.graph, ['AWS::KMS::Key', 'AWS::KMS::Alias']);
  if (typeof ref !== 'string') return ref;
  let cache = keyManagers.get(ctx.aws);
  if (!cache) keyManagers.set(ctx.aws, (cache = new Map()));
  let pending = cache.get(id);
  if (!pending) {
    pending = ctx.aws
      .send(new DescribeKeyCommand({ KeyId: id }))
      .then((k) => k.KeyMetadata?.KeyManager ?? 'UNKNOWN');
    cache.set(id, pending);
  }
  const manager = await reads.optional(property, () => pending!);
  if (manager instanceof Unknown) return manager;
  return manager === 'AWS' ? `alias/aws/${service}` : id;
}
