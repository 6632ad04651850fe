import type { Resource } from '../../graph/resource';
import { Unknown, asNumber } from '../../graph/values';
import type { DataStoreView } from '../kinds';
import { kmsEncryption } from '../common/keys';
import { arnRenderings, refRendering } from './arns';
import type { AdapterContext } from '../registry';
import { type Encryption, base, bool, resourcePolicyFacts } from '../common/store-base';

/* SQS queues and SNS topics -> data-store views. */

/** The actions a TLS deny must cover (see each view). */
const SQS_ACTIONS: readonly string[] = ['sqs:*'];
const SNS_PUBLISH: readonly string[] = ['sns:Publish'];

/**
 * `AWS::SQS::Queue`: a KMS key when `KmsMasterKeyId` is set, else SSE-SQS unless
 * `SqsManagedSseEnabled` is false. TLS-only and public grants come from its queue policies.
 */
export function queueView(r: Resource, ctx: AdapterContext): DataStoreView {
  const p = r.properties;
  let encryption: Encryption;
  if (p.KmsMasterKeyId !== undefined && p.KmsMasterKeyId !== null) {
    encryption = kmsEncryption(p.KmsMasterKeyId, ctx.graph, 'kms-provider-key', r);
  } else {
    const sqsManaged = bool(p.SqsManagedSseEnabled, true);
    encryption = { atRest: sqsManaged instanceof Unknown ? sqsManaged : sqsManaged ? 'provider' : 'none' };
  }
  const seconds = asNumber(p.MessageRetentionPeriod) ?? 345_600;
  return {
    ...base(r, 'queue', encryption),
    ...resourcePolicyFacts(
      r,
      ctx.graph,
      [
        { type: 'AWS::SQS::QueuePolicy', targets: 'Queues' },
        { type: 'AWS::SQS::QueueInlinePolicy', targets: 'Queue' },
      ],
      // Every SQS action: a queue has no sub-resources.
      { actions: SQS_ACTIONS, arns: arnRenderings(r, [refRendering(r.address, 'Arn')]) },
    ),
    dataRetentionDays: seconds instanceof Unknown ? seconds : seconds / 86_400,
  };
}

/** `AWS::SNS::Topic`: unencrypted unless `KmsMasterKeyId` is set. */
export function topicView(r: Resource, ctx: AdapterContext): DataStoreView {
  return {
    ...base(r, 'topic', kmsEncryption(r.properties.KmsMasterKeyId, ctx.graph, 'none', r)),
    ...resourcePolicyFacts(
      r,
      ctx.graph,
      [
        { type: 'AWS::SNS::TopicPolicy', targets: 'Topics' },
        { type: 'AWS::SNS::TopicInlinePolicy', targets: 'TopicArn' },
      ],
      // SNS's guidance for encryption in transit denies `sns:Publish`, the action that carries
      // messages into the topic. `Ref` of a topic is its ARN.
      {
        actions: SNS_PUBLISH,
        arns: arnRenderings(r, [refRendering(r.address), refRendering(r.address, 'TopicArn')]),
      },
    ),
  };
}
