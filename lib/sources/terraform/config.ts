import { InputError } from '../../errors';
import { OPT_OUT_KEY } from '../../cdk/metadata';
import type { InlineAcknowledgement, Resource } from '../../graph/resource';
import {
  isObject,
  ResourceRef,
  setOwn,
  show,
  Unknown,
  type Value,
  type ValueObject,
} from '../../graph/values';
import { Locator, TerraformResource, type TerraformFile } from './file';
import { identitiesOf } from './identities';
import { parseTemplate, parseTraversal, traversalsIn, TemplateSyntaxError, type Step } from './template';

/** Arguments every resource block may have that are Terraform's, not the provider's. */
const META_ARGUMENTS = new Set([
  '//',
  'count',
  'for_each',
  'depends_on',
  'lifecycle',
  'provider',
  'provisioner',
  'connection',
]);

/** Roots of expressions whose value depends on the instance or the run, not on the configuration. */
const CONTEXT_ROOTS: Readonly<Record<string, string>> = {
  each: 'is known only per `for_each` instance',
  count: 'is known only per `count` instance',
  self: 'refers to the resource itself',
  path: 'depends on where Terraform runs',
  terraform: 'depends on the Terraform workspace',
  module: 'is a module output, and modules are not read',
};

export interface ConfigReadOptions {
  /** Stack (CDKTF) or configuration name. */
  readonly stack: string;
  /** Prepended to every Terraform address to make the graph address (`Stack/`), or ''. */
  readonly prefix: string;
}

export interface ConfigRead {
  readonly resources: Resource[];
  readonly incomplete: string[];
}

/**
 * Read Terraform JSON configuration (`cdk.tf.json` as cdktf and cdktn write it): `resource` and
 * `data` blocks become resources, `${...}` interpolations are resolved against `variable` defaults,
 * `locals` and the declared resources (a resource attribute becomes a {@link ResourceRef}), and
 * whatever cannot be resolved is an {@link Unknown} saying why. `count` and `for_each` make the
 * number of instances unknown: the declaration is read once and an `incomplete` line says so.
 * `module` blocks are not read (reported); `terraform`, `provider` and `output` are not resources.
 */
export function readTerraformConfig(tf: TerraformFile, o: ConfigReadOptions): ConfigRead {
  const { file, body } = tf;
  const blocks = (key: 'resource' | 'data'): [string, string, Record<string, unknown>][] => {
    const section = body[key];
    if (section === undefined) return [];
    if (!isPlain(section))
      throw new InputError('BULWARK_TEMPLATE_INVALID', file, `\`${key}\` is not an object`);
    const out: [string, string, Record<string, unknown>][] = [];
    for (const [type, byName] of Object.entries(section)) {
      if (!isPlain(byName))
        throw new InputError(
          'BULWARK_TEMPLATE_INVALID',
          file,
          `\`${key}.${type}\` is not an object of name -> block`,
        );
      for (const [name, block] of Object.entries(byName)) {
        if (!isPlain(block))
          throw new InputError(
            'BULWARK_TEMPLATE_INVALID',
            file,
            `\`${key}.${type}.${name}\` is not an object`,
          );
        out.push([type, name, block]);
      }
    }
    return out;
  };
  const managed = blocks('resource');
  const data = blocks('data');
  const declared = new Set<string>([
    ...managed.map(([t, n]) => `${t}.${n}`),
    ...data.map(([t, n]) => `data.${t}.${n}`),
  ]);
  const resolver = new ConfigResolver(
    file,
    o.prefix,
    declared,
    objectOr(body.variable),
    objectOr(body.locals),
  );
  const locator = new Locator(
    file,
    tf.text,
    (p, property) =>
      p.length === 2 && (p[0] === 'resource' || p[0] === 'data')
        ? `${p[0] === 'data' ? 'data.' : ''}${String(p[1])}.${property}`
        : undefined,
    false,
  );
  const defaultTags = providerDefaultTags(body.provider, (v, where) => resolver.resolve(v, where));
  const resources: Resource[] = [];
  const incomplete: string[] = [];
  for (const [mode, list] of [
    ['managed', managed],
    ['data', data],
  ] as const) {
    for (const [type, name, block] of list) {
      const address = `${mode === 'data' ? 'data.' : ''}${type}.${name}`;
      const properties: ValueObject = {};
      for (const [k, v] of Object.entries(block)) {
        if (!META_ARGUMENTS.has(k)) setOwn(properties, k, resolver.resolve(v, `\`${address}\``));
      }
      for (const meta of ['count', 'for_each'] as const) {
        if (block[meta] !== undefined) {
          incomplete.push(
            `${o.stack}: \`${address}\` has \`${meta}\` (${show(resolver.resolve(block[meta], `\`${address}\``))}): its number of instances is known only at plan time, so it was read as one declaration (unknown multiplicity)`,
          );
        }
      }
      if (mode === 'managed') withDefaultTags(properties, defaultTags, block.provider, type);
      const lifecycle = block.lifecycle;
      const meta = block['//'];
      const constructPath =
        isPlain(meta) && isPlain(meta.metadata) && typeof meta.metadata.path === 'string'
          ? meta.metadata.path
          : undefined;
      resources.push(
        new TerraformResource({
          address: `${o.prefix}${address}`,
          type,
          mode,
          properties,
          terraformAddress: address,
          path: constructPath,
          stack: o.stack,
          retainOnDelete: isPlain(lifecycle) && lifecycle.prevent_destroy === true,
          identities: identitiesOf(type, mode, properties),
          expressionScope: `${o.prefix}${file}`,
          locator,
          locateAs: address,
          acknowledgements: optOutsOf(meta),
        }),
      );
    }
  }
  for (const [name, call] of Object.entries(objectOr(body.module))) {
    const source = isPlain(call) && typeof call.source === 'string' ? ` (source \`${call.source}\`)` : '';
    incomplete.push(`${o.stack}: module \`${name}\`${source} is not read, so its resources were not checked`);
  }
  return { resources, incomplete };
}

/**
 * The `default_tags` of each configuration of a provider, by `provider.alias` as resources name it
 * (`aws` for the default configuration, `aws.west` for an alias): the tags the provider adds to every
 * resource it manages.
 */
function providerDefaultTags(
  providers: unknown,
  resolve: (v: unknown, where: string) => Value,
): Map<string, Value> {
  const out = new Map<string, Value>();
  if (!isPlain(providers)) return out;
  for (const [name, configs] of Object.entries(providers)) {
    for (const c of Array.isArray(configs) ? configs : [configs]) {
      if (!isPlain(c) || c.default_tags === undefined) continue;
      const block = Array.isArray(c.default_tags) ? c.default_tags[0] : c.default_tags;
      if (!isPlain(block) || block.tags === undefined) continue;
      const key = typeof c.alias === 'string' ? `${name}.${c.alias}` : name;
      out.set(key, resolve(block.tags, `\`provider.${key}.default_tags\``));
    }
  }
  return out;
}

/**
 * Sets `tags_all` as the provider computes it (its `default_tags` under the resource's own `tags`) on a
 * resource whose provider configuration has default tags. Unknown default tags make the tags unknown.
 */
function withDefaultTags(
  properties: ValueObject,
  defaults: ReadonlyMap<string, Value>,
  provider: unknown,
  type: string,
): void {
  const key = typeof provider === 'string' ? provider : type.split('_')[0]!;
  const dflt = defaults.get(key);
  if (dflt === undefined || properties.tags_all !== undefined) return;
  const own = properties.tags;
  if (dflt instanceof Unknown) {
    properties.tags_all = dflt;
    return;
  }
  if (!isObject(dflt) || (own !== undefined && own !== null && !isObject(own))) return;
  const all: ValueObject = {};
  for (const [k, v] of Object.entries(dflt)) setOwn(all, k, v);
  if (isObject(own)) for (const [k, v] of Object.entries(own)) setOwn(all, k, v);
  properties.tags_all = all;
}

/** Resolves values of a Terraform JSON configuration. */
class ConfigResolver {
  readonly #locals = new Map<string, Value>();
  readonly #resolving = new Set<string>();

  constructor(
    private readonly file: string,
    private readonly prefix: string,
    private readonly declared: ReadonlySet<string>,
    private readonly variables: Record<string, unknown>,
    private readonly locals: Record<string, unknown>,
  ) {}

  /** Resolve a value; `where` names its declaration for errors. */
  resolve(v: unknown, where: string): Value {
    if (typeof v === 'string') return this.#string(v, where);
    if (Array.isArray(v)) return v.map((x) => this.resolve(x, where));
    if (isPlain(v)) {
      const out: ValueObject = {};
      for (const [k, x] of Object.entries(v)) setOwn(out, k, this.resolve(x, where));
      return out;
    }
    if (typeof v === 'number' || typeof v === 'boolean' || v === null) return v;
    return null;
  }

  #string(s: string, where: string): Value {
    if (!s.includes('{')) return s;
    let parts;
    try {
      parts = parseTemplate(s);
    } catch (e) {
      if (!(e instanceof TemplateSyntaxError)) throw e;
      const shown = s.length > 80 ? `${s.slice(0, 77)}...` : s;
      throw new InputError(
        'BULWARK_TEMPLATE_PARSE',
        this.file,
        `${where}: an interpolation cannot be parsed (${e.message} in ${JSON.stringify(shown)})`,
      );
    }
    if (parts.length === 1 && parts[0]!.kind === 'interpolation')
      return this.#expression(parts[0].expression);
    const values: Value[] = parts.map((p) =>
      p.kind === 'text'
        ? p.text
        : p.kind === 'interpolation'
          ? this.#expression(p.expression)
          : new Unknown(`template directive \`${p.source}\` is not evaluated`),
    );
    if (values.every((x) => typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean')) {
      return values.join('');
    }
    const refs: ResourceRef[] = [];
    let reason: string | undefined;
    for (const x of values) {
      if (x instanceof ResourceRef) {
        refs.push(x);
        reason ??= `refers to \`${x.toString()}\``;
      } else if (x instanceof Unknown) {
        refs.push(...x.refs);
        reason ??= x.reason;
      } else if (typeof x === 'object' && x !== null)
        reason ??= `interpolates a ${Array.isArray(x) ? 'list' : 'map'}`;
    }
    return new Unknown(reason ?? 'template not evaluated', refs, s);
  }

  #expression(expr: string): Value {
    const display = `\${${expr}}`;
    if (/^-?\d+(\.\d+)?$/.test(expr)) return Number(expr);
    if (expr === 'true' || expr === 'false') return expr === 'true';
    if (expr === 'null') return null;
    if (/^"(?:[^"\\$%]|\\.)*"$/.test(expr)) return JSON.parse(expr) as string;
    const t = parseTraversal(expr);
    if (t) return this.#traversal(t.root, t.steps, display);
    const refs: ResourceRef[] = [];
    for (const x of traversalsIn(expr)) {
      const p = parseTraversal(x);
      const r = p && this.#resourceRef(p.root, p.steps);
      if (r) refs.push(r);
    }
    const call = /^([A-Za-z_][\w:]*)\s*\(/.exec(expr);
    return new Unknown(
      call ? `function \`${call[1]}\` is not evaluated` : `expression \`${expr}\` is not evaluated`,
      refs,
      display,
    );
  }

  #traversal(root: string, steps: Step[], display: string): Value {
    const first = steps[0];
    const firstName = first && 'attr' in first ? first.attr : undefined;
    if (root === 'var' && firstName) {
      const decl = this.variables[firstName];
      if (decl === undefined) return new Unknown(`variable \`${firstName}\` is not declared`, [], display);
      if (!isPlain(decl) || decl.default === undefined)
        return new Unknown(`variable \`${firstName}\` has no default`, [], display);
      return this.#steps(this.resolve(decl.default, `variable \`${firstName}\``), steps.slice(1), display);
    }
    if (root === 'local' && firstName) {
      if (!(firstName in this.locals))
        return new Unknown(`local \`${firstName}\` is not declared`, [], display);
      let v = this.#locals.get(firstName);
      if (v === undefined) {
        if (this.#resolving.has(firstName))
          return new Unknown(`local \`${firstName}\` refers to itself`, [], display);
        this.#resolving.add(firstName);
        v = this.resolve(this.locals[firstName], `local \`${firstName}\``);
        this.#resolving.delete(firstName);
        this.#locals.set(firstName, v);
      }
      return this.#steps(v, steps.slice(1), display);
    }
    const ref = this.#resourceRef(root, steps);
    if (ref) return ref;
    const context = CONTEXT_ROOTS[root];
    if (context) return new Unknown(`\`${display.slice(2, -1)}\` ${context}`, [], display);
    return new Unknown(
      `\`${display.slice(2, -1)}\` names nothing declared in this configuration`,
      [],
      display,
    );
  }

  /** A reference to a declared resource or data source, the attribute path kept; undefined otherwise. */
  #resourceRef(root: string, steps: Step[]): ResourceRef | undefined {
    const names = steps.map((s) => ('attr' in s ? s.attr : undefined));
    const [address, rest] =
      root === 'data' && names[0] && names[1]
        ? [`data.${names[0]}.${names[1]}`, steps.slice(2)]
        : names[0]
          ? [`${root}.${names[0]}`, steps.slice(1)]
          : [undefined, []];
    if (!address || !this.declared.has(address)) return undefined;
    const attribute = rest
      .map((s, i) => ('attr' in s ? `${i === 0 ? '' : '.'}${s.attr}` : `[${JSON.stringify(s.index)}]`))
      .join('');
    return new ResourceRef(`${this.prefix}${address}`, attribute || undefined);
  }

  #steps(v: Value, steps: Step[], display: string): Value {
    let cur = v;
    for (const s of steps) {
      if (cur instanceof Unknown) return cur;
      if (cur instanceof ResourceRef) {
        const more = 'attr' in s ? s.attr : `[${JSON.stringify(s.index)}]`;
        cur = new ResourceRef(cur.address, cur.attribute ? `${cur.attribute}.${more}` : more);
        continue;
      }
      const key = 'attr' in s ? s.attr : s.index;
      const next =
        Array.isArray(cur) && typeof key === 'number'
          ? cur[key]
          : isObject(cur) && typeof key === 'string'
            ? cur[key]
            : undefined;
      if (next === undefined)
        return new Unknown(`\`${display.slice(2, -1)}\` has no value at \`${String(key)}\``, [], display);
      cur = next;
    }
    return cur;
  }
}

/** A Bulwark rule id, or `RULE[finding]`. */
const RULE_ID = /^BW-[A-Z]{2,3}-\d{3}(?:\[[^\]]+\])?$/;

/**
 * Opt-outs the CDKTF baseline records in a resource's `//` block, `"bulwark:opt-out": [{rule, prop,
 * reason}]`, as acknowledgements of kind `opt-out`. Entries without a rule id or a reason are not
 * acknowledgements (their findings stay).
 */
function optOutsOf(meta: unknown): InlineAcknowledgement[] | undefined {
  if (!isPlain(meta)) return undefined;
  const list = meta[OPT_OUT_KEY];
  if (!Array.isArray(list)) return undefined;
  const out: InlineAcknowledgement[] = [];
  for (const e of list) {
    if (!isPlain(e) || typeof e.rule !== 'string' || !RULE_ID.test(e.rule)) continue;
    if (typeof e.reason !== 'string' || e.reason.trim() === '') continue;
    out.push({
      rule: e.rule,
      reason: e.reason,
      kind: 'opt-out',
      ...(typeof e.prop === 'string' ? { prop: e.prop } : {}),
    });
  }
  return out.length > 0 ? out : undefined;
}

function isPlain(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function objectOr(v: unknown): Record<string, unknown> {
  return isPlain(v) ? v : {};
}
