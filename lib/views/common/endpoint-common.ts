import type { ResourceGraph } from '../../graph/graph';
import type { Resource } from '../../graph/resource';
import { Unknown } from '../../graph/values';
import type { ClassificationFact } from '../kinds';
import { classificationOf } from './classification';
import type { TlsFacts } from './tls';

/* Facts shared by the endpoint families: protection by Shield and WAF, classification, unknown TLS. */

/** Resources of `type` whose `property` names `address`: by reference, inside an expression, or by value. */
export function pointingAt(
  graph: ResourceGraph,
  address: string,
  type: string,
  property: string,
): readonly Resource[] {
  return graph.attachedBy(address, type, (r) => r.properties[property]).attached;
}

/** Shield Advanced protects the resource at `address` (`AWS::Shield::Protection`). */
export function shieldProtected(graph: ResourceGraph, address: string): boolean {
  return pointingAt(graph, address, 'AWS::Shield::Protection', 'ResourceArn').length > 0;
}

/** A WAF web ACL is associated with the resource at `address` (`AWS::WAFv2::WebACLAssociation`). */
export function wafAssociated(graph: ResourceGraph, address: string): boolean {
  return pointingAt(graph, address, 'AWS::WAFv2::WebACLAssociation', 'ResourceArn').length > 0;
}
/** A resource's own classification; when it has no tag, the classification of `fallback` (if any). */
export function classificationWithFallback(r: Resource, fallback?: Resource): ClassificationFact {
  const own = classificationOf(r);
  return own.state === 'untagged' && fallback ? classificationOf(fallback) : own;
}
/** The same Unknown for every TLS fact: the policy cannot be known. */
export function unknownTls(u: Unknown): TlsFacts {
  return { policyName: u, minTls: u, postQuantum: u };
}
