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

/** Values at a property path; `*` walks every entry of a list. */
function at(v: Value | undefined, path: readonly string[], absent: Absent): Value[] {
  if (absent(v)) return [];
  if (path.length === 0) return [v as Value];
  const [head, ...rest] = path;
  if (v instanceof Unknown) return [v];
  if (head === '*') return asList(v).flatMap((x) => at(x, rest, absent));
  return at(get(v, head!), rest, absent);
}

/** The addresses or identifiers a list of values names; Unknown when one cannot be read. */
function names(values: readonly Value[]): Fact<string[]> {
  const out: string[] = [];
  for (const v of values.flatMap((x) => (x instanceof Unknown ? [x] : asList(x)))) {
    if (v instanceof ResourceRef) out.push(v.address);
    else if (typeof v === 'string') out.push(v);
    else if (v instanceof Unknown) return v;
    else return new Unknown(`network placement names ${show(v)}`);
  }
  return [...new Set(out)].sort();
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
  return names(at(target.properties[group.subnets], [], absent));
}

function merge(a: Fact<string[]>, b: Fact<string[]>): Fact<string[]> {
  if (a instanceof Unknown) return a;
  if (b instanceof Unknown) return b;
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
    let firewalls = names(shape.firewalls.flatMap((p) => at(r.properties, p, absent)));
    let subnets = merge(
      names(shape.subnets.flatMap((p) => at(r.properties, p, absent))),
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
