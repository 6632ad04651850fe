import { Aws, ArnFormat, Size, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import type { Classification } from '../../classification';
import { removalPolicyFor, tagClassification, type ClassifiedProps } from '../common/classified';
import { PropsValidator } from '../common/validation';
import { clearanceCondition, storeKey, validateKey } from './access';

/** Props of {@link ClassifiedBlockVolume}. */
export interface ClassifiedBlockVolumeProps extends ClassifiedProps {
  /** Availability Zone of the volume (that of the instances it attaches to). */
  readonly availabilityZone: string;
  /** Size of the volume. */
  readonly size: Size;
  /**
   * A customer-managed key (CONFIDENTIAL may share one; from RESTRICTED up the volume creates its own
   * and this prop is an error).
   *
   * @default - the AWS managed key `aws/ebs` below CONFIDENTIAL; a new customer key from CONFIDENTIAL up
   * @see classification:AT-REST, mcsb-v1:DP-5
   */
  readonly encryptionKey?: kms.IKey;
  /**
   * Volume type.
   *
   * @default ec2.EbsDeviceVolumeType.GP3
   */
  readonly volumeType?: ec2.EbsDeviceVolumeType;
}

/**
 * An EBS volume holding data of one classification level, always encrypted:
 *
 * | | PUBLIC | INTERNAL | CONFIDENTIAL | RESTRICTED | TOP_SECRET |
 * |---|---|---|---|---|---|
 * | encryption | `aws/ebs` | `aws/ebs` | customer key | dedicated key | dedicated key |
 * | retained on stack deletion | - | yes | yes | yes | yes |
 *
 * EBS has no resource policy: from RESTRICTED up, attribute-based access rests on the key policy
 * (attaching needs `kms:CreateGrant`, which principals without the `clearance` tag are denied).
 */
export class ClassifiedBlockVolume extends Construct {
  /** The volume. */
  readonly volume: ec2.Volume;
  /** The customer-managed key encrypting the volume, when one does. */
  readonly encryptionKey?: kms.IKey;
  /** The classification level the store was built for. */
  readonly classification: Classification;

  constructor(scope: Construct, id: string, props: ClassifiedBlockVolumeProps) {
    super(scope, id);
    const level = props.classification;
    this.classification = level;

    const v = new PropsValidator(this);
    validateKey(v, level, props.encryptionKey);
    v.throwIfAny();

    const key = storeKey(this, level, props.encryptionKey, `Key of the ${level} volume ${this.node.path}`);
    this.encryptionKey = key;
    this.volume = new ec2.Volume(this, 'Volume', {
      availabilityZone: props.availabilityZone,
      size: props.size,
      volumeType: props.volumeType ?? ec2.EbsDeviceVolumeType.GP3,
      encrypted: true,
      encryptionKey: key,
      removalPolicy: removalPolicyFor(level),
    });
    tagClassification(this, level);
  }

  /**
   * Let `grantee` attach the volume to `instances` (or to any instance of the account), and let
   * EC2 use the volume's key on its behalf.
   */
  grantAttach(grantee: iam.IGrantable, instances?: readonly ec2.IInstance[]): iam.Grant {
    return this.grant(grantee, 'ec2:AttachVolume', instances);
  }

  /** Let `grantee` detach the volume from `instances` (or from any instance of the account). */
  grantDetach(grantee: iam.IGrantable, instances?: readonly ec2.IInstance[]): iam.Grant {
    return this.grant(grantee, 'ec2:DetachVolume', instances);
  }

  /**
   * The one path every grant takes: the volume action on the volume and instances, and, with a
   * customer key, `kms:CreateGrant` for EC2 on behalf of the grantee (for AWS resources only). EBS
   * has no resource policy: from RESTRICTED up the grant itself admits only principals whose
   * `clearance` tag is at least the level.
   */
  private grant(grantee: iam.IGrantable, action: string, instances?: readonly ec2.IInstance[]): iam.Grant {
    const stack = Stack.of(this);
    const instanceArns = instances?.length
      ? instances.map((i) =>
          stack.formatArn({
            service: 'ec2',
            resource: 'instance',
            resourceName: i.instanceId,
            arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
          }),
        )
      : [stack.formatArn({ service: 'ec2', resource: 'instance', resourceName: '*' })];
    const volumeArn = stack.formatArn({
      service: 'ec2',
      resource: 'volume',
      resourceName: this.volume.volumeId,
    });
    const g = iam.Grant.addToPrincipal({
      grantee,
      actions: [action],
      resourceArns: [volumeArn, ...instanceArns],
      conditions: clearanceCondition(this.classification),
    });
    if (this.encryptionKey && action === 'ec2:AttachVolume') {
      iam.Grant.addToPrincipal({
        grantee,
        actions: ['kms:CreateGrant'],
        resourceArns: [this.encryptionKey.keyArn],
        conditions: {
          Bool: { 'kms:GrantIsForAWSResource': 'true' },
          StringEquals: { 'kms:ViaService': `ec2.${Aws.REGION}.amazonaws.com` },
        },
      });
    }
    return g;
  }
}
