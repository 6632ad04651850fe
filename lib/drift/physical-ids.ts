import { ListStackResourcesCommand } from '@aws-sdk/client-cloudformation';
import { InputError } from '../errors';
import type { ResourceGraph } from '../graph/graph';
import { ResourceRef } from '../graph/values';
import { describeError, errorCode, type LiveReader } from './reader';

/** One resource of a deployed stack, as CloudFormation lists it. */
export interface StackResource {
  readonly logicalId: string;
  readonly physicalId?: string;
  readonly type: string;
  readonly status: string;
}

/** Stack resource statuses whose resource does not exist (any more, or yet). */
const ABSENT_STATUSES = new Set(['DELETE_COMPLETE', 'CREATE_FAILED', 'DELETE_SKIPPED']);

/**
 * The resources of one deployed stack: CloudFormation `ListStackResources`, every page. A stack
 * that does not exist is an input error naming it (exit 2): drift cannot compare what it cannot find.
 */
export async function listStackResources(aws: LiveReader, stack: string): Promise<StackResource[]> {
  const out: StackResource[] = [];
  let token: string | undefined;
  do {
    let page;
    try {
      page = await aws.send(new ListStackResourcesCommand({ StackName: stack, NextToken: token }));
    } catch (e) {
      const message = e instanceof Error ? e.message : '';
      if (errorCode(e) === 'ValidationError' && /does not exist/i.test(message)) {
        throw new InputError(
          'BULWARK_STACK_NOT_FOUND',
          stack,
          'no such CloudFormation stack in this account and region (check --stack, --region and --profile)',
        );
      }
      throw e;
    }
    for (const r of page.StackResourceSummaries ?? []) {
      if (!r.LogicalResourceId || !r.ResourceType) continue;
      out.push({
        logicalId: r.LogicalResourceId,
        physicalId: r.PhysicalResourceId || undefined,
        type: r.ResourceType,
        status: r.ResourceStatus ?? 'UNKNOWN',
      });
    }
    token = page.NextToken;
  } while (token);
  return out;
}

/**
 * Physical ids of the desired resources, both ways: address -> physical id, and a physical id,
 * name or ARN -> the address of the desired resource it names. Collectors use the second to turn
 * the ids the APIs return (a key ARN, a bucket name, a group id) back into graph references, so
 * live views link resources exactly as desired views do.
 */
export class PhysicalIds {
  private readonly byAddress = new Map<string, string>();
  private readonly byPhysical = new Map<string, string[]>();

  /** Record the physical id of the resource at `address`. */
  set(address: string, physicalId: string): void {
    this.byAddress.set(address, physicalId);
    let list = this.byPhysical.get(physicalId);
    if (!list) this.byPhysical.set(physicalId, (list = []));
    if (!list.includes(address)) list.push(address);
  }

  /** The physical id of a desired resource. */
  of(address: string): string | undefined {
    return this.byAddress.get(address);
  }

  get size(): number {
    return this.byAddress.size;
  }

  /**
   * The address of the desired resource an id, name or ARN names, optionally only among `types`.
   * An ARN is also tried by its resource part (`key/<id>` -> `<id>`, `:::bucket` -> `bucket`,
   * `log-group:<name>:*` -> `<name>`).
   */
  addressOf(id: string | undefined, graph: ResourceGraph, types?: readonly string[]): string | undefined {
    if (!id) return undefined;
    for (const candidate of idCandidates(id)) {
      for (const address of this.byPhysical.get(candidate) ?? []) {
        if (!types || types.includes(graph.get(address)?.type ?? '')) return address;
      }
    }
    return undefined;
  }

  /** A reference to the desired resource an id names, else the id itself (an external resource). */
  refOrId(
    id: string | undefined,
    graph: ResourceGraph,
    types?: readonly string[],
  ): ResourceRef | string | undefined {
    if (!id) return undefined;
    const address = this.addressOf(id, graph, types);
    return address ? new ResourceRef(address) : id;
  }
}

/** The forms under which an id may have been recorded. */
function idCandidates(id: string): string[] {
  const out = [id];
  if (id.startsWith('arn:')) {
    const parts = id.split(':');
    const resource = parts.slice(5).join(':');
    out.push(resource);
    const logGroup = /^log-group:(.+?)(?::\*)?$/.exec(resource);
    if (logGroup) out.push(logGroup[1]!);
    const slash = resource.indexOf('/');
    if (slash >= 0) out.push(resource.slice(slash + 1), resource.slice(resource.lastIndexOf('/') + 1));
  }
  return out;
}

/** What the physical-id step found for the desired resources of the selected stacks. */
export interface PhysicalIdResult {
  readonly ids: PhysicalIds;
  /** Addresses of desired resources the stack lists as absent, with its status. */
  readonly absent: ReadonlyMap<string, string>;
}

/**
 * Physical ids of every desired resource of `stacks` (nested stacks through their parent's physical
 * id). Resources the stack does not list stay without an id; the caller reports them.
 */
export async function resolvePhysicalIds(
  aws: LiveReader,
  graph: ResourceGraph,
  stacks: readonly string[],
): Promise<PhysicalIdResult> {
  const ids = new PhysicalIds();
  const absent = new Map<string, string>();
  const listed = new Map<string, StackResource[]>();
  const list = async (deployedName: string, prefix: string): Promise<void> => {
    const resources = await listStackResources(aws, deployedName);
    listed.set(prefix, resources);
    for (const r of resources) {
      const address = `${prefix}/${r.logicalId}`;
      if (ABSENT_STATUSES.has(r.status)) absent.set(address, r.status);
      else if (r.physicalId) ids.set(address, r.physicalId);
    }
  };
  for (const stack of stacks) await list(stack, stack);
  // Nested stacks: their resources carry the address prefix `Parent/NestedLogicalId`.
  const prefixes = new Set<string>();
  for (const r of graph.all()) if (r.stack && !stacks.includes(r.stack)) prefixes.add(r.stack);
  for (const prefix of [...prefixes].sort((a, b) => a.length - b.length)) {
    if (!stacks.some((s) => prefix.startsWith(`${s}/`))) continue;
    const parentId = ids.of(prefix);
    if (!parentId) continue;
    try {
      await list(parentId, prefix);
    } catch (e) {
      if (e instanceof InputError) continue;
      throw new Error(`nested stack ${prefix}: ${describeError(e)}`);
    }
  }
  return { ids, absent };
}
