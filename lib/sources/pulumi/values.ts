/**
 * Pulumi property values, as the engine serializes them (program registrations, `pulumi stack
 * export`, `pulumi preview --json`), read into graph values.
 */
import { ResourceRef, setOwn, Unknown, type Value, type ValueObject } from '../../graph/values';

/** The string Pulumi writes for a value not known before deployment. */
export const UNKNOWN_SENTINEL = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';
/** The key that marks a special value, and its values by kind. */
export const SIG_KEY = '4dabf18193072939515e22adb298388d';
export const SIG = {
  secret: '1b47061264138c4ac30d75fd1eb44270',
  resourceReference: '5cf8f73096256a8f31e491e813e4eb8e',
  asset: 'c44067f5952c0a294b673a41bacd8c17',
  archive: '0def7320c3a5731c473e5ecbe6d01bc7',
  outputValue: 'd0e6a833031e9bbcd3f4e8bde6ca49a4',
} as const;

/** The reason of a value Pulumi knows only after deployment. */
export const AFTER_DEPLOYMENT = 'known only after deployment';
/** The reason of a secret: its value is never copied into the graph. */
export const REDACTED = 'secret value (redacted)';

/** What the values of one resource may link to. */
export interface LinkContext {
  /** Input property -> URNs of the resources its value comes from. */
  readonly propertyDependencies: Readonly<Record<string, readonly string[]>>;
  /**
   * Values other resources are known by (their `id` and `name` outputs, where known): a string input
   * equal to one of a dependency's becomes a reference to it.
   */
  readonly identities: (urn: string) => readonly { attribute: string; value: string }[];
  /** A string that stands for a secret and is never shown (a `secure:` configuration value, `[secret]`). */
  readonly isRedacted: (s: string) => boolean;
  /**
   * What a string holding placeholders of computed outputs (a program's run under the mocks) reads as:
   * undefined when it holds none.
   */
  readonly placeholders?: (s: string) => Value | undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * An unknown value of an input whose value comes from the resources `deps`: one resource gives a
 * reference to it (the value is that resource's output); several give an unknown keeping each.
 */
export function unknownFrom(deps: readonly string[]): Value {
  if (deps.length === 1) return new ResourceRef(deps[0]!);
  return new Unknown(
    AFTER_DEPLOYMENT,
    deps.map((d) => new ResourceRef(d)),
  );
}

/** Read a resource's inputs: unknowns, secrets and references become explicit values. */
export function readInputs(inputs: Readonly<Record<string, unknown>>, ctx: LinkContext): ValueObject {
  const out: ValueObject = {};
  for (const [key, v] of Object.entries(inputs)) {
    const deps = ctx.propertyDependencies[key] ?? [];
    const value = readValue(v, deps, ctx);
    if (value !== undefined) setOwn(out, key, value);
  }
  return out;
}

function readValue(v: unknown, deps: readonly string[], ctx: LinkContext): Value | undefined {
  if (v === undefined) return undefined;
  if (v === null || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'string') {
    if (v === UNKNOWN_SENTINEL) return unknownFrom(deps);
    if (ctx.isRedacted(v)) return new Unknown(REDACTED);
    const placed = ctx.placeholders?.(v);
    if (placed !== undefined) return placed;
    for (const dep of deps)
      for (const id of ctx.identities(dep)) if (id.value === v) return new ResourceRef(dep, id.attribute);
    return v;
  }
  if (Array.isArray(v)) {
    const out: Value[] = [];
    for (const x of v) {
      const r = readValue(x, deps, ctx);
      out.push(r === undefined ? null : r);
    }
    return out;
  }
  if (!isRecord(v)) return new Unknown(`unreadable value (${typeof v})`);
  const sig = v[SIG_KEY];
  if (sig !== undefined) {
    switch (sig) {
      case SIG.secret:
        return new Unknown(REDACTED);
      case SIG.resourceReference:
        return typeof v.urn === 'string'
          ? new ResourceRef(v.urn)
          : new Unknown('a resource reference without a URN');
      case SIG.asset:
      case SIG.archive:
        return new Unknown(`an ${sig === SIG.asset ? 'asset' : 'archive'} is not read`);
      case SIG.outputValue: {
        if (v.secret === true) return new Unknown(REDACTED);
        const outputDeps = Array.isArray(v.dependencies)
          ? v.dependencies.filter((d): d is string => typeof d === 'string')
          : [];
        if (!('value' in v)) return unknownFrom(outputDeps.length ? outputDeps : deps);
        return readValue(v.value, outputDeps.length ? outputDeps : deps, ctx);
      }
      default:
        return new Unknown(`a Pulumi value of an unknown kind (${String(sig)})`);
    }
  }
  const out: ValueObject = {};
  for (const [k, x] of Object.entries(v)) {
    const r = readValue(x, deps, ctx);
    if (r !== undefined) setOwn(out, k, r);
  }
  return out;
}
