import type { Fact, ViewBase } from './base';

// Network

/**
 * One end of a traffic rule: an address range (`cidr`, IPv4 or IPv6, or an IPv4 range `start-end` as Azure SQL
 * firewall rules write it), a provider's name for a set of addresses
 * (`serviceTag`: Azure's `Internet`, `VirtualNetwork`, or `*` for every address), or another firewall or address
 * list (`group`: a security group, prefix list or application security group, as a graph address when it is in the
 * graph, else its identifier as written).
 */
export type TrafficPeer =
  { readonly cidr: Fact<string> } | { readonly serviceTag: string } | { readonly group: string };

/**
 * One rule of a firewall or network ACL. A rule decides traffic in one `direction`; `source` is where it comes from
 * (the remote end of an ingress rule) and `destination` where it goes (the remote end of an egress rule). The end a
 * security group or network ACL protects is left undefined: the resources behind it. An NSG rule names both.
 */
export interface TrafficRule {
  readonly direction: 'ingress' | 'egress';
  /** `allow` or `deny`. Security groups only allow. */
  readonly action: Fact<'allow' | 'deny'>;
  /**
   * Evaluation order, lowest first, first match decides (network ACL rule number, NSG priority). Absent where the
   * firewall has no order because every rule allows (security groups: the union of the rules).
   */
  readonly priority?: Fact<number>;
  /** `all`, `tcp`, `udp`, `icmp`, or a protocol number. */
  readonly protocol: Fact<string>;
  readonly fromPort?: Fact<number>;
  readonly toPort?: Fact<number>;
  /** Where the traffic comes from; undefined: the resources the firewall protects, or not stated. */
  readonly source?: TrafficPeer;
  /** Where the traffic goes; undefined: the resources the firewall protects, or not stated. */
  readonly destination?: TrafficPeer;
  readonly description?: string;
  /** Address of the resource that declared the rule (the group itself or a standalone ingress resource). */
  readonly declaredBy: string;
}

/** A stateful firewall attached to workloads: security group, NSG. */
export interface FirewallView extends ViewBase {
  readonly kind: 'firewall';
  readonly rules: readonly TrafficRule[];
  /** The VPC's default security group (restricted by CIS 5.5). */
  readonly isDefault: boolean;
  readonly network?: string;
}

export interface NetworkView extends ViewBase {
  readonly kind: 'network';
  /**
   * Flow logs attached to the network, with what they capture (`ALL`, `ACCEPT`, `REJECT`). A flow log that records
   * both says `ALL` (Azure VNet flow logs record allowed and denied flows alike).
   */
  readonly flowLogs: readonly {
    readonly address: string;
    readonly trafficType: Fact<string>;
    /** The flow log records; undefined: it is on whenever declared (VPC flow logs). */
    readonly enabled?: Fact<boolean>;
    /** Flows are also analysed into a log workspace (Azure traffic analytics); undefined: not a notion. */
    readonly analytics?: Fact<boolean>;
  }[];
  readonly cidr?: Fact<string>;
  /**
   * The network's default security group is stripped of its rules (CIS AWS 5.5). Undefined where networks have no
   * default group (Azure virtual networks: a subnet without an NSG has no filter at all, see `SubnetView.firewalls`).
   */
  readonly defaultSecurityGroupRestricted?: Fact<boolean>;
  /** DNS queries from the network are logged (Route 53 Resolver query logging). */
  readonly dnsQueryLogging?: Fact<boolean>;
}

/**
 * The tier of a subnet, from where its default route leads: `public` to an internet gateway (hosts
 * can be reached from the internet), `private` to a NAT or another gateway (outbound only),
 * `isolated` nowhere outside the network.
 */
export type SubnetTier = 'public' | 'private' | 'isolated';

export interface SubnetView extends ViewBase {
  readonly kind: 'subnet';
  readonly mapPublicIpOnLaunch: Fact<boolean>;
  readonly network?: string;
  /** Undefined when the source does not read routes. */
  readonly tier?: Fact<SubnetTier>;
  /**
   * Firewalls that filter all traffic of the subnet (the NSG associated with an Azure subnet), as graph addresses or
   * identifiers as written; empty when none does. Undefined where subnets take no firewall of their own (AWS, whose
   * security groups attach to interfaces and whose network ACLs are `network-acl` views).
   */
  readonly firewalls?: Fact<readonly string[]>;
  /**
   * The provider refuses a firewall on this subnet (Azure `GatewaySubnet`, `AzureFirewallSubnet`,
   * `AzureFirewallManagementSubnet`); undefined otherwise.
   */
  readonly firewallUnsupported?: true;
}

/**
 * Where a workload or data store sits in a network: the firewalls (security groups, NSGs) attached
 * to it and the subnets it runs in. Only resources that can be placed in a network have one.
 * Entries are graph addresses when the resource is in the graph, else identifiers as written.
 */
export interface PlacementView extends ViewBase {
  readonly kind: 'placement';
  readonly firewalls: Fact<readonly string[]>;
  readonly subnets: Fact<readonly string[]>;
}

/** A stateless subnet boundary (network ACL): its entries are traffic rules with a `priority` (the rule number). */
export interface NetworkAclView extends ViewBase {
  readonly kind: 'network-acl';
  readonly entries: readonly (TrafficRule & { readonly priority: Fact<number> })[];
}

/** A route table with its routes. */
export interface RouteTableView extends ViewBase {
  readonly kind: 'route-table';
  readonly routes: readonly {
    /** Destination CIDR (IPv4 or IPv6) or prefix list. */
    readonly destination: Fact<string>;
    /** What the route sends traffic to. */
    readonly via: 'peering' | 'internet-gateway' | 'nat' | 'transit-gateway' | 'endpoint' | 'other';
    /** Address of the resource that declared the route. */
    readonly declaredBy: string;
  }[];
}

/** A managed network firewall (AWS Network Firewall) and its policy. */
export interface NetworkFirewallView extends ViewBase {
  readonly kind: 'network-firewall';
  /** Traffic that matches no rule is dropped (stateless default drop, or strict-order stateful default drop). */
  readonly defaultDeny: Fact<boolean>;
  /** Stateful rule groups the policy evaluates (intrusion prevention rules). */
  readonly statefulRuleGroups: Fact<number>;
  /** Alert or flow logs are delivered somewhere. */
  readonly logging: Fact<boolean>;
}
