import type { Resource } from './resource';
import { ResourceRef, Unknown, isObject, refsIn, show, type Value } from './values';

const EMPTY: readonly Resource[] = Object.freeze([]);
const NO_ATTACHMENTS: Attachments = Object.freeze({ attached: EMPTY, uncertain: Object.freeze([]) });

/** Resources of some type that a property names, as {@link ResourceGraph.attachedBy} finds them. */
export interface Attachments {
  /** Resources whose property names the target, by reference or by a value only the target claims. */
  readonly attached: readonly Resource[];
  /**
   * Resources whose property names the target by a value that another resource of the target's type
   * claims too: they may or may not attach to it.
   */
  readonly uncertain: readonly { readonly resource: Resource; readonly reason: Unknown }[];
}

/**
 * The resources of one or more artifacts, indexed by address and type, with reference edges in
 * both directions. Built once by a source; read by view adapters.
 *
 * Besides references (`Ref`, `Fn::GetAtt`, Terraform references), a resource may name another by
 * value: by the name, ARN, id or URL the other declares in its `identities`. Once every resource is
 * added, on the first query, the graph indexes identities and looks every property leaf of every
 * resource up in that index (a string, or the rendering of an unresolved value), and links the
 * matches like references. An ARN of a sub-resource (`arn:aws:s3:::name/*`,
 * `arn:...:log-group:name:*`) also names the resource of its owning prefix. The cost is one hash
 * lookup per leaf and candidate.
 *
 * A value claimed by two resources of the same type is ambiguous: the graph links it to neither
 * (`referrers` and `references` do not show it), records it, and {@link names} answers an
 * {@link Unknown} for it, so a view that asks whether a policy attaches to a bucket learns that it
 * may, never a silent yes or no.
 */
export class ResourceGraph {
  private readonly byAddress = new Map<string, Resource>();
  private readonly byType = new Map<string, Resource[]>();
  /** Target address -> resources that reference it (resources keep what they reference). */
  private readonly incoming: Referrers = new Map();
  /** By-value links, built on first query (see {@link linkByValue}). */
  private byValue: ValueLinks | undefined;

  constructor(resources: Iterable<Resource> = []) {
    for (const r of resources) this.add(r);
  }

  add(resource: Resource): void {
    if (this.byAddress.has(resource.address)) {
      throw new Error(`duplicate resource address ${resource.address}`);
    }
    this.byValue = undefined; // rebuilt with the new resource on the next query
    this.byAddress.set(resource.address, resource);
    let list = this.byType.get(resource.type);
    if (!list) this.byType.set(resource.type, (list = []));
    list.push(resource);
    const refs = referencesOf(resource);
    for (let i = 0; i < refs.length; i++) addTo(this.incoming, refs[i]!.address, resource);
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

  /** Resources that reference `address` (or name it by value), optionally only those of one type. */
  referrers(address: string, type?: string): readonly Resource[] {
    const links = this.linkByValue();
    const byRef = collect(this.incoming.get(address), type);
    const byValue = collect(links.incoming.get(address), type);
    if (byValue.length === 0) return byRef;
    if (byRef.length === 0) return byValue;
    const seen = new Set(byRef);
    return [...byRef, ...byValue.filter((r) => !seen.has(r))];
  }

  /** Resources that `address` references (or names by value), optionally only those of one type. */
  references(address: string, type?: string): Resource[] {
    const links = this.linkByValue();
    const out: Resource[] = [];
    const self = this.byAddress.get(address);
    const targets = new Set([
      ...(self ? referencesOf(self).map((ref) => ref.address) : []),
      ...(links.outgoing.get(address) ?? []),
    ]);
    for (const a of targets) {
      const r = this.byAddress.get(a);
      if (r && (type === undefined || r.type === type)) out.push(r);
    }
    return out;
  }

  /**
   * Whether `value` (a property of `holder`) names the resource at `address`: a reference to it, an
   * unresolved expression containing one, or a value it claims in its identities (a list names it
   * when one of its entries does). An {@link Unknown} when the value is claimed by another resource
   * of the same type too. Unresolved renderings match only within the holder's expression scope.
   */
  names(value: Value | undefined, address: string, holder?: Resource): boolean | Unknown {
    const target = this.byAddress.get(address);
    if (!target || value === undefined || value === null) return false;
    if (value instanceof ResourceRef) return value.address === address;
    if (Array.isArray(value)) {
      let maybe: Unknown | undefined;
      for (const x of value) {
        const n = this.names(x, address, holder);
        if (n === true) return true;
        if (n instanceof Unknown) maybe ??= n;
      }
      return maybe ?? false;
    }
    if (value instanceof Unknown && value.refs.some((r) => r.address === address)) return true;
    const links = this.linkByValue();
    for (const key of leafKeys(value, scopeOf(holder))) {
      const claimants = links.index.get(key);
      if (!claimants?.includes(target)) continue;
      const others = claimants.filter((c) => c !== target && c.type === target.type);
      if (others.length === 0) return true;
      return ambiguity(value, [target, ...others]);
    }
    return false;
  }

  /**
   * The resource `value` (a property of `holder`) names: the resource it references, or the one
   * resource (of `types`, when given) that claims it as an identity. An {@link Unknown} when several
   * claim it; undefined when none does.
   */
  target(
    value: Value | undefined,
    holder?: Resource,
    types?: string | readonly string[],
  ): Resource | Unknown | undefined {
    if (value === undefined || value === null) return undefined;
    const wanted = types === undefined ? undefined : typeof types === 'string' ? [types] : types;
    const fits = (r: Resource | undefined): r is Resource =>
      r !== undefined && (wanted === undefined || wanted.includes(r.type));
    if (value instanceof ResourceRef) {
      const r = this.byAddress.get(value.address);
      return fits(r) ? r : undefined;
    }
    if (value instanceof Unknown) {
      const r = value.refs.map((ref) => this.byAddress.get(ref.address)).find(fits);
      if (r) return r;
    }
    const links = this.linkByValue();
    for (const key of leafKeys(value, scopeOf(holder))) {
      const claimants = links.index.get(key)?.filter(fits);
      if (!claimants || claimants.length === 0) continue;
      return claimants.length === 1 ? claimants[0] : ambiguity(value, claimants);
    }
    return undefined;
  }

  /**
   * Resources of `type` that attach to the resource at `address` through a property (read by
   * `property`): those whose property names it (see {@link names}), and apart those that name it by
   * an ambiguous value. A referrer that merely mentions the resource elsewhere is not attached.
   */
  attachedBy(address: string, type: string, property: (r: Resource) => Value | undefined): Attachments {
    // Every candidate is of `type`: a graph without one has nothing to look at.
    if (!this.byType.has(type)) return NO_ATTACHMENTS;
    const links = this.linkByValue();
    const self = this.byAddress.get(address);
    const byRef = this.referrers(address, type);
    const ambiguous = collect(links.ambiguous.get(address), type);
    const own = self?.type === type;
    // Most resources have no candidate, or only referrers (each listed once): nothing to merge then.
    if (byRef.length === 0 && ambiguous.length === 0 && !own) return NO_ATTACHMENTS;
    const merged = ambiguous.length > 0 || own;
    const candidates = merged ? [...byRef, ...ambiguous, ...(own ? [self] : [])] : byRef;
    const attached: Resource[] = [];
    const uncertain: { resource: Resource; reason: Unknown }[] = [];
    const seen = merged ? new Set<Resource>() : undefined;
    for (const r of candidates) {
      if (seen?.has(r)) continue;
      seen?.add(r);
      const n = this.names(property(r), address, r);
      if (n === true) attached.push(r);
      else if (n instanceof Unknown) uncertain.push({ resource: r, reason: n });
    }
    return { attached, uncertain };
  }

  /** Index identities and link every property leaf that matches one, once, on first query. */
  private linkByValue(): ValueLinks {
    if (this.byValue) return this.byValue;
    const links: ValueLinks = {
      index: new Map(),
      outgoing: new Map(),
      incoming: new Map(),
      ambiguous: new Map(),
    };
    for (const r of this.byAddress.values()) {
      if (!r.identities?.length) continue;
      const scope = scopeOf(r);
      for (const id of r.identities) {
        const key = identityKey(id, scope);
        if (key === undefined) continue;
        let claimants = links.index.get(key);
        if (!claimants) links.index.set(key, (claimants = []));
        if (claimants[claimants.length - 1] !== r) claimants.push(r);
      }
    }
    if (links.index.size > 0) {
      for (const r of this.byAddress.values()) {
        const scope = scopeOf(r);
        const visit = (key: string): void => {
          const claimants = links.index.get(key);
          if (claimants) this.linkClaimants(links, r, claimants);
        };
        walkLeaves(r.properties, (leaf) => forEachKey(leaf, scope, visit));
      }
    }
    this.byValue = links;
    return links;
  }

  private linkClaimants(links: ValueLinks, from: Resource, claimants: readonly Resource[]): void {
    for (const c of claimants) {
      if (c === from) continue;
      const shared = claimants.some((o) => o !== c && o.type === c.type);
      if (shared) addTo(links.ambiguous, c.address, from);
      else link(links.outgoing, links.incoming, from, c.address);
    }
  }
}

/**
 * Target address -> the resources that refer to it, one list a referrer type, each in the order the
 * referrers were added, the lists in the order their type first referred to the target.
 */
type Referrers = Map<string, Resource[][]>;

interface ValueLinks {
  /** Identity key -> resources claiming it. */
  readonly index: Map<string, Resource[]>;
  readonly outgoing: Map<string, string[]>;
  readonly incoming: Referrers;
  /** Target address -> referrers naming it by a value other resources claim too. */
  readonly ambiguous: Referrers;
}

/** Link `from` to the resource at `to`, once. */
function link(outgoing: Map<string, string[]>, incoming: Referrers, from: Resource, to: string): void {
  if (!addTo(incoming, to, from)) return;
  const out = outgoing.get(from.address);
  if (out) out.push(to);
  else outgoing.set(from.address, [to]);
}

/**
 * Record `from` as a referrer of `to`; false when it is one already. Every link of one referrer is
 * made before the next referrer's (a resource is added, or walked for values, at once), so a
 * referrer already recorded is the last of its type.
 */
function addTo(map: Referrers, to: string, from: Resource): boolean {
  const groups = map.get(to);
  if (!groups) {
    map.set(to, [[from]]);
    return true;
  }
  let list: Resource[] | undefined;
  for (const g of groups) {
    if (g[0]!.type === from.type) {
      list = g;
      break;
    }
  }
  if (!list) groups.push([from]);
  else if (list[list.length - 1] === from) return false;
  else list.push(from);
  return true;
}

function collect(groups: Resource[][] | undefined, type: string | undefined): readonly Resource[] {
  if (!groups) return EMPTY;
  if (type !== undefined) return groups.find((g) => g[0]!.type === type) ?? EMPTY;
  return groups.length === 1 ? groups[0]! : groups.flat();
}

function referencesOf(r: Resource): readonly ResourceRef[] {
  return r.references ?? refsIn(r.properties);
}

function scopeOf(r: Resource | undefined): string {
  return r?.expressionScope ?? r?.stack ?? '';
}

/**
 * Index key of an identity: a literal value as it is; an unresolved one as its rendering within the
 * scope it was read in (the same rendering elsewhere may stand for another value).
 */
function identityKey(id: string | Unknown, scope: string): string | undefined {
  if (typeof id === 'string') return id === '' ? undefined : id;
  return id.display === undefined || id.display === '' ? undefined : `${scope}\u0000${id.display}`;
}

/**
 * The keys a leaf value may match: the value itself and, for an ARN, its owning prefixes (the ARN
 * without a trailing `:*` or `/*`, and the ARN up to the first `/` of its resource part).
 */
function leafKeys(v: Value, scope: string): string[] {
  const keys: string[] = [];
  forEachKey(v, scope, (k) => keys.push(k));
  return keys;
}

/** Call `visit` with each key of {@link leafKeys}, without collecting them. */
function forEachKey(v: Value, scope: string, visit: (key: string) => void): void {
  let text: string;
  let prefix = '';
  if (typeof v === 'string') text = v;
  else if (v instanceof Unknown && v.display !== undefined) {
    text = v.display;
    prefix = `${scope}\u0000`;
  } else return;
  if (text === '') return;
  visit(prefix + text);
  if (!text.startsWith('arn:')) return;
  if (text.endsWith(':*') || text.endsWith('/*')) visit(prefix + text.slice(0, -2));
  const slash = firstSlashOfResource(text);
  if (slash > 0) visit(prefix + text.slice(0, slash));
}

/**
 * Index of the first `/` after the fifth `:` of an ARN (`arn:partition:service:region:account:`),
 * outside `${...}` renderings of unresolved parts; -1 if none.
 */
function firstSlashOfResource(arn: string): number {
  let colons = 0;
  let depth = 0;
  for (let i = 0; i < arn.length; i++) {
    const c = arn.charCodeAt(i);
    if (c === 36 /* $ */ && arn.charCodeAt(i + 1) === 123 /* { */) {
      depth++;
      i++;
    } else if (c === 125 /* } */ && depth > 0) depth--;
    else if (depth === 0 && c === 58 /* : */) colons++;
    else if (depth === 0 && c === 47 /* / */ && colons >= 5) return i;
  }
  return -1;
}

/** Call `visit` on every string and unresolved value inside a value. */
function walkLeaves(v: Value | undefined, visit: (leaf: string | Unknown) => void): void {
  if (typeof v === 'string' || v instanceof Unknown) visit(v);
  else if (Array.isArray(v)) for (const x of v) walkLeaves(x, visit);
  else if (isObject(v)) for (const k in v) walkLeaves(v[k], visit);
}

function ambiguity(value: Value, claimants: readonly Resource[]): Unknown {
  return new Unknown(
    `\`${show(value)}\` names several resources: ${claimants.map((c) => `\`${c.address}\``).join(', ')}`,
  );
}
