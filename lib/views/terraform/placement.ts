import { placementAdapter, type PlacementShape } from '../common/placement';
import { unset } from './arguments';

const DB_SUBNET_GROUP = {
  property: 'db_subnet_group_name',
  type: 'aws_db_subnet_group',
  subnets: 'subnet_ids',
};
const LOAD_BALANCER: PlacementShape = {
  firewalls: [['security_groups']],
  subnets: [['subnets'], ['subnet_mapping', '*', 'subnet_id']],
};

/** The AWS provider types that sit in a network, and the arguments that say where. */
const SHAPES: Readonly<Record<string, PlacementShape>> = {
  aws_db_instance: { firewalls: [['vpc_security_group_ids']], subnets: [], subnetGroup: DB_SUBNET_GROUP },
  aws_rds_cluster: { firewalls: [['vpc_security_group_ids']], subnets: [], subnetGroup: DB_SUBNET_GROUP },
  aws_rds_cluster_instance: {
    firewalls: [],
    subnets: [],
    subnetGroup: DB_SUBNET_GROUP,
    parent: { property: 'cluster_identifier', type: 'aws_rds_cluster' },
  },
  aws_lb: LOAD_BALANCER,
  aws_alb: LOAD_BALANCER,
  aws_elb: { firewalls: [['security_groups']], subnets: [['subnets']] },
  aws_lambda_function: {
    firewalls: [['vpc_config', '*', 'security_group_ids']],
    subnets: [['vpc_config', '*', 'subnet_ids']],
  },
  aws_instance: { firewalls: [['vpc_security_group_ids'], ['security_groups']], subnets: [['subnet_id']] },
  aws_ecs_service: {
    firewalls: [['network_configuration', '*', 'security_groups']],
    subnets: [['network_configuration', '*', 'subnets']],
  },
  aws_elasticache_replication_group: {
    firewalls: [['security_group_ids']],
    subnets: [],
    subnetGroup: {
      property: 'subnet_group_name',
      type: 'aws_elasticache_subnet_group',
      subnets: 'subnet_ids',
    },
  },
  aws_vpc_endpoint: { firewalls: [['security_group_ids']], subnets: [['subnet_ids']] },
};

/**
 * Any resource of a type in {@link SHAPES} -> placement: its security groups and subnets (through its
 * subnet group where it names one); a cluster instance adds its cluster's. An argument the provider
 * computes (known only after apply, nothing configured) places nothing.
 */
export const placementView = placementAdapter(SHAPES, unset);
