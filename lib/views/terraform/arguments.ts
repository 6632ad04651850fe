import type { ResourceGraph } from '../../graph/graph';
import {
  Unknown,
  asList,
  get,
  isAfterApply,
  isObject,
  type Value,
  type ValueObject,
} from '../../graph/values';
import type { Fact } from '../kinds';

/*
 * Reading AWS provider arguments as plans and `cdk.tf.json` write them: nested blocks as lists (plans)
 * or as an object or a list (`cdk.tf.json`), unset optional arguments as absent, null, an empty
 * string or list, or (computed ones, in a plan) a value known only after apply with no expression
 * behind it. Every Terraform adapter reads arguments through these, so "unset" means one thing.
 */

/**
 * An optional argument the configuration leaves unset, so the provider or service default applies:
 * absent, null, `""` or `[]` (as `cdk.tf.json` and plans write an argument left out), or a value a plan
 * knows only after apply with no expression behind it (an optional argument the provider computes, such
 * as the deprecated inline blocks of an `aws_s3_bucket` whose split resources configure them). Such a
 * value never carries a rendering: one that does came from an expression and is a set, unresolved value.
 */
export function unset(v: Value | undefined): boolean {
  return (
    v === undefined ||
    v === null ||
    v === '' ||
    (Array.isArray(v) && v.length === 0) ||
    (isAfterApply(v) && v.display === undefined)
  );
}

/** Whether the configuration sets an argument: not {@link unset}. A set but unresolved value is present. */
export function present(v: Value | undefined): boolean {
  return !unset(v);
}

/** An argument as the configuration sets it: undefined when {@link unset}. */
export function arg(v: Value | undefined): Value | undefined {
  return unset(v) ? undefined : v;
}

/**
 * The object of a nested block the provider takes once (`vpc_config`, `server_side_encryption`):
 * undefined when the block is unset; the Unknown when the block (or its entry) is unresolved, or when
 * several blocks stand where the provider takes one (which of them applies cannot be told).
 */
export function block(v: Value | undefined): ValueObject | Unknown | undefined {
  if (unset(v)) return undefined;
  if (v instanceof Unknown) return v;
  if (Array.isArray(v) && v.length > 1) return new Unknown(`${v.length} blocks where the provider takes one`);
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

/** {@link blocks} as one list, in which an unresolved block stands as an Unknown entry. */
export function blockList(v: Value | undefined): (ValueObject | Unknown)[] {
  const b = blocks(v);
  return b instanceof Unknown ? [b] : b;
}

/**
 * An argument of a nested block (`vpc_config.subnet_ids`): undefined when the block or the argument is
 * unset, the Unknown when the block is unresolved.
 */
export function blockArg(v: Value | undefined, name: string): Value | undefined {
  const b = block(v);
  if (b instanceof Unknown) return b;
  return arg(get(b, name));
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
