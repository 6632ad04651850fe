import { Duration, RemovalPolicy, Tags } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import type { IConstruct } from 'constructs';
import { Construct } from 'constructs';
import { CLASSIFICATION_TAG, Classification, atLeast, requirementsFor, tagValue } from '../../classification';

/** Props every classified construct takes. */
export interface ClassifiedProps {
  /**
   * Data classification level. Decides encryption, key, rotation, retention, backups, access and
   * TLS (docs/classification.md).
   * @see classification:TAG, mcsb-v1:DP-1
   */
  readonly classification: Classification;
}

/** Tag a construct (and its children) with its classification level. */
export function tagClassification(scope: IConstruct, level: Classification): void {
  Tags.of(scope).add(CLASSIFICATION_TAG, tagValue(level));
}

/** The removal policy of a level: RETAIN wherever the level requires deletion protection. */
export function removalPolicyFor(level: Classification): RemovalPolicy {
  return requirementsFor(level).deletionProtection ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
}

/**
 * A customer-managed KMS key as the level requires: rotation enabled with the level's period,
 * retained on stack deletion, tagged. Returns undefined below CONFIDENTIAL (provider keys allowed).
 */
export function customerKeyFor(
  scope: Construct,
  id: string,
  level: Classification,
  description: string,
): kms.Key | undefined {
  const req = requirementsFor(level);
  if (!atLeast(level, Classification.CONFIDENTIAL)) return undefined;
  const key = new kms.Key(scope, id, {
    description,
    enableKeyRotation: true,
    rotationPeriod: Duration.days(req.keyRotationDays ?? 365),
    removalPolicy: RemovalPolicy.RETAIN,
    pendingWindow: Duration.days(30),
  });
  tagClassification(key, level);
  return key;
}
