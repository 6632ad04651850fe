import { Aws, Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import type { Classification } from '../../classification';
import { removalPolicyFor, tagClassification, type ClassifiedProps } from '../common/classified';
import { PropsValidator } from '../common/validation';
import {
  denyInsecureTransport,
  perimeterStatements,
  storeKey,
  validateAccess,
  validateKey,
  type ClassifiedAccessProps,
} from './access';

/** Data-plane actions the access perimeter governs. */
const DATA_ACTIONS = ['sns:Publish', 'sns:Subscribe'];
const PUBLISH = ['sns:Publish'];
const SUBSCRIBE = ['sns:Subscribe'];
const KEY_PUBLISH = ['kms:GenerateDataKey*', 'kms:Decrypt'];
const SERVICE_PRINCIPAL = /^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/;

/** Props of {@link ClassifiedTopic}. */
export interface ClassifiedTopicProps extends ClassifiedProps, ClassifiedAccessProps {
  /**
   * A customer-managed key (CONFIDENTIAL may share one; from RESTRICTED up the topic creates its own
   * and this prop is an error). A shared key must already admit `servicePublishers`.
   *
   * @default - the AWS managed key `alias/aws/sns` below CONFIDENTIAL (a new customer key when
   * `servicePublishers` are given: the AWS managed key cannot admit them); a new customer key from
   * CONFIDENTIAL up
   * @see classification:AT-REST, mcsb-v1:DP-5
   */
  readonly encryptionKey?: kms.IKey;
  /**
   * AWS service principals that publish to the topic (`events.amazonaws.com`,
   * `cloudwatch.amazonaws.com`...), for this account's resources only (`aws:SourceAccount`). The
   * topic policy lets them publish and the key policy lets them use the key.
   *
   * @default - none
   * @see mcsb-v1:IM-3
   */
  readonly servicePublishers?: readonly string[];
  /**
   * Display name.
   *
   * @default - none
   */
  readonly displayName?: string;
  /**
   * FIFO topic.
   *
   * @default false
   */
  readonly fifo?: boolean;
}

/**
 * An SNS topic carrying messages of one classification level:
 *
 * | | PUBLIC | INTERNAL | CONFIDENTIAL | RESTRICTED | TOP_SECRET |
 * |---|---|---|---|---|---|
 * | encryption | `alias/aws/sns` | `alias/aws/sns` | customer key | dedicated key | dedicated key |
 * | access | IAM | IAM | IAM | + clearance tag, VPC endpoints | + MFA for humans |
 *
 * SNS encrypts only with KMS, so PUBLIC ("provider-managed") gets the AWS managed key. Always: a
 * topic policy denying requests without TLS, tagged `data-classification`.
 */
export class ClassifiedTopic extends Construct {
  /** The topic. */
  readonly topic: sns.Topic;
  /** The KMS key encrypting the topic: a customer key, or the alias of `aws/sns`. */
  readonly encryptionKey: kms.IKey;
  /** The classification level the store was built for. */
  readonly classification: Classification;
  private readonly customerKey?: kms.IKey;

  constructor(scope: Construct, id: string, props: ClassifiedTopicProps) {
    super(scope, id);
    const level = props.classification;
    this.classification = level;
    const publishers = props.servicePublishers ?? [];

    const v = new PropsValidator(this);
    validateKey(v, level, props.encryptionKey);
    validateAccess(v, level, props);
    const bad = publishers.filter((p) => !SERVICE_PRINCIPAL.test(p));
    v.check(
      bad.length === 0,
      'BULWARK_SERVICE_PRINCIPAL',
      `\`servicePublishers\` takes service principals (\`events.amazonaws.com\`): ${bad.join(', ')}`,
    );
    v.throwIfAny();

    const description = `Key of the ${level} topic ${this.node.path}`;
    let key = storeKey(this, level, props.encryptionKey, description);
    if (!key && publishers.length) key = serviceKey(this, description);
    this.customerKey = key;
    this.encryptionKey = key ?? kms.Alias.fromAliasName(this, 'AwsManagedKey', 'alias/aws/sns');

    this.topic = new sns.Topic(this, 'Topic', {
      masterKey: this.encryptionKey,
      enforceSSL: true,
      displayName: props.displayName,
      fifo: props.fifo,
    });
    this.topic.applyRemovalPolicy(removalPolicyFor(level));

    for (const service of publishers) {
      const principal = new iam.ServicePrincipal(service, {
        conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } },
      });
      this.topic.addToResourcePolicy(
        new iam.PolicyStatement({
          principals: [new iam.ServicePrincipal(service)],
          actions: ['sns:Publish'],
          resources: [this.topic.topicArn],
          conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } },
        }),
      );
      key?.grant(principal, ...KEY_PUBLISH);
    }
    // `enforceSSL` covers publishing; subscribing without TLS is denied too.
    const statements = [
      denyInsecureTransport(SUBSCRIBE, [this.topic.topicArn]),
      ...perimeterStatements(level, DATA_ACTIONS, [this.topic.topicArn], props),
    ];
    for (const s of statements) this.topic.addToResourcePolicy(s);

    tagClassification(this, level);
  }

  /** Let `grantee` publish (and encrypt with the topic's key). */
  grantPublish(grantee: iam.IGrantable): iam.Grant {
    return this.grant(grantee, PUBLISH, KEY_PUBLISH);
  }

  /** Let `grantee` subscribe endpoints to the topic. */
  grantSubscribe(grantee: iam.IGrantable): iam.Grant {
    return this.grant(grantee, SUBSCRIBE, []);
  }

  /**
   * The one path every grant takes: the topic actions, and the key actions on the customer key when
   * the topic has one (the AWS managed key admits every principal of the account through SNS).
   */
  private grant(grantee: iam.IGrantable, actions: string[], keyActions: string[]): iam.Grant {
    const g = iam.Grant.addToPrincipalOrResource({
      grantee,
      actions,
      resourceArns: [this.topic.topicArn],
      resource: this.topic,
    });
    if (keyActions.length) this.customerKey?.grant(grantee, ...keyActions);
    return g;
  }
}

/**
 * Below CONFIDENTIAL a topic that AWS services publish to needs a key whose policy can admit them:
 * a customer key rotating yearly, as AWS managed keys do.
 */
function serviceKey(scope: Construct, description: string): kms.Key {
  return new kms.Key(scope, 'Key', {
    description,
    enableKeyRotation: true,
    rotationPeriod: Duration.days(365),
    removalPolicy: RemovalPolicy.RETAIN,
    pendingWindow: Duration.days(30),
  });
}
