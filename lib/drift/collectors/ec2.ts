import {
  DescribeFlowLogsCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVolumesCommand,
  DescribeVpcsCommand,
  type IpPermission,
  type SecurityGroup,
} from '@aws-sdk/client-ec2';
import type { Resource } from '../../graph/resource';
import { ResourceRef, Unknown, type Value } from '../../graph/values';
import { childPath, compact, keyValue, liveResource, Reads, tagMap } from './common';
import type { CollectContext, Collected, Collector } from './types';

const SG = 'AWS::EC2::SecurityGroup';
const VPC = 'AWS::EC2::VPC';
const FLOW_LOG = 'AWS::EC2::FlowLog';

/** Address suffix of the live default security group of a VPC. */
export const DEFAULT_SECURITY_GROUP_SUFFIX = '#default-security-group';

/**
 * The rules of a group's permissions, one CloudFormation rule per peer (address range, group,
 * prefix list), as `SecurityGroupIngress`/`SecurityGroupEgress` entries.
 */
function rulesOf(
  ctx: CollectContext,
  permissions: readonly IpPermission[] | undefined,
  egress: boolean,
): Value[] {
  const out: Value[] = [];
  const groupRef = (id: string | undefined) => ctx.ids.refOrId(id, ctx.graph, [SG]);
  for (const perm of permissions ?? []) {
    const base = compact({ IpProtocol: perm.IpProtocol, FromPort: perm.FromPort, ToPort: perm.ToPort });
    for (const r of perm.IpRanges ?? [])
      out.push(compact({ ...base, CidrIp: r.CidrIp, Description: r.Description }));
    for (const r of perm.Ipv6Ranges ?? [])
      out.push(compact({ ...base, CidrIpv6: r.CidrIpv6, Description: r.Description }));
    for (const r of perm.UserIdGroupPairs ?? []) {
      out.push(
        compact({
          ...base,
          [egress ? 'DestinationSecurityGroupId' : 'SourceSecurityGroupId']: groupRef(r.GroupId),
          Description: r.Description,
        }),
      );
    }
    for (const r of perm.PrefixListIds ?? []) {
      out.push(
        compact({
          ...base,
          [egress ? 'DestinationPrefixListId' : 'SourcePrefixListId']: r.PrefixListId,
          Description: r.Description,
        }),
      );
    }
  }
  return out;
}

/** A group in CloudFormation's shape. Egress is always listed, so a group without any has none. */
function groupProperties(ctx: CollectContext, g: SecurityGroup): Record<string, Value> {
  return compact({
    GroupName: g.GroupName,
    GroupDescription: g.Description,
    VpcId: ctx.ids.refOrId(g.VpcId, ctx.graph, [VPC]),
    SecurityGroupIngress: rulesOf(ctx, g.IpPermissions, false),
    SecurityGroupEgress: rulesOf(ctx, g.IpPermissionsEgress, true),
  });
}

/**
 * `AWS::EC2::SecurityGroup`: every ingress and egress rule, whoever added it (inline, standalone
 * ingress resources, or out of band), as the group's inline rules.
 */
export const securityGroupCollector: Collector = {
  types: [SG],
  async collect(ctx: CollectContext): Promise<Collected> {
    const reads = new Reads(['InvalidGroup.NotFound', 'InvalidGroupId.NotFound']);
    const out = await reads.primary(() =>
      ctx.aws.send(new DescribeSecurityGroupsCommand({ GroupIds: [ctx.physicalId] })),
    );
    const g = out.SecurityGroups?.[0];
    if (!g) throw new Error(`DescribeSecurityGroups returned no group for ${ctx.physicalId}`);
    return reads.result([liveResource(ctx.desired, groupProperties(ctx, g), tagMap(g.Tags))]);
  },
};

/**
 * `AWS::EC2::VPC`: its CIDR, its flow logs (each a live `AWS::EC2::FlowLog` referencing it, at the
 * address of the flow log declared in the template when it is one), and its default security group
 * (a live `AWS::EC2::SecurityGroup` named `default`, which only live state can show).
 */
export const vpcCollector: Collector = {
  types: [VPC],
  async collect(ctx: CollectContext): Promise<Collected> {
    const VpcId = ctx.physicalId;
    const aws = ctx.aws;
    const reads = new Reads(['InvalidVpcID.NotFound']);
    const described = await reads.primary(() => aws.send(new DescribeVpcsCommand({ VpcIds: [VpcId] })));
    const vpc = described.Vpcs?.[0];
    if (!vpc) throw new Error(`DescribeVpcs returned no VPC for ${VpcId}`);
    const [flowLogs, defaults] = await Promise.all([
      reads.optional('FlowLogs', () =>
        aws.send(new DescribeFlowLogsCommand({ Filter: [{ Name: 'resource-id', Values: [VpcId] }] })),
      ),
      reads.optional('DefaultSecurityGroup', () =>
        aws.send(
          new DescribeSecurityGroupsCommand({
            Filters: [
              { Name: 'vpc-id', Values: [VpcId] },
              { Name: 'group-name', Values: ['default'] },
            ],
          }),
        ),
      ),
    ]);
    const resources: Resource[] = [
      liveResource(ctx.desired, compact({ CidrBlock: vpc.CidrBlock }), tagMap(vpc.Tags)),
    ];
    const self = new ResourceRef(ctx.desired.address);
    if (flowLogs instanceof Unknown) {
      resources.push(
        liveResource(
          ctx.desired,
          { ResourceId: self, ResourceType: 'VPC', TrafficType: flowLogs },
          {},
          {
            address: `${ctx.desired.address}#flow-logs`,
            type: FLOW_LOG,
          },
        ),
      );
    } else {
      for (const f of flowLogs?.FlowLogs ?? []) {
        const declared = ctx.ids.addressOf(f.FlowLogId, ctx.graph, [FLOW_LOG]);
        resources.push(
          liveResource(
            ctx.desired,
            compact({
              ResourceId: self,
              ResourceType: 'VPC',
              TrafficType: f.TrafficType,
              LogDestinationType: f.LogDestinationType,
              LogDestination: f.LogDestination,
              LogGroupName: f.LogGroupName,
            }),
            tagMap(f.Tags),
            {
              address: declared ?? `${ctx.desired.address}#flow-log/${f.FlowLogId}`,
              type: FLOW_LOG,
              desired: declared ? ctx.graph.get(declared) : undefined,
            },
          ),
        );
      }
    }
    const group = defaults instanceof Unknown ? undefined : defaults?.SecurityGroups?.[0];
    if (group) {
      resources.push(
        liveResource(ctx.desired, groupProperties(ctx, group), tagMap(group.Tags), {
          address: `${ctx.desired.address}${DEFAULT_SECURITY_GROUP_SUFFIX}`,
          type: SG,
          path: childPath(ctx.desired, 'DefaultSecurityGroup'),
        }),
      );
    }
    return reads.result(resources);
  },
};

/** `AWS::EC2::Subnet`: whether instances get a public IP on launch. */
export const subnetCollector: Collector = {
  types: ['AWS::EC2::Subnet'],
  async collect(ctx: CollectContext): Promise<Collected> {
    const reads = new Reads(['InvalidSubnetID.NotFound']);
    const out = await reads.primary(() =>
      ctx.aws.send(new DescribeSubnetsCommand({ SubnetIds: [ctx.physicalId] })),
    );
    const s = out.Subnets?.[0];
    if (!s) throw new Error(`DescribeSubnets returned no subnet for ${ctx.physicalId}`);
    const properties = compact({
      VpcId: ctx.ids.refOrId(s.VpcId, ctx.graph, [VPC]),
      CidrBlock: s.CidrBlock,
      AvailabilityZone: s.AvailabilityZone,
      MapPublicIpOnLaunch: s.MapPublicIpOnLaunch ?? false,
    });
    return reads.result([liveResource(ctx.desired, properties, tagMap(s.Tags))]);
  },
};

/** `AWS::EC2::Volume`: whether it is encrypted, and with which key (known for certain once it exists). */
export const volumeCollector: Collector = {
  types: ['AWS::EC2::Volume'],
  async collect(ctx: CollectContext): Promise<Collected> {
    const reads = new Reads(['InvalidVolume.NotFound']);
    const out = await reads.primary(() =>
      ctx.aws.send(new DescribeVolumesCommand({ VolumeIds: [ctx.physicalId] })),
    );
    const v = out.Volumes?.[0];
    if (!v) throw new Error(`DescribeVolumes returned no volume for ${ctx.physicalId}`);
    const properties = compact({
      Encrypted: v.Encrypted ?? false,
      KmsKeyId: v.Encrypted ? await keyValue(ctx, reads, 'KmsKeyId', v.KmsKeyId, 'ebs') : undefined,
      Size: v.Size,
      VolumeType: v.VolumeType,
      AvailabilityZone: v.AvailabilityZone,
    });
    return reads.result([liveResource(ctx.desired, properties, tagMap(v.Tags))]);
  },
};
