import type { ResourceGraph } from '../../graph/graph';
import { Unknown, asList, isAfterApply, isObject, type Value, type ValueObject } from '../../graph/values';
import type { Fact } from '../kinds';

/*
 * Reading AWS provider arguments as plans and `cdk.tf.json` write them: nested blocks as lists (plans)
 * or as an object or a list (`cdk.tf.json`), unset optional arguments as absent, null, an empty
 * string or list, or (computed ones, in a plan) a value known only after apply with no expression
 * behind it.
 */

/** An optional argument the configuration leaves unset, so the provider or service default applies. */
export function unset(v: Value | undefined): boolean {
  return (
    v === undefined ||
    v === null ||
    v === '' ||
    (Array.isArray(v) && v.length === 0) ||
    (isAfterApply(v) && v.display === undefined)
  );
}

/** The first object of a nested block; undefined when there is none, the Unknown when it is unresolved. */
export function block(v: Value | undefined): ValueObject | Unknown | undefined {
  if (unset(v)) return undefined;
  if (v instanceof Unknown) return v;
  const first = Array.isArray(v) ? v[0] : v;
  if (first instanceof Unknown) return first;
  return isObject(first) ? first : undefined;
}

/** Every object of a repeatable block; an unresolved block (or entry) is returned as the Unknown. */
export function blocks(v: Value | undefined): ValueObject[] | Unknown {
  if (unset(v)) return [];
  if (v instanceof Unknown) return v;
  const out: ValueObject[] = [];
  for (const x of asList(v)) {
    if (x instanceof Unknown) return x;
    if (isObject(x)) out.push(x);
  }
  return out;
}

/**
 * Whether a resource of one of `types` names the resource at `address` through `argument` (by
 * reference, or by a value only that resource claims); Unknown when one may name it.
 */
export function namedBy(
  graph: ResourceGraph,
  address: string,
  types: readonly string[],
  argument: string,
): Fact<boolean> {
  let maybe: Unknown | undefined;
  for (const type of types) {
    const found = graph.attachedBy(address, type, (x) => x.properties[argument]);
    if (found.attached.length > 0) return true;
    maybe ??= found.uncertain[0]?.reason;
  }
  return maybe ?? false;
}
