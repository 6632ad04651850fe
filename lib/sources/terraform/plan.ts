import { InputError } from '../../errors';
import type { Resource } from '../../graph/resource';
import { AFTER_APPLY, ResourceRef, setOwn, Unknown, type Value, type ValueObject } from '../../graph/values';
export { AFTER_APPLY };
import { configAddress, instanceKey, parseAddress } from './address';
import { Locator, TerraformResource, type TerraformFile } from './file';
import { identitiesOf } from './identities';

/** Plan format majors read: 0 (from 0.1, Terraform 0.12 to 1.0) and 1 (Terraform 1.1 and later). */
const SUPPORTED_MAJORS = new Set([0, 1]);

export interface PlanReadOptions {
  readonly stack: string;
  /** Prepended to every Terraform address to make the graph address, or ''. */
  readonly prefix: string;
}

export interface PlanRead {
  readonly resources: Resource[];
  readonly incomplete: string[];
}

/** The reason that replaces a sensitive value: its text never reaches the graph or a report. */
export const REDACTED = 'sensitive value (redacted)';

/** Check a plan's `format_version`: 0.1 to any 1.x; another major is an input error. */
export function checkFormatVersion(file: string, body: Record<string, unknown>): void {
  const v = body.format_version;
  const m = typeof v === 'string' ? /^(\d+)\.(\d+)(?:\.\d+)?$/.exec(v) : null;
  if (!m) {
    throw new InputError(
      'BULWARK_TEMPLATE_INVALID',
      file,
      `plan \`format_version\` ${JSON.stringify(v) ?? 'is missing'} is not a version (expected "0.1" to "1.x")`,
    );
  }
  const major = Number(m[1]);
  if (!SUPPORTED_MAJORS.has(major) || (major === 0 && Number(m[2]) < 1)) {
    throw new InputError(
      'BULWARK_TEMPLATE_INVALID',
      file,
      `unsupported plan format_version ${v} (Bulwark reads 0.1 to 1.x); write the plan with a Terraform version that emits format 1.x`,
    );
  }
}

interface PlannedResource {
  address: string;
  mode: 'data' | 'managed';
  type: string;
  name: string;
  values: Value;
  /** Where the resource's object is in the file (`resource_changes/3`), for its line. */
  jsonPath: string;
}

interface ConfigResource {
  readonly expressions: Record<string, unknown>;
  readonly multiplicity?: 'count' | 'for_each';
  /** A literal `count = 0` or empty `for_each`: no instances, by the configuration. */
  readonly none: boolean;
}

/**
 * Read a `terraform show -json` plan (or state). Values come from `resource_changes[].change.after`
 * where a change is recorded: `after_unknown` parts become {@link Unknown} (known only after apply),
 * `after_sensitive` parts become a redacted {@link Unknown}; resources only being deleted are not
 * read. Resources without a change come from `planned_values`, data sources without one from
 * `prior_state`. Where a value is unknown, the `configuration` expression's references make it a
 * {@link ResourceRef} to the one resource it names (attribute kept), or an Unknown keeping refs to
 * all. In a plan that says it is not complete, a configuration resource with `count`/`for_each`
 * whose instances the plan does not hold is an `incomplete` line (unknown multiplicity).
 */
export function readTerraformPlan(tf: TerraformFile, o: PlanReadOptions): PlanRead {
  const { file, body } = tf;
  checkFormatVersion(file, body);
  const planned = new Map<string, PlannedResource>();
  const changed = new Set<string>();
  // resource_changes: the values the plan will write.
  list(body.resource_changes).forEach((rc, i) => {
    if (!isPlain(rc) || typeof rc.address !== 'string') return;
    const address = fullAddress(
      rc.address,
      typeof rc.module_address === 'string' ? rc.module_address : '',
      rc.index,
    );
    const change = isPlain(rc.change) ? rc.change : {};
    const actions = Array.isArray(change.actions) ? change.actions : [];
    changed.add(address);
    if (actions.length === 1 && actions[0] === 'delete') return; // not judged: it is going away
    const r = plannedOf(rc, address, `resource_changes/${i}`);
    if (!r) return;
    r.values = merge(change.after, change.after_unknown, change.after_sensitive);
    planned.set(address, r);
  });
  const add = (res: Record<string, unknown>, address: string, jsonPath: string) => {
    if (changed.has(address) || planned.has(address)) return;
    const r = plannedOf(res, address, jsonPath);
    if (!r) return;
    r.values = merge(res.values, undefined, res.sensitive_values);
    planned.set(address, r);
  };
  // planned_values: resources the plan records without a change (older plans, no-op reads).
  const pv = isPlain(body.planned_values) ? body.planned_values : undefined;
  walkModule(pv?.root_module, 'planned_values/root_module', add);
  // prior_state: data sources Terraform read while planning.
  const prior =
    isPlain(body.prior_state) && isPlain(body.prior_state.values) ? body.prior_state.values : undefined;
  walkModule(prior?.root_module, 'prior_state/values/root_module', (res, address, jsonPath) => {
    if (res.mode === 'data') add(res, address, jsonPath);
  });
  // A state (`terraform show -json` of a state): every resource in `values`.
  if (pv === undefined && body.resource_changes === undefined && isPlain(body.values)) {
    walkModule(body.values.root_module, 'values/root_module', add);
  }

  const config = new Map<string, ConfigResource>();
  const configuration = isPlain(body.configuration) ? body.configuration : {};
  readConfigModule(configuration.root_module, '', config);

  // Terraform evaluates `count` and `for_each` before it writes a plan: in a complete plan a
  // declaration without instances has none. A plan that says it is not complete (`complete: false`,
  // `errored`, deferred changes) may have left instances out: those declarations are reported.
  const partial =
    body.complete === false
      ? 'the plan is not complete'
      : body.errored === true
        ? 'planning errored'
        : Array.isArray(body.deferred_changes) && body.deferred_changes.length > 0
          ? 'the plan defers changes'
          : undefined;
  const incomplete: string[] = [];
  if (partial) {
    const expanded = new Set<string>([...planned.keys(), ...changed].map(configAddress));
    for (const [address, c] of config) {
      if (c.multiplicity && !c.none && !expanded.has(address)) {
        incomplete.push(
          `${o.stack}: \`${address}\` has \`${c.multiplicity}\` and ${partial}, so how many instances it has is unknown (none were read)`,
        );
      }
    }
  }

  const locator = new Locator(
    file,
    tf.text,
    (p) => {
      const n = p.length;
      return (n === 2 && p[0] === 'resource_changes') || (n > 2 && p[n - 2] === 'resources')
        ? p.join('/')
        : undefined;
    },
    true,
  );
  const addresses = new Set(planned.keys());
  const resources: Resource[] = [];
  for (const r of planned.values()) {
    const parts = parseAddress(r.address);
    const c = config.get(configAddress(r.address));
    let properties = isPlain(r.values) ? (r.values as ValueObject) : {};
    if (c && parts) {
      properties = linkReferences(properties, c.expressions, (ref) =>
        resolveRef(ref, parts.module, addresses, config, o.prefix),
      ) as ValueObject;
    }
    resources.push(
      new TerraformResource({
        address: `${o.prefix}${r.address}`,
        type: r.type,
        mode: r.mode,
        properties,
        terraformAddress: r.address,
        stack: o.stack,
        // A plan's configuration does not carry `lifecycle` blocks: whether the resource is kept is not known.
        retainOnDelete: undefined,
        identities: identitiesOf(r.type, r.mode, properties),
        expressionScope: `${o.prefix}${file}`,
        locator,
        locateAs: r.jsonPath,
      }),
    );
  }
  return { resources, incomplete };
}

function plannedOf(
  res: Record<string, unknown>,
  address: string,
  jsonPath: string,
): PlannedResource | undefined {
  if (typeof res.type !== 'string') return undefined;
  return {
    address,
    mode: res.mode === 'data' ? 'data' : 'managed',
    type: res.type,
    name: typeof res.name === 'string' ? res.name : '',
    values: null,
    jsonPath,
  };
}

/**
 * Visit the resources of a module and its child modules, depth first, with each resource's full
 * address (older plans write child module resources' addresses relative to the module, and the
 * instance key only in `index`) and its JSON path.
 */
function walkModule(
  module: unknown,
  where: string,
  visit: (r: Record<string, unknown>, address: string, jsonPath: string) => void,
  depth = 0,
): void {
  if (!isPlain(module) || depth > 64) return;
  const moduleAddress = typeof module.address === 'string' ? module.address : '';
  list(module.resources).forEach((r, i) => {
    if (isPlain(r) && typeof r.address === 'string')
      visit(r, fullAddress(r.address, moduleAddress, r.index), `${where}/resources/${i}`);
  });
  list(module.child_modules).forEach((c, i) =>
    walkModule(c, `${where}/child_modules/${i}`, visit, depth + 1),
  );
}

/** A resource's full address from its (possibly module-relative) address, module address and index. */
function fullAddress(address: string, moduleAddress: string, index: unknown): string {
  let a = moduleAddress && !address.startsWith(`${moduleAddress}.`) ? `${moduleAddress}.${address}` : address;
  if (index !== undefined && index !== null && !a.endsWith(']')) a += instanceKey(index);
  return a;
}

/** Index the configuration's resources by address (module calls included, without instance keys). */
function readConfigModule(
  module: unknown,
  prefix: string,
  out: Map<string, ConfigResource>,
  depth = 0,
): void {
  if (!isPlain(module) || depth > 64) return;
  for (const r of list(module.resources)) {
    if (!isPlain(r) || typeof r.address !== 'string') continue;
    const count = isPlain(r.count_expression) ? r.count_expression : undefined;
    const forEach = isPlain(r.for_each_expression) ? r.for_each_expression : undefined;
    const none =
      (count !== undefined && count.constant_value === 0) ||
      (forEach !== undefined &&
        (Array.isArray(forEach.constant_value)
          ? forEach.constant_value.length === 0
          : isPlain(forEach.constant_value) && Object.keys(forEach.constant_value).length === 0));
    out.set(`${prefix}${r.address}`, {
      expressions: isPlain(r.expressions) ? r.expressions : {},
      multiplicity: count ? 'count' : forEach ? 'for_each' : undefined,
      none,
    });
  }
  if (isPlain(module.module_calls)) {
    for (const [name, call] of Object.entries(module.module_calls)) {
      if (isPlain(call)) readConfigModule(call.module, `${prefix}module.${name}.`, out, depth + 1);
    }
  }
}

/**
 * The planned value with unknown and sensitive parts marked: `unknown`/`sensitive` mirror the
 * value's shape (`true` for a whole part). Attributes only `unknown` names are added as unknown. A
 * sensitive part whose planned value is null stays null: the argument is not set.
 */
export function merge(after: unknown, unknown: unknown, sensitive: unknown): Value {
  // A sensitive argument left unset (`auth_token`, `master_password`) is null: that tells nothing secret.
  if (sensitive === true) return after === null && unknown !== true ? null : new Unknown(REDACTED);
  if (unknown === true) return new Unknown(AFTER_APPLY);
  if (Array.isArray(after)) {
    const u = Array.isArray(unknown) ? unknown : [];
    const s = Array.isArray(sensitive) ? sensitive : [];
    const out = after.map((x, i) => merge(x, u[i], s[i]));
    for (let i = after.length; i < u.length; i++) out.push(merge(undefined, u[i], s[i]));
    return out;
  }
  if (isPlain(after)) {
    const u = isPlain(unknown) ? unknown : {};
    const s = isPlain(sensitive) ? sensitive : {};
    const out: ValueObject = {};
    for (const [k, x] of Object.entries(after)) setOwn(out, k, merge(x, u[k], s[k]));
    for (const [k, x] of Object.entries(u)) if (!(k in after)) setOwn(out, k, merge(undefined, x, s[k]));
    return out;
  }
  if (after === undefined) {
    if (Array.isArray(unknown) || isPlain(unknown))
      return merge(Array.isArray(unknown) ? [] : {}, unknown, sensitive);
    return null;
  }
  if (
    typeof after === 'string' ||
    typeof after === 'number' ||
    typeof after === 'boolean' ||
    after === null
  ) {
    return after;
  }
  return null;
}

/** Whether a configuration node is an expression (`constant_value`, `references`), not a block. */
function isExpression(node: Record<string, unknown>): boolean {
  if ('constant_value' in node) return true;
  const refs = node.references;
  if (Array.isArray(refs) && refs.every((r) => typeof r === 'string')) return true;
  return Object.keys(node).length === 0;
}

/** Every reference string in an expression or block. */
function referencesIn(node: unknown, out: string[] = [], depth = 0): string[] {
  if (depth > 64) return out;
  if (Array.isArray(node)) for (const x of node) referencesIn(x, out, depth + 1);
  else if (isPlain(node)) {
    if (isExpression(node)) {
      for (const r of list(node.references)) if (typeof r === 'string' && !out.includes(r)) out.push(r);
    } else for (const x of Object.values(node)) referencesIn(x, out, depth + 1);
  }
  return out;
}

type RefResolution = ResourceRef | ResourceRef[] | string | undefined;

/**
 * Unknown parts of a value, with the references of the configuration expression at the same place:
 * one resource named -> a {@link ResourceRef} (attribute kept); several, or resources mixed with
 * module outputs -> the Unknown keeps refs to them all. Known parts are kept as they are.
 */
function linkReferences(
  value: Value,
  expr: unknown,
  resolve: (ref: string) => RefResolution,
  depth = 0,
): Value {
  if (depth > 64 || expr === undefined) return value;
  if (value instanceof Unknown) {
    if (value.reason === REDACTED) return value;
    const refs: ResourceRef[] = [];
    const bases = new Set<string>();
    const reasons: string[] = [];
    let other = false;
    for (const r of referencesIn(expr)) {
      const got = resolve(r);
      if (got === undefined) {
        other ||= r.startsWith('module.');
        continue;
      }
      if (typeof got === 'string') {
        if (!reasons.includes(got)) reasons.push(got);
        other = true;
        continue;
      }
      for (const g of Array.isArray(got) ? got : [got]) {
        if (bases.has(g.address)) continue; // Terraform lists the most specific reference first
        bases.add(g.address);
        refs.push(g);
      }
      if (Array.isArray(got)) other = true;
    }
    if (refs.length === 1 && !other && isPlain(expr) && isExpression(expr)) return refs[0]!;
    if (refs.length === 0 && reasons.length === 0) return value;
    return new Unknown(
      reasons.length ? `${value.reason}; ${reasons.join('; ')}` : value.reason,
      [...value.refs, ...refs],
      value.display,
    );
  }
  if (
    !(value instanceof ResourceRef) &&
    isPlain(expr) &&
    isExpression(expr) &&
    (Array.isArray(value) || isPlainValue(value))
  ) {
    return withExpressionRefs(value, referencesIn(expr).map(resolve), depth);
  }
  if (Array.isArray(value) && Array.isArray(expr)) {
    return value.map((v, i) => linkReferences(v, blockExpression(v, expr, i), resolve, depth + 1));
  }
  if (Array.isArray(value) && isPlain(expr) && !isExpression(expr) && value.length === 1) {
    return [linkReferences(value[0]!, expr, resolve, depth + 1)];
  }
  if (isPlainValue(value) && isPlain(expr) && !isExpression(expr)) {
    const out: ValueObject = {};
    for (const [k, v] of Object.entries(value))
      setOwn(out, k, linkReferences(v, expr[k], resolve, depth + 1));
    return out;
  }
  return value;
}

/**
 * A list or object one expression gives whole (`route = [{ gateway_id = aws_internet_gateway.gw.id }]`,
 * an attribute written as blocks): each value inside it known only after apply carries the resources
 * the expression references, as an unresolved value (which of them it came from is not known).
 */
function withExpressionRefs(value: Value, resolved: readonly RefResolution[], depth: number): Value {
  const refs: ResourceRef[] = [];
  for (const got of resolved) {
    if (got === undefined || typeof got === 'string') continue;
    for (const g of Array.isArray(got) ? got : [got])
      if (!refs.some((r) => r.address === g.address)) refs.push(g);
  }
  if (refs.length === 0) return value;
  const walk = (v: Value, d: number): Value => {
    if (d > 64) return v;
    if (v instanceof Unknown)
      return v.reason === REDACTED ? v : new Unknown(v.reason, [...v.refs, ...refs], v.display);
    if (Array.isArray(v)) return v.map((x) => walk(x, d + 1));
    if (isPlainValue(v)) {
      const out: ValueObject = {};
      for (const [k, x] of Object.entries(v)) setOwn(out, k, walk(x, d + 1));
      return out;
    }
    return v;
  };
  return walk(value, depth);
}

/**
 * The configuration block behind the `i`th block of a plan value. Blocks of a set type (CloudFront
 * `origin`, `ordered_cache_behavior`...) are listed in the plan in another order than in the
 * configuration, so a block is paired with the configuration block whose constant arguments it
 * carries: the one at the same index when it fits, else the only one that fits. None fits, or several
 * do: no expression (its unknowns keep no reference).
 */
function blockExpression(v: Value, exprs: readonly unknown[], i: number): unknown {
  const fits = (e: unknown): boolean => {
    if (!isPlainValue(v) || !isPlain(e) || isExpression(e)) return true;
    for (const [k, x] of Object.entries(e)) {
      if (!isPlain(x) || !('constant_value' in x)) continue;
      const got = v[k];
      if (got === undefined || got instanceof Unknown || got instanceof ResourceRef) continue;
      if (JSON.stringify(got) !== JSON.stringify(x.constant_value)) return false;
    }
    return true;
  };
  if (fits(exprs[i])) return exprs[i];
  const found = exprs.filter(fits);
  return found.length === 1 ? found[0] : undefined;
}

/**
 * The resource a reference names, seen from a module instance (`module.a["x"].`): the instance it
 * names, the one instance of the declaration, or all of its instances. Variables and locals give
 * undefined (their values are known in a plan); a resource not in the plan gives a reason.
 */
function resolveRef(
  ref: string,
  module: string,
  addresses: ReadonlySet<string>,
  declared: ReadonlyMap<string, unknown>,
  prefix: string,
): RefResolution {
  const m =
    /^(data\.)?([A-Za-z_][\w-]*)\.([A-Za-z_][\w-]*)((?:\[(?:\d+|"(?:[^"\\]|\\.)*")\])?)(?:\.(.+))?$/.exec(
      ref,
    );
  if (
    !m ||
    (['var', 'local', 'module', 'each', 'count', 'self', 'path', 'terraform'].includes(m[2]!) && !m[1])
  )
    return undefined;
  const base = `${module}${m[1] ?? ''}${m[2]}.${m[3]}`;
  const attribute = m[5];
  const exact = `${base}${m[4] ?? ''}`;
  if (addresses.has(exact)) return new ResourceRef(`${prefix}${exact}`, attribute);
  const instances = [...addresses].filter(
    (a) => a.startsWith(`${base}[`) && configAddress(a) === configAddress(base),
  );
  if (instances.length === 1) return new ResourceRef(`${prefix}${instances[0]}`, attribute);
  if (instances.length > 1) return instances.map((a) => new ResourceRef(`${prefix}${a}`, attribute));
  // A declaration of the configuration without instances in a complete plan has none (`count = 0`).
  if (declared.has(configAddress(base))) return undefined;
  return `refers to \`${exact}\`, which the plan does not hold`;
}

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function isPlain(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isPlainValue(v: Value): v is ValueObject {
  return isPlain(v) && !(v instanceof ResourceRef) && !(v instanceof Unknown);
}
