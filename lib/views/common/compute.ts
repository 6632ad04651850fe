import { Unknown, type Value } from '../../graph/values';

/**
 * Key under which an environment that cannot be resolved as a whole (an `Fn::If` between two maps, a
 * Terraform expression) is recorded, so rules meet the Unknown instead of an empty environment.
 */
export const UNRESOLVED_ENVIRONMENT = '*';

/**
 * Amazon Linux 2023 images, named through the SSM public parameters AWS keeps for them
 * (`/aws/service/ami-amazon-linux-latest/al2023-ami-...`): the path itself, a CloudFormation
 * `{{resolve:ssm:...}}` dynamic reference or an EC2 `resolve:ssm:...` image id naming it, or an
 * unresolved value whose display is one.
 */
const AL2023_IMAGE =
  /^(?:\{\{resolve:ssm:|resolve:ssm:)?\/aws\/service\/ami-amazon-linux-latest\/al2023-[^\s{}]*(?:\}\})?$/;

/** Whether a text names an Amazon Linux 2023 image through its SSM public parameter. */
export function namesAl2023Image(text: string): boolean {
  return AL2023_IMAGE.test(text.trim());
}

/**
 * Whether the image launched requires IMDSv2 by default: Amazon Linux 2023 images carry
 * `imds-support v2.0`, so instances launched from them get `HttpTokens: required` unless their
 * metadata options (or the account default) say otherwise. Undefined for any other image.
 */
export function imageRequiresImdsV2(imageId: Value | undefined): true | undefined {
  const text =
    typeof imageId === 'string' ? imageId : imageId instanceof Unknown ? imageId.display : undefined;
  return text !== undefined && namesAl2023Image(text) ? true : undefined;
}
