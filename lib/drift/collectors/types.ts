import type { ResourceGraph } from '../../graph/graph';
import type { Resource } from '../../graph/resource';
import type { PhysicalIds } from '../physical-ids';
import type { LiveReader } from '../reader';

/** What a collector is given to read one desired resource's live configuration. */
export interface CollectContext {
  /** The desired resource (its type, address, construct path, tags as declared). */
  readonly desired: Resource;
  /** Its physical id, as CloudFormation lists it. */
  readonly physicalId: string;
  /** The desired graph: to find the resources that configure this one (a bucket's policy). */
  readonly graph: ResourceGraph;
  /** Physical ids of every desired resource, both ways: to turn ids the APIs return into references. */
  readonly ids: PhysicalIds;
  /** The only way to reach AWS: refuses commands outside the permissions table. */
  readonly aws: LiveReader;
}

/** A part of the configuration that could not be read: the resource was read, this property was not. */
export interface ReadError {
  /** The CloudFormation property left unknown: `PublicAccessBlockConfiguration`. */
  readonly property: string;
  /** The error, one line: `AccessDenied: ...`. */
  readonly error: string;
}

/** What a collector read. */
export interface Collected {
  /**
   * Live resources in CloudFormation shape: the first has the desired resource's address and type;
   * others are resources that configure it (its bucket policy, its group's default rules, flow logs).
   */
  readonly resources: readonly Resource[];
  /** Properties that could not be read; they are `Unknown` in the live resource. */
  readonly readErrors: readonly ReadError[];
}

/** Reads the live configuration of resources of some CloudFormation types. */
export interface Collector {
  readonly types: readonly string[];
  collect(ctx: CollectContext): Promise<Collected>;
}

/**
 * The resource does not exist any more (`NoSuchBucket`, `ResourceNotFoundException`...): drift
 * reports it as deleted.
 */
export class ResourceGone extends Error {
  constructor(readonly detail: string) {
    super(detail);
    this.name = 'ResourceGone';
  }
}
