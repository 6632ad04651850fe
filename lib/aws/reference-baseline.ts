import { Aspects, Stack, type App, type StackProps } from 'aws-cdk-lib';
import * as codebuild from 'aws-cdk-lib/aws-codebuild';
import type * as ecs from 'aws-cdk-lib/aws-ecs';
import type { Construct } from 'constructs';
import { Classification } from '../classification';
import { acknowledge } from './baseline/acknowledge';
import { BaselineBackups } from './baseline/backups';
import { DataEstate } from './baseline/data-estate';
import { DisasterRecoveryStack } from './baseline/disaster-recovery';
import { EncryptImplicitLogGroups } from './baseline/implicit-log-groups';
import { SecurityOperations } from './baseline/security-operations';
import {
  CERTIFICATE_ARN_CONTEXT,
  DR_REGION_CONTEXT,
  baselineEnvironment,
  concreteRegion,
  contextString,
  drRegionFor,
  placeholderCertificateArn,
} from './baseline/settings';
import { WebTier } from './baseline/web-tier';
import { DriftDetectionSchedule } from './drift';
import { SegmentedVpc } from './network';

/** Props of {@link ReferenceBaselineStack}. */
export interface ReferenceBaselineStackProps extends StackProps {
  /**
   * ACM certificate of the public HTTPS listener (an issued certificate in the stack's region).
   * @default - the `certificateArn` context value, else a placeholder ARN
   * (`arn:aws:acm:<region>:<account>:certificate/00000000-0000-0000-0000-000000000000`) that
   * synthesizes but does not deploy
   */
  readonly certificateArn?: string;
  /**
   * Region receiving the cross-region copies of RESTRICTED and TOP_SECRET backups.
   * @default - the `drRegion` context value, else eu-central-1 (eu-west-1 when the stack is in eu-central-1)
   */
  readonly drRegion?: string;
  /**
   * Copy destination vault per level, instead of `bulwark-dr-<level>` in `drRegion`
   * (`arn:aws:backup:<drRegion>:<account>:backup-vault:bulwark-dr-restricted`).
   * @default - the vaults of {@link DisasterRecoveryStack}
   */
  readonly copyDestinationVaultArns?: Partial<Record<Classification, string>>;
  /**
   * Image of the web service (runs as UID 101 on port 8080, writes only below /tmp).
   * @default - `public.ecr.aws/nginx/nginx-unprivileged:stable-alpine`
   */
  readonly webImage?: ecs.ContainerImage;
  /**
   * Where the scheduled drift check gets the source of this CDK app (with `bulwark` among its
   * dependencies) to synthesize the desired state.
   * @default - the object `drift/source.zip` in the INTERNAL object store (upload it from CI)
   */
  readonly driftSource?: codebuild.ISource;
}

/** Key of the app's source archive in the INTERNAL object store, for the drift check. */
export const DRIFT_SOURCE_KEY = 'drift/source.zip';

/**
 * The reference security baseline: every Bulwark construct composed into one estate.
 *
 * - security operations: incident routing, the audit log sink (multi-region trail, immutable
 *   bucket, CIS alarms), posture services (Config, Security Hub, GuardDuty, Access Analyzer,
 *   Inspector, ECR scanning);
 * - a segmented VPC (ingress, application, data tiers; flow and DNS query logs; endpoints);
 * - backups of every level from INTERNAL up, copied to the disaster-recovery region from RESTRICTED;
 * - a data estate with an object store of each of the five levels and one store of every other kind;
 * - a web tier: internet-facing load balancer with hardened listeners and WAF, sandboxed service;
 * - a daily drift check of the deployed stack against this app, reporting to the incident topics.
 */
export class ReferenceBaselineStack extends Stack {
  readonly operations: SecurityOperations;
  readonly network: SegmentedVpc;
  readonly backups: BaselineBackups;
  readonly data: DataEstate;
  readonly web: WebTier;
  /** The daily `bulwark drift` run comparing the deployed stack with this app. */
  readonly drift: DriftDetectionSchedule;
  /** Region of the disaster-recovery vaults. */
  readonly drRegion: string;

  constructor(scope: Construct, id: string, props: ReferenceBaselineStackProps = {}) {
    super(scope, id, props);
    this.drRegion =
      props.drRegion ?? contextString(this, DR_REGION_CONTEXT) ?? drRegionFor(concreteRegion(this));

    this.operations = new SecurityOperations(this, 'Operations');
    this.network = new SegmentedVpc(this, 'Network');
    acknowledge(
      this.network,
      'BW-NS-023',
      "the endpoints keep AWS's default endpoint policy: the roles behind them are least-privilege " +
        '(their identity policies name their buckets, tables, keys and secrets), and which outside ' +
        'resources a workload must reach through an endpoint (AWS-owned repositories, partner buckets) ' +
        'is known per deployment, not to the baseline',
    );
    this.backups = new BaselineBackups(this, 'Backups', {
      drRegion: this.drRegion,
      copyDestinationVaultArns: props.copyDestinationVaultArns,
      failureTopic: this.operations.incidents.topicFor('high'),
    });
    this.data = new DataEstate(this, 'Data', {
      network: this.network,
      operations: this.operations,
      backups: this.backups,
    });
    this.web = new WebTier(this, 'Web', {
      network: this.network,
      certificateArn:
        props.certificateArn ??
        contextString(this, CERTIFICATE_ARN_CONTEXT) ??
        placeholderCertificateArn(this),
      logGroup: this.data.logGroup.logGroup,
      accessLogsBucket: this.operations.audit.accessLogBucket,
      image: props.webImage,
    });
    this.drift = new DriftDetectionSchedule(this, 'Drift', {
      source:
        props.driftSource ??
        codebuild.Source.s3({
          bucket: this.data.objectStores[Classification.INTERNAL].bucket,
          path: DRIFT_SOURCE_KEY,
        }),
      incidentTopic: this.operations.incidents.topicFor('high'),
      stacks: [id],
    });
    Aspects.of(this).add(new EncryptImplicitLogGroups(this.network.auditLogKey!));
  }
}

/** Name of the reference baseline stack. */
export const BASELINE_STACK_NAME = 'BulwarkBaseline';

/** The stacks of the reference baseline. */
export interface ReferenceBaseline {
  readonly baseline: ReferenceBaselineStack;
  /** The vaults of the disaster-recovery region. */
  readonly disasterRecovery: DisasterRecoveryStack;
}

/**
 * Add the reference baseline to `app`: the `BulwarkBaseline` stack, in the CLI's account and region
 * (us-east-1 when none is set), and `BulwarkBaseline-DR`, the disaster-recovery vaults in the
 * region its backups are copied to.
 */
export function addReferenceBaseline(app: App, env = baselineEnvironment()): ReferenceBaseline {
  const baseline = new ReferenceBaselineStack(app, BASELINE_STACK_NAME, {
    env,
    description: 'Bulwark reference security baseline',
  });
  const disasterRecovery = new DisasterRecoveryStack(app, `${BASELINE_STACK_NAME}-DR`, {
    env: { account: env.account, region: baseline.drRegion },
    description: 'Bulwark reference baseline: disaster-recovery backup vaults',
  });
  // The copy destinations exist before the first backup is copied (`cdk deploy --all` order).
  baseline.node.addDependency(disasterRecovery);
  return { baseline, disasterRecovery };
}
