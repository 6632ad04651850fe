import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  ListTagsOfResourceCommand,
} from '@aws-sdk/client-dynamodb';
import { CLASSIFICATION_TAG } from '../../classification';
import { Unknown, type Value } from '../../graph/values';
import { compact, keyValue, liveResource, Reads, tagMap } from './common';
import type { CollectContext, Collected, Collector } from './types';

/**
 * `AWS::DynamoDB::Table`: server-side encryption (AWS owned key unless a KMS key is reported),
 * point-in-time recovery (`DescribeContinuousBackups`), deletion protection, TTL and tags.
 */
export const tableCollector: Collector = {
  types: ['AWS::DynamoDB::Table'],
  async collect(ctx: CollectContext): Promise<Collected> {
    const TableName = ctx.physicalId;
    const aws = ctx.aws;
    const reads = new Reads(['ResourceNotFoundException', 'TableNotFoundException']);
    const described = await reads.primary(() => aws.send(new DescribeTableCommand({ TableName })));
    const table = described.Table;
    if (!table) throw new Error(`DescribeTable returned no table for ${TableName}`);
    const [backups, ttl, tags] = await Promise.all([
      reads.optional('PointInTimeRecoverySpecification', () =>
        aws.send(new DescribeContinuousBackupsCommand({ TableName })),
      ),
      reads.optional('TimeToLiveSpecification', () => aws.send(new DescribeTimeToLiveCommand({ TableName }))),
      table.TableArn
        ? reads.optional('Tags', () =>
            aws.send(new ListTagsOfResourceCommand({ ResourceArn: table.TableArn })),
          )
        : Promise.resolve(null),
    ]);
    const sse = table.SSEDescription;
    const kms = sse?.Status === 'ENABLED' || sse?.Status === 'ENABLING' || sse?.Status === 'UPDATING';
    const pitr =
      backups instanceof Unknown
        ? backups
        : backups?.ContinuousBackupsDescription?.PointInTimeRecoveryDescription;
    let pitrSpec: Value | undefined;
    if (pitr instanceof Unknown) pitrSpec = pitr;
    else if (pitr)
      pitrSpec = compact({
        PointInTimeRecoveryEnabled: pitr.PointInTimeRecoveryStatus === 'ENABLED',
        RecoveryPeriodInDays:
          pitr.PointInTimeRecoveryStatus === 'ENABLED' ? pitr.RecoveryPeriodInDays : undefined,
      });
    const ttlDesc = ttl instanceof Unknown ? ttl : ttl?.TimeToLiveDescription;
    let ttlSpec: Value | undefined;
    if (ttlDesc instanceof Unknown) ttlSpec = ttlDesc;
    else if (ttlDesc?.TimeToLiveStatus === 'ENABLED' || ttlDesc?.TimeToLiveStatus === 'ENABLING')
      ttlSpec = compact({ Enabled: true, AttributeName: ttlDesc.AttributeName });
    const properties = compact({
      TableName: table.TableName,
      SSESpecification: kms
        ? compact({
            SSEEnabled: true,
            SSEType: sse?.SSEType,
            KMSMasterKeyId: await keyValue(ctx, reads, 'SSESpecification', sse?.KMSMasterKeyArn, 'dynamodb'),
          })
        : undefined,
      PointInTimeRecoverySpecification: pitrSpec,
      TimeToLiveSpecification: ttlSpec,
      DeletionProtectionEnabled: table.DeletionProtectionEnabled ?? false,
      BillingMode: table.BillingModeSummary?.BillingMode,
    });
    const tagValues = tags instanceof Unknown || tags === null ? {} : tagMap(tags.Tags);
    if (tags instanceof Unknown) tagValues[CLASSIFICATION_TAG] = tags;
    return reads.result([liveResource(ctx.desired, properties, tagValues)]);
  },
};
