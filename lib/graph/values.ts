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
 * - {@link Choice}: an Unknown that is one of a known set of values, chosen at deploy time (an
 *   `Fn::If` on an unresolved condition, a parameter's allowed values). Read as an Unknown it is
 *   judged conservatively; the engine may instead judge each option.
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

/** The reason of a plan value known only after apply (`after_unknown`). */
export const AFTER_APPLY = 'known only after apply';

/**
 * A value the plan computes at apply with no expression behind it: known only after apply and
 * referencing nothing. For an optional argument this means "not set here", the service's default.
 */
export function isAfterApply(v: Value | undefined): v is Unknown {
  return v instanceof Unknown && v.reason === AFTER_APPLY && v.refs.length === 0;
}

/** One option of a {@link Choice}: a label (`true`, `` `prod` ``) and the value it gives. */
export interface ChoiceOption {
  /** The option as a reader names it: `true`/`false` for a condition, `` `dev` `` for a parameter value. */
  readonly label: string;
  /** The value; undefined when the option leaves the property absent (`AWS::NoValue`). */
  readonly value: Value | undefined;
}

/** How another choice decides a choice: for each label of the choice `key`, the label taken. */
export interface ChoiceDependency {
  readonly key: string;
  readonly labels: ReadonlyMap<string, string>;
}

/**
 * A value chosen at deploy time among known options: an `Fn::If` on a condition that cannot be
 * resolved (key `condition:<Name>`), a parameter with allowed values or a default (key
 * `parameter:<Name>`). The same key takes the same option everywhere in one deployment. It is an
 * {@link Unknown}, with the same reason and display as before the options were known, so every
 * reader that does not look at the options treats it conservatively.
 */
export class Choice extends Unknown {
  constructor(
    /** What decides the option: `condition:UseKey`, `parameter:Env`. */
    readonly key: string,
    /** The subject of the choice for messages: "condition `UseKey`", "parameter `Env`". */
    readonly subject: string,
    readonly options: readonly ChoiceOption[],
    reason: string,
    refs: readonly ResourceRef[] = [],
    display?: string,
    /**
     * When another choice decides this one (a condition that compares one parameter): its key, and
     * the label this choice takes for each of its labels. Variants that contradict it are not judged.
     */
    readonly determinedBy?: ChoiceDependency,
  ) {
    super(reason, refs, display);
  }

  /** "condition `UseKey` is false". */
  describe(option: ChoiceOption): string {
    return `${this.subject} is ${option.label}`;
  }
}

export function isChoice(v: unknown): v is Choice {
  return v instanceof Choice;
}

export type Scalar = string | number | boolean | null;
export type Value = Scalar | ResourceRef | Unknown | Value[] | { [key: string]: Value };
export type ValueObject = { [key: string]: Value };

/**
 * Whether a value is unknown, for users of the package. Inside Bulwark the one idiom is
 * `x instanceof Unknown` (a test keeps it so).
 */
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
 * Choices of a resource's properties, recorded by the source that resolved them (keyed by the
 * properties object, so resources whose properties hold none cost one map lookup).
 */
const choicesByProperties = new WeakMap<object, readonly Choice[]>();

/** Record the distinct choices (by key, in document order) found in a resource's properties. */
export function recordChoices(properties: ValueObject, choices: readonly Choice[]): void {
  if (choices.length > 0) choicesByProperties.set(properties, choices);
}

/** The choices recorded for a resource's properties (first of each key, nested ones included), or undefined. */
export function choicesOf(properties: ValueObject): readonly Choice[] | undefined {
  return choicesByProperties.get(properties);
}

/** Every choice inside a value, nested ones (inside options) included, one per key, in document order. */
export function findChoices(v: Value | undefined, out: Map<string, Choice> = new Map()): Map<string, Choice> {
  if (v instanceof Choice) {
    if (!out.has(v.key)) out.set(v.key, v);
    for (const o of v.options) findChoices(o.value, out);
  } else if (Array.isArray(v)) for (const x of v) findChoices(x, out);
  else if (isObject(v)) for (const k of Object.keys(v)) findChoices(v[k], out);
  return out;
}

/**
 * A value with each choice replaced by the option `pick` selects for its key (an index into the
 * choice's options). An option that leaves a property absent removes it (from an object) or the item
 * (from a list). A choice whose key `pick` does not select is replaced by `otherwise`, or kept.
 * Parts without choices are returned as they are (no copy).
 */
export function substituteChoices(
  v: Value | undefined,
  pick: (c: Choice) => number | undefined,
  otherwise?: (c: Choice) => Value,
): Value | undefined {
  if (v instanceof Choice) {
    const i = pick(v);
    if (i === undefined) return otherwise ? otherwise(v) : v;
    return substituteChoices(v.options[i]!.value, pick, otherwise);
  }
  if (Array.isArray(v)) {
    let out: Value[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const x = v[i]!;
      const r = substituteChoices(x, pick, otherwise);
      if (out === undefined && r !== x) out = v.slice(0, i);
      if (out !== undefined && r !== undefined) out.push(r);
    }
    return out ?? v;
  }
  if (isObject(v)) {
    let out: ValueObject | undefined;
    const keys = Object.keys(v);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      const x = v[k]!;
      const r = substituteChoices(x, pick, otherwise);
      if (out === undefined && r !== x) {
        out = {};
        for (let j = 0; j < i; j++) setOwn(out, keys[j]!, v[keys[j]!]!);
      }
      if (out !== undefined && r !== undefined) setOwn(out, k, r);
    }
    return out ?? v;
  }
  return v;
}

/**
 * Set an own property, whatever its name: `__proto__` becomes a property like any other, never the
 * object's prototype.
 */
export function setOwn(o: ValueObject, key: string, value: Value): void {
  if (key === '__proto__')
    Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
  else o[key] = value;
}
