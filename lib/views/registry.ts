import type { ResourceGraph } from '../graph/graph';
import type { Resource } from '../graph/resource';
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

/** Adapters by provider-native resource type. Each source kind registers its own. */
export class AdapterRegistry {
  private readonly byType = new Map<string, ViewAdapter>();
  private readonly everyType: ViewAdapter[] = [];

  /**
   * Register an adapter that reads every resource, whatever its type: facts of how the source read
   * it (a transform that produced it, or could not), or facts many types share that one adapter
   * reads from a table of types (where a resource sits in a network). It returns no view for the
   * types it does not know.
   */
  registerForAll(adapter: ViewAdapter): this {
    this.everyType.push(adapter);
    return this;
  }

  /** Adapters registered for every type. */
  forAll(): readonly ViewAdapter[] {
    return this.everyType;
  }

  register(types: string | readonly string[], adapter: ViewAdapter): this {
    for (const t of typeof types === 'string' ? [types] : types) {
      if (this.byType.has(t)) throw new Error(`a view adapter for ${t} is already registered`);
      this.byType.set(t, adapter);
    }
    return this;
  }

  /** Copy of this registry with another's adapters added. */
  merge(other: AdapterRegistry): AdapterRegistry {
    const out = new AdapterRegistry();
    for (const [t, a] of this.byType) out.byType.set(t, a);
    for (const [t, a] of other.byType) out.register(t, a);
    out.everyType.push(...this.everyType, ...other.everyType);
    return out;
  }

  adapterFor(type: string): ViewAdapter | undefined {
    return this.byType.get(type);
  }

  types(): string[] {
    return [...this.byType.keys()];
  }
}

/**
 * The views of a graph: computed once per resource on first use and cached, indexed by kind and by
 * address. An adapter that throws yields an error entry, never a missing view.
 */
export class ViewSet {
  private readonly cache = new Map<string, readonly View[]>();
  private computedAll = false;
  private readonly byKindIndex = new Map<ViewKind, View[]>();
  readonly errors: { address: string; type: string; error: string }[] = [];

  constructor(
    readonly graph: ResourceGraph,
    private readonly registry: AdapterRegistry,
  ) {}

  /** Views of one resource (cached). */
  of(resource: Resource): readonly View[] {
    const hit = this.cache.get(resource.address);
    if (hit) return hit;
    const views = this.derive(resource);
    this.cache.set(resource.address, views);
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

  private derive(resource: Resource): readonly View[] {
    const adapter = this.registry.adapterFor(resource.type);
    const forAll = this.registry.forAll();
    if (!adapter && forAll.length === 0) return [];
    let views: readonly View[] = [];
    for (const a of adapter ? [adapter, ...forAll] : forAll) {
      try {
        const out = a(resource, { graph: this.graph });
        if (out !== undefined) views = views.concat(out as View | View[]);
      } catch (e) {
        const error = (e as Error).message;
        const last = this.errors[this.errors.length - 1];
        // A variant of a resource whose adapter fails fails the same way: reported once.
        if (last?.address !== resource.address || last.error !== error)
          this.errors.push({ address: resource.address, type: resource.type, error });
      }
    }
    return views;
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
      for (const v of this.of(r)) {
        let list = this.byKindIndex.get(v.kind);
        if (!list) this.byKindIndex.set(v.kind, (list = []));
        list.push(v);
      }
    }
    this.computedAll = true;
  }
}
