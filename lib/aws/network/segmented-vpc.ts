import { ArnFormat, Duration, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as route53resolver from 'aws-cdk-lib/aws-route53resolver';
import { Construct } from 'constructs';
import { Classification } from '../../classification';
import { tagClassification } from '../common/classified';
import { PropsValidator } from '../common/validation';

/** The three network tiers of a {@link SegmentedVpc}. */
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

/** Size of each tier's subnets (one subnet per tier and availability zone). */
const CIDR_MASKS: Readonly<Record<Tier, number>> = {
  [Tier.INGRESS]: 24,
  [Tier.APPLICATION]: 20,
  [Tier.DATA]: 22,
};

/** Interface endpoints every segmented VPC gets: the services data needs without leaving the VPC. */
const DEFAULT_INTERFACE_ENDPOINTS: Readonly<Record<string, ec2.InterfaceVpcEndpointAwsService>> = {
  Kms: ec2.InterfaceVpcEndpointAwsService.KMS,
  Logs: ec2.InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS,
  Sts: ec2.InterfaceVpcEndpointAwsService.STS,
  SecretsManager: ec2.InterfaceVpcEndpointAwsService.SECRETS_MANAGER,
};

/** Audit logs (flow and DNS query logs) are kept a year, whatever the levels of the data that crosses the network. */
const AUDIT_LOG_RETENTION = logs.RetentionDays.ONE_YEAR;

export interface SegmentedVpcProps {
  /**
   * Availability zones to spread each tier over.
   * @default 2
   * @see mcsb-v1:NS-1
   */
  readonly maxAzs?: number;
  /**
   * NAT gateways for the application tier's egress, between 1 and `maxAzs`. One per zone keeps a
   * zone's outage from cutting the other zones' egress, and keeps egress traffic inside its zone.
   * @default - one per availability zone (`maxAzs`)
   * @see mcsb-v1:NS-1
   */
  readonly natGateways?: number;
  /**
   * Address range of the VPC. Subnets are /24 (ingress), /20 (application) and /22 (data) per zone.
   * @default ec2.IpAddresses.cidr('10.0.0.0/16')
   */
  readonly ipAddresses?: ec2.IIpAddresses;
  /**
   * Where flow logs of all traffic go, typically the audit log sink.
   * @default - a CloudWatch Logs group kept 365 days, encrypted with its own customer-managed key
   * @see cis-aws-5.0:3.7, mcsb-v1:LT-4
   */
  readonly flowLogDestination?: ec2.FlowLogDestination;
  /**
   * Where Route 53 Resolver query logs (every name the VPC's workloads resolve) go: the ARN of a
   * CloudWatch Logs group (without the trailing `:*`), an S3 bucket or a Firehose stream.
   * @default - the audit log group this construct creates (the flow logs' too, without `flowLogDestination`)
   * @see mcsb-v1:NS-10, mcsb-v1:LT-4
   */
  readonly dnsQueryLogDestinationArn?: string;
  /**
   * Interface endpoints added to the defaults (KMS, CloudWatch Logs, STS, Secrets Manager), keyed by
   * construct id, for example `{ EcrApi: ec2.InterfaceVpcEndpointAwsService.ECR }`.
   * @default - none
   * @see mcsb-v1:NS-2
   */
  readonly additionalInterfaceEndpoints?: Readonly<Record<string, ec2.IInterfaceVpcEndpointService>>;
}

/**
 * A VPC in three tiers: ingress (public), application (private with NAT egress) and data
 * (isolated). The data tier's network ACL admits the application tier and itself only and denies
 * the ingress tier explicitly, in both directions. The default security group is emptied, flow
 * logs record all traffic, DNS queries are logged, S3 and DynamoDB have gateway endpoints and KMS, CloudWatch Logs, STS
 * and Secrets Manager interface endpoints with private DNS, so data reaches them without leaving
 * the VPC. Each tier has one security group that allows nothing in or out until a flow is declared
 * with {@link allowFlow}.
 */
export class SegmentedVpc extends Construct {
  /** The underlying VPC. */
  readonly vpc: ec2.Vpc;
  /** The network ACL of the data tier. */
  readonly dataAcl: ec2.NetworkAcl;
  /** The flow log of all traffic. */
  readonly flowLog: ec2.FlowLog;
  /** The Route 53 Resolver query logging configuration associated with the VPC. */
  readonly dnsQueryLogging: route53resolver.CfnResolverQueryLoggingConfig;
  /**
   * The audit log group (flow logs, DNS query logs), unless both `flowLogDestination` and
   * `dnsQueryLogDestinationArn` were given.
   */
  readonly auditLogGroup?: logs.LogGroup;
  /** The key of the audit log group. */
  readonly auditLogKey?: kms.Key;
  /** Security group of the interface endpoints: HTTPS from the VPC's address range only. */
  readonly endpointSecurityGroup: ec2.SecurityGroup;
  /**
   * Gateway endpoints, in the application tier's route tables. Like the interface endpoints they keep
   * AWS's default endpoint policy (full access); narrow it with `addToPolicy` once the outside
   * resources the workloads reach are known (MCSB NS-2, Bulwark BW-NS-023).
   */
  readonly gatewayEndpoints: {
    readonly s3: ec2.GatewayVpcEndpoint;
    readonly dynamoDb: ec2.GatewayVpcEndpoint;
  };
  /** Interface endpoints, in the application tier, by construct id. */
  readonly interfaceEndpoints: Readonly<Record<string, ec2.InterfaceVpcEndpoint>>;

  private readonly tierGroups: Record<Tier, ec2.SecurityGroup>;

  constructor(scope: Construct, id: string, props: SegmentedVpcProps = {}) {
    super(scope, id);
    const maxAzs = props.maxAzs ?? 2;
    const natGateways = props.natGateways ?? maxAzs;
    const v = new PropsValidator(this);
    v.check(
      Token.isUnresolved(maxAzs) || (Number.isInteger(maxAzs) && maxAzs >= 1),
      'BULWARK_VPC_AZS',
      `\`maxAzs\` must be a whole number of at least 1 (got ${maxAzs})`,
    );
    v.check(
      Token.isUnresolved(natGateways) || (Number.isInteger(natGateways) && natGateways >= 1),
      'BULWARK_VPC_NAT',
      `\`natGateways\` must be at least 1: the application tier's egress goes through NAT (got ${natGateways})`,
    );
    v.check(
      Token.isUnresolved(natGateways) || Token.isUnresolved(maxAzs) || natGateways <= maxAzs,
      'BULWARK_VPC_NAT',
      `\`natGateways\` (${natGateways}) cannot exceed \`maxAzs\` (${maxAzs}): one NAT gateway per zone at most`,
    );
    v.throwIfAny();

    this.vpc = new ec2.Vpc(this, 'Vpc', {
      ipAddresses: props.ipAddresses ?? ec2.IpAddresses.cidr('10.0.0.0/16'),
      maxAzs,
      natGateways,
      restrictDefaultSecurityGroup: true,
      subnetConfiguration: [
        { name: Tier.INGRESS, subnetType: ec2.SubnetType.PUBLIC, cidrMask: CIDR_MASKS[Tier.INGRESS] },
        {
          name: Tier.APPLICATION,
          subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS,
          cidrMask: CIDR_MASKS[Tier.APPLICATION],
        },
        { name: Tier.DATA, subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: CIDR_MASKS[Tier.DATA] },
      ],
    });

    if (!props.flowLogDestination || !props.dnsQueryLogDestinationArn) {
      this.auditLogKey = this.auditLogEncryptionKey();
      this.auditLogGroup = new logs.LogGroup(this, 'AuditLogGroup', {
        retention: AUDIT_LOG_RETENTION,
        encryptionKey: this.auditLogKey,
        removalPolicy: RemovalPolicy.RETAIN,
        deletionProtectionEnabled: true,
      });
      // Flow and DNS records (addresses, ports, names) are internal operational data, not the data
      // of the stores whose traffic they describe: INTERNAL, kept a year as audit records.
      tagClassification(this.auditLogGroup, Classification.INTERNAL);
      tagClassification(this.auditLogKey, Classification.INTERNAL);
    }
    this.flowLog = this.vpc.addFlowLog('FlowLog', {
      trafficType: ec2.FlowLogTrafficType.ALL,
      destination: props.flowLogDestination ?? ec2.FlowLogDestination.toCloudWatchLogs(this.auditLogGroup),
      maxAggregationInterval: ec2.FlowLogMaxAggregationInterval.ONE_MINUTE,
    });
    this.dnsQueryLogging = new route53resolver.CfnResolverQueryLoggingConfig(this, 'DnsQueryLogging', {
      destinationArn: props.dnsQueryLogDestinationArn ?? this.logGroupArnWithoutSuffix(this.auditLogGroup!),
    });
    new route53resolver.CfnResolverQueryLoggingConfigAssociation(this, 'DnsQueryLoggingAssociation', {
      resolverQueryLogConfigId: this.dnsQueryLogging.attrId,
      resourceId: this.vpc.vpcId,
    });

    this.dataAcl = this.dataTierAcl();

    this.gatewayEndpoints = {
      s3: this.vpc.addGatewayEndpoint('S3Endpoint', {
        service: ec2.GatewayVpcEndpointAwsService.S3,
        subnets: [this.subnetsFor(Tier.APPLICATION)],
      }),
      dynamoDb: this.vpc.addGatewayEndpoint('DynamoDbEndpoint', {
        service: ec2.GatewayVpcEndpointAwsService.DYNAMODB,
        subnets: [this.subnetsFor(Tier.APPLICATION)],
      }),
    };

    this.endpointSecurityGroup = new ec2.SecurityGroup(this, 'EndpointSecurityGroup', {
      vpc: this.vpc,
      allowAllOutbound: false,
      description: 'Interface endpoints: HTTPS from inside the VPC only',
    });
    this.endpointSecurityGroup.addIngressRule(
      ec2.Peer.ipv4(this.vpc.vpcCidrBlock),
      ec2.Port.tcp(443),
      'HTTPS from the VPC',
    );
    const endpoints: Record<string, ec2.InterfaceVpcEndpoint> = {};
    for (const [name, service] of Object.entries({
      ...DEFAULT_INTERFACE_ENDPOINTS,
      ...props.additionalInterfaceEndpoints,
    })) {
      endpoints[name] = this.vpc.addInterfaceEndpoint(`${name}Endpoint`, {
        service,
        privateDnsEnabled: true,
        subnets: this.subnetsFor(Tier.APPLICATION),
        securityGroups: [this.endpointSecurityGroup],
        open: false,
      });
    }
    this.interfaceEndpoints = endpoints;

    const groups: Partial<Record<Tier, ec2.SecurityGroup>> = {};
    for (const tier of TIERS) {
      groups[tier] = new ec2.SecurityGroup(this, `${tier}SecurityGroup`, {
        vpc: this.vpc,
        allowAllOutbound: false,
        description: `${tier} tier: only the flows declared between tiers`,
      });
    }
    this.tierGroups = groups as Record<Tier, ec2.SecurityGroup>;
  }

  /** The subnets of a tier, for `vpcSubnets` props. */
  subnetsFor(tier: Tier): ec2.SubnetSelection {
    return { subnetGroupName: tier };
  }

  /** The security group of a tier: no rule in or out until a flow is declared. */
  securityGroupFor(tier: Tier): ec2.SecurityGroup {
    return this.tierGroups[tier];
  }

  /**
   * Allow traffic from one tier's security group to another's (both the egress and the ingress rule).
   * A flow names a port or port range: all traffic is refused, and so is any flow between the
   * ingress and the data tier, which the data tier's network ACL blocks anyway.
   * @see mcsb-v1:NS-1, nist-csf-2.0:PR.IR-01
   */
  allowFlow(from: Tier, to: Tier, port: ec2.Port, description: string): void {
    const v = new PropsValidator(this);
    const rule = port.toRuleJson() as { ipProtocol?: string };
    v.check(
      rule.ipProtocol !== '-1',
      'BULWARK_TIER_FLOW_ALL_TRAFFIC',
      `flow \`${from}\` -> \`${to}\` ("${description}") names all traffic: name the port the flow uses`,
    );
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
    const source = this.tierGroups[from];
    if (from === to) source.connections.allowInternally(port, description);
    else source.connections.allowTo(this.tierGroups[to], port, description);
  }

  /**
   * Allow HTTPS (443) from the internet (any IPv4 address) to the ingress tier's security group,
   * and with `redirectHttp` plain HTTP (80) as well, for a listener that only redirects to HTTPS.
   * The only way to open a tier to the internet; administration ports are never opened.
   * @see mcsb-v1:NS-1, mcsb-v1:DP-3
   */
  allowInternetHttps(options: { readonly redirectHttp?: boolean } = {}): void {
    const sg = this.tierGroups[Tier.INGRESS];
    sg.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'HTTPS from the internet');
    if (options.redirectHttp) {
      sg.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(80), 'HTTP from the internet, redirected to HTTPS');
    }
  }

  /**
   * Allow a tier to call the VPC's interface endpoints (KMS, CloudWatch Logs, STS, Secrets
   * Manager...) on 443.
   * @see mcsb-v1:NS-2
   */
  allowEndpointAccess(tier: Tier): void {
    this.tierGroups[tier].connections.allowTo(
      this.endpointSecurityGroup,
      ec2.Port.tcp(443),
      'HTTPS to the VPC interface endpoints',
    );
  }

  /**
   * Allow the application tier to make HTTPS calls outside the VPC, through its NAT gateways and
   * the S3 and DynamoDB gateway endpoints (for example to pull container images from ECR).
   * Other tiers have no route out: the ingress tier only answers, the data tier is isolated.
   * @see mcsb-v1:NS-1
   */
  allowHttpsEgress(tier: Tier, description: string): void {
    const v = new PropsValidator(this);
    v.check(
      tier === Tier.APPLICATION,
      'BULWARK_TIER_EGRESS',
      `HTTPS egress ("${description}") is for the application tier only, not \`${tier}\`: ` +
        'the ingress tier only answers and the data tier has no route out of the VPC',
    );
    v.throwIfAny();
    this.tierGroups[tier].addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), description);
  }

  /**
   * The data tier's ACL: deny the ingress tier's subnets first (rules 100+), then allow the
   * application tier's subnets (200+) and the data tier's own (300+), in both directions; anything
   * else meets the ACL's final deny. Allowing all ports in both directions between application and
   * data subnets carries the return traffic on ephemeral ports both ways (application clients of
   * the data stores, and data-tier callers of the interface endpoints); security groups then
   * decide ports.
   */
  private dataTierAcl(): ec2.NetworkAcl {
    const acl = new ec2.NetworkAcl(this, 'DataAcl', {
      vpc: this.vpc,
      subnetSelection: this.subnetsFor(Tier.DATA),
    });
    const plan: { tier: Tier; base: number; action: ec2.Action }[] = [
      { tier: Tier.INGRESS, base: 100, action: ec2.Action.DENY },
      { tier: Tier.APPLICATION, base: 200, action: ec2.Action.ALLOW },
      { tier: Tier.DATA, base: 300, action: ec2.Action.ALLOW },
    ];
    for (const { tier, base, action } of plan) {
      const subnets = this.vpc.selectSubnets(this.subnetsFor(tier)).subnets;
      subnets.forEach((subnet, i) => {
        for (const direction of [ec2.TrafficDirection.INGRESS, ec2.TrafficDirection.EGRESS]) {
          const way = direction === ec2.TrafficDirection.INGRESS ? 'From' : 'To';
          acl.addEntry(`${action === ec2.Action.DENY ? 'Deny' : 'Allow'}${way}${tier}${i + 1}`, {
            ruleNumber: base + i,
            cidr: ec2.AclCidr.ipv4(subnet.ipv4CidrBlock),
            traffic: ec2.AclTraffic.allTraffic(),
            direction,
            ruleAction: action,
          });
        }
      });
    }
    return acl;
  }

  /** `arn:<partition>:logs:<region>:<account>:log-group:<name>`, the form Route 53 Resolver takes. */
  private logGroupArnWithoutSuffix(group: logs.LogGroup): string {
    return Stack.of(this).formatArn({
      service: 'logs',
      resource: 'log-group',
      resourceName: group.logGroupName,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
  }

  /** A customer-managed key for the audit log group, usable by CloudWatch Logs in this account and region. */
  private auditLogEncryptionKey(): kms.Key {
    const key = new kms.Key(this, 'AuditLogKey', {
      description: 'Encrypts the VPC flow and DNS query log group',
      enableKeyRotation: true,
      rotationPeriod: Duration.days(365),
      removalPolicy: RemovalPolicy.RETAIN,
      pendingWindow: Duration.days(30),
    });
    const stack = Stack.of(this);
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'CloudWatchLogsUse',
        principals: [new iam.ServicePrincipal(`logs.${stack.region}.amazonaws.com`)],
        actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        resources: ['*'],
        conditions: {
          ArnLike: {
            'kms:EncryptionContext:aws:logs:arn': `arn:${stack.partition}:logs:${stack.region}:${stack.account}:log-group:*`,
          },
        },
      }),
    );
    return key;
  }
}
