import { Lazy } from 'cdktf';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { Construct } from 'constructs';
import { requirementsFor } from '../classification';
import { PropsValidator } from '../aws/common/validation';
import { CLEARANCE_TAG, awsContext, classificationTags, clearancesFor, type ClassifiedProps } from './common';
import { ANYONE, policyJson, type PolicyStatement } from './policy';

/** Shortest and longest rotation period AWS KMS accepts, in days. */
const KMS_ROTATION_RANGE = { min: 90, max: 2560 } as const;

/** Waiting period before a scheduled key deletion takes effect: the longest KMS allows, in days. */
export const KEY_DELETION_WINDOW_DAYS = 30;

/** Rotation period where the level sets none: yearly. */
const DEFAULT_ROTATION_DAYS = 365;

/** KMS actions that use key material (the key's data plane). Administration stays with the account. */
const KEY_USE_ACTIONS = [
  'kms:Decrypt',
  'kms:Encrypt',
  'kms:GenerateDataKey*',
  'kms:ReEncrypt*',
  'kms:CreateGrant',
];

/** Props of {@link ClassifiedKey}. */
export interface ClassifiedKeyProps extends ClassifiedProps {
  /** What the key encrypts. */
  readonly description: string;
  /**
   * Days between automatic rotations of the key material. Never longer than the level's period.
   * @default the level's rotation period: 365 days up to CONFIDENTIAL, 180 at RESTRICTED, 90 at TOP_SECRET
   * @see classification:KEY-ROTATION, cis-aws-5.0:3.6, mcsb-v1:DP-6
   */
  readonly rotationPeriodDays?: number;
  /**
   * Deny use of the key material to principals without a `clearance` principal tag of at least the
   * level (AWS service principals and requests CloudFormation makes while deploying are exempt). For
   * keys of a store's own data; not for keys AWS services use through a role (AWS Backup).
   * @default false
   * @see classification:ACCESS, mcsb-v1:DP-6
   */
  readonly restrictToClearance?: boolean;
}

/**
 * A customer-managed KMS key as a classification level requires: automatic rotation on with the
 * level's period, a 30-day deletion window, a key policy that leaves administration to the account
 * (and, with `restrictToClearance`, denies key use without clearance), tagged with the level and
 * protected from `terraform destroy`. Statements for services that use the key are added with
 * {@link addToPolicy}.
 *
 * @see cis-aws-5.0:3.6, mcsb-v1:DP-5, mcsb-v1:DP-6
 */
export class ClassifiedKey extends Construct {
  /** The key. */
  readonly key: KmsKey;
  /** The level the key was built for. */
  readonly classification: ClassifiedProps['classification'];
  /** Days between rotations. */
  readonly rotationPeriodDays: number;

  private readonly statements: PolicyStatement[] = [];

  constructor(scope: Construct, id: string, props: ClassifiedKeyProps) {
    super(scope, id);
    const level = props.classification;
    const required = requirementsFor(level).keyRotationDays ?? DEFAULT_ROTATION_DAYS;
    const days = props.rotationPeriodDays ?? required;
    const v = new PropsValidator(this);
    v.check(
      Number.isInteger(days) && days >= KMS_ROTATION_RANGE.min && days <= KMS_ROTATION_RANGE.max,
      'BULWARK_KEY_ROTATION',
      `\`rotationPeriodDays\` must be a whole number of days from ${KMS_ROTATION_RANGE.min} to ${KMS_ROTATION_RANGE.max} (got ${days})`,
    );
    v.check(
      days <= required,
      'BULWARK_KEY_ROTATION',
      `\`rotationPeriodDays\` of ${days} is longer than the ${required} days \`classification\` ${level} requires`,
    );
    v.throwIfAny();
    this.classification = level;
    this.rotationPeriodDays = days;

    const ctx = awsContext(this);
    this.statements.push({
      Sid: 'AccountAdministersKey',
      Effect: 'Allow',
      Principal: { AWS: `arn:${ctx.partition}:iam::${ctx.accountId}:root` },
      Action: 'kms:*',
      Resource: '*',
    });
    if (props.restrictToClearance) {
      this.statements.push({
        Sid: 'DenyKeyUseWithoutClearance',
        Effect: 'Deny',
        Principal: ANYONE,
        Action: KEY_USE_ACTIONS,
        Resource: '*',
        Condition: {
          StringNotEquals: { [`aws:PrincipalTag/${CLEARANCE_TAG}`]: clearancesFor(level) },
          Bool: { 'aws:PrincipalIsAWSService': 'false' },
        },
      });
    }
    this.key = new KmsKey(this, 'Key', {
      description: props.description,
      enableKeyRotation: true,
      rotationPeriodInDays: days,
      deletionWindowInDays: KEY_DELETION_WINDOW_DAYS,
      policy: Lazy.stringValue({ produce: () => policyJson(this.statements) }),
      tags: classificationTags(level),
      lifecycle: { preventDestroy: true },
    });
  }

  /** The key's ARN. */
  get arn(): string {
    return this.key.arn;
  }

  /** Add a statement to the key policy (for a service that encrypts with the key). */
  addToPolicy(statement: PolicyStatement): void {
    this.statements.push(statement);
  }
}
