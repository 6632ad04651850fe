import type { ResourceGraph } from '../../graph/graph';
import type { Resource } from '../../graph/resource';
import { ResourceRef, Unknown, asList, get, show, type Value } from '../../graph/values';
import type { Fact, PlacementView } from '../kinds';
import { displayName } from '../common/naming';
import type { AdapterContext } from '../registry';

/** Where a type keeps its security groups and subnets, as property paths. */
interface PlacementShape {
  readonly firewalls: readonly (readonly string[])[];
  readonly subnets: readonly (readonly string[])[];
  /** Subnet group property naming a subnet group resource (its type and its subnets property). */
  readonly subnetGroup?: { readonly property: string; readonly type: string; readonly subnets: string };
  /** Property naming a parent the resource takes its placement from when it declares none. */
  readonly parent?: string;
}

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
    parent: 'DBClusterIdentifier',
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

/** Values at a property path; `*` walks every entry of a list. */
function at(v: Value | undefined, path: readonly string[]): Value[] {
  if (path.length === 0) return v === undefined || v === null ? [] : [v];
  const [head, ...rest] = path;
  if (v instanceof Unknown) return [v];
  if (head === '*') return asList(v).flatMap((x) => at(x, rest));
  const next = get(v, head!);
  return at(next, rest);
}

/** The addresses or identifiers a list of values names; Unknown when one cannot be read. */
function names(values: readonly Value[]): Fact<string[]> {
  const out: string[] = [];
  for (const v of values.flatMap((x) => (x instanceof Unknown ? [x] : asList(x)))) {
    if (v instanceof ResourceRef) out.push(v.address);
    else if (typeof v === 'string') out.push(v);
    else if (v instanceof Unknown) return v;
    else return new Unknown(`network placement names ${show(v)}`);
  }
  return [...new Set(out)].sort();
}

function subnetsOfGroup(r: Resource, shape: PlacementShape, graph: ResourceGraph): Fact<string[]> {
  const group = shape.subnetGroup;
  if (!group) return [];
  const named = r.properties[group.property];
  if (named === undefined) return [];
  const target = graph.target(named, r, group.type);
  if (target instanceof Unknown) return target;
  if (!target) return new Unknown(`subnet group ${show(named)} is not in the template`);
  return names([target.properties[group.subnets] ?? null]);
}

function merge(a: Fact<string[]>, b: Fact<string[]>): Fact<string[]> {
  if (a instanceof Unknown) return a;
  if (b instanceof Unknown) return b;
  return [...new Set([...a, ...b])].sort();
}

/**
 * Any resource of a type in {@link SHAPES} -> placement: its security groups and subnets (through
 * its subnet group where it names one). A database instance of a cluster takes the cluster's.
 * Resources of other types, and those not placed in a network, have no placement view.
 */
export function placementView(r: Resource, ctx: AdapterContext): PlacementView | undefined {
  const shape = Object.hasOwn(SHAPES, r.type) ? SHAPES[r.type] : undefined;
  if (!shape) return undefined;
  let firewalls = names(shape.firewalls.flatMap((p) => at(r.properties, p)));
  let subnets = merge(
    names(shape.subnets.flatMap((p) => at(r.properties, p))),
    subnetsOfGroup(r, shape, ctx.graph),
  );
  const parentRef = shape.parent ? r.properties[shape.parent] : undefined;
  if (parentRef !== undefined) {
    const parent = ctx.graph.target(parentRef, r, 'AWS::RDS::DBCluster');
    if (parent instanceof Unknown) return { ...base(r), firewalls: parent, subnets: parent };
    const inherited = parent ? placementView(parent, ctx) : undefined;
    if (inherited) {
      firewalls = merge(firewalls, inherited.firewalls as Fact<string[]>);
      subnets = merge(subnets, inherited.subnets as Fact<string[]>);
    }
  }
  const empty = (f: Fact<string[]>) => Array.isArray(f) && f.length === 0;
  if (empty(firewalls) && empty(subnets)) return undefined;
  return { ...base(r), firewalls, subnets };
}

function base(r: Resource) {
  return { kind: 'placement' as const, resource: r, name: displayName(r) };
}
