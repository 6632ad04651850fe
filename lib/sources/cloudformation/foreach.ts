/**
 * `Fn::ForEach` of the `AWS::LanguageExtensions` transform, expanded as CloudFormation does before
 * deployment:
 *
 * ```yaml
 * Fn::ForEach::Buckets:
 *   - Name                      # identifier
 *   - [Logs, Data]              # collection: a list of strings, or `Ref` to a list parameter
 *   - Bucket${Name}:            # fragment: keys use `${Name}` or `&{Name}` (non-alphanumerics removed)
 *       Type: AWS::S3::Bucket
 *       Properties: { BucketName: !Sub '${Name}-bucket', Tags: [{ Key: k, Value: !Ref Name }] }
 * ```
 *
 * Loops nest, and may appear in `Resources`, `Outputs` and `Conditions`, and inside a resource's
 * properties. A loop that cannot be expanded (a collection that does not resolve to strings, a
 * malformed loop) is kept as one unexpanded entry with the reason, so it is reported, never dropped.
 */

export const FOREACH_PREFIX = 'Fn::ForEach::';

/** A loop that could not be expanded, by the key it is declared under. */
export interface UnexpandedLoop {
  readonly key: string;
  readonly reason: string;
  /** The fragment's first declaration, for a resource: its `Type` when literal. */
  readonly fragment: unknown;
}

export interface ForEachResult {
  readonly value: Record<string, unknown>;
  /** Output key -> the top-level `Fn::ForEach::` key it was expanded from. */
  readonly expandedFrom: ReadonlyMap<string, string>;
  readonly unexpanded: readonly UnexpandedLoop[];
}

type Bindings = ReadonlyMap<string, string>;

/** Whether a value holds an `Fn::ForEach` loop anywhere. */
export function hasForEach(v: unknown): boolean {
  if (Array.isArray(v)) return v.some(hasForEach);
  if (typeof v !== 'object' || v === null) return false;
  for (const [k, x] of Object.entries(v)) if (k.startsWith(FOREACH_PREFIX) || hasForEach(x)) return true;
  return false;
}

/**
 * Expand the loops of one section (`Resources`, `Outputs`, `Conditions`). `parameters` gives the
 * defaults a `Ref` collection resolves to.
 */
export function expandForEachSection(
  section: Record<string, unknown>,
  parameters: Record<string, unknown>,
): ForEachResult {
  const value: Record<string, unknown> = {};
  const expandedFrom = new Map<string, string>();
  const unexpanded: UnexpandedLoop[] = [];
  for (const [key, v] of Object.entries(section)) {
    if (!key.startsWith(FOREACH_PREFIX)) {
      value[key] = expandValue(v, new Map(), parameters);
      continue;
    }
    const out: Record<string, unknown> = {};
    const problem = expandLoop(key, v, new Map(), parameters, out);
    if (problem !== undefined) {
      unexpanded.push({ key, reason: problem, fragment: fragmentOf(v) });
      continue;
    }
    for (const [k, x] of Object.entries(out)) {
      if (k in value || k in section) {
        unexpanded.push({ key, reason: `it declares \`${k}\` twice`, fragment: fragmentOf(v) });
        continue;
      }
      value[k] = x;
      expandedFrom.set(k, key);
    }
  }
  return { value, expandedFrom, unexpanded };
}

function fragmentOf(loop: unknown): unknown {
  if (!Array.isArray(loop) || loop.length !== 3) return undefined;
  const f = loop[2] as unknown;
  if (typeof f !== 'object' || f === null) return undefined;
  return Object.values(f)[0];
}

/** Expand one loop into `out`; returns why it cannot be expanded, or undefined. */
function expandLoop(
  key: string,
  loop: unknown,
  outer: Bindings,
  parameters: Record<string, unknown>,
  out: Record<string, unknown>,
): string | undefined {
  if (!Array.isArray(loop) || loop.length !== 3) {
    return `\`${key}\` must be [identifier, collection, fragment]`;
  }
  const [identifier, collection, fragment] = loop as [unknown, unknown, unknown];
  if (typeof identifier !== 'string' || identifier === '') {
    return `\`${key}\` has no identifier string`;
  }
  if (typeof fragment !== 'object' || fragment === null || Array.isArray(fragment)) {
    return `\`${key}\` has no fragment object`;
  }
  const items = collectionOf(expandValue(collection, outer, parameters), parameters);
  if (typeof items === 'string') return `\`${key}\`: ${items}`;
  for (const item of items) {
    const b = new Map(outer).set(identifier, item);
    for (const [k, v] of Object.entries(fragment as Record<string, unknown>)) {
      if (k.startsWith(FOREACH_PREFIX)) {
        const problem = expandLoop(k, v, b, parameters, out);
        if (problem !== undefined) return problem;
        continue;
      }
      const name = substituteKey(k, b);
      if (name in out) return `\`${key}\` declares \`${name}\` twice`;
      out[name] = expandValue(v, b, parameters);
    }
  }
  return undefined;
}

/** The strings a collection stands for, or why it cannot be read. */
function collectionOf(c: unknown, parameters: Record<string, unknown>): string[] | string {
  if (Array.isArray(c)) {
    if (c.every((x) => typeof x === 'string' || typeof x === 'number'))
      return c.map((x) => String(x as string | number));
    return 'the collection holds values that are not strings';
  }
  const ref = refOf(c);
  if (ref !== undefined) {
    const p = parameters[ref] as { Type?: unknown; Default?: unknown } | undefined;
    if (p === undefined) return `the collection refers to \`${ref}\`, which is not a parameter`;
    const type = typeof p.Type === 'string' ? p.Type : '';
    if (type !== 'CommaDelimitedList' && !type.startsWith('List<')) {
      return `the collection refers to parameter \`${ref}\` of type ${type || 'unset'}, not a list`;
    }
    if (p.Default === undefined) {
      return `the collection is parameter \`${ref}\`, which has no default (its value is known only at deploy time)`;
    }
    if (Array.isArray(p.Default)) return p.Default.map((x) => String(x as string));
    return String(p.Default as string)
      .split(',')
      .map((s) => s.trim());
  }
  return 'the collection is neither a list of strings nor a `Ref` to a list parameter';
}

function refOf(v: unknown): string | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  const keys = Object.keys(v);
  if (keys.length !== 1 || keys[0] !== 'Ref') return undefined;
  const r = (v as { Ref: unknown }).Ref;
  return typeof r === 'string' ? r : undefined;
}

function substituteKey(k: string, b: Bindings): string {
  let out = k;
  for (const [id, value] of b) {
    out = out
      .split(`\${${id}}`)
      .join(value)
      .split(`&{${id}}`)
      .join(value.replace(/[^A-Za-z0-9]/g, ''));
  }
  return out;
}

/**
 * Substitute the loop identifiers in a value: `Ref: Identifier` becomes the item, `${Identifier}` and
 * `&{Identifier}` in `Fn::Sub` strings and in keys become the item. Nested loops expand in place.
 */
function expandValue(v: unknown, b: Bindings, parameters: Record<string, unknown>): unknown {
  if (Array.isArray(v)) return v.map((x) => expandValue(x, b, parameters));
  if (typeof v !== 'object' || v === null) return v;
  const ref = refOf(v);
  if (ref !== undefined && b.has(ref)) return b.get(ref);
  const o = v as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(o)) {
    if (k.startsWith(FOREACH_PREFIX)) {
      const inner: Record<string, unknown> = {};
      const problem = expandLoop(k, x, b, parameters, inner);
      // An inner loop that cannot be expanded stays as written: the resolver reports it as unknown.
      if (problem !== undefined) out[k] = x;
      else Object.assign(out, inner);
      continue;
    }
    if (k === 'Fn::Sub' && b.size > 0) {
      const sub = substituteSub(x, b, parameters);
      // A `Fn::Sub` left with no variable is the string itself (`!GetAtt [!Sub 'Bucket${Id}', Arn]`).
      if (Object.keys(o).length === 1 && typeof sub === 'string' && !sub.includes('${')) return sub;
      out[k] = sub;
      continue;
    }
    out[b.size > 0 ? substituteKey(k, b) : k] = expandValue(x, b, parameters);
  }
  return out;
}

function substituteSub(arg: unknown, b: Bindings, parameters: Record<string, unknown>): unknown {
  if (typeof arg === 'string') return substituteKey(arg, b);
  if (Array.isArray(arg) && typeof arg[0] === 'string') {
    return [substituteKey(arg[0], b), ...arg.slice(1).map((x) => expandValue(x, b, parameters))];
  }
  return expandValue(arg, b, parameters);
}
