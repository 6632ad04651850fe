import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import type * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { Classification, requirementsFor } from '../../classification';
import { tagClassification } from '../common/classified';
import { SandboxedService, SandboxedTaskDefinition } from '../containers';
import { Tier, type SegmentedVpc } from '../network';
import { BaselineWebAcl, HardenedAlbListeners } from '../tls';
import { acknowledge, acknowledgeAuditScope } from './acknowledge';

/**
 * An image that serves HTTP as an unprivileged user (UID 101) on port 8080 and writes only below
 * `/tmp`: it runs under the sandbox (read-only root filesystem, no capabilities) unchanged.
 */
export const DEFAULT_WEB_IMAGE = 'public.ecr.aws/nginx/nginx-unprivileged:stable-alpine';

/** Port the web containers listen on. */
const APP_PORT = 8080;

/** Props of {@link WebTier}. */
export interface WebTierProps {
  /** The network: load balancer in the ingress tier, tasks in the application tier. */
  readonly network: SegmentedVpc;
  /** ARN of the ACM certificate of the HTTPS listener. */
  readonly certificateArn: string;
  /** Log group of the containers. */
  readonly logGroup: logs.ILogGroup;
  /** Bucket receiving the server access logs of the load balancer's access-log bucket. */
  readonly accessLogsBucket: s3.IBucket;
  /**
   * Classification of the data the service serves: decides the listener's TLS policy.
   * @default Classification.CONFIDENTIAL
   */
  readonly classification?: Classification;
  /**
   * Image of the web containers: it must run as UID 101 on port 8080 with a read-only root.
   * @default DEFAULT_WEB_IMAGE
   */
  readonly image?: ecs.ContainerImage;
}

/**
 * The public entry point: an internet-facing Application Load Balancer in the ingress tier (invalid
 * headers dropped, strictest desync mitigation, deletion protection), hardened listeners (HTTPS
 * with the level's TLS policy, HTTP only redirecting), the baseline WAF web ACL, and a sandboxed
 * Fargate service in the application tier behind it. The only flows opened are the internet to the
 * load balancer (443, and 80 for the redirect) and the load balancer to the tasks (8080).
 */
export class WebTier extends Construct {
  readonly loadBalancer: elbv2.ApplicationLoadBalancer;
  /** The load balancer's access logs (INTERNAL: client addresses and request lines). */
  readonly loadBalancerLogs: s3.Bucket;
  readonly listeners: HardenedAlbListeners;
  readonly webAcl: BaselineWebAcl;
  readonly cluster: ecs.Cluster;
  readonly taskDefinition: SandboxedTaskDefinition;
  readonly service: SandboxedService;

  constructor(scope: Construct, id: string, props: WebTierProps) {
    super(scope, id);
    const { network } = props;
    const level = props.classification ?? Classification.CONFIDENTIAL;

    network.allowInternetHttps({ redirectHttp: true });
    network.allowFlow(
      Tier.INGRESS,
      Tier.APPLICATION,
      ec2.Port.tcp(APP_PORT),
      'Load balancer to the web tasks',
    );
    network.allowHttpsEgress(Tier.APPLICATION, 'Pull container images (ECR Public through NAT)');

    this.loadBalancer = new elbv2.ApplicationLoadBalancer(this, 'LoadBalancer', {
      vpc: network.vpc,
      internetFacing: true,
      vpcSubnets: network.subnetsFor(Tier.INGRESS),
      securityGroup: network.securityGroupFor(Tier.INGRESS),
      dropInvalidHeaderFields: true,
      desyncMitigationMode: elbv2.DesyncMitigationMode.STRICTEST,
      deletionProtection: true,
    });
    tagClassification(this.loadBalancer, level);
    this.loadBalancerLogs = this.accessLogBucket(props.accessLogsBucket);
    this.loadBalancer.logAccessLogs(this.loadBalancerLogs, 'alb');
    acknowledge(
      this.loadBalancer,
      'BW-NS-021',
      'Shield Advanced is an organization-wide subscription (monthly fee, one-year commitment) decided ' +
        'per organization, not per stack; this load balancer has Shield Standard, the WAF rate-based ' +
        'rule and the AWS managed rule groups, and alarms route to the incident topics',
    );

    this.cluster = new ecs.Cluster(this, 'Cluster', {
      vpc: network.vpc,
      containerInsightsV2: ecs.ContainerInsights.ENHANCED,
    });
    this.taskDefinition = new SandboxedTaskDefinition(this, 'Task', { logGroup: props.logGroup });
    this.taskDefinition.addSandboxedContainer('web', {
      image: props.image ?? ecs.ContainerImage.fromRegistry(DEFAULT_WEB_IMAGE),
      cpu: 256,
      memoryLimitMiB: 512,
      user: '101:101',
      portMappings: [{ containerPort: APP_PORT }],
      scratchPaths: ['/tmp'],
    });
    this.service = new SandboxedService(this, 'Service', {
      cluster: this.cluster,
      taskDefinition: this.taskDefinition,
      network,
      desiredCount: 2,
      healthCheckGracePeriod: Duration.seconds(60),
    });
    // Keep full capacity while a deployment replaces tasks; SandboxedService has no prop for it.
    (this.service.service.node.defaultChild as ecs.CfnService).addPropertyOverride(
      'DeploymentConfiguration.MinimumHealthyPercent',
      100,
    );
    Validations.of(this.service.service).acknowledge({
      id: 'Annotation::@aws-cdk/aws-ecs:minHealthyPercent',
      reason: 'MinimumHealthyPercent is set to 100 on the CloudFormation resource',
    });

    const targets = new elbv2.ApplicationTargetGroup(this, 'Targets', {
      vpc: network.vpc,
      port: APP_PORT,
      protocol: elbv2.ApplicationProtocol.HTTP,
      targetType: elbv2.TargetType.IP,
      targets: [this.service.service],
      healthCheck: { path: '/', healthyHttpCodes: '200' },
      deregistrationDelay: Duration.seconds(30),
    });
    acknowledge(
      targets,
      'BW-NS-022',
      'TLS terminates at the load balancer; the hop to the tasks stays inside the private application ' +
        'subnets, open only to the ingress tier on the application port',
    );
    this.listeners = new HardenedAlbListeners(this, 'Listeners', {
      classification: level,
      loadBalancer: this.loadBalancer,
      certificates: [acm.Certificate.fromCertificateArn(this, 'Certificate', props.certificateArn)],
      defaultTargetGroups: [targets],
    });

    this.webAcl = new BaselineWebAcl(this, 'WebAcl');
    this.webAcl.associate(this.loadBalancer.loadBalancerArn);
  }

  /**
   * The bucket of the load balancer's access logs. ELB delivers access logs only to buckets
   * encrypted with SSE-S3, so the bucket cannot take the KMS key INTERNAL data asks for; everything
   * else is INTERNAL's: TLS only, private, versioned, expiring after 730 days, retained, backed up,
   * its own requests logged into the audit sink.
   */
  private accessLogBucket(serverAccessLogs: s3.IBucket): s3.Bucket {
    const level = Classification.INTERNAL;
    const days = requirementsFor(level).dataRetentionDays!;
    const bucket = new s3.Bucket(this, 'LoadBalancerLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      lifecycleRules: [
        {
          expiration: Duration.days(days),
          noncurrentVersionExpiration: Duration.days(requirementsFor(level).backup.retentionDays!),
          abortIncompleteMultipartUploadAfter: Duration.days(7),
        },
      ],
      serverAccessLogsBucket: serverAccessLogs,
      serverAccessLogsPrefix: 'load-balancer-logs/',
      removalPolicy: RemovalPolicy.RETAIN,
    });
    tagClassification(bucket, level);
    // Elastic Load Balancing delivers access logs only to SSE-S3 buckets; the KMS-key rules know it.
    acknowledgeAuditScope(bucket, level);
    return bucket;
  }
}
