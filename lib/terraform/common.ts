import { TerraformStack, Token } from 'cdktf';
import type { TerraformResource } from 'cdktf';
import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { DataAwsPartition } from '@cdktf/provider-aws/lib/data-aws-partition';
import { DataAwsRegion } from '@cdktf/provider-aws/lib/data-aws-region';
import { Construct, type IConstruct } from 'constructs';
import {
  CLASSIFICATION_TAG,
  Classification,
  LEVELS,
  atLeast,
  requirementsFor,
  tagValue,
} from '../classification';
import { ConstructPropsError } from '../aws/common/validation';

/** Props every classified Terraform construct takes. */
export interface ClassifiedProps {
  /**
   * Data classification level. Decides encryption, key, rotation, retention, backups, access and
   * TLS (docs/classification.md).
   * @see classification:TAG, mcsb-v1:DP-1
   */
  readonly classification: Classification;
}

/** The `tags` of a resource holding data of `level`: `data-classification` with the level's tag value. */
export function classificationTags(level: Classification): Record<string, string> {
  return { [CLASSIFICATION_TAG]: tagValue(level) };
}

/**
 * The Terraform lifecycle of a level's resources: `prevent_destroy` wherever the level requires
 * deletion protection (the Terraform counterpart of CloudFormation's RETAIN).
 */
export function lifecycleFor(level: Classification): { preventDestroy: boolean } {
  return { preventDestroy: requirementsFor(level).deletionProtection };
}

/** Whether the level admits access only through private endpoints and by clearance (RESTRICTED and up). */
export function requiresPerimeter(level: Classification): boolean {
  const access = requirementsFor(level).publicAccess;
  return access === 'private-endpoints-only' || access === 'private-endpoints-and-mfa';
}

/** Whether the level requires MFA of human principals (TOP_SECRET). */
export function requiresMfa(level: Classification): boolean {
  return requirementsFor(level).publicAccess === 'private-endpoints-and-mfa';
}

/** Lowest TLS version clients of the level's data may use: 1.3 where the level prefers 1.3, else 1.2. */
export function minimumTlsFor(level: Classification): number {
  const t = requirementsFor(level).inTransit;
  return t === 'tls1.3-preferred' || t === 'tls1.3-pq-preferred' ? 1.3 : 1.2;
}

/** Whether the level requires a customer-managed key (CONFIDENTIAL and up). */
export function requiresCustomerKey(level: Classification): boolean {
  return atLeast(level, Classification.CONFIDENTIAL);
}

/**
 * Principal tag carrying a principal's clearance: one of the `data-classification` tag values. From
 * RESTRICTED up, stores and their keys admit only principals whose clearance is at least the level.
 */
export const CLEARANCE_TAG = 'clearance';

/** Clearance tag values admitted to data of `level`: the level's own and every level above it. */
export function clearancesFor(level: Classification): string[] {
  return LEVELS.filter((l) => atLeast(l, level)).map(tagValue);
}

/**
 * Construct metadata key of an explicit, reasoned opt-out, written into the resource's `//` comment
 * block of `cdk.tf.json` (Terraform ignores that block): `{"//": {"bulwark:opt-out": [...]}}`.
 */
export const TF_OPT_OUT_KEY = 'bulwark:opt-out';

/** An explicit, reasoned opt-out of a secure default. */
export interface OptOut {
  /** Why the secure default does not fit here (at least 10 characters); shown in every report. */
  readonly reason: string;
}

/** One recorded opt-out: the rule whose findings it suppresses, the prop, the reason. */
export interface OptOutRecord {
  readonly rule: string;
  readonly prop: string;
  readonly reason: string;
}

const optOuts = new WeakMap<TerraformResource, OptOutRecord[]>();

/**
 * Record an opt-out on a resource: it is written as `"//": {"bulwark:opt-out": [{rule, prop,
 * reason}]}` beside the construct path, so the checker can report the findings of `rule` on the
 * resource as suppressed by it, with the reason.
 */
export function recordOptOut(resource: TerraformResource, rule: string, prop: string, optOut: OptOut): void {
  if (!Token.isUnresolved(optOut.reason) && optOut.reason.trim().length < 10) {
    throw new ConstructPropsError(
      'BULWARK_OPT_OUT_REASON',
      resource,
      `\`${prop}\` opts out of a secure default and needs a reason of at least 10 characters`,
    );
  }
  const list = optOuts.get(resource) ?? [];
  list.push({ rule, prop, reason: optOut.reason });
  optOuts.set(resource, list);
  resource.addOverride(`//.${TF_OPT_OUT_KEY}`, [...list]);
}

/** The account, partition and region of a stack, read once per stack from data sources. */
export interface AwsContext {
  /** `data.aws_caller_identity`'s account id. */
  readonly accountId: string;
  /** `data.aws_partition`'s partition (`aws`, `aws-us-gov`, ...). */
  readonly partition: string;
  /** `data.aws_region`'s region name. */
  readonly region: string;
}

const CONTEXT_ID = 'BulwarkAwsContext';

class AwsContextConstruct extends Construct implements AwsContext {
  readonly accountId: string;
  readonly partition: string;
  readonly region: string;
  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.accountId = new DataAwsCallerIdentity(this, 'Account').accountId;
    this.partition = new DataAwsPartition(this, 'Partition').partition;
    this.region = new DataAwsRegion(this, 'Region').region;
  }
}

/** The stack's {@link AwsContext}; its data sources are created on first use. */
export function awsContext(scope: IConstruct): AwsContext {
  const stack = TerraformStack.of(scope);
  return (
    (stack.node.tryFindChild(CONTEXT_ID) as AwsContextConstruct | undefined) ??
    new AwsContextConstruct(stack, CONTEXT_ID)
  );
}

/** A name usable for AWS resources that need one: the construct path's ids, joined by `-`, at most `max` characters. */
export function resourceName(scope: IConstruct, max = 64): string {
  const parts = scope.node.scopes.slice(1).map((s) => s.node.id.replace(/[^A-Za-z0-9-]/g, ''));
  const name = parts.join('-') || 'bulwark';
  if (name.length <= max) return name;
  const hash = simpleHash(scope.node.path);
  return `${name.slice(0, max - hash.length - 1)}-${hash}`;
}

/** 8 hex digits of FNV-1a over `s`. */
function simpleHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
