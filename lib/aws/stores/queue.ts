import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { Classification, requirementsFor } from '../../classification';
import { removalPolicyFor, tagClassification, type ClassifiedProps } from '../common/classified';
import { PropsValidator } from '../common/validation';
import {
  perimeterStatements,
  storeKey,
  validateAccess,
  validateKey,
  type ClassifiedAccessProps,
} from './access';

/** SQS keeps messages at most 14 days. */
const MAX_RETENTION_DAYS = 14;

/** Message data-plane actions the access perimeter governs. */
const DATA_ACTIONS = [
  'sqs:SendMessage',
  'sqs:ReceiveMessage',
  'sqs:DeleteMessage',
  'sqs:ChangeMessageVisibility',
  'sqs:PurgeQueue',
];
const SEND = ['sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'];
const CONSUME = [
  'sqs:ReceiveMessage',
  'sqs:ChangeMessageVisibility',
  'sqs:GetQueueUrl',
  'sqs:DeleteMessage',
  'sqs:GetQueueAttributes',
];
/** Producers create data keys (and decrypt cached ones); consumers decrypt. */
const KEY_SEND = ['kms:GenerateDataKey*', 'kms:Decrypt'];
const KEY_CONSUME = ['kms:Decrypt'];

/** Props of {@link ClassifiedQueue}. */
export interface ClassifiedQueueProps extends ClassifiedProps, ClassifiedAccessProps {
  /**
   * A customer-managed key (CONFIDENTIAL may share one; from RESTRICTED up the queue creates its own
   * and this prop is an error).
   *
   * @default - PUBLIC SSE-SQS, INTERNAL the AWS managed key `alias/aws/sqs`, a new customer key from
   * CONFIDENTIAL up
   * @see classification:AT-REST, mcsb-v1:DP-5
   */
  readonly encryptionKey?: kms.IKey;
  /**
   * How long messages are kept: at most 14 days (SQS) and at most the level's data retention.
   *
   * @default - the shorter of 14 days and the level's data retention
   * @see classification:RETENTION
   */
  readonly retentionPeriod?: Duration;
  /**
   * Visibility timeout.
   *
   * @default Duration.seconds(30)
   */
  readonly visibilityTimeout?: Duration;
  /**
   * FIFO queue.
   *
   * @default false
   */
  readonly fifo?: boolean;
  /**
   * Create a dead-letter queue (same classification, key and policies) receiving messages after
   * this many failed receives.
   *
   * @default - no dead-letter queue
   */
  readonly deadLetterQueue?: { readonly maxReceiveCount: number };
}

/**
 * An SQS queue holding messages of one classification level:
 *
 * | | PUBLIC | INTERNAL | CONFIDENTIAL | RESTRICTED | TOP_SECRET |
 * |---|---|---|---|---|---|
 * | encryption | SSE-SQS | `alias/aws/sqs` | customer key | dedicated key | dedicated key |
 * | retention (days) | 14 | 14 | 14 | 14 | 14 |
 * | access | IAM | IAM | IAM | + clearance tag, VPC endpoints | + MFA for humans |
 *
 * Always: a queue policy denying requests without TLS, retained on stack deletion from INTERNAL up,
 * tagged `data-classification`.
 */
export class ClassifiedQueue extends Construct {
  /** The queue. */
  readonly queue: sqs.Queue;
  /** The dead-letter queue, when one was asked for. */
  readonly deadLetterQueue?: sqs.Queue;
  /** The customer-managed key encrypting the queue, when one does. */
  readonly encryptionKey?: kms.IKey;
  /** The classification level the store was built for. */
  readonly classification: Classification;

  constructor(scope: Construct, id: string, props: ClassifiedQueueProps) {
    super(scope, id);
    const level = props.classification;
    const req = requirementsFor(level);
    this.classification = level;
    const maxDays = Math.min(MAX_RETENTION_DAYS, req.dataRetentionDays ?? Infinity);

    const v = new PropsValidator(this);
    validateKey(v, level, props.encryptionKey);
    validateAccess(v, level, props);
    const asked = props.retentionPeriod;
    if (asked && !asked.isUnresolved()) {
      v.check(
        asked.toSeconds() <= maxDays * 86_400,
        'BULWARK_RETENTION_TOO_LONG',
        `\`classification\` ${level} keeps messages at most ${maxDays} days: lower \`retentionPeriod\` (${asked.toHumanString()})`,
      );
    }
    v.throwIfAny();

    const key = storeKey(this, level, props.encryptionKey, `Key of the ${level} queue ${this.node.path}`);
    this.encryptionKey = key;
    const common: sqs.QueueProps = {
      ...encryption(level, key),
      enforceSSL: true,
      fifo: props.fifo,
      retentionPeriod: asked ?? Duration.days(maxDays),
      removalPolicy: removalPolicyFor(level),
    };
    if (props.deadLetterQueue) {
      this.deadLetterQueue = new sqs.Queue(this, 'DeadLetterQueue', common);
    }
    this.queue = new sqs.Queue(this, 'Queue', {
      ...common,
      visibilityTimeout: props.visibilityTimeout,
      deadLetterQueue: this.deadLetterQueue
        ? { queue: this.deadLetterQueue, maxReceiveCount: props.deadLetterQueue!.maxReceiveCount }
        : undefined,
    });
    for (const q of [this.queue, this.deadLetterQueue]) {
      if (!q) continue;
      for (const s of perimeterStatements(level, DATA_ACTIONS, [q.queueArn], props)) q.addToResourcePolicy(s);
    }

    tagClassification(this, level);
  }

  /** Let `grantee` send messages (and encrypt them with the queue's key). */
  grantSendMessages(grantee: iam.IGrantable): iam.Grant {
    return this.grant(grantee, SEND, KEY_SEND);
  }

  /** Let `grantee` receive and delete messages (and decrypt them). */
  grantConsumeMessages(grantee: iam.IGrantable): iam.Grant {
    return this.grant(grantee, CONSUME, KEY_CONSUME);
  }

  /**
   * The one path every grant takes: the queue actions, and the key actions on the customer key
   * when the queue has one. From RESTRICTED up the grantee must also carry the `clearance` tag and
   * come through an allowed VPC endpoint (a Lambda event source mapping polls from outside the VPC:
   * list its role in `trustedServiceRoles`).
   */
  private grant(grantee: iam.IGrantable, actions: string[], keyActions: string[]): iam.Grant {
    const g = iam.Grant.addToPrincipalOrResource({
      grantee,
      actions,
      resourceArns: [this.queue.queueArn],
      resource: this.queue,
    });
    this.encryptionKey?.grant(grantee, ...keyActions);
    return g;
  }
}

function encryption(
  level: Classification,
  key: kms.IKey | undefined,
): Pick<sqs.QueueProps, 'encryption' | 'encryptionMasterKey'> {
  if (key) return { encryption: sqs.QueueEncryption.KMS, encryptionMasterKey: key };
  if (level === Classification.PUBLIC) return { encryption: sqs.QueueEncryption.SQS_MANAGED };
  return { encryption: sqs.QueueEncryption.KMS_MANAGED };
}
