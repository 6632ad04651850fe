import { Stack, Token, type Environment } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { type Classification, tagValue } from '../../classification';

/** Context key naming the ACM certificate of the public HTTPS listener. */
export const CERTIFICATE_ARN_CONTEXT = 'certificateArn';

/** Context key naming the disaster-recovery region that receives the backup copies. */
export const DR_REGION_CONTEXT = 'drRegion';

/** Region of the reference baseline when the CDK CLI names none (`CDK_DEFAULT_REGION`). */
export const DEFAULT_REGION = 'us-east-1';

/** Disaster-recovery region: this one, unless the baseline itself runs there. */
export const DEFAULT_DR_REGION = 'eu-central-1';

/** Disaster-recovery region of a baseline that runs in {@link DEFAULT_DR_REGION}. */
export const FALLBACK_DR_REGION = 'eu-west-1';

/**
 * Where the reference baseline deploys: the account and region the CDK CLI resolved
 * (`CDK_DEFAULT_ACCOUNT`, `CDK_DEFAULT_REGION`) when it did, else `us-east-1` with the account left
 * to deployment time. With a concrete account the VPC looks up the region's availability zones
 * (and records them in `cdk.context.json`).
 */
export function baselineEnvironment(env: NodeJS.ProcessEnv = process.env): Environment {
  return {
    account: env.CDK_DEFAULT_ACCOUNT || undefined,
    region: env.CDK_DEFAULT_REGION || DEFAULT_REGION,
  };
}

/** The disaster-recovery region for a baseline in `region`: another region, always. */
export function drRegionFor(region: string | undefined): string {
  return region === DEFAULT_DR_REGION ? FALLBACK_DR_REGION : DEFAULT_DR_REGION;
}

/** Name of the disaster-recovery vault receiving the copies of one level's backups. */
export function drVaultName(level: Classification): string {
  return `bulwark-dr-${tagValue(level)}`;
}

/**
 * ARN of the disaster-recovery vault of `level` in `drRegion`, in the account of `scope`'s stack:
 * `arn:<partition>:backup:<drRegion>:<account>:backup-vault:bulwark-dr-<level>`.
 */
export function drVaultArn(scope: Construct, drRegion: string, level: Classification): string {
  const stack = Stack.of(scope);
  return `arn:${stack.partition}:backup:${drRegion}:${stack.account}:backup-vault:${drVaultName(level)}`;
}

/**
 * The placeholder certificate of the HTTPS listener when neither the `certificateArn` prop nor the
 * `certificateArn` context names one: shaped like a real ACM ARN in the stack's account and region,
 * so the template synthesizes and lints; a deployment needs a real, issued certificate.
 */
export function placeholderCertificateArn(scope: Construct): string {
  const stack = Stack.of(scope);
  return `arn:${stack.partition}:acm:${stack.region}:${stack.account}:certificate/00000000-0000-0000-0000-000000000000`;
}

/** A string context value, or undefined. */
export function contextString(scope: Construct, key: string): string | undefined {
  const v: unknown = scope.node.tryGetContext(key);
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/** The concrete region of `scope`'s stack, or undefined when it is left to deployment time. */
export function concreteRegion(scope: Construct): string | undefined {
  const region = Stack.of(scope).region;
  return Token.isUnresolved(region) ? undefined : region;
}

/** `TopSecret` for TOP_SECRET: a level as a construct id. */
export function levelTitle(level: Classification): string {
  return level
    .toLowerCase()
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}
