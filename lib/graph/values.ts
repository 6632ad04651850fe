/**
 * Values read from an IaC artifact after reference resolution.
 *
 * A property is plain JSON where the source could resolve it. Where it could not, it is one of two
 * explicit markers, never a guess:
 * - {@link ResourceRef}: a reference to another resource (or one of its attributes) in the graph,
 *   e.g. CloudFormation `Ref`/`Fn::GetAtt`, a Terraform `aws_kms_key.main.arn`, a Pulumi output.
 * - {@link Unknown}: a value that cannot be known before deployment (an unresolvable intrinsic, an
 *   import, a parameter without a default). It keeps the references it contains so views can still
 *   follow the graph.
 */

/** A symbolic reference to another resource of the graph. */
export class ResourceRef {
  readonly kind = 'ref' as const;
  constructor(
    /** Address of the referenced resource in the graph. */
    readonly address: string,
    /** Attribute (`Arn`, `KeyId`...), or undefined for the resource's primary identifier. */
    readonly attribute?: string,
  ) {}

  toString(): string {
    return this.attribute ? `${this.address}.${this.attribute}` : this.address;
  }
}

/** A value the source could not resolve. */
export class Unknown {
  readonly kind = 'unknown' as const;
  constructor(
    /** Why the value is unknown, for messages: "parameter `KeyArn` has no default". */
    readonly reason: string,
    /** Resource references found inside the unresolved expression. */
    readonly refs: readonly ResourceRef[] = [],
    /** A readable rendering of the expression, e.g. `${Bucket.Arn}/*`. */
    readonly display?: string,
  ) {}

  toString(): string {
    return this.display ?? `<unknown: ${this.reason}>`;
  }
}

export type Scalar = string | number | boolean | null;
export type Value = Scalar | ResourceRef | Unknown | Value[] | { [key: string]: Value };
export type ValueObject = { [key: string]: Value };

export function isUnknown(v: unknown): v is Unknown {
  return v instanceof Unknown;
}

export function isRef(v: unknown): v is ResourceRef {
  return v instanceof ResourceRef;
}

export function isObject(v: unknown): v is ValueObject {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    !(v instanceof ResourceRef) &&
    !(v instanceof Unknown)
  );
}

/** Read a nested property by path; returns undefined when any step is absent. */
export function get(v: Value | undefined, ...path: (string | number)[]): Value | undefined {
  let cur: Value | undefined = v;
  for (const key of path) {
    if (cur === undefined || cur === null) return undefined;
    if (cur instanceof Unknown) return cur;
    if (typeof key === 'number') {
      if (!Array.isArray(cur)) return undefined;
      cur = cur[key];
    } else {
      if (!isObject(cur)) return undefined;
      cur = cur[key];
    }
  }
  return cur;
}

/** Every ResourceRef inside a value, in document order. */
export function refsIn(v: Value | undefined, out: ResourceRef[] = []): ResourceRef[] {
  if (v instanceof ResourceRef) out.push(v);
  else if (v instanceof Unknown) out.push(...v.refs);
  else if (Array.isArray(v)) for (const x of v) refsIn(x, out);
  else if (isObject(v)) for (const k of Object.keys(v)) refsIn(v[k], out);
  return out;
}

/** Render a value for a message: short, single-line. */
export function show(v: Value | undefined): string {
  if (v === undefined) return 'unset';
  if (v instanceof ResourceRef || v instanceof Unknown) return v.toString();
  if (typeof v === 'string') return v;
  const s = JSON.stringify(v, (_k, x: unknown) =>
    x instanceof ResourceRef || x instanceof Unknown ? x.toString() : x,
  );
  return s.length > 120 ? `${s.slice(0, 117)}...` : s;
}

/** Coerce to a list: undefined -> [], scalar -> [scalar]. */
export function asList(v: Value | undefined): Value[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

/** A boolean as written (CloudFormation accepts "true"/"false" strings), or an Unknown. */
export function asBool(v: Value | undefined): boolean | Unknown | undefined {
  if (v === undefined || v === null) return undefined;
  if (v instanceof Unknown) return v;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') {
    if (v.toLowerCase() === 'true') return true;
    if (v.toLowerCase() === 'false') return false;
  }
  return new Unknown(`expected a boolean, found ${show(v)}`);
}

/** A number as written (CloudFormation accepts numeric strings), or an Unknown. */
export function asNumber(v: Value | undefined): number | Unknown | undefined {
  if (v === undefined || v === null) return undefined;
  if (v instanceof Unknown) return v;
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
  return new Unknown(`expected a number, found ${show(v)}`);
}

/** A string, a ResourceRef or Unknown passes through; other kinds become Unknown. */
export function asString(v: Value | undefined): string | Unknown | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Unknown) return v;
  if (v instanceof ResourceRef)
    return new Unknown(`reference to ${v.toString()}`, [v], `\${${v.toString()}}`);
  return new Unknown(`expected a string, found ${show(v)}`);
}

/**
 * Set an own property, whatever its name: `__proto__` becomes a property like any other, never the
 * object's prototype.
 */
export function setOwn(o: ValueObject, key: string, value: Value): void {
  if (key === '__proto__') {
    Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
  } else o[key] = value;
}
