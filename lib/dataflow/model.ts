/**
 * The estate's data flows as a graph: the starting point of a threat model. Built from views only
 * (see `build.ts`), so it serves every source Bulwark reads; rendered as Mermaid or DOT.
 */

/** What a node stands for. */
export type FlowNodeKind =
  | 'internet'
  | 'firewall'
  | 'load-balancer'
  | 'endpoint'
  | 'data-store'
  | 'compute'
  | 'address-range'
  | 'external'
  | 'unresolved';

/** A group of nodes drawn together: a network, a tier inside it. */
export interface FlowCluster {
  readonly id: string;
  readonly label: string;
  readonly kind: 'network' | 'tier';
  /** Enclosing cluster (a tier's network). */
  readonly parent?: string;
  /** Tiers: `public`, `private`, `isolated`, `mixed` or `unknown`. */
  readonly tier?: string;
}

export interface FlowNode {
  readonly id: string;
  readonly kind: FlowNodeKind;
  /** Display name: a resource's name, a CIDR, `Internet`. */
  readonly name: string;
  /** What it is, shown under the name: `security group`, `database-cluster`, `cdn-distribution`. */
  readonly detail?: string;
  /** Classification of the data it holds or serves: a level, `unclassified` or `unknown`. */
  readonly classification?: string;
  /** Graph address of the resource, when the node is one. */
  readonly address?: string;
  readonly cluster?: string;
}

/** A flow: traffic from one node to another, and the trust boundaries it crosses. */
export interface Flow {
  readonly from: string;
  readonly to: string;
  /**
   * `ingress`: allowed by a firewall rule (or by being internet-facing); `attached`: from a
   * firewall to a resource it guards, which receives what the firewall admits.
   */
  readonly kind: 'ingress' | 'attached';
  /** Protocols and ports, `tcp/443`; empty for attachments. */
  readonly ports: readonly string[];
  /** Boundaries crossed: `internet->vpc`, `tier public->private`, `classification INTERNAL->CONFIDENTIAL`. */
  readonly crossings: readonly string[];
}

export interface DataFlowGraph {
  readonly clusters: readonly FlowCluster[];
  readonly nodes: readonly FlowNode[];
  readonly flows: readonly Flow[];
}
