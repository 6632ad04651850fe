import { Size } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { Classification, LEVELS, atLeast } from '../../classification';
import { Tier, type SegmentedVpc } from '../network';
import {
  ClassifiedBlockVolume,
  ClassifiedDatabase,
  ClassifiedLogGroup,
  ClassifiedObjectStore,
  ClassifiedQueue,
  ClassifiedSecret,
  ClassifiedTable,
  ClassifiedTopic,
  requiresPerimeter,
} from '../stores';
import type { BaselineBackups } from './backups';
import { SecretRotationFunction } from './secret-rotation-function';
import { levelTitle } from './settings';
import { acknowledgeAuditScope } from './acknowledge';
import type { SecurityOperations } from './security-operations';

/** Props of {@link DataEstate}. */
export interface DataEstateProps {
  /** The network: its endpoints are the only way into RESTRICTED and TOP_SECRET data. */
  readonly network: SegmentedVpc;
  /** Audit sink (data events, access logs) of the estate. */
  readonly operations: SecurityOperations;
  /** The backups: their roles are the AWS services trusted to reach the data from outside the VPC. */
  readonly backups: BaselineBackups;
}

/** PostgreSQL's port, the only flow into the data tier. */
const POSTGRES = ec2.Port.tcp(5432);

/**
 * One data store of each kind, classified: an object store at each of the five levels, and a
 * table (CONFIDENTIAL), a database (RESTRICTED), a queue (INTERNAL), a topic (CONFIDENTIAL), a log
 * group (CONFIDENTIAL), a secret (RESTRICTED) and a block volume (TOP_SECRET). RESTRICTED and
 * TOP_SECRET stores are reached only through the VPC's endpoints (S3 gateway, Secrets Manager
 * interface) and log every request into the audit sink's access-log bucket; every store from
 * CONFIDENTIAL up has its data events recorded by the trail; AWS Backup's role of each level is
 * trusted to reach the stores of that level.
 */
export class DataEstate extends Construct {
  /** One object store per level. */
  readonly objectStores: Readonly<Record<Classification, ClassifiedObjectStore>>;
  readonly table: ClassifiedTable;
  readonly database: ClassifiedDatabase;
  readonly queue: ClassifiedQueue;
  readonly topic: ClassifiedTopic;
  /** The application's log group. */
  readonly logGroup: ClassifiedLogGroup;
  readonly secret: ClassifiedSecret;
  readonly secretRotation: SecretRotationFunction;
  readonly volume: ClassifiedBlockVolume;

  constructor(scope: Construct, id: string, props: DataEstateProps) {
    super(scope, id);
    const { network, operations, backups } = props;
    const audit = operations.audit;
    const s3Endpoint = network.gatewayEndpoints.s3.vpcEndpointId;
    const secretsEndpoint = network.interfaceEndpoints.SecretsManager!.vpcEndpointId;
    const trusted = (level: Classification) =>
      atLeast(level, Classification.INTERNAL) ? [backups.roleOf(level)] : undefined;

    const stores: Partial<Record<Classification, ClassifiedObjectStore>> = {};
    for (const level of LEVELS) {
      const perimeter = requiresPerimeter(level);
      const store = new ClassifiedObjectStore(this, `${levelTitle(level)}Objects`, {
        classification: level,
        allowedVpcEndpoints: perimeter ? [s3Endpoint] : undefined,
        trustedServiceRoles: perimeter ? trusted(level) : undefined,
        accessLogsBucket: audit.accessLogBucket,
      });
      operations.audited(store.bucket, level);
      acknowledgeAuditScope(store.bucket, level);
      stores[level] = store;
    }
    this.objectStores = stores as Record<Classification, ClassifiedObjectStore>;

    this.table = new ClassifiedTable(this, 'Table', {
      classification: Classification.CONFIDENTIAL,
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'sk', type: dynamodb.AttributeType.STRING },
    });
    operations.audited(this.table.table, Classification.CONFIDENTIAL);

    this.database = new ClassifiedDatabase(this, 'Database', {
      classification: Classification.RESTRICTED,
      vpc: network.vpc,
      vpcSubnets: network.subnetsFor(Tier.DATA),
      securityGroups: [network.securityGroupFor(Tier.DATA)],
      // A reader to fail over to when the writer's zone fails.
      readers: 1,
    });
    network.allowFlow(Tier.APPLICATION, Tier.DATA, POSTGRES, 'Workloads to the PostgreSQL database');

    this.queue = new ClassifiedQueue(this, 'Queue', {
      classification: Classification.INTERNAL,
      deadLetterQueue: { maxReceiveCount: 5 },
    });
    this.topic = new ClassifiedTopic(this, 'Topic', { classification: Classification.CONFIDENTIAL });
    this.logGroup = new ClassifiedLogGroup(this, 'ApplicationLogs', {
      classification: Classification.CONFIDENTIAL,
    });

    this.secretRotation = new SecretRotationFunction(this, 'SecretRotation', {
      network,
      clearance: Classification.RESTRICTED,
    });
    this.secret = new ClassifiedSecret(this, 'Secret', {
      classification: Classification.RESTRICTED,
      description: 'API credential of the workload, rotated monthly',
      allowedVpcEndpoints: [secretsEndpoint],
      trustedServiceRoles: trusted(Classification.RESTRICTED),
      rotation: { rotationLambda: this.secretRotation.function },
    });

    this.volume = new ClassifiedBlockVolume(this, 'Volume', {
      classification: Classification.TOP_SECRET,
      availabilityZone: network.vpc.availabilityZones[0]!,
      size: Size.gibibytes(8),
    });
  }

  /** The object stores' buckets by level, for tests and wiring. */
  bucketOf(level: Classification): s3.IBucket {
    return this.objectStores[level].bucket;
  }
}
