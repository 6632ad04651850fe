import {
  DescribeLogGroupsCommand,
  GetDataProtectionPolicyCommand,
  ListTagsForResourceCommand,
  type LogGroup,
} from '@aws-sdk/client-cloudwatch-logs';
import { CLASSIFICATION_TAG } from '../../classification';
import { Unknown, type Value } from '../../graph/values';
import { compact, keyValue, liveResource, Reads, tagRecord } from './common';
import { ResourceGone, type CollectContext, type Collected, type Collector } from './types';

/** The log group named exactly `name`, paging through the groups sharing its prefix. */
async function findLogGroup(ctx: CollectContext, name: string): Promise<LogGroup | undefined> {
  let nextToken: string | undefined;
  do {
    const page = await ctx.aws.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: name, nextToken }));
    const hit = page.logGroups?.find((g) => g.logGroupName === name);
    if (hit) return hit;
    nextToken = page.nextToken;
  } while (nextToken);
  return undefined;
}

/**
 * `AWS::Logs::LogGroup`: retention, KMS key, deletion protection, data protection (masking) policy
 * and tags. The policy document is read only when the group reports one active.
 */
export const logGroupCollector: Collector = {
  types: ['AWS::Logs::LogGroup'],
  async collect(ctx: CollectContext): Promise<Collected> {
    const name = ctx.physicalId;
    const reads = new Reads(['ResourceNotFoundException']);
    const group = await reads.primary(() => findLogGroup(ctx, name));
    if (!group) throw new ResourceGone(`log group \`${name}\` not found`);
    const arn = group.logGroupArn ?? group.arn?.replace(/:\*$/, '');
    const [policy, tags] = await Promise.all([
      group.dataProtectionStatus === 'ACTIVATED'
        ? reads.optional('DataProtectionPolicy', () =>
            ctx.aws.send(new GetDataProtectionPolicyCommand({ logGroupIdentifier: name })),
          )
        : Promise.resolve(null),
      arn
        ? reads.optional('Tags', () => ctx.aws.send(new ListTagsForResourceCommand({ resourceArn: arn })))
        : Promise.resolve(null),
    ]);
    let dataProtection: Value | undefined;
    if (policy instanceof Unknown) dataProtection = policy;
    else if (policy?.policyDocument) {
      try {
        dataProtection = JSON.parse(policy.policyDocument) as Value;
      } catch {
        dataProtection = new Unknown('the data protection policy is not valid JSON');
      }
    }
    const properties = compact({
      LogGroupName: group.logGroupName,
      RetentionInDays: group.retentionInDays,
      KmsKeyId: await keyValue(ctx, reads, 'KmsKeyId', group.kmsKeyId, 'logs'),
      DataProtectionPolicy: dataProtection,
      DeletionProtectionEnabled: group.deletionProtectionEnabled,
      LogGroupClass: group.logGroupClass,
    });
    const tagValues = tags instanceof Unknown || tags === null ? {} : tagRecord(tags.tags);
    if (tags instanceof Unknown) tagValues[CLASSIFICATION_TAG] = tags;
    return reads.result([liveResource(ctx.desired, properties, tagValues)]);
  },
};
