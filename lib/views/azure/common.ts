import type { ResourceGraph } from '../../graph/graph';
import type { Resource } from '../../graph/resource';
import { ResourceRef, Unknown, asString, get, isObject, show, type Value } from '../../graph/values';
import type { Fact, KeyReference } from '../kinds';
import type { ViewAdapter } from '../registry';

/* Readings shared by the azure-native adapters: switches written `Enabled` / `Disabled`, child resources that
   name their parent, key references. */

/**
 * A switch written as a string (`Enabled` / `Disabled`, case-insensitive, as azure-native's enums take it):
 * true, false, undefined when unset, or an Unknown for anything else.
 */
export function enabled(v: Value | undefined, what: string): Fact<boolean> | undefined {
  const s = asString(v);
  if (s === undefined || s instanceof Unknown) return s;
  const lower = s.toLowerCase();
  if (lower === 'enabled') return true;
  if (lower === 'disabled') return false;
  return new Unknown(`${what} is ${show(v)}`);
}

/** A string compared case-insensitively, or the Unknown it is. */
export function lower(v: Value | undefined): string | Unknown | undefined {
  const s = asString(v);
  return typeof s === 'string' ? s.toLowerCase() : s;
}

/**
 * Resources of `type` that name `parent` through `property` (`accountName`, `serverName`, `vaultName`):
 * by reference or by the name only the parent declares. A child that may name it (another resource claims
 * the same name) makes the answer Unknown.
 */
export function children(
  parent: Resource,
  graph: ResourceGraph,
  types: string | readonly string[],
  property: string,
): readonly Resource[] | Unknown {
  const out: Resource[] = [];
  for (const type of typeof types === 'string' ? [types] : types) {
    const found = graph.attachedBy(parent.address, type, (r) => r.properties[property]);
    const u = found.uncertain[0];
    if (u)
      return new Unknown(
        `\`${u.resource.logicalId ?? u.resource.address}\` may belong to it (${u.reason.reason})`,
      );
    out.push(...found.attached);
  }
  return out;
}

/**
 * A Key Vault key named by a URI, a key id, or the key's name and vault: the key resource of the graph when
 * a reference points to one, else the value as written.
 */
export function keyVaultKey(graph: ResourceGraph, ...parts: (Value | undefined)[]): KeyReference | undefined {
  for (const p of parts) {
    const ref = p instanceof ResourceRef ? p : p instanceof Unknown ? p.refs[0] : undefined;
    if (ref && graph.get(ref.address)?.type === 'azure-native:keyvault:Key') return { address: ref.address };
  }
  const written = parts.filter((p) => p !== undefined && p !== null && p !== '');
  if (written.length === 0) return undefined;
  return { external: written.map((p) => (typeof p === 'string' ? p : show(p))).join('/') };
}

/**
 * An object property, or undefined when it is not one. An Unknown is returned as is, and so is a reference
 * (an object another resource's output decides, unknown before deployment): as an Unknown keeping it.
 */
export function object(v: Value | undefined): { readonly [k: string]: Value } | Unknown | undefined {
  if (v instanceof Unknown) return v;
  if (v instanceof ResourceRef) return new Unknown('known only after deployment', [v]);
  return isObject(v) ? v : undefined;
}

/**
 * The adapter of a type whose settings belong to another resource's view (a container to its storage account, a
 * firewall rule to its server): it yields no view of its own when `property` names a resource of `parentTypes` in
 * the graph, which reads it; otherwise its settings would be judged by no one, and it is reported as an error.
 */
export function readThrough(parentTypes: readonly string[], property: string): ViewAdapter {
  return (r, ctx) => {
    const parent = ctx.graph.target(r.properties[property], r, parentTypes);
    if (parent instanceof Unknown)
      throw new Error(`\`${property}\` may name several resources: ${parent.reason}`);
    if (parent === undefined)
      throw new Error(
        `\`${property}\` names no ${parentTypes.map((t) => `\`${t}\``).join(' or ')} of the program, whose view would read it`,
      );
    return undefined;
  };
}

export { get };
