import {
  GetEventSelectorsCommand,
  GetTrailCommand,
  GetTrailStatusCommand,
  ListTagsCommand,
} from '@aws-sdk/client-cloudtrail';
import { Unknown } from '../../graph/values';
import { compact, keyValue, liveResource, plain, Reads, tagMap } from './common';
import type { CollectContext, Collected, Collector } from './types';

/**
 * `AWS::CloudTrail::Trail`: whether it is logging (`GetTrailStatus`), its scope, log file
 * validation, KMS key, sinks and event selectors.
 */
export const trailCollector: Collector = {
  types: ['AWS::CloudTrail::Trail'],
  async collect(ctx: CollectContext): Promise<Collected> {
    const Name = ctx.physicalId;
    const aws = ctx.aws;
    const reads = new Reads(['TrailNotFoundException']);
    const got = await reads.primary(() => aws.send(new GetTrailCommand({ Name })));
    const trail = got.Trail;
    if (!trail) throw new Error(`GetTrail returned no trail for ${Name}`);
    const [status, selectors, tags] = await Promise.all([
      reads.optional('IsLogging', () => aws.send(new GetTrailStatusCommand({ Name }))),
      reads.optional('EventSelectors', () => aws.send(new GetEventSelectorsCommand({ TrailName: Name }))),
      trail.TrailARN
        ? reads.optional('Tags', () => aws.send(new ListTagsCommand({ ResourceIdList: [trail.TrailARN!] })))
        : Promise.resolve(null),
    ]);
    const sel = selectors;
    const properties = compact({
      TrailName: trail.Name,
      IsLogging: status instanceof Unknown ? status : (status?.IsLogging ?? false),
      IsMultiRegionTrail: trail.IsMultiRegionTrail ?? false,
      IncludeGlobalServiceEvents: trail.IncludeGlobalServiceEvents ?? false,
      IsOrganizationTrail: trail.IsOrganizationTrail,
      EnableLogFileValidation: trail.LogFileValidationEnabled ?? false,
      KMSKeyId: await keyValue(ctx, reads, 'KMSKeyId', trail.KmsKeyId, 'cloudtrail'),
      S3BucketName: ctx.ids.refOrId(trail.S3BucketName, ctx.graph, ['AWS::S3::Bucket']),
      S3KeyPrefix: trail.S3KeyPrefix,
      CloudWatchLogsLogGroupArn: ctx.ids.refOrId(trail.CloudWatchLogsLogGroupArn, ctx.graph, [
        'AWS::Logs::LogGroup',
      ]),
      CloudWatchLogsRoleArn: trail.CloudWatchLogsRoleArn,
      EventSelectors:
        sel instanceof Unknown
          ? sel
          : sel?.EventSelectors && sel.EventSelectors.length > 0
            ? plain(sel.EventSelectors)
            : undefined,
      AdvancedEventSelectors:
        sel instanceof Unknown
          ? sel
          : sel?.AdvancedEventSelectors && sel.AdvancedEventSelectors.length > 0
            ? plain(sel.AdvancedEventSelectors)
            : undefined,
    });
    const tagList =
      tags instanceof Unknown || tags === null ? [] : (tags.ResourceTagList?.[0]?.TagsList ?? []);
    return reads.result([liveResource(ctx.desired, properties, tagMap(tagList))]);
  },
};
