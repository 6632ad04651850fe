import * as pulumi from '@pulumi/pulumi';
import * as authorization from '@pulumi/azure-native/authorization';
import * as managedidentity from '@pulumi/azure-native/managedidentity';
import * as network from '@pulumi/azure-native/network';
import * as privatedns from '@pulumi/azure-native/privatedns';
import type { types } from '@pulumi/azure-native';
import { AUDIT_LOG_MIN_RETENTION_DAYS } from '../classification';
import type { AuditWorkspace } from './audit-workspace';
import {
  BUILT_IN_ROLES,
  COMPONENT_PREFIX,
  PropsValidator,
  accountOf,
  childOf,
  roleDefinitionId,
  type AzureAccount,
  type AzurePlacement,
} from './common';

/** The three tiers of a {@link SegmentedVirtualNetwork}, each its own subnet and NSG. */
export enum Tier {
  /** Gateways and load balancers: the only tier the internet may reach, on `ingressPorts` only. */
  INGRESS = 'Ingress',
  /** Workloads: reachable from the ingress tier on declared flows; HTTPS out to Azure only. */
  APPLICATION = 'Application',
  /** Private endpoints of data services: reachable from declared tiers only, nothing out. */
  DATA = 'Data',
}

/** Every tier, from the internet inwards. */
export const TIERS: readonly Tier[] = [Tier.INGRESS, Tier.APPLICATION, Tier.DATA];

/** Private DNS zones of the private endpoint sub-resources (group ids) the components use. */
export const PRIVATE_DNS_ZONES: Readonly<Record<string, readonly string[]>> = {
  blob: ['privatelink.blob.core.windows.net'],
  dfs: ['privatelink.dfs.core.windows.net'],
  vault: ['privatelink.vaultcore.azure.net'],
  sqlServer: ['privatelink.database.windows.net'],
  account: [
    'privatelink.cognitiveservices.azure.com',
    'privatelink.openai.azure.com',
    'privatelink.services.ai.azure.com',
  ],
};

/** Priority of the explicit deny-all rules: the lowest a rule may have, above Azure's defaults. */
export const DENY_ALL_PRIORITY = 4096;

/** Priority of the first declared flow; each next flow takes the next number. */
const FLOW_PRIORITY_BASE = 200;

/** Minutes between traffic analytics aggregations (10 or 60). */
const TRAFFIC_ANALYTICS_INTERVAL = 10;

/** A flow allowed between tiers: inbound on the destination's NSG, outbound on the source's. */
export interface Flow {
  readonly from: Tier;
  readonly to: Tier;
  /** A port (`443`) or range (`'8080-8081'`); `*` is refused. */
  readonly port: number | string;
  /** @default 'Tcp' */
  readonly protocol?: 'Tcp' | 'Udp';
  /**
   * Why the flow is allowed: the description of its NSG rules (at most 140 characters).
   * @default - "`<from>` tier to `<to>` tier on `<protocol>` `<port>` (declared flow)"
   * @see mcsb-v1:NS-1
   */
  readonly description?: string;
}

/** The flows every segmented network allows unless `flows` says otherwise. */
export const DEFAULT_FLOWS: readonly Flow[] = [
  { from: Tier.INGRESS, to: Tier.APPLICATION, port: 443 },
  { from: Tier.APPLICATION, to: Tier.DATA, port: 443 },
  { from: Tier.APPLICATION, to: Tier.DATA, port: 1433 },
];

/** Props of {@link SegmentedVirtualNetwork}. */
export interface SegmentedVirtualNetworkProps extends AzurePlacement, AzureAccount {
  /** Region of the network, its flow log and its network watcher. */
  readonly location: pulumi.Input<string>;
  /** Where flow logs, traffic analytics and the NSGs' logs go. @see mcsb-v1:LT-4 */
  readonly audit: AuditWorkspace;
  /**
   * Address space (a literal IPv4 CIDR of /22 or larger); each tier gets the /24 at its index
   * (ingress .0, application .1, data .2).
   * @default '10.0.0.0/16'
   * @see mcsb-v1:NS-1
   */
  readonly addressSpace?: string;
  /**
   * Flows allowed between tiers. Anything else between tiers, and anything from the internet except
   * `ingressPorts` to the ingress tier, meets the explicit deny-all rule of the destination's NSG.
   * @default DEFAULT_FLOWS (ingress to application on 443, application to data on 443 and 1433)
   * @see mcsb-v1:NS-1
   */
  readonly flows?: readonly Flow[];
  /**
   * TCP ports the internet may reach on the ingress tier.
   * @default [443]
   * @see mcsb-v1:NS-1, mcsb-v1:NS-8
   */
  readonly ingressPorts?: readonly number[];
  /**
   * The region's network watcher, which owns the flow log.
   * @default - `NetworkWatcher_<location>` in `NetworkWatcherRG` (the one Azure creates)
   */
  readonly networkWatcher?: {
    readonly name: pulumi.Input<string>;
    readonly resourceGroupName: pulumi.Input<string>;
  };
  /**
   * Private endpoint group ids whose private DNS zones are created and linked to the network.
   * @default - every key of PRIVATE_DNS_ZONES
   * @see mcsb-v1:NS-2, mcsb-v1:NS-10
   */
  readonly privateEndpointGroups?: readonly string[];
}

/** Where a private endpoint connects to. */
export interface PrivateEndpointTarget {
  /** ARM id of the resource reached through the endpoint. */
  readonly resourceId: pulumi.Input<string>;
  /** Its private link sub-resource (`blob`, `vault`, `sqlServer`, `account`). */
  readonly groupId: string;
  /** Component the endpoint belongs to. */
  readonly parent: pulumi.Resource;
  readonly tags?: Record<string, string>;
}

/**
 * A virtual network in three tiers, one subnet and one network security group each. Every NSG ends
 * in an explicit deny-all inbound rule at priority 4096, and every rule says why it is there (its
 * description); the data tier's NSG denies all outbound
 * traffic too and the application tier's denies the internet except HTTPS to Azure. Flows between
 * tiers are allowed only as declared, in both the source's and the destination's NSG. Subnets have
 * no default outbound access, and NSGs apply to private endpoints in every tier. A VNet flow log
 * (version 2) goes to the audit archive, written with its own identity, with traffic analytics in the audit workspace; the network
 * and its NSGs send their logs there too. Private DNS zones for the components' private endpoints
 * are linked to the network; {@link privateEndpoint} places an endpoint in the data tier.
 */
export class SegmentedVirtualNetwork extends pulumi.ComponentResource {
  readonly virtualNetwork: network.VirtualNetwork;
  /** Subnets by tier. */
  readonly subnets: Readonly<Record<Tier, network.Subnet>>;
  /** Network security groups by tier. */
  readonly securityGroups: Readonly<Record<Tier, network.NetworkSecurityGroup>>;
  /** The VNet flow log. */
  readonly flowLog: network.FlowLog;
  /** Private DNS zones by name. */
  readonly privateDnsZones: Readonly<Record<string, privatedns.PrivateZone>>;

  private readonly resourceGroupName: pulumi.Input<string>;
  private readonly location: pulumi.Input<string>;
  private readonly componentName: string;

  constructor(name: string, props: SegmentedVirtualNetworkProps, opts?: pulumi.ComponentResourceOptions) {
    const space = props.addressSpace ?? '10.0.0.0/16';
    const flows = props.flows ?? DEFAULT_FLOWS;
    const ingressPorts = props.ingressPorts ?? [443];
    const groups = props.privateEndpointGroups ?? Object.keys(PRIVATE_DNS_ZONES);
    const v = new PropsValidator(`${COMPONENT_PREFIX}:SegmentedVirtualNetwork ${name}`);
    const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(space);
    v.check(
      m !== null && Number(m[5]) <= 22 && [1, 2, 3, 4].every((i) => Number(m[i]) <= 255),
      'BULWARK_VNET_CIDR',
      `\`addressSpace\` \`${space}\` must be a literal IPv4 CIDR of /22 or larger`,
    );
    for (const f of flows) {
      v.check(
        f.from !== f.to,
        'BULWARK_VNET_FLOW',
        `a flow from ${f.from} to itself needs no rule: remove it`,
      );
      v.check(
        String(f.port) !== '*',
        'BULWARK_VNET_FLOW_PORT',
        `the flow from ${f.from} to ${f.to} must name a port, not \`*\``,
      );
      v.check(
        f.to !== Tier.INGRESS,
        'BULWARK_VNET_FLOW_INWARD',
        `flows go inwards: ${f.from} to ${f.to} is refused`,
      );
      v.check(
        f.description === undefined || (f.description.trim() !== '' && f.description.length <= 140),
        'BULWARK_VNET_FLOW_DESCRIPTION',
        `the \`description\` of the flow from ${f.from} to ${f.to} must say why in 1 to 140 characters`,
      );
    }
    for (const g of groups) {
      v.check(
        g in PRIVATE_DNS_ZONES,
        'BULWARK_VNET_DNS_GROUP',
        `no private DNS zone is known for group id \`${g}\``,
      );
    }
    v.throwIfAny();

    super(
      `${COMPONENT_PREFIX}:SegmentedVirtualNetwork`,
      name,
      { addressSpace: space, flows: [...flows] },
      opts,
    );
    this.componentName = name;
    const { resourceGroupName, location } = props;
    this.resourceGroupName = resourceGroupName;
    this.location = location;
    const octets = m!.slice(1, 3).join('.');
    const prefixes: Record<Tier, string> = {
      [Tier.INGRESS]: `${octets}.0.0/24`,
      [Tier.APPLICATION]: `${octets}.1.0/24`,
      [Tier.DATA]: `${octets}.2.0/24`,
    };

    this.virtualNetwork = new network.VirtualNetwork(
      `${name}-vnet`,
      { resourceGroupName, location, addressSpace: { addressPrefixes: [space] } },
      childOf(this, { ignoreChanges: ['subnets'] }),
    );

    const nsgs = {} as Record<Tier, network.NetworkSecurityGroup>;
    for (const tier of TIERS) {
      nsgs[tier] = new network.NetworkSecurityGroup(
        `${name}-${tier.toLowerCase()}-nsg`,
        { resourceGroupName, location, securityRules: securityRules(tier, prefixes, flows, ingressPorts) },
        childOf(this),
      );
      props.audit.diagnostics(`${name}-${tier.toLowerCase()}-nsg`, nsgs[tier].id, this, { metrics: false });
    }
    this.securityGroups = nsgs;

    // Subnets one after the other: Azure refuses concurrent changes to one virtual network.
    const subnets = {} as Record<Tier, network.Subnet>;
    let previous: network.Subnet | undefined;
    for (const tier of TIERS) {
      previous = new network.Subnet(
        `${name}-${tier.toLowerCase()}`,
        {
          resourceGroupName,
          virtualNetworkName: this.virtualNetwork.name,
          subnetName: tier.toLowerCase(),
          addressPrefix: prefixes[tier],
          networkSecurityGroup: { id: nsgs[tier].id },
          defaultOutboundAccess: false,
          privateEndpointNetworkPolicies: 'Enabled',
        },
        childOf(this, { dependsOn: previous ? [previous] : [] }),
      );
      subnets[tier] = previous;
    }
    this.subnets = subnets;

    // The archive refuses shared keys: the flow log writes with an identity granted blob writes on it.
    const flowLogIdentity = new managedidentity.UserAssignedIdentity(
      `${name}-flow-log-identity`,
      { resourceGroupName, location },
      childOf(this),
    );
    const flowLogGrant = new authorization.RoleAssignment(
      `${name}-flow-log-grant`,
      {
        scope: props.audit.archive.id,
        principalId: flowLogIdentity.principalId,
        principalType: 'ServicePrincipal',
        roleDefinitionId: roleDefinitionId(
          accountOf(props, this).subscriptionId,
          BUILT_IN_ROLES.storageBlobDataContributor,
        ),
        description: `Flow logs of ${name} are written to the audit archive`,
      },
      childOf(this),
    );
    const watcher = props.networkWatcher ?? {
      name: pulumi.interpolate`NetworkWatcher_${location}`,
      resourceGroupName: 'NetworkWatcherRG',
    };
    this.flowLog = new network.FlowLog(
      `${name}-flow-log`,
      {
        resourceGroupName: watcher.resourceGroupName,
        networkWatcherName: watcher.name,
        location,
        targetResourceId: this.virtualNetwork.id,
        storageId: props.audit.archive.id,
        identity: { type: 'UserAssigned', userAssignedIdentities: [flowLogIdentity.id] },
        enabled: true,
        format: { type: 'JSON', version: 2 },
        retentionPolicy: { enabled: true, days: AUDIT_LOG_MIN_RETENTION_DAYS },
        flowAnalyticsConfiguration: {
          networkWatcherFlowAnalyticsConfiguration: {
            enabled: true,
            trafficAnalyticsInterval: TRAFFIC_ANALYTICS_INTERVAL,
            workspaceId: props.audit.workspace.customerId,
            workspaceRegion: location,
            workspaceResourceId: props.audit.workspace.id,
          },
        },
      },
      childOf(this, { dependsOn: [flowLogGrant] }),
    );
    props.audit.diagnostics(`${name}-vnet`, this.virtualNetwork.id, this);

    const zones: Record<string, privatedns.PrivateZone> = {};
    for (const zoneName of new Set(groups.flatMap((g) => PRIVATE_DNS_ZONES[g] ?? []))) {
      const id = zoneName.replace(/^privatelink\./, '').replace(/\./g, '-');
      const zone = new privatedns.PrivateZone(
        `${name}-${id}`,
        { resourceGroupName, location: 'global', privateZoneName: zoneName },
        childOf(this),
      );
      new privatedns.VirtualNetworkLink(
        `${name}-${id}-link`,
        {
          resourceGroupName,
          location: 'global',
          privateZoneName: zone.name,
          virtualNetwork: { id: this.virtualNetwork.id },
          registrationEnabled: false,
        },
        childOf(this),
      );
      zones[zoneName] = zone;
    }
    this.privateDnsZones = zones;

    this.registerOutputs({ virtualNetworkId: this.virtualNetwork.id });
  }

  /**
   * A private endpoint in the data tier to `target`, registered in the private DNS zones of its
   * group id.
   * @see mcsb-v1:NS-2
   */
  privateEndpoint(name: string, target: PrivateEndpointTarget): network.PrivateEndpoint {
    const endpoint = new network.PrivateEndpoint(
      `${name}-pe`,
      {
        resourceGroupName: this.resourceGroupName,
        location: this.location,
        subnet: { id: this.subnets[Tier.DATA].id },
        privateLinkServiceConnections: [
          {
            name: `${name}-${target.groupId}`,
            privateLinkServiceId: target.resourceId,
            groupIds: [target.groupId],
          },
        ],
        tags: target.tags,
      },
      { parent: target.parent },
    );
    const zones = (PRIVATE_DNS_ZONES[target.groupId] ?? []).flatMap((z) =>
      this.privateDnsZones[z] ? [{ zone: z, resource: this.privateDnsZones[z] }] : [],
    );
    if (zones.length === 0) {
      throw new Error(
        `${COMPONENT_PREFIX}:SegmentedVirtualNetwork ${this.componentName}: no private DNS zone for group id \`${target.groupId}\`: add it to \`privateEndpointGroups\` [BULWARK_VNET_DNS_GROUP]`,
      );
    }
    new network.PrivateDnsZoneGroup(
      `${name}-pe-dns`,
      {
        resourceGroupName: this.resourceGroupName,
        privateEndpointName: endpoint.name,
        privateDnsZoneGroupName: 'default',
        privateDnsZoneConfigs: zones.map((z) => ({
          name: z.zone.replace(/\./g, '-'),
          privateDnsZoneId: z.resource.id,
        })),
      },
      { parent: target.parent },
    );
    return endpoint;
  }
}

/** The NSG rules of one tier: its ingress, its declared flows in and out, and the explicit denies. */
function securityRules(
  tier: Tier,
  prefixes: Record<Tier, string>,
  flows: readonly Flow[],
  ingressPorts: readonly number[],
): types.input.network.SecurityRuleArgs[] {
  const rules: types.input.network.SecurityRuleArgs[] = [];
  if (tier === Tier.INGRESS) {
    rules.push(
      rule(
        'AllowInternetIngress',
        'Inbound',
        'Allow',
        100,
        'Tcp',
        'Internet',
        prefixes[tier],
        ingressPorts.map(String),
        `Clients on the internet reach the ingress tier on TCP ${ingressPorts.join(', ')}`,
      ),
      rule(
        'AllowGatewayManager',
        'Inbound',
        'Allow',
        110,
        'Tcp',
        'GatewayManager',
        '*',
        ['65200-65535'],
        'Azure manages the application gateway of the ingress tier (GatewayManager, 65200-65535)',
      ),
      rule(
        'AllowAzureLoadBalancer',
        'Inbound',
        'Allow',
        120,
        '*',
        'AzureLoadBalancer',
        '*',
        ['*'],
        'Health probes of the Azure load balancer',
      ),
    );
  }
  flows.forEach((f, i) => {
    const protocol = f.protocol ?? 'Tcp';
    const priority = FLOW_PRIORITY_BASE + i;
    const label = `${f.from}To${f.to}${String(f.port).replace(/[^0-9]/g, '_')}`;
    const why = f.description ?? `${f.from} tier to ${f.to} tier on ${protocol} ${f.port} (declared flow)`;
    const ports = [String(f.port)];
    const allow = (name: string, direction: 'Inbound' | 'Outbound') =>
      rule(name, direction, 'Allow', priority, protocol, prefixes[f.from], prefixes[f.to], ports, why);
    if (f.to === tier) rules.push(allow(`Allow${label}In`, 'Inbound'));
    if (f.from === tier) rules.push(allow(`Allow${label}Out`, 'Outbound'));
  });
  if (tier === Tier.APPLICATION) {
    rules.push(
      rule(
        'AllowAzureHttpsOut',
        'Outbound',
        'Allow',
        300,
        'Tcp',
        prefixes[tier],
        'AzureCloud',
        ['443'],
        'The application tier calls Azure services over HTTPS',
      ),
      rule(
        'DenyInternetOut',
        'Outbound',
        'Deny',
        DENY_ALL_PRIORITY - 1,
        '*',
        '*',
        'Internet',
        ['*'],
        'No other traffic of the application tier leaves for the internet',
      ),
    );
  }
  if (tier === Tier.DATA)
    rules.push(
      rule(
        'DenyAllOutbound',
        'Outbound',
        'Deny',
        DENY_ALL_PRIORITY,
        '*',
        '*',
        '*',
        ['*'],
        'The data tier opens no connection of its own',
      ),
    );
  rules.push(
    rule(
      'DenyAllInbound',
      'Inbound',
      'Deny',
      DENY_ALL_PRIORITY,
      '*',
      '*',
      '*',
      ['*'],
      `Default deny: only the rules above reach the ${tier} tier`,
    ),
  );
  return rules;
}

function rule(
  name: string,
  direction: 'Inbound' | 'Outbound',
  access: 'Allow' | 'Deny',
  priority: number,
  protocol: string,
  source: string,
  destination: string,
  ports: readonly string[],
  description: string,
): types.input.network.SecurityRuleArgs {
  return {
    name,
    description,
    direction,
    access,
    priority,
    protocol,
    sourceAddressPrefix: source,
    sourcePortRange: '*',
    destinationAddressPrefix: destination,
    ...(ports.length === 1 ? { destinationPortRange: ports[0] } : { destinationPortRanges: [...ports] }),
  };
}
