import {
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  ListResourceTagsCommand,
} from '@aws-sdk/client-kms';
import { CLASSIFICATION_TAG } from '../../classification';
import { Unknown, type Value } from '../../graph/values';
import { compact, liveResource, Reads, tagMap } from './common';
import type { CollectContext, Collected, Collector } from './types';

/**
 * `AWS::KMS::Key`: key spec, enabled state, automatic rotation with its period, key policy and tags.
 * A key pending deletion reads as not enabled.
 */
export const kmsCollector: Collector = {
  types: ['AWS::KMS::Key'],
  async collect(ctx: CollectContext): Promise<Collected> {
    const KeyId = ctx.physicalId;
    const aws = ctx.aws;
    const reads = new Reads(['NotFoundException']);
    const described = await reads.primary(() => aws.send(new DescribeKeyCommand({ KeyId })));
    const meta = described.KeyMetadata;
    const symmetric = (meta?.KeySpec ?? 'SYMMETRIC_DEFAULT') === 'SYMMETRIC_DEFAULT';
    const [rotation, policy, tags] = await Promise.all([
      symmetric
        ? reads.optional('EnableKeyRotation', () => aws.send(new GetKeyRotationStatusCommand({ KeyId })), [
            'UnsupportedOperationException',
          ])
        : Promise.resolve(null),
      reads.optional('KeyPolicy', () => aws.send(new GetKeyPolicyCommand({ KeyId, PolicyName: 'default' }))),
      reads.optional('Tags', () => aws.send(new ListResourceTagsCommand({ KeyId }))),
    ]);
    let keyPolicy: Value | undefined;
    if (policy instanceof Unknown) keyPolicy = policy;
    else if (policy?.Policy) {
      try {
        keyPolicy = JSON.parse(policy.Policy) as Value;
      } catch {
        keyPolicy = new Unknown('the key policy is not valid JSON');
      }
    }
    const properties = compact({
      KeySpec: meta?.KeySpec,
      KeyUsage: meta?.KeyUsage,
      Enabled: meta?.Enabled ?? meta?.KeyState === 'Enabled',
      MultiRegion: meta?.MultiRegion,
      EnableKeyRotation: rotation instanceof Unknown ? rotation : (rotation?.KeyRotationEnabled ?? false),
      RotationPeriodInDays:
        rotation instanceof Unknown ? rotation : (rotation?.RotationPeriodInDays ?? undefined),
      KeyPolicy: keyPolicy,
    });
    const tagValues = tags instanceof Unknown || tags === null ? {} : tagMap(tags.Tags);
    if (tags instanceof Unknown) tagValues[CLASSIFICATION_TAG] = tags;
    return reads.result([liveResource(ctx.desired, properties, tagValues)]);
  },
};
