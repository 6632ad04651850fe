import type { Resource } from '../../graph/resource';
import type { DataStoreView } from '../kinds';
import { kmsEncryption } from '../common/keys';
import type { AdapterContext } from '../registry';
import { attachedPolicy, base } from '../common/store-base';

/* Secrets Manager secrets -> data-store views. */

/**
 * `AWS::SecretsManager::Secret`: encrypted with `aws/secretsmanager` unless `KmsKeyId` names a key;
 * rotated when an `AWS::SecretsManager::RotationSchedule` targets it. Its resource policy is the
 * `AWS::SecretsManager::ResourcePolicy` attached to it.
 */
export function secretView(r: Resource, ctx: AdapterContext): DataStoreView {
  const schedules = ctx.graph.attachedBy(
    r.address,
    'AWS::SecretsManager::RotationSchedule',
    (s) => s.properties.SecretId,
  ).attached;
  return {
    ...base(r, 'secret', kmsEncryption(r.properties.KmsKeyId, ctx.graph, 'kms-provider-key', r)),
    rotation: schedules.length > 0,
    resourcePolicy: attachedPolicy(r, ctx.graph, [
      { type: 'AWS::SecretsManager::ResourcePolicy', targets: 'SecretId', document: 'ResourcePolicy' },
    ]),
  };
}
