import type { Duration } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Construct } from 'constructs';
import { Tier, type SegmentedVpc } from '../network/segmented-vpc';
import { PropsValidator } from '../common/validation';
import type { SandboxedTaskDefinition } from './sandboxed-task';

export interface SandboxedServiceProps {
  /** Cluster to run in; it must be in `network`'s VPC. */
  readonly cluster: ecs.ICluster;
  /** The sandboxed task definition to run. */
  readonly taskDefinition: SandboxedTaskDefinition;
  /** The segmented VPC the tasks run in. */
  readonly network: SegmentedVpc;
  /**
   * Tier whose private subnets and security group the tasks use: the application tier (NAT egress
   * and the S3/DynamoDB gateway endpoints, once allowed) or the isolated data tier (only addresses
   * inside the VPC: the interface endpoints and the application tier). Never the ingress tier.
   * @default Tier.APPLICATION
   * @see mcsb-v1:NS-1
   */
  readonly tier?: Tier;
  /** @default 1 */
  readonly desiredCount?: number;
  /** @default - generated */
  readonly serviceName?: string;
  /** @default - none */
  readonly healthCheckGracePeriod?: Duration;
}

/**
 * A Fargate service running a {@link SandboxedTaskDefinition} without public IP addresses, in a
 * private tier of a {@link SegmentedVpc} with that tier's security group, on the latest platform
 * version, without ECS Exec (no shell into the sandbox), rolling back failed deployments.
 *
 * It allows the tier to reach the VPC's interface endpoints on 443 (CloudWatch Logs for the
 * `awslogs` driver, Secrets Manager for `secrets`, KMS, STS). Pulling the image needs more, and
 * is declared on the network: from the application tier, `network.allowHttpsEgress(Tier.APPLICATION,
 * ...)` (ECR through NAT, layers through the S3 gateway endpoint); or ECR interface endpoints
 * (`additionalInterfaceEndpoints`) plus S3 access.
 * @see mcsb-v1:NS-1, mcsb-v1:PV-3
 */
export class SandboxedService extends Construct {
  /** The underlying service. */
  readonly service: ecs.FargateService;
  /** The tier the tasks run in. */
  readonly tier: Tier;

  constructor(scope: Construct, id: string, props: SandboxedServiceProps) {
    super(scope, id);
    this.tier = props.tier ?? Tier.APPLICATION;
    const v = new PropsValidator(this);
    v.check(
      this.tier !== Tier.INGRESS,
      'BULWARK_SERVICE_TIER',
      '`tier` INGRESS puts sandboxed tasks in public subnets: use Tier.APPLICATION or Tier.DATA',
    );
    v.check(
      props.cluster.vpc === props.network.vpc,
      'BULWARK_SERVICE_CLUSTER_VPC',
      "`cluster` is not in `network`'s VPC: create the cluster with `vpc: network.vpc`",
    );
    v.throwIfAny();

    props.network.allowEndpointAccess(this.tier);
    this.service = new ecs.FargateService(this, 'Resource', {
      cluster: props.cluster,
      taskDefinition: props.taskDefinition.taskDefinition,
      assignPublicIp: false,
      vpcSubnets: props.network.subnetsFor(this.tier),
      securityGroups: [props.network.securityGroupFor(this.tier)],
      platformVersion: ecs.FargatePlatformVersion.LATEST,
      enableExecuteCommand: false,
      circuitBreaker: { rollback: true },
      desiredCount: props.desiredCount,
      serviceName: props.serviceName,
      healthCheckGracePeriod: props.healthCheckGracePeriod,
      propagateTags: ecs.PropagatedTagSource.SERVICE,
    });
  }
}
