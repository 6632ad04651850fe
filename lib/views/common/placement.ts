import type { ResourceGraph } from '../../graph/graph';
import type { Resource } from '../../graph/resource';
import { ResourceRef, Unknown, asList, get, show, type Value } from '../../graph/values';
import type { Fact, PlacementView } from '../kinds';
import type { AdapterContext, ViewAdapter } from '../registry';
import { displayName } from './naming';

/** Where a type keeps its security groups and subnets, as property paths (`*` walks a list). */
export interface PlacementShape {
  readonly firewalls: readonly (readonly string[])[];
  readonly subnets: readonly (readonly string[])[];
  /** Subnet group property naming a subnet group resource (its type and its subnets property). */
  readonly subnetGroup?: { readonly property: string; readonly type: string; readonly subnets: string };
  /** Property naming a parent (of `type`) the resource takes its placement from as well. */
  readonly parent?: { readonly property: string; readonly type: string };
}

/** How a source writes an absent value (CloudFormation: no property; Terraform: also unset arguments). */
export type Absent = (v: Value | undefined) => boolean;

/** Appends the values at a property path (from its `i`th step) to `out`; `*` walks every entry of a list. */
function collect(
  v: Value | undefined,
  path: readonly string[],
  i: number,
  absent: Absent,
  out: Value[],
): void {
  if (absent(v)) return;
  if (i === path.length || v instanceof Unknown) {
    out.push(v as Value);
    return;
  }
  const step = path[i]!;
  if (step !== '*') collect(get(v, step), path, i + 1, absent, out);
  else for (const x of asList(v)) collect(x, path, i + 1, absent, out);
}

/** The values at each of the property paths, in order. */
function valuesAt(v: Value | undefined, paths: readonly (readonly string[])[], absent: Absent): Value[] {
  const out: Value[] = [];
  for (const path of paths) collect(v, path, 0, absent, out);
  return out;
}

/**
 * The addresses or identifiers a list of values names (each value one or a list of them), sorted and
 * without repeats; Unknown when one cannot be read. Most resources name none: that costs no set.
 */
function names(values: readonly Value[]): Fact<string[]> {
  const out: string[] = [];
  for (const x of values) {
    if (x instanceof Unknown) return x;
    for (const v of asList(x)) {
      if (v instanceof ResourceRef) out.push(v.address);
      else if (typeof v === 'string') out.push(v);
      else if (v instanceof Unknown) return v;
      else return new Unknown(`network placement names ${show(v)}`);
    }
  }
  return out.length > 1 ? [...new Set(out)].sort() : out;
}

function subnetsOfGroup(
  r: Resource,
  shape: PlacementShape,
  graph: ResourceGraph,
  absent: Absent,
): Fact<string[]> {
  const group = shape.subnetGroup;
  if (!group) return [];
  const named = r.properties[group.property];
  if (absent(named)) return [];
  const target = graph.target(named, r, group.type);
  if (target instanceof Unknown) return target;
  if (!target) return new Unknown(`subnet group ${show(named)} is not in the input`);
  return names(valuesAt(target.properties[group.subnets], [[]], absent));
}

/** The union of two sorted lists without repeats (one of them as it is when the other is empty). */
function merge(a: Fact<string[]>, b: Fact<string[]>): Fact<string[]> {
  if (a instanceof Unknown) return a;
  if (b instanceof Unknown) return b;
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  return [...new Set([...a, ...b])].sort();
}

/**
 * An adapter reading every resource of a source: for a type in `shapes`, its placement (security
 * groups and subnets, through its subnet group where it names one, with those of its parent). Resources
 * of other types, and those not placed in a network, have no placement view.
 */
export function placementAdapter(
  shapes: Readonly<Record<string, PlacementShape>>,
  absent: Absent,
): ViewAdapter {
  const view = (r: Resource, ctx: AdapterContext): PlacementView | undefined => {
    const shape = Object.hasOwn(shapes, r.type) ? shapes[r.type] : undefined;
    if (!shape) return undefined;
    let firewalls = names(valuesAt(r.properties, shape.firewalls, absent));
    let subnets = merge(
      names(valuesAt(r.properties, shape.subnets, absent)),
      subnetsOfGroup(r, shape, ctx.graph, absent),
    );
    const parentRef = shape.parent ? r.properties[shape.parent.property] : undefined;
    if (shape.parent && !absent(parentRef)) {
      const parent = ctx.graph.target(parentRef, r, shape.parent.type);
      if (parent instanceof Unknown) return { ...base(r), firewalls: parent, subnets: parent };
      const inherited = parent ? view(parent, ctx) : undefined;
      if (inherited) {
        firewalls = merge(firewalls, inherited.firewalls as Fact<string[]>);
        subnets = merge(subnets, inherited.subnets as Fact<string[]>);
      }
    }
    const empty = (f: Fact<string[]>) => Array.isArray(f) && f.length === 0;
    if (empty(firewalls) && empty(subnets)) return undefined;
    return { ...base(r), firewalls, subnets };
  };
  return view;
}

function base(r: Resource) {
  return { kind: 'placement' as const, resource: r, name: displayName(r) };
}
