import type { ResourceGraph } from '../../graph/graph';
import type { Resource } from '../../graph/resource';
import { ResourceRef } from '../../graph/values';
import { planCollector, vaultCollector } from './backup';
import { trailCollector } from './cloudtrail';
import { tableCollector } from './dynamodb';
import { securityGroupCollector, subnetCollector, volumeCollector, vpcCollector } from './ec2';
import { listenerCollector, loadBalancerCollector } from './elbv2';
import { kmsCollector } from './kms';
import { logGroupCollector } from './logs';
import { detectorCollector, hubCollector, recorderCollector, standardCollector } from './posture';
import { dbClusterCollector, dbInstanceCollector } from './rds';
import { s3Collector } from './s3';
import type { Collector } from './types';

export type { CollectContext, Collected, Collector, ReadError } from './types';
export { ResourceGone } from './types';

/** Every live collector. */
export const COLLECTORS: readonly Collector[] = [
  s3Collector,
  kmsCollector,
  securityGroupCollector,
  vpcCollector,
  subnetCollector,
  volumeCollector,
  trailCollector,
  logGroupCollector,
  tableCollector,
  dbInstanceCollector,
  dbClusterCollector,
  listenerCollector,
  loadBalancerCollector,
  vaultCollector,
  planCollector,
  detectorCollector,
  hubCollector,
  standardCollector,
  recorderCollector,
];

const BY_TYPE = new Map<string, Collector>();
for (const c of COLLECTORS) for (const t of c.types) BY_TYPE.set(t, c);

/** The collector of a CloudFormation type, if drift reads that type. */
export function collectorFor(type: string): Collector | undefined {
  return BY_TYPE.get(type);
}

/**
 * Types whose live state another resource's collector reads: a bucket policy with its bucket, a
 * standalone ingress rule with its group, a flow log with its VPC, a backup selection with its plan.
 * `property` names the reference to that resource.
 */
export const COVERED: Readonly<Record<string, { readonly parentType: string; readonly property: string }>> = {
  'AWS::S3::BucketPolicy': { parentType: 'AWS::S3::Bucket', property: 'Bucket' },
  'AWS::EC2::SecurityGroupIngress': { parentType: 'AWS::EC2::SecurityGroup', property: 'GroupId' },
  'AWS::EC2::SecurityGroupEgress': { parentType: 'AWS::EC2::SecurityGroup', property: 'GroupId' },
  'AWS::EC2::FlowLog': { parentType: 'AWS::EC2::VPC', property: 'ResourceId' },
  'AWS::Backup::BackupSelection': { parentType: 'AWS::Backup::BackupPlan', property: 'BackupPlanId' },
};

/** The desired resource whose collector reads `r` along with itself, if there is one. */
export function coveringParent(r: Resource, graph: ResourceGraph): Resource | undefined {
  const cover = COVERED[r.type];
  if (!cover) return undefined;
  const v = r.properties[cover.property];
  if (!(v instanceof ResourceRef)) return undefined;
  const parent = graph.get(v.address);
  return parent?.type === cover.parentType ? parent : undefined;
}
