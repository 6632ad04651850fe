import type { Resource } from './resource';
import { refsIn } from './values';

/**
 * The resources of one or more artifacts, indexed by address and type, with reference edges in
 * both directions. Built once by a source; read by view adapters.
 */
export class ResourceGraph {
  private readonly byAddress = new Map<string, Resource>();
  private readonly byType = new Map<string, Resource[]>();
  private readonly outgoing = new Map<string, Set<string>>();
  private readonly incoming = new Map<string, Set<string>>();

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
    for (const ref of refsIn(resource.properties)) this.link(resource.address, ref.address);
  }

  private link(from: string, to: string): void {
    let out = this.outgoing.get(from);
    if (!out) this.outgoing.set(from, (out = new Set()));
    out.add(to);
    let inc = this.incoming.get(to);
    if (!inc) this.incoming.set(to, (inc = new Set()));
    inc.add(from);
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
  referrers(address: string, type?: string): Resource[] {
    const out: Resource[] = [];
    for (const a of this.incoming.get(address) ?? []) {
      const r = this.byAddress.get(a);
      if (r && (type === undefined || r.type === type)) out.push(r);
    }
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
