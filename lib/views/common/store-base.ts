import type { ResourceGraph } from '../../graph/graph';
import type { Resource } from '../../graph/resource';
import { Unknown, asBool, asList, isObject, type Value } from '../../graph/values';
import type {
  AtRestEncryption,
  ClassificationFact,
  DataStoreType,
  DataStoreView,
  Fact,
  PolicyDocument,
} from '../kinds';
import { classificationOf } from './classification';
import { displayName } from './naming';
import {
  documentAllowsPublic,
  deniesInsecureTransport,
  parsePolicyDocument,
  type TlsDenyScope,
} from './policy';

/* The base of data-store views, shared by the store families: encryption strength, tags, resource policies. */

export type Encryption = DataStoreView['encryption'];

const STRENGTH: readonly AtRestEncryption[] = [
  'none',
  'provider',
  'kms-provider-key',
  'customer-key',
  'double',
];

/** The weaker of two encryption facts; an Unknown wins over any known value. */
export function weaker(a: Encryption, b: Encryption): Encryption {
  if (a.atRest instanceof Unknown) return a;
  if (b.atRest instanceof Unknown) return b;
  return STRENGTH.indexOf(b.atRest) < STRENGTH.indexOf(a.atRest) ? b : a;
}

/** True only when every fact is true: a false decides, else an Unknown, else true. */
export function allTrue(facts: readonly Fact<boolean>[]): Fact<boolean> {
  if (facts.some((f) => f === false)) return false;
  return facts.find((f): f is Unknown => f instanceof Unknown) ?? true;
}

/** A boolean property with its service default. */
export function bool(v: Value | undefined, dflt: boolean): Fact<boolean> {
  return asBool(v) ?? dflt;
}

export function base(
  r: Resource,
  storeType: DataStoreType,
  encryption: Encryption,
  classification: ClassificationFact = classificationOf(r),
): Pick<
  DataStoreView,
  'kind' | 'storeType' | 'resource' | 'name' | 'classification' | 'encryption' | 'retainedOnDelete'
> {
  return {
    kind: 'data-store',
    storeType,
    resource: r,
    name: displayName(r),
    classification,
    encryption:
      encryption.atRest === 'customer-key' || encryption.atRest === 'double'
        ? encryption
        : { atRest: encryption.atRest, ...(encryption.alwaysOn ? { alwaysOn: true } : {}) },
    retainedOnDelete: r.retainOnDelete ?? false,
  };
}

/** A copy of a resource with other tags, for services that keep tags outside `Tags`. */
export function withTags(r: Resource, tags: Value | undefined): Resource {
  const out: Record<string, Value> = {};
  for (const t of asList(tags)) {
    if (isObject(t) && typeof t.Key === 'string' && t.Value !== undefined) out[t.Key] = t.Value;
  }
  return { ...r, tags: out };
}

/** A resource policy attachment: resources of `type` whose `targets` property names the store. */
interface PolicyAttachment {
  readonly type: string;
  readonly targets: string;
  /** Property holding the document. @default 'PolicyDocument' */
  readonly document?: string;
}

/**
 * The statements of every resource policy that attaches to a store (its `targets` property names the
 * store by reference or by value), as one document. A policy that may attach (it names the store by
 * a value another store claims too) makes the document unresolved.
 */
export function attachedPolicy(
  r: Resource,
  graph: ResourceGraph,
  attachments: readonly PolicyAttachment[],
): PolicyDocument {
  const docs: PolicyDocument[] = [];
  let uncertain: Unknown | undefined;
  for (const { type, targets, document } of attachments) {
    const found = graph.attachedBy(r.address, type, (p) => p.properties[targets]);
    for (const p of found.attached)
      docs.push(parsePolicyDocument(p.properties[document ?? 'PolicyDocument']));
    const u = found.uncertain[0];
    if (u)
      uncertain ??= new Unknown(
        `policy \`${displayName(u.resource)}\` may attach to the resource (${u.reason.reason})`,
      );
  }
  // One policy, the usual case, is the document as it is.
  if (docs.length === 1 && !uncertain) return docs[0]!;
  const unresolved = docs.find((d) => d.unresolved)?.unresolved ?? uncertain;
  const statements = docs.flatMap((d) => d.statements);
  return unresolved ? { statements, unresolved } : { statements };
}

/** TLS-only and public-grant facts, with the document, from the resource policies that attach to a store. */
export function resourcePolicyFacts(
  r: Resource,
  graph: ResourceGraph,
  attachments: readonly PolicyAttachment[],
  tls: TlsDenyScope,
): { tlsOnly: Fact<boolean>; policyAllowsPublic: Fact<boolean>; resourcePolicy: PolicyDocument } {
  const resourcePolicy = attachedPolicy(r, graph, attachments);
  const { statements, unresolved } = resourcePolicy;
  return {
    tlsOnly: statements.some((s) => deniesInsecureTransport(s, tls)) ? true : (unresolved ?? false),
    policyAllowsPublic: documentAllowsPublic(resourcePolicy),
    resourcePolicy,
  };
}
