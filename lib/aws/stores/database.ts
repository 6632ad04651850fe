import { ArnFormat, Duration, Names, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as rds from 'aws-cdk-lib/aws-rds';
import { Construct } from 'constructs';
import { Classification, requirementsFor } from '../../classification';
import { tagClassification, type ClassifiedProps } from '../common/classified';
import { PropsValidator } from '../common/validation';
import { clearanceCondition, requiresPerimeter, storeKey, validateKey } from './access';
import { ClassifiedLogGroup } from './log-group';

/** Aurora keeps automated backups at least one day: the nearest setting to "no backups". */
const MIN_BACKUP_RETENTION_DAYS = 1;
const LOG_EXPORT = 'postgresql';

/** Props of {@link ClassifiedDatabase}. */
export interface ClassifiedDatabaseProps extends ClassifiedProps {
  /** VPC the cluster runs in. */
  readonly vpc: ec2.IVpc;
  /**
   * Subnets of the cluster: isolated ones (no route to or from the internet).
   *
   * @default { subnetType: ec2.SubnetType.PRIVATE_ISOLATED }
   * @see mcsb-v1:NS-2
   */
  readonly vpcSubnets?: ec2.SubnetSelection;
  /**
   * Security groups of the cluster.
   *
   * @default - a new group without ingress or egress rules (allow flows with `cluster.connections`)
   */
  readonly securityGroups?: ec2.ISecurityGroup[];
  /**
   * A customer-managed key for storage and the master user secret (CONFIDENTIAL may share one; from
   * RESTRICTED up the cluster creates its own and this prop is an error).
   *
   * @default - the AWS managed key `aws/rds` below CONFIDENTIAL; a new customer key from CONFIDENTIAL up
   * @see classification:AT-REST, mcsb-v1:DP-5
   */
  readonly encryptionKey?: kms.IKey;
  /**
   * Aurora PostgreSQL version.
   *
   * @default rds.AuroraPostgresEngineVersion.VER_17_5
   */
  readonly engineVersion?: rds.AuroraPostgresEngineVersion;
  /**
   * Number of reader instances (Aurora Serverless v2) besides the writer.
   *
   * @default 0
   */
  readonly readers?: number;
  /**
   * Aurora Serverless v2 capacity range, in ACUs.
   *
   * @default { min: 0.5, max: 4 }
   */
  readonly capacity?: { readonly min: number; readonly max: number };
  /**
   * Name of the database created with the cluster.
   *
   * @default - none
   */
  readonly defaultDatabaseName?: string;
  /**
   * Cluster identifier. The cluster's log group is created beforehand under
   * `/aws/rds/cluster/<identifier>/postgresql`, so the identifier is fixed at synthesis.
   *
   * @default - derived from the construct path
   */
  readonly clusterIdentifier?: string;
}

/**
 * An Aurora PostgreSQL cluster holding data of one classification level:
 *
 * | | PUBLIC | INTERNAL | CONFIDENTIAL | RESTRICTED | TOP_SECRET |
 * |---|---|---|---|---|---|
 * | storage encryption | `aws/rds` | `aws/rds` | customer key | dedicated key | dedicated key |
 * | minimum TLS | 1.2 | 1.2 | 1.2 | 1.3 | 1.3 |
 * | backups (days, point in time) | 1 (Aurora minimum) | 35 | 35 | 35 | 30 |
 * | deletion protection | - | yes | yes | yes | yes |
 *
 * Always: isolated subnets, not publicly accessible, TLS required (`rds.force_ssl`), IAM database
 * authentication, master password managed and rotated by RDS in Secrets Manager (with the cluster's
 * key), PostgreSQL logs exported to a classified log group, tagged `data-classification`.
 */
export class ClassifiedDatabase extends Construct {
  /** The cluster. */
  readonly cluster: rds.DatabaseCluster;
  /** The log group receiving the PostgreSQL log. */
  readonly logGroup: ClassifiedLogGroup;
  /** The customer-managed key encrypting storage and the master secret, when one does. */
  readonly encryptionKey?: kms.IKey;
  /** The classification level the store was built for. */
  readonly classification: Classification;
  /** ARN of the master user secret that RDS manages. */
  readonly masterUserSecretArn: string;

  constructor(scope: Construct, id: string, props: ClassifiedDatabaseProps) {
    super(scope, id);
    const level = props.classification;
    const req = requirementsFor(level);
    this.classification = level;

    const v = new PropsValidator(this);
    validateKey(v, level, props.encryptionKey);
    const capacity = props.capacity ?? { min: 0.5, max: 4 };
    v.check(
      capacity.min <= capacity.max,
      'BULWARK_CAPACITY_RANGE',
      `\`capacity.min\` ${capacity.min} exceeds \`capacity.max\` ${capacity.max}`,
    );
    v.check(
      props.clusterIdentifier === undefined ||
        Token.isUnresolved(props.clusterIdentifier) ||
        /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(props.clusterIdentifier),
      'BULWARK_CLUSTER_IDENTIFIER',
      `\`clusterIdentifier\` ${props.clusterIdentifier} is not a valid cluster identifier (lowercase letters, digits and single hyphens, starting with a letter)`,
    );
    v.throwIfAny();

    const key = storeKey(this, level, props.encryptionKey, `Key of the ${level} database ${this.node.path}`);
    this.encryptionKey = key;
    const engine = rds.DatabaseClusterEngine.auroraPostgres({
      version: props.engineVersion ?? rds.AuroraPostgresEngineVersion.VER_17_5,
    });
    const parameterGroup = new rds.ParameterGroup(this, 'Parameters', {
      engine,
      description: `TLS-only parameters of the ${level} database ${this.node.path}`,
      parameters: {
        'rds.force_ssl': '1',
        ssl_min_protocol_version: requiresPerimeter(level) ? 'TLSv1.3' : 'TLSv1.2',
      },
    });

    const clusterIdentifier =
      props.clusterIdentifier ??
      `db-${Names.uniqueResourceName(this, { maxLength: 60, separator: '-' })}`.toLowerCase();
    this.logGroup = new ClassifiedLogGroup(this, 'Logs', {
      classification: level,
      logGroupName: `/aws/rds/cluster/${clusterIdentifier}/${LOG_EXPORT}`,
    });

    const deletionProtection = req.deletionProtection;
    this.cluster = new rds.DatabaseCluster(this, 'Cluster', {
      engine,
      clusterIdentifier,
      vpc: props.vpc,
      vpcSubnets: props.vpcSubnets ?? { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      securityGroups: props.securityGroups ?? [
        new ec2.SecurityGroup(this, 'SecurityGroup', {
          vpc: props.vpc,
          description: `${level} database ${this.node.path}: no ingress until flows are allowed, no egress`,
          allowAllOutbound: false,
        }),
      ],
      writer: rds.ClusterInstance.serverlessV2('Writer', { publiclyAccessible: false }),
      readers: Array.from({ length: props.readers ?? 0 }, (_, i) =>
        rds.ClusterInstance.serverlessV2(`Reader${i + 1}`, {
          publiclyAccessible: false,
          scaleWithWriter: true,
        }),
      ),
      serverlessV2MinCapacity: capacity.min,
      serverlessV2MaxCapacity: capacity.max,
      storageEncrypted: true,
      storageEncryptionKey: key,
      manageMasterUserPassword: true,
      iamAuthentication: true,
      parameterGroup,
      defaultDatabaseName: props.defaultDatabaseName,
      backup: { retention: Duration.days(req.backup.retentionDays ?? MIN_BACKUP_RETENTION_DAYS) },
      copyTagsToSnapshot: true,
      cloudwatchLogsExports: [LOG_EXPORT],
      deletionProtection,
      removalPolicy: deletionProtection ? RemovalPolicy.RETAIN : RemovalPolicy.SNAPSHOT,
    });
    this.cluster.node.addDependency(this.logGroup);
    const cfn = this.cluster.node.defaultChild as rds.CfnDBCluster;
    if (key) cfn.addPropertyOverride('MasterUserSecret.KmsKeyId', key.keyArn);
    this.masterUserSecretArn = cfn.attrMasterUserSecretSecretArn;

    tagClassification(this, level);
  }

  /** Let `grantee` connect as database user `dbUser` with IAM authentication (`rds-db:connect`). */
  grantConnect(grantee: iam.IGrantable, dbUser: string): iam.Grant {
    return this.grant(
      grantee,
      ['rds-db:connect'],
      [
        Stack.of(this).formatArn({
          service: 'rds-db',
          resource: 'dbuser',
          resourceName: `${this.cluster.clusterResourceIdentifier}/${dbUser}`,
          arnFormat: ArnFormat.COLON_RESOURCE_NAME,
        }),
      ],
      [],
    );
  }

  /** Let `grantee` read the master user credentials (and decrypt them with the cluster's key). */
  grantReadMasterCredentials(grantee: iam.IGrantable): iam.Grant {
    return this.grant(
      grantee,
      ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
      [this.masterUserSecretArn],
      ['kms:Decrypt'],
    );
  }

  /**
   * The one path every grant takes: the actions on the resources, and the key actions on the
   * customer key when the cluster has one. RDS has no resource policy: from RESTRICTED up the grant
   * itself admits only principals whose `clearance` tag is at least the level.
   */
  private grant(
    grantee: iam.IGrantable,
    actions: string[],
    resourceArns: string[],
    keyActions: string[],
  ): iam.Grant {
    const conditions = clearanceCondition(this.classification);
    const g = iam.Grant.addToPrincipal({ grantee, actions, resourceArns, conditions });
    if (keyActions.length) this.encryptionKey?.grant(grantee, ...keyActions);
    return g;
  }
}
