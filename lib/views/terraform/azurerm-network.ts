import type { ResourceGraph } from '../../graph/graph';
import type { Resource } from '../../graph/resource';
import {
  isAfterApply,
  Unknown,
  asList,
  asString,
  isObject,
  type Value,
  type ValueObject,
} from '../../graph/values';
import type { FirewallView, TrafficRule } from '../kinds';
import { nsgRules as sharedNsgRules, unknownNsgRule, type NsgRuleFields } from '../common/nsg';
import { displayName } from '../common/naming';
import type { AdapterContext, AdapterRegistry } from '../registry';

/*
 * azurerm network security groups -> firewall views. An NSG rule has what a security group rule lacks: an
 * action (`Allow`/`Deny`) and a priority (lowest first, first match decides), and it names both ends, each a
 * CIDR, a bare address, a service tag (`Internet`, `VirtualNetwork`, `*`) or application security groups.
 * Rules are declared inline (`security_rule` blocks) or as `azurerm_network_security_rule` resources naming
 * the group by `network_security_group_name` in the same resource group. Azure's default rules (virtual
 * network and load balancer in, deny all at 65500) open nothing to the internet and are not listed.
 */

const NSG = 'azurerm_network_security_group';
const RULE = 'azurerm_network_security_rule';

/**
 * An azurerm rule's arguments in ARM's names, for the shared NSG reader. A plan writes an argument left to
 * the provider as known only after apply: that is an unset one.
 */
function fields(p: ValueObject): NsgRuleFields {
  const a = (v: Value | undefined) => (isAfterApply(v) ? undefined : v);
  return {
    direction: a(p.direction),
    access: a(p.access),
    priority: a(p.priority),
    protocol: a(p.protocol),
    sourceAddressPrefix: a(p.source_address_prefix),
    sourceAddressPrefixes: a(p.source_address_prefixes),
    sourceApplicationSecurityGroups: a(p.source_application_security_group_ids),
    destinationAddressPrefix: a(p.destination_address_prefix),
    destinationAddressPrefixes: a(p.destination_address_prefixes),
    destinationApplicationSecurityGroups: a(p.destination_application_security_group_ids),
    destinationPortRange: a(p.destination_port_range),
    destinationPortRanges: a(p.destination_port_ranges),
    description: a(p.description),
  };
}

/** The traffic rules of one azurerm NSG rule (an inline block or a standalone rule's arguments). */
export function nsgRules(p: ValueObject, declaredBy: string): TrafficRule[] {
  return sharedNsgRules(fields(p), declaredBy);
}

/**
 * The inline `security_rule` blocks of a group, but those named in `declared`: a plan of a group already in the
 * state lists its standalone rules in its computed `security_rule`, and rule names are unique in a group. A list
 * left to the provider (known only after apply) holds only standalone rules.
 */
function inlineRules(r: Resource, declared: ReadonlySet<string>): TrafficRule[] {
  const v = r.properties.security_rule;
  if (isAfterApply(v) || v === undefined || v === null) return [];
  if (v instanceof Unknown) return [unknownNsgRule(v, r.address)];
  return asList(v)
    .filter(isObject)
    .filter((b) => !(typeof b.name === 'string' && declared.has(b.name)))
    .flatMap((b) => nsgRules(b, r.address));
}

/** Whether two resources name different resource groups (both known). */
function otherGroup(a: Resource, b: Resource): boolean {
  const x = a.properties.resource_group_name;
  const y = b.properties.resource_group_name;
  return typeof x === 'string' && typeof y === 'string' && x !== y;
}

/**
 * `azurerm_network_security_rule` resources naming the group. A rule naming the group's name in another
 * resource group belongs to another group; one whose group name is claimed by several groups of its resource
 * group is uncertain.
 */
function standaloneRules(r: Resource, graph: ResourceGraph): { rules: TrafficRule[]; names: Set<string> } {
  const found = graph.attachedBy(r.address, RULE, (x) => x.properties.network_security_group_name);
  const rules: TrafficRule[] = [];
  const names = new Set<string>();
  for (const x of found.attached) {
    if (otherGroup(r, x)) continue;
    const name = asString(x.properties.name);
    if (typeof name === 'string') names.add(name);
    rules.push(...nsgRules(x.properties, x.address));
  }
  for (const { resource, reason } of found.uncertain) {
    if (otherGroup(r, resource)) continue;
    const rivals = graph
      .ofType(NSG)
      .filter(
        (g) =>
          g !== r &&
          !otherGroup(g, resource) &&
          g.properties.name === resource.properties.network_security_group_name,
      );
    if (rivals.length === 0) rules.push(...nsgRules(resource.properties, resource.address));
    else rules.push(unknownNsgRule(reason, resource.address));
  }
  return { rules, names };
}

/**
 * `azurerm_network_security_group` -> firewall: its inline `security_rule` blocks and the
 * `azurerm_network_security_rule` resources attached to it.
 */
export function networkSecurityGroupView(r: Resource, ctx: AdapterContext): FirewallView {
  const standalone = standaloneRules(r, ctx.graph);
  return {
    kind: 'firewall',
    resource: r,
    name: displayName(r),
    rules: [...inlineRules(r, standalone.names), ...standalone.rules],
    isDefault: false,
  };
}

/** Network security groups of the azurerm provider (their standalone rules are read through them). */
export function registerAzurermNetwork(registry: AdapterRegistry): void {
  registry.register('terraform', NSG, networkSecurityGroupView);
}
