import type { Value } from '../../graph/values';
import { placementAdapter, type PlacementShape } from '../common/placement';

const RDS_SUBNET_GROUP = {
  property: 'DBSubnetGroupName',
  type: 'AWS::RDS::DBSubnetGroup',
  subnets: 'SubnetIds',
};

/** The CloudFormation types that sit in a network, and where they say so. */
const SHAPES: Readonly<Record<string, PlacementShape>> = {
  'AWS::RDS::DBInstance': {
    firewalls: [['VPCSecurityGroups']],
    subnets: [],
    subnetGroup: RDS_SUBNET_GROUP,
    parent: { property: 'DBClusterIdentifier', type: 'AWS::RDS::DBCluster' },
  },
  'AWS::RDS::DBCluster': { firewalls: [['VpcSecurityGroupIds']], subnets: [], subnetGroup: RDS_SUBNET_GROUP },
  'AWS::ElasticLoadBalancingV2::LoadBalancer': {
    firewalls: [['SecurityGroups']],
    subnets: [['Subnets'], ['SubnetMappings', '*', 'SubnetId']],
  },
  'AWS::ElasticLoadBalancing::LoadBalancer': { firewalls: [['SecurityGroups']], subnets: [['Subnets']] },
  'AWS::Lambda::Function': {
    firewalls: [['VpcConfig', 'SecurityGroupIds']],
    subnets: [['VpcConfig', 'SubnetIds']],
  },
  'AWS::EC2::Instance': {
    firewalls: [['SecurityGroupIds'], ['NetworkInterfaces', '*', 'GroupSet']],
    subnets: [['SubnetId'], ['NetworkInterfaces', '*', 'SubnetId']],
  },
  'AWS::ECS::Service': {
    firewalls: [['NetworkConfiguration', 'AwsvpcConfiguration', 'SecurityGroups']],
    subnets: [['NetworkConfiguration', 'AwsvpcConfiguration', 'Subnets']],
  },
  'AWS::ElastiCache::ReplicationGroup': {
    firewalls: [['SecurityGroupIds']],
    subnets: [],
    subnetGroup: {
      property: 'CacheSubnetGroupName',
      type: 'AWS::ElastiCache::SubnetGroup',
      subnets: 'SubnetIds',
    },
  },
  'AWS::EC2::VPCEndpoint': { firewalls: [['SecurityGroupIds']], subnets: [['SubnetIds']] },
};

/**
 * Any resource of a type in {@link SHAPES} -> placement: its security groups and subnets (through
 * its subnet group where it names one). A database instance of a cluster takes the cluster's.
 */
export const placementView = placementAdapter(
  SHAPES,
  (v: Value | undefined) => v === undefined || v === null,
);
