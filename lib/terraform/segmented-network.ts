import { Fn } from 'cdktf';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { DataAwsAvailabilityZones } from '@cdktf/provider-aws/lib/data-aws-availability-zones';
import { DefaultSecurityGroup } from '@cdktf/provider-aws/lib/default-security-group';
import { Eip } from '@cdktf/provider-aws/lib/eip';
import { FlowLog } from '@cdktf/provider-aws/lib/flow-log';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway';
import { NatGateway } from '@cdktf/provider-aws/lib/nat-gateway';
import { NetworkAcl, type NetworkAclEgress } from '@cdktf/provider-aws/lib/network-acl';
import { Route } from '@cdktf/provider-aws/lib/route';
import { Route53ResolverQueryLogConfig } from '@cdktf/provider-aws/lib/route53-resolver-query-log-config';
import { Route53ResolverQueryLogConfigAssociation } from '@cdktf/provider-aws/lib/route53-resolver-query-log-config-association';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Construct } from 'constructs';
import { AUDIT_LOG_MIN_RETENTION_DAYS, Classification } from '../classification';
import { PropsValidator } from '../aws/common/validation';
import { awsContext, classificationTags, resourceName } from './common';
import { ClassifiedKey } from './kms-key';
import { assumeRolePolicy, policyJson } from './policy';

/** The three network tiers of a {@link SegmentedNetwork}. */
export enum Tier {
  /** Public subnets: load balancers and NAT gateways, the only tier with a route from the internet. */
  INGRESS = 'Ingress',
  /** Private subnets with egress through NAT: workloads, and the interface endpoints. */
  APPLICATION = 'Application',
  /** Isolated subnets without any route out of the VPC: data stores. */
  DATA = 'Data',
}

/** Every tier, from the internet inwards. */
export const TIERS: readonly Tier[] = [Tier.INGRESS, Tier.APPLICATION, Tier.DATA];

/** Prefix length of each tier's subnets (one subnet per tier and availability zone), as the CDK `SegmentedVpc`. */
const CIDR_MASKS: Readonly<Record<Tier, number>> = {
  [Tier.INGRESS]: 24,
  [Tier.APPLICATION]: 20,
  [Tier.DATA]: 22,
};

/** Interface endpoints every segmented network gets: the services data needs without leaving the VPC. */
const DEFAULT_INTERFACE_ENDPOINTS: Readonly<Record<string, string>> = {
  Kms: 'kms',
  Logs: 'logs',
  Sts: 'sts',
  SecretsManager: 'secretsmanager',
};

/** Flow log aggregation interval: one minute, in seconds. */
const FLOW_LOG_AGGREGATION_SECONDS = 60;

/** A port or port range of a flow between tiers. */
export interface Port {
  /** `tcp`, `udp` or `icmp`; `-1` (all traffic) is refused. */
  readonly protocol: 'tcp' | 'udp' | 'icmp';
  readonly fromPort: number;
  /** @default fromPort */
  readonly toPort?: number;
}

/** Where flow logs go, when not to the network's own log group. */
export interface FlowLogDestination {
  /** `cloud-watch-logs` or `s3`. */
  readonly type: 'cloud-watch-logs' | 's3';
  /** ARN of the log group or bucket (an encrypted one: the audit log sink). */
  readonly arn: string;
  /** Role the flow log service delivers to CloudWatch Logs with (CloudWatch Logs only). */
  readonly iamRoleArn?: string;
}

/** Props of {@link SegmentedNetwork}. */
export interface SegmentedNetworkProps {
  /**
   * Availability zones to spread each tier over.
   * @default - the first two zones of the region (`data.aws_availability_zones`)
   * @see mcsb-v1:NS-1
   */
  readonly availabilityZones?: readonly string[];
  /**
   * NAT gateways for the application tier's egress, between 1 and the number of zones.
   * @default - one per availability zone
   * @see mcsb-v1:NS-1
   */
  readonly natGateways?: number;
  /**
   * Address range of the VPC (a literal IPv4 CIDR). Subnets are /24 (ingress), /20 (application) and
   * /22 (data) per zone.
   * @default '10.0.0.0/16'
   */
  readonly cidrBlock?: string;
  /**
   * Where flow logs of all traffic go, typically the audit log sink.
   * @default - a CloudWatch Logs group kept 365 days, encrypted with its own customer-managed key
   * @see cis-aws-5.0:3.7, mcsb-v1:LT-4
   */
  readonly flowLogDestination?: FlowLogDestination;
}

/**
 * A VPC in three tiers, as the CDK `SegmentedVpc`: ingress (public), application (private with NAT
 * egress) and data (isolated). The data tier's network ACL admits the application tier and itself
 * only and denies the ingress tier explicitly, in both directions. The default security group is
 * emptied, flow logs record all traffic to an encrypted log group kept a year, DNS queries are
 * logged, S3 and DynamoDB have gateway endpoints and KMS, CloudWatch Logs, STS and Secrets Manager
 * interface endpoints with private DNS. Each tier has one security group that allows nothing in or
 * out until a flow is declared with {@link allowFlow}. Subnets do not map public addresses on launch.
 */
export class SegmentedNetwork extends Construct {
  /** The VPC. */
  readonly vpc: Vpc;
  /** Subnets by tier, one per zone. */
  readonly subnets: Readonly<Record<Tier, readonly Subnet[]>>;
  /** The network ACL of the data tier. */
  readonly dataAcl: NetworkAcl;
  /** The flow log of all traffic. */
  readonly flowLog: FlowLog;
  /** The audit log group (flow logs, DNS query logs). */
  readonly auditLogGroup: CloudwatchLogGroup;
  /** The key of the audit log group. */
  readonly auditLogKey: ClassifiedKey;
  /** Security group of the interface endpoints: HTTPS from the VPC's address range only. */
  readonly endpointSecurityGroup: SecurityGroup;
  /** Gateway endpoints, in the application tier's route tables. */
  readonly gatewayEndpoints: { readonly s3: VpcEndpoint; readonly dynamoDb: VpcEndpoint };
  /** Interface endpoints, in the application tier, by name. */
  readonly interfaceEndpoints: Readonly<Record<string, VpcEndpoint>>;

  private readonly tierGroups: Record<Tier, SecurityGroup>;
  private readonly cidrs: Record<Tier, string[]>;
  private flows = 0;

  constructor(scope: Construct, id: string, props: SegmentedNetworkProps = {}) {
    super(scope, id);
    const cidr = props.cidrBlock ?? '10.0.0.0/16';
    const zones: readonly string[] = props.availabilityZones ?? defaultZones(this, 2);
    const natGateways = props.natGateways ?? zones.length;
    const v = new PropsValidator(this);
    v.check(zones.length >= 1, 'BULWARK_VPC_AZS', '`availabilityZones` must name at least one zone');
    v.check(
      Number.isInteger(natGateways) && natGateways >= 1 && natGateways <= zones.length,
      'BULWARK_VPC_NAT',
      `\`natGateways\` must be from 1 to the number of zones (${zones.length}): the application tier's egress goes through NAT (got ${natGateways})`,
    );
    const allocated = allocateSubnets(cidr, zones.length);
    v.check(
      allocated !== undefined,
      'BULWARK_VPC_CIDR',
      `\`cidrBlock\` ${cidr} is not a literal IPv4 range large enough for the tiers`,
    );
    v.throwIfAny();
    this.cidrs = allocated!;
    const ctx = awsContext(this);

    this.vpc = new Vpc(this, 'Vpc', {
      cidrBlock: cidr,
      enableDnsSupport: true,
      enableDnsHostnames: true,
      tags: { Name: resourceName(this) },
    });
    const vpcId = this.vpc.id;
    // The default security group, emptied: no ingress and no egress rule.
    new DefaultSecurityGroup(this, 'DefaultSecurityGroup', { vpcId, ingress: [], egress: [] });

    const igw = new InternetGateway(this, 'InternetGateway', { vpcId });
    const subnets: Record<Tier, Subnet[]> = { [Tier.INGRESS]: [], [Tier.APPLICATION]: [], [Tier.DATA]: [] };
    for (const tier of TIERS) {
      zones.forEach((zone, i) => {
        subnets[tier].push(
          new Subnet(this, `${tier}Subnet${i + 1}`, {
            vpcId,
            availabilityZone: zone,
            cidrBlock: this.cidrs[tier][i],
            mapPublicIpOnLaunch: false,
            tags: { Name: `${resourceName(this)}-${tier}-${i + 1}`, tier },
          }),
        );
      });
    }
    this.subnets = subnets;

    const publicRoutes = new RouteTable(this, 'IngressRoutes', { vpcId });
    new Route(this, 'IngressDefaultRoute', {
      routeTableId: publicRoutes.id,
      destinationCidrBlock: '0.0.0.0/0',
      gatewayId: igw.id,
    });
    subnets[Tier.INGRESS].forEach((s, i) => {
      new RouteTableAssociation(this, `IngressRoutes${i + 1}`, {
        subnetId: s.id,
        routeTableId: publicRoutes.id,
      });
    });
    const nats: NatGateway[] = [];
    for (let i = 0; i < natGateways; i++) {
      const eip = new Eip(this, `NatAddress${i + 1}`, { domain: 'vpc' });
      nats.push(
        new NatGateway(this, `Nat${i + 1}`, {
          allocationId: eip.id,
          subnetId: subnets[Tier.INGRESS][i]!.id,
          dependsOn: [igw],
        }),
      );
    }
    const appRoutes: RouteTable[] = [];
    subnets[Tier.APPLICATION].forEach((s, i) => {
      const table = new RouteTable(this, `ApplicationRoutes${i + 1}`, { vpcId });
      new Route(this, `ApplicationDefaultRoute${i + 1}`, {
        routeTableId: table.id,
        destinationCidrBlock: '0.0.0.0/0',
        natGatewayId: nats[i % nats.length]!.id,
      });
      new RouteTableAssociation(this, `ApplicationRoutes${i + 1}Association`, {
        subnetId: s.id,
        routeTableId: table.id,
      });
      appRoutes.push(table);
    });
    // The data tier's route table has the local route only: no way out of the VPC.
    const dataRoutes = new RouteTable(this, 'DataRoutes', { vpcId });
    subnets[Tier.DATA].forEach((s, i) => {
      new RouteTableAssociation(this, `DataRoutes${i + 1}`, { subnetId: s.id, routeTableId: dataRoutes.id });
    });

    // Flow and DNS records are internal operational data: INTERNAL, kept a year as audit records.
    this.auditLogKey = new ClassifiedKey(this, 'AuditLogKey', {
      classification: Classification.INTERNAL,
      description: 'Encrypts the VPC flow and DNS query log group',
    });
    this.auditLogKey.addToPolicy({
      Sid: 'CloudWatchLogsUse',
      Effect: 'Allow',
      Principal: { Service: `logs.${ctx.region}.amazonaws.com` },
      Action: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
      Resource: '*',
      Condition: {
        ArnLike: {
          'kms:EncryptionContext:aws:logs:arn': `arn:${ctx.partition}:logs:${ctx.region}:${ctx.accountId}:log-group:*`,
        },
      },
    });
    this.auditLogGroup = new CloudwatchLogGroup(this, 'AuditLogGroup', {
      name: `/bulwark/network/${resourceName(this)}`,
      retentionInDays: AUDIT_LOG_MIN_RETENTION_DAYS,
      kmsKeyId: this.auditLogKey.arn,
      deletionProtectionEnabled: true,
      tags: classificationTags(Classification.INTERNAL),
      lifecycle: { preventDestroy: true },
    });
    const destination = props.flowLogDestination ?? {
      type: 'cloud-watch-logs' as const,
      arn: this.auditLogGroup.arn,
      iamRoleArn: this.flowLogRole().arn,
    };
    this.flowLog = new FlowLog(this, 'FlowLog', {
      vpcId,
      trafficType: 'ALL',
      logDestinationType: destination.type,
      logDestination: destination.arn,
      iamRoleArn: destination.iamRoleArn,
      maxAggregationInterval: FLOW_LOG_AGGREGATION_SECONDS,
    });
    const dns = new Route53ResolverQueryLogConfig(this, 'DnsQueryLogging', {
      name: resourceName(this),
      destinationArn: this.auditLogGroup.arn,
    });
    new Route53ResolverQueryLogConfigAssociation(this, 'DnsQueryLoggingAssociation', {
      resolverQueryLogConfigId: dns.id,
      resourceId: vpcId,
    });

    this.dataAcl = this.dataTierAcl(vpcId);

    const appTables = appRoutes.map((t) => t.id);
    this.gatewayEndpoints = {
      s3: new VpcEndpoint(this, 'S3Endpoint', {
        vpcId,
        serviceName: `com.amazonaws.${ctx.region}.s3`,
        vpcEndpointType: 'Gateway',
        routeTableIds: appTables,
      }),
      dynamoDb: new VpcEndpoint(this, 'DynamoDbEndpoint', {
        vpcId,
        serviceName: `com.amazonaws.${ctx.region}.dynamodb`,
        vpcEndpointType: 'Gateway',
        routeTableIds: appTables,
      }),
    };

    this.endpointSecurityGroup = new SecurityGroup(this, 'EndpointSecurityGroup', {
      vpcId,
      description: 'Interface endpoints: HTTPS from inside the VPC only',
    });
    new VpcSecurityGroupIngressRule(this, 'EndpointHttpsFromVpc', {
      securityGroupId: this.endpointSecurityGroup.id,
      ipProtocol: 'tcp',
      fromPort: 443,
      toPort: 443,
      cidrIpv4: this.vpc.cidrBlock,
      description: 'HTTPS from the VPC',
    });
    const endpoints: Record<string, VpcEndpoint> = {};
    for (const [name, service] of Object.entries(DEFAULT_INTERFACE_ENDPOINTS)) {
      endpoints[name] = new VpcEndpoint(this, `${name}Endpoint`, {
        vpcId,
        serviceName: `com.amazonaws.${ctx.region}.${service}`,
        vpcEndpointType: 'Interface',
        privateDnsEnabled: true,
        subnetIds: subnets[Tier.APPLICATION].map((s) => s.id),
        securityGroupIds: [this.endpointSecurityGroup.id],
      });
    }
    this.interfaceEndpoints = endpoints;

    const groups: Partial<Record<Tier, SecurityGroup>> = {};
    for (const tier of TIERS) {
      // No inline rule: Terraform removes the default allow-all egress of a new group, and the
      // flows declared with allowFlow are their own rule resources.
      groups[tier] = new SecurityGroup(this, `${tier}SecurityGroup`, {
        vpcId,
        description: `${tier} tier: only the flows declared between tiers`,
      });
    }
    this.tierGroups = groups as Record<Tier, SecurityGroup>;
  }

  /** The security group of a tier: no rule in or out until a flow is declared. */
  securityGroupFor(tier: Tier): SecurityGroup {
    return this.tierGroups[tier];
  }

  /**
   * Allow traffic from one tier's security group to another's (the egress and the ingress rule). A
   * flow names a port or range; a flow between the ingress and the data tier is refused.
   * @see mcsb-v1:NS-1, nist-csf-2.0:PR.IR-01
   */
  allowFlow(from: Tier, to: Tier, port: Port, description: string): void {
    const v = new PropsValidator(this);
    const tiers = new Set([from, to]);
    v.check(
      !(tiers.has(Tier.INGRESS) && tiers.has(Tier.DATA)),
      'BULWARK_TIER_FLOW_DATA_INGRESS',
      `flow \`${from}\` -> \`${to}\` ("${description}") joins the ingress and the data tier: ` +
        'the data tier is reachable from the application tier only (route it through an application-tier service)',
    );
    v.check(
      description.trim().length > 0,
      'BULWARK_TIER_FLOW_DESCRIPTION',
      `flow \`${from}\` -> \`${to}\` needs a \`description\` saying what uses it`,
    );
    v.throwIfAny();
    const n = ++this.flows;
    const rule = {
      ipProtocol: port.protocol,
      fromPort: port.fromPort,
      toPort: port.toPort ?? port.fromPort,
      description,
    };
    new VpcSecurityGroupEgressRule(this, `Flow${n}Egress`, {
      ...rule,
      securityGroupId: this.tierGroups[from].id,
      referencedSecurityGroupId: this.tierGroups[to].id,
    });
    new VpcSecurityGroupIngressRule(this, `Flow${n}Ingress`, {
      ...rule,
      securityGroupId: this.tierGroups[to].id,
      referencedSecurityGroupId: this.tierGroups[from].id,
    });
  }

  /**
   * Allow HTTPS (443) from the internet to the ingress tier's security group; with `redirectHttp` also
   * HTTP (80), for a listener that only redirects to HTTPS. Administration ports are never opened.
   * @see mcsb-v1:NS-1, mcsb-v1:DP-3
   */
  allowInternetHttps(options: { readonly redirectHttp?: boolean } = {}): void {
    const ports = options.redirectHttp ? [443, 80] : [443];
    for (const port of ports) {
      new VpcSecurityGroupIngressRule(this, `InternetPort${port}`, {
        securityGroupId: this.tierGroups[Tier.INGRESS].id,
        ipProtocol: 'tcp',
        fromPort: port,
        toPort: port,
        cidrIpv4: '0.0.0.0/0',
        description: port === 443 ? 'HTTPS from the internet' : 'HTTP from the internet, redirected to HTTPS',
      });
    }
  }

  /** Allow a tier to call the interface endpoints on 443. @see mcsb-v1:NS-2 */
  allowEndpointAccess(tier: Tier): void {
    const n = ++this.flows;
    const rule = {
      ipProtocol: 'tcp',
      fromPort: 443,
      toPort: 443,
      description: 'HTTPS to the VPC interface endpoints',
    };
    new VpcSecurityGroupEgressRule(this, `Flow${n}Egress`, {
      ...rule,
      securityGroupId: this.tierGroups[tier].id,
      referencedSecurityGroupId: this.endpointSecurityGroup.id,
    });
    new VpcSecurityGroupIngressRule(this, `Flow${n}Ingress`, {
      ...rule,
      securityGroupId: this.endpointSecurityGroup.id,
      referencedSecurityGroupId: this.tierGroups[tier].id,
    });
  }

  /** The role the flow log service delivers to the audit log group with. */
  private flowLogRole(): IamRole {
    const role = new IamRole(this, 'FlowLogRole', {
      assumeRolePolicy: assumeRolePolicy('vpc-flow-logs.amazonaws.com'),
      description: 'Delivers VPC flow logs to the audit log group',
    });
    new IamRolePolicy(this, 'FlowLogDelivery', {
      role: role.id,
      policy: policyJson([
        {
          Effect: 'Allow',
          Action: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
          Resource: `${this.auditLogGroup.arn}:*`,
        },
      ]),
    });
    return role;
  }

  /**
   * The data tier's ACL: deny the ingress tier's subnets first (rules 100+), then allow the
   * application tier's subnets (200+) and the data tier's own (300+), in both directions; anything
   * else meets the ACL's final deny.
   */
  private dataTierAcl(vpcId: string): NetworkAcl {
    const plan: { tier: Tier; base: number; action: 'deny' | 'allow' }[] = [
      { tier: Tier.INGRESS, base: 100, action: 'deny' },
      { tier: Tier.APPLICATION, base: 200, action: 'allow' },
      { tier: Tier.DATA, base: 300, action: 'allow' },
    ];
    const entries: NetworkAclEgress[] = plan.flatMap(({ tier, base, action }) =>
      this.cidrs[tier].map((cidrBlock, i) => ({
        ruleNo: base + i,
        action,
        protocol: '-1',
        fromPort: 0,
        toPort: 0,
        cidrBlock,
      })),
    );
    return new NetworkAcl(this, 'DataAcl', {
      vpcId,
      subnetIds: this.subnets[Tier.DATA].map((s) => s.id),
      ingress: entries,
      egress: entries,
      tags: { Name: `${resourceName(this)}-data` },
    });
  }
}

/** The first `n` availability zones of the region, read from `data.aws_availability_zones`. */
function defaultZones(scope: Construct, n: number): string[] {
  const azs = new DataAwsAvailabilityZones(scope, 'Zones', { state: 'available' });
  return Array.from({ length: n }, (_, i) => Fn.element(azs.names, i) as string);
}

/**
 * Subnet ranges of each tier inside `cidr`, in tier order and zone by zone, each aligned on its own
 * size (the order the CDK `SegmentedVpc` allocates them in). Undefined when `cidr` is not a literal
 * IPv4 range or is too small.
 */
export function allocateSubnets(cidr: string, zones: number): Record<Tier, string[]> | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr);
  if (!m) return undefined;
  const octets = m.slice(1, 5).map(Number);
  const prefix = Number(m[5]);
  if (octets.some((o) => o > 255) || prefix > 32) return undefined;
  const base = octets.reduce((a, o) => a * 256 + o, 0);
  const size = 2 ** (32 - prefix);
  let next = base;
  const out = { [Tier.INGRESS]: [], [Tier.APPLICATION]: [], [Tier.DATA]: [] } as Record<Tier, string[]>;
  for (const tier of TIERS) {
    const block = 2 ** (32 - CIDR_MASKS[tier]);
    for (let i = 0; i < zones; i++) {
      next = Math.ceil(next / block) * block;
      if (next + block > base + size) return undefined;
      out[tier].push(`${toIp(next)}/${CIDR_MASKS[tier]}`);
      next += block;
    }
  }
  return out;
}

function toIp(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
}
