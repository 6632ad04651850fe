import type { Resource } from './resource';
import { refsIn } from './values';

const EMPTY: readonly Resource[] = Object.freeze([]);

/**
 * The resources of one or more artifacts, indexed by address and type, with reference edges in
 * both directions. Built once by a source; read by view adapters.
 */
export class ResourceGraph {
  private readonly byAddress = new Map<string, Resource>();
  private readonly byType = new Map<string, Resource[]>();
  private readonly outgoing = new Map<string, Set<string>>();
  /** Target address -> referrer type -> referrers, in the order they were added. */
  private readonly incoming = new Map<string, Map<string, Resource[]>>();

  constructor(resources: Iterable<Resource> = []) {
    for (const r of resources) this.add(r);
  }

  add(resource: Resource): void {
    if (this.byAddress.has(resource.address)) {
      throw new Error(`duplicate resource address ${resource.address}`);
    }
    this.byAddress.set(resource.address, resource);
    let list = this.byType.get(resource.type);
    if (!list) this.byType.set(resource.type, (list = []));
    list.push(resource);
    for (const ref of resource.references ?? refsIn(resource.properties)) this.link(resource, ref.address);
  }

  private link(from: Resource, to: string): void {
    let out = this.outgoing.get(from.address);
    if (!out) this.outgoing.set(from.address, (out = new Set()));
    if (out.has(to)) return;
    out.add(to);
    let byType = this.incoming.get(to);
    if (!byType) this.incoming.set(to, (byType = new Map()));
    let list = byType.get(from.type);
    if (!list) byType.set(from.type, (list = []));
    list.push(from);
  }

  get size(): number {
    return this.byAddress.size;
  }

  all(): IterableIterator<Resource> {
    return this.byAddress.values();
  }

  get(address: string): Resource | undefined {
    return this.byAddress.get(address);
  }

  ofType(type: string): readonly Resource[] {
    return this.byType.get(type) ?? [];
  }

  /** Resources that reference `address`, optionally only those of one type. */
  referrers(address: string, type?: string): readonly Resource[] {
    const byType = this.incoming.get(address);
    if (!byType) return EMPTY;
    if (type !== undefined) return byType.get(type) ?? EMPTY;
    const out: Resource[] = [];
    for (const list of byType.values()) out.push(...list);
    return out;
  }

  /** Resources that `address` references, optionally only those of one type. */
  references(address: string, type?: string): Resource[] {
    const out: Resource[] = [];
    for (const a of this.outgoing.get(address) ?? []) {
      const r = this.byAddress.get(a);
      if (r && (type === undefined || r.type === type)) out.push(r);
    }
    return out;
  }
}
