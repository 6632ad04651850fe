import {
  Choice,
  ResourceRef,
  Unknown,
  findChoices,
  isObject,
  recordChoices,
  refsIn,
  setOwn,
  substituteChoices,
  type ChoiceOption,
  type Value,
} from '../../graph/values';

/** What the resolver knows about the template being read. */
export interface ResolveScope {
  /** Logical id -> graph address, for every resource of the template. */
  readonly resources: ReadonlyMap<string, string>;
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly mappings: Readonly<Record<string, unknown>>;
  readonly conditions: Readonly<Record<string, unknown>>;
  /** Known pseudo parameter values (`AWS::Region`...): from the stack environment where concrete. */
  readonly pseudo: Readonly<Record<string, string>>;
  /** Values passed into a nested stack (its parent's `Parameters`), already resolved. */
  readonly parameterValues?: Readonly<Record<string, Value>>;
}

const NO_VALUE = Symbol('AWS::NoValue');
const NO_REFS: readonly ResourceRef[] = Object.freeze([]);
type Resolved = Value | typeof NO_VALUE;

/**
 * At most this many combinations of options are distributed through one function (`Fn::Sub`,
 * `Fn::Join`...); beyond it the result stays an Unknown.
 */
export const MAX_DISTRIBUTED = 32;

/** The value of an own property, never one inherited from `Object.prototype` (`constructor`, `__proto__`). */
function own(o: unknown, key: string): unknown {
  return typeof o === 'object' && o !== null && !Array.isArray(o) && Object.hasOwn(o, key)
    ? (o as Record<string, unknown>)[key]
    : undefined;
}

/**
 * Resolves CloudFormation intrinsics in a value: `Ref`, `Fn::GetAtt`, `Fn::Sub`, `Fn::Join`,
 * `Fn::Select`, `Fn::Split`, `Fn::If`, `Fn::FindInMap`, `Fn::Base64`, `Fn::ToJsonString`, conditions,
 * parameters and pseudo parameters. References to resources become {@link ResourceRef}; what cannot
 * be resolved becomes an explicit {@link Unknown}. A value chosen at deploy time among known options
 * (an `Fn::If` on an unresolved condition, a parameter's allowed values or its default) is a
 * {@link Choice}, distributed through `Fn::Sub`, `Fn::Join`, `Fn::Select`, `Fn::Split` and
 * `Fn::FindInMap`. Every name is looked up among the template's own declarations only.
 */
export class Resolver {
  private readonly conditionCache = new Map<string, boolean | Unknown>();
  private readonly parameterCache = new Map<string, Resolved>();
  /** References created while resolving the current value (see {@link resolveWithRefs}). */
  private collected: ResourceRef[] = [];
  /** Whether a choice was created while resolving the current value. */
  private choiceMade = false;

  constructor(private readonly scope: ResolveScope) {}

  resolve(v: unknown): Value {
    const r = this.value(v);
    return r === NO_VALUE ? null : r;
  }

  /**
   * Resolve a value and return the resource references it contains (including those kept inside
   * unknowns), collected while resolving: the graph links them without walking the value again.
   */
  resolveWithRefs(v: unknown): { value: Value; refs: readonly ResourceRef[] } {
    this.collected = [];
    this.choiceMade = false;
    const value = this.resolve(v);
    // Kept with the resource: no room left for more.
    const refs = this.collected.length === 0 ? NO_REFS : this.collected.slice();
    this.collected = [];
    // Only values in which a choice was made are walked for them: the engine judges each option.
    if (this.choiceMade && isObject(value)) recordChoices(value, [...findChoices(value).values()]);
    this.choiceMade = false;
    return { value, refs };
  }

  /** Evaluate a named condition: true/false, or Unknown when it depends on unresolved values. */
  condition(name: string): boolean | Unknown {
    const hit = this.conditionCache.get(name);
    if (hit !== undefined) return hit;
    const def = own(this.scope.conditions, name);
    this.conditionCache.set(name, new Unknown(`condition \`${name}\` refers to itself`));
    const out = def === undefined ? new Unknown(`condition \`${name}\` is not defined`) : this.truth(def);
    this.conditionCache.set(name, out);
    return out;
  }

  /** Resolve a value; parts without intrinsics are returned as they are (no copy). */
  private value(v: unknown): Resolved {
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
    if (Array.isArray(v)) {
      // A copy is made at its full length and cut to what it holds: it keeps no spare room, as it
      // lives as long as its resource.
      let out: Value[] | undefined;
      let length = 0;
      for (let i = 0; i < v.length; i++) {
        const x: unknown = v[i];
        const r = this.value(x);
        if (out === undefined && r !== x) {
          out = v.slice() as Value[];
          length = i;
        }
        if (out !== undefined && r !== NO_VALUE) out[length++] = r;
      }
      if (out === undefined) return v as Value[];
      out.length = length;
      return out;
    }
    if (typeof v !== 'object') return new Unknown(`unsupported value ${String(v)}`);
    const obj = v as Record<string, unknown>;
    let first: string | undefined;
    let count = 0;
    for (const k in obj) {
      if (count++ === 0) first = k;
      else break;
    }
    if (count === 1 && (first === 'Ref' || first === 'Condition' || first!.startsWith('Fn::'))) {
      const fn = this.intrinsic(first!, obj[first!]);
      if (fn !== undefined) return fn;
    }
    let out: { [key: string]: Value } | undefined;
    for (const k in obj) {
      const x = obj[k];
      const r = this.value(x);
      if (out === undefined && r !== x) {
        out = {};
        for (const k2 in obj) {
          if (k2 === k) break;
          setOwn(out, k2, obj[k2] as Value);
        }
      }
      if (out !== undefined && r !== NO_VALUE) setOwn(out, k, r);
    }
    return out ?? (obj as { [key: string]: Value });
  }

  private collect(ref: ResourceRef): ResourceRef {
    this.collected.push(ref);
    return ref;
  }

  private intrinsic(fn: string, arg: unknown): Resolved | undefined {
    switch (fn) {
      case 'Ref':
        return typeof arg === 'string' ? this.ref(arg) : new Unknown('`Ref` takes a name');
      case 'Fn::GetAtt':
        return this.getAtt(arg);
      case 'Fn::Sub':
        return this.sub(arg);
      case 'Fn::Join':
        return this.join(arg);
      case 'Fn::Select':
        return this.select(arg);
      case 'Fn::Split':
        return this.split(arg);
      case 'Fn::If':
        return this.ifFn(arg);
      case 'Fn::FindInMap':
        return this.findInMap(arg);
      case 'Fn::Base64': {
        const s = this.value(arg);
        return typeof s === 'string'
          ? Buffer.from(s, 'utf8').toString('base64')
          : unknownOf('`Fn::Base64` of an unresolved value', s);
      }
      case 'Fn::ToJsonString': {
        const s = this.value(arg);
        return refsIn(s === NO_VALUE ? null : s).length === 0 && !hasUnknown(s)
          ? JSON.stringify(s)
          : unknownOf('`Fn::ToJsonString` of an unresolved value', s);
      }
      case 'Fn::GetAZs':
        return new Unknown('availability zones are known only at deploy time', [], '${Fn::GetAZs}');
      case 'Fn::ImportValue': {
        const name = this.value(arg);
        return new Unknown(
          `imported value \`${typeof name === 'string' ? name : '?'}\` from another stack`,
          [],
          `\${Import:${typeof name === 'string' ? name : '?'}}`,
        );
      }
      case 'Fn::Cidr':
        return new Unknown('`Fn::Cidr` is computed at deploy time');
      case 'Fn::Length': {
        const l = this.value(arg);
        return Array.isArray(l) ? l.length : unknownOf('`Fn::Length` of an unresolved list', l);
      }
      case 'Fn::Equals':
      case 'Fn::And':
      case 'Fn::Or':
      case 'Fn::Not':
      case 'Condition':
        return this.truth({ [fn]: arg });
      case 'Fn::Transform':
        return new Unknown('`Fn::Transform` (macro) output is known only at deploy time');
      default:
        return undefined; // not an intrinsic: a property that happens to start with Fn::
    }
  }

  private ref(name: string): Resolved {
    if (name === 'AWS::NoValue') return NO_VALUE;
    const address = this.scope.resources.get(name);
    if (address) return this.collect(new ResourceRef(address));
    if (name.startsWith('AWS::')) {
      const known = own(this.scope.pseudo, name);
      return typeof known === 'string'
        ? known
        : new Unknown(`pseudo parameter \`${name}\` is known only at deploy time`, [], `\${${name}}`);
    }
    if (this.scope.parameterValues && Object.hasOwn(this.scope.parameterValues, name))
      return this.scope.parameterValues[name]!;
    const p = own(this.scope.parameters, name);
    if (p !== undefined) {
      let out = this.parameterCache.get(name);
      if (out === undefined) this.parameterCache.set(name, (out = this.parameter(name, p)));
      if (out instanceof Choice) this.choiceMade = true;
      return out;
    }
    return new Unknown(`\`Ref\` to \`${name}\`, which the template does not declare`, [], `\${${name}}`);
  }

  /**
   * The value of a parameter declared by the template: each of its `AllowedValues`; its `Default`
   * or any other value; an Unknown without either. A parameter of an SSM type is read from SSM at
   * deploy time.
   */
  private parameter(name: string, p: unknown): Resolved {
    const display = `\${${name}}`;
    const type = own(p, 'Type');
    const def = own(p, 'Default');
    if (typeof type === 'string' && type.startsWith('AWS::SSM::Parameter::Value<')) {
      return typeof def === 'string'
        ? new Unknown(
            `parameter \`${name}\` is read from SSM parameter \`${def}\` at deploy time`,
            [],
            `{{resolve:ssm:${def}}}`,
          )
        : new Unknown(
            `parameter \`${name}\` is read from an SSM parameter named at deploy time`,
            [],
            display,
          );
    }
    const allowed = own(p, 'AllowedValues');
    const subject = `parameter \`${name}\``;
    const label = (v: unknown) =>
      `\`${typeof v === 'string' ? v : JSON.stringify(v)}\`${def !== undefined && String(v) === String(def) ? ' (its default)' : ''}`;
    if (Array.isArray(allowed) && allowed.length > 0) {
      const values = allowed.map((v) => this.value(v));
      if (values.length === 1) return values[0]!;
      return new Choice(
        `parameter:${name}`,
        subject,
        allowed.map((v, i) => ({ label: label(v), value: noValueToUndefined(values[i]!) })),
        `${subject} is chosen at deploy time among ${allowed.length} allowed values`,
        [],
        display,
      );
    }
    if (def === undefined) return new Unknown(`${subject} has no default`, [], display);
    const value = this.value(def);
    return new Choice(
      `parameter:${name}`,
      subject,
      [
        { label: label(def), value: noValueToUndefined(value) },
        {
          label: 'any other value',
          value: new Unknown(`${subject} may be set to any value at deploy time`, [], display),
        },
      ],
      `${subject} may be set at deploy time (default \`${typeof def === 'string' ? def : JSON.stringify(def)}\`)`,
      [],
      display,
    );
  }

  private getAtt(arg: unknown): Resolved {
    let id: unknown;
    let attr: unknown;
    if (typeof arg === 'string') {
      const i = arg.indexOf('.');
      [id, attr] = i < 0 ? [arg, undefined] : [arg.slice(0, i), arg.slice(i + 1)];
    } else if (Array.isArray(arg)) {
      [id, attr] = arg;
      attr = this.value(attr);
    }
    if (typeof id !== 'string' || typeof attr !== 'string')
      return new Unknown('`Fn::GetAtt` with an unresolved name');
    const address = this.scope.resources.get(id);
    if (!address) return new Unknown(`\`Fn::GetAtt\` of \`${id}\`, which the template does not declare`);
    return this.collect(new ResourceRef(address, attr));
  }

  private sub(arg: unknown): Resolved {
    let template: unknown = arg;
    let vars: Record<string, Value> = {};
    if (Array.isArray(arg)) {
      template = arg[0];
      const v = this.value(arg[1] ?? {});
      if (isObject(v)) vars = v;
    }
    if (typeof template !== 'string') return new Unknown('`Fn::Sub` with a non-string template');
    const parts: Value[] = [];
    let last = 0;
    const re = /\$\{([^{}]*)\}/g; // a name holds no brace: linear on unclosed `${`
    for (let m = re.exec(template); m; m = re.exec(template)) {
      parts.push(template.slice(last, m.index));
      const name = m[1]!.trim();
      if (name.startsWith('!')) parts.push(`\${${name.slice(1)}}`);
      else if (Object.hasOwn(vars, name)) parts.push(vars[name]!);
      else if (name.includes('.') && !name.startsWith('AWS::')) {
        const i = name.indexOf('.');
        const r = this.getAtt([name.slice(0, i), name.slice(i + 1)]);
        parts.push(r === NO_VALUE ? '' : r);
      } else {
        const r = this.ref(name);
        parts.push(r === NO_VALUE ? '' : r);
      }
      last = m.index + m[0].length;
    }
    parts.push(template.slice(last));
    return this.distribute([parts], [0], ([ps]) => concat(ps as Value[], ''));
  }

  private join(arg: unknown): Resolved {
    if (!Array.isArray(arg) || arg.length !== 2) return new Unknown('`Fn::Join` takes [delimiter, list]');
    const delim = this.value(arg[0]);
    const list = this.value(arg[1]);
    return this.distribute([delim, list], [1], ([d, l]) => {
      if (typeof d !== 'string') return new Unknown('`Fn::Join` with an unresolved delimiter');
      if (!Array.isArray(l)) return unknownOf('`Fn::Join` of an unresolved list', l);
      return concat(l, d);
    });
  }

  private select(arg: unknown): Resolved {
    if (!Array.isArray(arg) || arg.length !== 2) return new Unknown('`Fn::Select` takes [index, list]');
    return this.distribute([this.value(arg[0]), this.value(arg[1])], [], ([idx, list]) => {
      const i =
        typeof idx === 'number' ? idx : typeof idx === 'string' && /^\d+$/.test(idx) ? Number(idx) : NaN;
      if (Number.isNaN(i)) return new Unknown('`Fn::Select` with an unresolved index');
      if (!Array.isArray(list)) return unknownOf(`\`Fn::Select\` ${i} of an unresolved list`, list!);
      if (i < 0 || i >= list.length)
        return new Unknown(`\`Fn::Select\` index ${i} is out of range (${list.length} items)`);
      return list[i]!;
    });
  }

  private split(arg: unknown): Resolved {
    if (!Array.isArray(arg) || arg.length !== 2) return new Unknown('`Fn::Split` takes [delimiter, string]');
    return this.distribute([this.value(arg[0]), this.value(arg[1])], [], ([delim, s]) => {
      if (typeof delim === 'string' && typeof s === 'string') return s.split(delim);
      return unknownOf('`Fn::Split` of an unresolved string', s!);
    });
  }

  /**
   * `Fn::If`: the branch chosen when the condition resolves; when it does not, both branches are
   * considered: equal branches give their value, different ones a {@link Choice} of the two, keyed
   * by the condition.
   */
  private ifFn(arg: unknown): Resolved {
    if (!Array.isArray(arg) || arg.length !== 3 || typeof arg[0] !== 'string') {
      return new Unknown('`Fn::If` takes [condition, value-if-true, value-if-false]');
    }
    const c = this.condition(arg[0]);
    if (c === true) return this.value(arg[1]);
    if (c === false) return this.value(arg[2]);
    const a = this.value(arg[1]);
    const b = this.value(arg[2]);
    if (
      JSON.stringify(a === NO_VALUE ? '__novalue__' : a) ===
      JSON.stringify(b === NO_VALUE ? '__novalue__' : b)
    )
      return a;
    const refs = [...refsIn(a === NO_VALUE ? null : a), ...refsIn(b === NO_VALUE ? null : b)];
    this.choiceMade = true;
    // A condition decided by one choice (it compares one parameter) is true or false with it.
    const decider = truthChoice(c);
    return new Choice(
      `condition:${arg[0]}`,
      `condition \`${arg[0]}\``,
      [
        { label: 'true', value: noValueToUndefined(a) },
        { label: 'false', value: noValueToUndefined(b) },
      ],
      `depends on condition \`${arg[0]}\` (${c.reason})`,
      refs,
      `\${If:${arg[0]}}`,
      decider && {
        key: decider.key,
        labels: new Map(decider.options.map((o) => [o.label, String(o.value)])),
      },
    );
  }

  private findInMap(arg: unknown): Resolved {
    if (!Array.isArray(arg) || arg.length < 3) return new Unknown('`Fn::FindInMap` takes [map, key, key]');
    const keys: Resolved[] = [this.value(arg[0]), this.value(arg[1]), this.value(arg[2])];
    return this.distribute(keys, [], ([m, k1, k2]) => {
      if (typeof m !== 'string' || typeof k1 !== 'string' || typeof k2 !== 'string') {
        return new Unknown('`Fn::FindInMap` with an unresolved key', [
          ...refsIn(noValueToNull(k1!)),
          ...refsIn(noValueToNull(k2!)),
        ]);
      }
      const hit = own(own(own(this.scope.mappings, m), k1), k2);
      if (hit === undefined) {
        const options = arg[3];
        if (arg.length === 4 && isPlainObject(options) && Object.hasOwn(options, 'DefaultValue')) {
          return this.value(options.DefaultValue);
        }
        return new Unknown(`mapping \`${m}\` has no entry ${k1}/${k2}`);
      }
      return this.value(hit);
    });
  }

  /**
   * Apply `f` to resolved arguments, once per combination of the options of the choices among them
   * (the arguments themselves, and the items of those at `spread`), so `!Sub ${Env}-logs` with `Env`
   * in [dev, prod] is a choice of two strings. Combinations that all give the same value give that
   * value. Beyond {@link MAX_DISTRIBUTED} combinations, `f` sees the choices as the Unknowns they are.
   */
  private distribute(
    args: readonly Resolved[],
    spread: readonly number[],
    f: (args: readonly Resolved[]) => Resolved,
  ): Resolved {
    const found = new Map<string, Choice>();
    args.forEach((a, i) => {
      if (a instanceof Choice) {
        if (!found.has(a.key)) found.set(a.key, a);
      } else if (Array.isArray(a) && spread.includes(i)) {
        for (const x of a) if (x instanceof Choice && !found.has(x.key)) found.set(x.key, x);
      }
    });
    if (found.size === 0) return f(args);
    let combinations = 1;
    for (const c of found.values()) combinations *= c.options.length;
    const whole = f(args);
    if (combinations > MAX_DISTRIBUTED) return whole;
    const [first] = found.values() as IterableIterator<Choice>;
    const results = first!.options.map(({ label }) =>
      this.distribute(
        args.map((a) => {
          if (a === NO_VALUE) return a;
          const pick = (c: Choice) => {
            const at = c.key === first!.key ? c.options.findIndex((o) => o.label === label) : -1;
            return at < 0 ? undefined : at;
          };
          const r = substituteChoices(a, pick);
          return r === undefined ? NO_VALUE : r;
        }),
        spread,
        f,
      ),
    );
    const same = (x: Resolved, y: Resolved) =>
      x === y || (x !== NO_VALUE && y !== NO_VALUE && JSON.stringify(x) === JSON.stringify(y));
    if (results.every((r) => same(r, results[0]!))) return results[0]!;
    this.choiceMade = true;
    const options: ChoiceOption[] = first!.options.map((o, i) => ({
      label: o.label,
      value: noValueToUndefined(results[i]!),
    }));
    const base = whole instanceof Unknown ? whole : first!;
    return new Choice(
      first!.key,
      first!.subject,
      options,
      base.reason,
      base.refs,
      base.display,
      first!.determinedBy,
    );
  }

  private truth(expr: unknown): boolean | Unknown {
    if (typeof expr === 'boolean') return expr;
    if (typeof expr === 'string')
      return expr === 'true' ? true : expr === 'false' ? false : new Unknown(`not a condition: ${expr}`);
    if (!isPlainObject(expr)) return new Unknown('malformed condition');
    const [k] = Object.keys(expr);
    const arg = (expr as Record<string, unknown>)[k!];
    switch (k) {
      case 'Condition':
        return typeof arg === 'string' ? this.condition(arg) : new Unknown('malformed `Condition`');
      case 'Fn::Equals': {
        if (!Array.isArray(arg) || arg.length !== 2) return new Unknown('`Fn::Equals` takes two values');
        // Judged for each option of a choice compared: the same answer for all is the answer.
        const r = this.distribute([this.value(arg[0]), this.value(arg[1])], [], ([a, b]) => {
          if (hasUnknown(a!) || hasUnknown(b!))
            return new Unknown('compares values known only at deploy time');
          return JSON.stringify(a) === JSON.stringify(b);
        });
        if (typeof r === 'boolean') return r;
        if (r instanceof Choice) {
          const reason = `compares values known only at deploy time (${r.subject})`;
          const t = truthChoice(r);
          return t ? mapTruth(t, (x) => x, reason) : new Unknown(reason, r.refs);
        }
        return r instanceof Unknown ? r : new Unknown('malformed `Fn::Equals`');
      }
      case 'Fn::Not': {
        const x = Array.isArray(arg) ? this.truth(arg[0]) : new Unknown('malformed `Fn::Not`');
        if (typeof x === 'boolean') return !x;
        const t = truthChoice(x);
        return t ? mapTruth(t, (b) => !b) : x;
      }
      case 'Fn::And':
      case 'Fn::Or': {
        if (!Array.isArray(arg)) return new Unknown(`malformed \`${k}\``);
        const xs = arg.map((x) => this.truth(x));
        const isAnd = k === 'Fn::And';
        if (xs.some((x) => x === !isAnd)) return !isAnd;
        const open = xs.filter((x): x is Unknown => x instanceof Unknown);
        if (open.length === 0) return isAnd;
        // Decided by one and the same choice: combined option by option.
        const ts = open.map(truthChoice);
        const t0 = ts[0];
        if (t0 && ts.every((t) => t?.key === t0.key && sameLabels(t, t0))) {
          return mapTruth(t0, (_, i) =>
            isAnd
              ? ts.every((t) => t!.options[i]!.value === true)
              : ts.some((t) => t!.options[i]!.value === true),
          );
        }
        return open.length === 1 && !t0 ? open[0]! : new Unknown(open[0]!.reason, open[0]!.refs);
      }
      default:
        return new Unknown(`unsupported condition function \`${k}\``);
    }
  }
}

function noValueToNull(v: Resolved): Value {
  return v === NO_VALUE ? null : v;
}

/** A condition's value decided by one choice, without nesting: a choice of booleans, or undefined. */
function truthChoice(x: boolean | Unknown): Choice | undefined {
  return x instanceof Choice && x.options.every((o) => typeof o.value === 'boolean') ? x : undefined;
}

function sameLabels(a: Choice, b: Choice): boolean {
  return a.options.length === b.options.length && a.options.every((o, i) => o.label === b.options[i]!.label);
}

/** A choice of booleans mapped option by option; the same answer for every option is that answer. */
function mapTruth(c: Choice, f: (b: boolean, i: number) => boolean, reason = c.reason): boolean | Choice {
  const values = c.options.map((o, i) => f(o.value as boolean, i));
  if (values.every((v) => v === values[0])) return values[0]!;
  return new Choice(
    c.key,
    c.subject,
    c.options.map((o, i) => ({ label: o.label, value: values[i]! })),
    reason,
    c.refs,
    c.display,
  );
}

function noValueToUndefined(v: Resolved): Value | undefined {
  return v === NO_VALUE ? undefined : v;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function hasUnknown(v: Resolved): boolean {
  if (v === NO_VALUE) return false;
  if (v instanceof Unknown || v instanceof ResourceRef) return true;
  if (Array.isArray(v)) return v.some(hasUnknown);
  if (isObject(v)) return Object.values(v).some(hasUnknown);
  return false;
}

/**
 * The Unknown result of a function applied to an unresolved value. Its rendering wraps the input's
 * (`${Fn::Select(${Names})}`): the result is another value than the input, and renderings are
 * compared to link resources by value.
 */
function unknownOf(reason: string, v: Resolved): Unknown {
  if (v instanceof Unknown) {
    const fn = /^`(Fn::\w+)`/.exec(reason)?.[1] ?? 'Fn';
    const display = v.display === undefined ? undefined : `\${${fn}(${v.display})}`;
    return new Unknown(`${reason}: ${v.reason}`, v.refs, display);
  }
  return new Unknown(reason, refsIn(v === NO_VALUE ? null : v));
}

/** Concatenate parts: a string when all are scalars, else an Unknown keeping refs and a display. */
function concat(parts: readonly Value[], delim: string): Value {
  if (parts.every((p) => typeof p === 'string' || typeof p === 'number' || typeof p === 'boolean')) {
    return parts.map(String).join(delim);
  }
  const refs: ResourceRef[] = [];
  const display = parts
    .map((p) => {
      if (p instanceof ResourceRef) {
        refs.push(p);
        return `\${${p.toString()}}`;
      }
      if (p instanceof Unknown) {
        refs.push(...p.refs);
        return p.display ?? '${?}';
      }
      if (typeof p === 'object' && p !== null) {
        refs.push(...refsIn(p));
        return '${?}';
      }
      return String(p);
    })
    .join(delim);
  const reason = refs.length
    ? `contains references resolved at deploy time (${display})`
    : `contains values resolved at deploy time (${display})`;
  return new Unknown(reason, refs, display);
}
