import type { ResourceGraph } from '../graph/graph';
import type { Resource, SourceKind } from '../graph/resource';
import type { Value, ValueObject } from '../graph/values';
import type { View, ViewKind, ViewOf } from './kinds';

/** What an adapter may read besides its own resource. */
export interface AdapterContext {
  readonly graph: ResourceGraph;
}

/**
 * Derives the views of one resource type. It reads the resource and, through the graph, the
 * resources that configure it (a bucket's policy, a group's ingress rules). Returns no view for a
 * resource that only contributes to another's view.
 */
export type ViewAdapter = (resource: Resource, ctx: AdapterContext) => View | readonly View[] | undefined;

/**
 * Adapters by (source kind, provider-native resource type). Each source registers the adapters of the
 * types it reads; a source may reuse another's adapters (live AWS reads use the CloudFormation ones),
 * but only by registering them for itself, so a resource is never judged by an adapter meant for
 * another source's shapes.
 */
export class AdapterRegistry {
  private readonly byKey = new Map<string, ViewAdapter>();
  private readonly everyType = new Map<SourceKind, ViewAdapter[]>();

  /**
   * Register an adapter that reads every resource of a source, whatever its type: facts of how the
   * source read it (a transform that produced it, or could not), or facts many types share that one
   * adapter reads from a table of types (where a resource sits in a network). It returns no view for
   * the types it does not know.
   */
  registerForAll(source: SourceKind, adapter: ViewAdapter): this {
    let list = this.everyType.get(source);
    if (!list) this.everyType.set(source, (list = []));
    list.push(adapter);
    return this;
  }

  /** Adapters registered for every type of a source. */
  forAll(source: SourceKind): readonly ViewAdapter[] {
    return this.everyType.get(source) ?? [];
  }

  /** Register the adapter of one or more types of a source. A (source, type) takes one adapter. */
  register(source: SourceKind, types: string | readonly string[], adapter: ViewAdapter): this {
    for (const t of typeof types === 'string' ? [types] : types) {
      const key = keyOf(source, t);
      if (this.byKey.has(key)) throw new Error(`a view adapter for ${t} (${source}) is already registered`);
      this.byKey.set(key, adapter);
    }
    return this;
  }

  /** Copy of this registry with another's adapters added. */
  merge(other: AdapterRegistry): AdapterRegistry {
    const out = new AdapterRegistry();
    for (const [k, a] of this.byKey) out.byKey.set(k, a);
    for (const [k, a] of other.byKey) {
      if (out.byKey.has(k)) throw new Error(`a view adapter for ${k} is already registered`);
      out.byKey.set(k, a);
    }
    for (const reg of [this, other])
      for (const [s, list] of reg.everyType) for (const a of list) out.registerForAll(s, a);
    return out;
  }

  adapterFor(source: SourceKind, type: string): ViewAdapter | undefined {
    return this.byKey.get(keyOf(source, type));
  }

  /** The types a source has adapters for. */
  types(source: SourceKind): string[] {
    const prefix = `${source}\u0000`;
    return [...this.byKey.keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
  }

  /** The sources with at least one adapter. */
  sources(): SourceKind[] {
    const out = new Set<SourceKind>(this.everyType.keys());
    for (const k of this.byKey.keys()) out.add(k.slice(0, k.indexOf('\u0000')) as SourceKind);
    return [...out];
  }
}

function keyOf(source: SourceKind, type: string): string {
  return `${source}\u0000${type}`;
}

const NO_VIEWS: readonly View[] = Object.freeze([]);

/**
 * The views of a graph: computed once per resource on first use and cached, indexed by kind and by
 * resource. An adapter that throws yields an error entry, never a missing view.
 */
export class ViewSet {
  /** Views by resource: an identity lookup, no address string to hash. */
  private readonly cache = new Map<Resource, readonly View[]>();
  /** The adapters that read each (source, type), found once. */
  private readonly adapters = new Map<SourceKind, Map<string, readonly ViewAdapter[]>>();
  private readonly ctx: AdapterContext;
  private computedAll = false;
  private readonly byKindIndex = new Map<ViewKind, View[]>();
  readonly errors: { address: string; type: string; error: string }[] = [];

  constructor(
    readonly graph: ResourceGraph,
    private readonly registry: AdapterRegistry,
  ) {
    this.ctx = { graph };
  }

  /** Views of one resource (cached). */
  of(resource: Resource): readonly View[] {
    const hit = this.cache.get(resource);
    if (hit) return hit;
    const views = this.derive(resource);
    this.cache.set(resource, views);
    return views;
  }

  /**
   * Views of a resource as it would be with other properties and tags (one option of each of its
   * deploy-time choices). Not cached, and not seen by {@link viewOf}: other resources keep seeing the
   * resource's own views. The variant is the resource in every other respect.
   */
  variant(
    resource: Resource,
    properties: ValueObject,
    tags: Readonly<Record<string, Value>>,
  ): readonly View[] {
    const variant = new Proxy(resource, {
      get: (target, key) =>
        key === 'properties' ? properties : key === 'tags' ? tags : Reflect.get(target, key, target),
    });
    return this.derive(variant);
  }

  /** The type's own adapter, then those of every type of its source. */
  private adaptersOf(resource: Resource): readonly ViewAdapter[] {
    let byType = this.adapters.get(resource.source);
    if (!byType) this.adapters.set(resource.source, (byType = new Map()));
    let list = byType.get(resource.type);
    if (!list) {
      const own = this.registry.adapterFor(resource.source, resource.type);
      const forAll = this.registry.forAll(resource.source);
      byType.set(resource.type, (list = own ? [own, ...forAll] : forAll));
    }
    return list;
  }

  private derive(resource: Resource): readonly View[] {
    const adapters = this.adaptersOf(resource);
    let views: View[] | undefined;
    for (let i = 0; i < adapters.length; i++) {
      try {
        const out = adapters[i]!(resource, this.ctx);
        if (out === undefined) continue;
        // The first views make a list of their own length: most resources keep one view for the whole
        // evaluation, and a list grown by a push would hold room for sixteen.
        if (views === undefined) views = Array.isArray(out) ? (out.slice() as View[]) : [out as View];
        else if (Array.isArray(out)) for (let j = 0; j < out.length; j++) views.push(out[j] as View);
        else views.push(out as View);
      } catch (e) {
        const error = (e as Error).message;
        const last = this.errors[this.errors.length - 1];
        // A variant of a resource whose adapter fails fails the same way: reported once.
        if (last?.address !== resource.address || last.error !== error)
          this.errors.push({ address: resource.address, type: resource.type, error });
      }
    }
    return views ?? NO_VIEWS;
  }

  /** A view of the given kind for the resource at `address`, if any. */
  viewOf<K extends ViewKind>(address: string, kind: K): ViewOf<K> | undefined {
    const r = this.graph.get(address);
    if (!r) return undefined;
    return this.of(r).find((v): v is ViewOf<K> => v.kind === kind);
  }

  /** Every view of the graph, in graph order. */
  all(): View[] {
    this.computeAll();
    const out: View[] = [];
    for (const r of this.graph.all()) out.push(...this.of(r));
    return out;
  }

  ofKind<K extends ViewKind>(kind: K): readonly ViewOf<K>[] {
    this.computeAll();
    return (this.byKindIndex.get(kind) ?? []) as ViewOf<K>[];
  }

  private computeAll(): void {
    if (this.computedAll) return;
    for (const r of this.graph.all()) {
      const views = this.of(r);
      for (let i = 0; i < views.length; i++) {
        const v = views[i]!;
        let list = this.byKindIndex.get(v.kind);
        if (!list) this.byKindIndex.set(v.kind, (list = []));
        list.push(v);
      }
    }
    this.computedAll = true;
  }
}
