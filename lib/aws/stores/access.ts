import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';
import { Classification, LEVELS, atLeast, tagValue } from '../../classification';
import { customerKeyFor } from '../common/classified';
import type { PropsValidator } from '../common/validation';

/**
 * Principal tag carrying a principal's clearance: one of the `data-classification` tag values
 * (`public` ... `top-secret`). From RESTRICTED up, stores and their keys admit only principals whose
 * clearance is at least the store's level.
 */
export const CLEARANCE_TAG = 'clearance';

/** The first service of the call chain for requests CloudFormation makes while deploying a stack. */
const CLOUDFORMATION = 'cloudformation.amazonaws.com';

/** KMS actions that use key material (the key's data plane). Administration stays with the account. */
const KEY_USE_ACTIONS = [
  'kms:Decrypt',
  'kms:Encrypt',
  'kms:GenerateDataKey*',
  'kms:ReEncrypt*',
  'kms:CreateGrant',
];

/** Clearance tag values admitted to data of `level`: the level's own and every level above it. */
export function clearancesFor(level: Classification): string[] {
  return LEVELS.filter((l) => atLeast(l, level)).map(tagValue);
}

/** Whether the level requires attribute-based access through private endpoints (RESTRICTED and up). */
export function requiresPerimeter(level: Classification): boolean {
  return atLeast(level, Classification.RESTRICTED);
}

/**
 * The identity-policy condition admitting only principals cleared for `level`, for grants on stores
 * that have no resource policy to enforce it (databases, log groups, volumes); undefined below
 * RESTRICTED.
 */
export function clearanceCondition(
  level: Classification,
): Record<string, Record<string, string[]>> | undefined {
  if (!requiresPerimeter(level)) return undefined;
  return { StringEquals: { [`aws:PrincipalTag/${CLEARANCE_TAG}`]: clearancesFor(level) } };
}

/** Props of stores with a resource policy, for the access perimeter of RESTRICTED and TOP_SECRET data. */
export interface ClassifiedAccessProps {
  /**
   * VPC endpoint ids (`vpce-...`) through which the data may be reached. From RESTRICTED up, the
   * resource policy denies data requests that do not come through one of them (`aws:SourceVpce`),
   * except requests AWS services make on a caller's behalf and those of `trustedServiceRoles`.
   *
   * @default - none; required from RESTRICTED up
   * @see classification:PUBLIC-ACCESS, mcsb-v1:NS-2
   */
  readonly allowedVpcEndpoints?: readonly string[];
  /**
   * Roles that AWS services assume to reach the data from outside your VPC on your behalf (AWS
   * Backup, S3 replication, Lambda event source mappings). They are exempt from the VPC endpoint
   * condition and from the TOP_SECRET MFA condition; they still need the `clearance` tag.
   *
   * @default - none
   * @see mcsb-v1:IM-3
   */
  readonly trustedServiceRoles?: readonly iam.IRole[];
  /**
   * Roles of workloads (compute in the VPC) that handle TOP_SECRET data: a workload cannot present
   * MFA, so these roles are exempt from the TOP_SECRET MFA condition. They still need the `clearance`
   * tag and still come through the allowed VPC endpoints. Every other principal counts as human.
   *
   * @default - none: every principal except AWS services must have signed in with MFA
   * @see mcsb-v1:IM-6
   */
  readonly workloadRoles?: readonly iam.IRole[];
}

/** Record the perimeter's prop problems: VPC endpoints are required from RESTRICTED up. */
export function validateAccess(v: PropsValidator, level: Classification, props: ClassifiedAccessProps): void {
  if (!requiresPerimeter(level)) return;
  v.check(
    (props.allowedVpcEndpoints?.length ?? 0) > 0,
    'BULWARK_VPC_ENDPOINTS_REQUIRED',
    `\`classification\` ${level} admits access only through VPC endpoints: set \`allowedVpcEndpoints\``,
  );
}

/**
 * Deny statements of a resource policy that enforce the level's access model on `actions`
 * (data-plane actions only, so CloudFormation can still manage the resource):
 * - RESTRICTED up: principals without a sufficient `clearance` tag (attribute-based access), and
 *   requests that do not come through an allowed VPC endpoint (network origin);
 * - TOP_SECRET: requests of human principals signed in without MFA.
 * Requests of AWS service principals are exempt (they carry no principal tags and no network
 * origin). Below RESTRICTED: no statement.
 */
export function perimeterStatements(
  level: Classification,
  actions: readonly string[],
  resources: readonly string[],
  props: ClassifiedAccessProps,
): iam.PolicyStatement[] {
  if (!requiresPerimeter(level)) return [];
  const base = { effect: iam.Effect.DENY, principals: [new iam.AnyPrincipal()], actions: [...actions] };
  const out = [
    new iam.PolicyStatement({
      ...base,
      sid: 'DenyWithoutClearance',
      resources: [...resources],
      conditions: {
        StringNotEquals: { [`aws:PrincipalTag/${CLEARANCE_TAG}`]: clearancesFor(level) },
        Bool: { 'aws:PrincipalIsAWSService': 'false' },
        StringNotEqualsIfExists: { 'aws:CalledViaFirst': CLOUDFORMATION },
      },
    }),
    new iam.PolicyStatement({
      ...base,
      sid: 'DenyOutsideVpcEndpoints',
      resources: [...resources],
      conditions: {
        StringNotEqualsIfExists: { 'aws:SourceVpce': [...(props.allowedVpcEndpoints ?? [])] },
        BoolIfExists: { 'aws:PrincipalIsAWSService': 'false', 'aws:ViaAWSService': 'false' },
        ...exempt(props.trustedServiceRoles ?? []),
      },
    }),
  ];
  if (atLeast(level, Classification.TOP_SECRET)) {
    out.push(
      new iam.PolicyStatement({
        ...base,
        sid: 'DenyHumansWithoutMfa',
        resources: [...resources],
        conditions: {
          BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false', 'aws:PrincipalIsAWSService': 'false' },
          ...exempt([...(props.workloadRoles ?? []), ...(props.trustedServiceRoles ?? [])]),
        },
      }),
    );
  }
  return out;
}

function exempt(roles: readonly iam.IRole[]): Record<string, Record<string, string[]>> {
  return roles.length ? { ArnNotLike: { 'aws:PrincipalArn': roles.map((r) => r.roleArn) } } : {};
}

/**
 * The key a store uses, as its level requires: none below CONFIDENTIAL (provider keys allowed)
 * unless one is given; at CONFIDENTIAL the given key (a shared key is allowed) or a new one; from
 * RESTRICTED up always a new key dedicated to the store, whose policy admits only principals with
 * a sufficient `clearance` tag. Call {@link validateKey} first.
 */
export function storeKey(
  scope: Construct,
  level: Classification,
  given: kms.IKey | undefined,
  description: string,
): kms.IKey | undefined {
  if (given && !requiresPerimeter(level)) return given;
  const key = customerKeyFor(scope, 'Key', level, description);
  if (key && requiresPerimeter(level)) restrictKeyToClearance(key, level);
  return key;
}

/** Record the key prop's problems: from RESTRICTED up the store's key must be its own. */
export function validateKey(v: PropsValidator, level: Classification, given: kms.IKey | undefined): void {
  v.check(
    !(given && requiresPerimeter(level)),
    'BULWARK_DEDICATED_KEY',
    `\`classification\` ${level} requires a customer-managed key dedicated to the store, created with it: remove \`encryptionKey\``,
  );
}

/**
 * Deny use of the key's material to principals without a `clearance` tag of at least `level`. Key
 * administration (the account root's statement) is untouched, so the key stays manageable; AWS
 * service principals using grants (EBS, RDS, CloudWatch Logs) are exempt, as are requests
 * CloudFormation makes while deploying (the stack's role can rewrite this policy anyway).
 */
export function restrictKeyToClearance(key: kms.Key, level: Classification): void {
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'DenyKeyUseWithoutClearance',
      effect: iam.Effect.DENY,
      principals: [new iam.AnyPrincipal()],
      actions: KEY_USE_ACTIONS,
      resources: ['*'],
      conditions: {
        StringNotEquals: { [`aws:PrincipalTag/${CLEARANCE_TAG}`]: clearancesFor(level) },
        Bool: { 'aws:PrincipalIsAWSService': 'false' },
        StringNotEqualsIfExists: { 'aws:CalledViaFirst': CLOUDFORMATION },
      },
    }),
  );
}

/**
 * A statement denying every action on the resource to requests without TLS
 * (`aws:SecureTransport` false), for services whose L2 has no `enforceSSL`.
 */
export function denyInsecureTransport(
  actions: readonly string[],
  resources: readonly string[],
): iam.PolicyStatement {
  return new iam.PolicyStatement({
    sid: 'DenyInsecureTransport',
    effect: iam.Effect.DENY,
    principals: [new iam.AnyPrincipal()],
    actions: [...actions],
    resources: [...resources],
    conditions: { Bool: { 'aws:SecureTransport': 'false' } },
  });
}
