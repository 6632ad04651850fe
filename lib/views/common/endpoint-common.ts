import type { ResourceGraph } from '../../graph/graph';
import type { Resource } from '../../graph/resource';
import { Unknown } from '../../graph/values';
import type { ClassificationFact, EndpointView, Fact } from '../kinds';
import { classificationOf } from './classification';
import { displayName } from './naming';
import { APIGATEWAY_V2_POLICY, tlsFacts, type TlsFacts } from './tls';

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

/**
 * An HTTP or WebSocket API stage (API Gateway v2) as an endpoint, whichever source declares it, with its access
 * logging as that source reads it. These APIs only offer `TLS_1_2`, and AWS WAF cannot be associated with them (it
 * protects REST APIs), so `waf` stays undefined.
 */
export function httpApiStage(r: Resource, accessLogging: Fact<boolean>): EndpointView {
  return {
    kind: 'endpoint',
    endpointType: 'api-stage',
    resource: r,
    name: displayName(r),
    protocol: 'HTTPS',
    ...tlsFacts('apigateway', APIGATEWAY_V2_POLICY),
    accessLogging,
    classification: classificationOf(r),
    internetFacing: true,
    tlsOffered: { tls13Only: false, postQuantumTls13Only: false },
  };
}
