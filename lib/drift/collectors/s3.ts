import {
  GetBucketEncryptionCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketLoggingCommand,
  GetBucketPolicyCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetObjectLockConfigurationCommand,
  GetPublicAccessBlockCommand,
  HeadBucketCommand,
  type LifecycleRule,
} from '@aws-sdk/client-s3';
import { CLASSIFICATION_TAG } from '../../classification';
import type { Resource } from '../../graph/resource';
import { ResourceRef, Unknown, type Value } from '../../graph/values';
import { compact, keyValue, liveResource, plain, Reads, tagMap } from './common';
import type { CollectContext, Collected, Collector } from './types';

const BUCKET = 'AWS::S3::Bucket';
const POLICY = 'AWS::S3::BucketPolicy';

/** The value itself, or what to put in its place: an Unknown stays, null (not configured) is absent. */
function orAbsent<T>(v: T | null | Unknown, map: (x: T) => Value | undefined): Value | undefined {
  if (v === null) return undefined;
  if (v instanceof Unknown) return v;
  return map(v);
}

/** The bucket policy declared for `bucket` in the desired graph, if any. */
function declaredPolicy(ctx: CollectContext): Resource | undefined {
  return ctx.graph.attachedBy(ctx.desired.address, POLICY, (p) => p.properties.Bucket).attached[0];
}

/** A lifecycle rule in CloudFormation's shape (`ExpirationInDays`, `Prefix`, `TagFilters`). */
function lifecycleRule(rule: LifecycleRule): Value {
  const filter = rule.Filter;
  const prefix = filter?.Prefix ?? filter?.And?.Prefix ?? rule.Prefix;
  const tags = filter?.Tag ? [filter.Tag] : (filter?.And?.Tags ?? []);
  return compact({
    Id: rule.ID,
    Status: rule.Status,
    Prefix: prefix ? prefix : undefined,
    TagFilters: tags.length > 0 ? plain(tags) : undefined,
    ObjectSizeGreaterThan: filter?.ObjectSizeGreaterThan ?? filter?.And?.ObjectSizeGreaterThan,
    ObjectSizeLessThan: filter?.ObjectSizeLessThan ?? filter?.And?.ObjectSizeLessThan,
    ExpirationInDays: rule.Expiration?.Days,
    NoncurrentVersionExpiration: rule.NoncurrentVersionExpiration
      ? compact({
          NoncurrentDays: rule.NoncurrentVersionExpiration.NoncurrentDays,
          NewerNoncurrentVersions: rule.NoncurrentVersionExpiration.NewerNoncurrentVersions,
        })
      : undefined,
    ExpiredObjectDeleteMarker: rule.Expiration?.ExpiredObjectDeleteMarker,
    AbortIncompleteMultipartUpload: rule.AbortIncompleteMultipartUpload
      ? plain(rule.AbortIncompleteMultipartUpload)
      : undefined,
    Transitions: rule.Transitions && rule.Transitions.length > 0 ? plain(rule.Transitions) : undefined,
  });
}

/**
 * `AWS::S3::Bucket`: default encryption, public access block, versioning, lifecycle, object lock,
 * server access logging and tags; the bucket policy becomes a live `AWS::S3::BucketPolicy` that
 * references the bucket, as in a template. A bucket without a public access block configuration
 * blocks nothing at the bucket level, so its four settings read false.
 */
export const s3Collector: Collector = {
  types: [BUCKET],
  async collect(ctx: CollectContext): Promise<Collected> {
    const Bucket = ctx.physicalId;
    const aws = ctx.aws;
    const reads = new Reads(['NoSuchBucket', 'NotFound']);
    await reads.primary(() => aws.send(new HeadBucketCommand({ Bucket })));
    const [encryption, pab, versioning, lifecycle, lock, logging, tagging, policy] = await Promise.all([
      reads.optional('BucketEncryption', () => aws.send(new GetBucketEncryptionCommand({ Bucket })), [
        'ServerSideEncryptionConfigurationNotFoundError',
      ]),
      reads.optional(
        'PublicAccessBlockConfiguration',
        () => aws.send(new GetPublicAccessBlockCommand({ Bucket })),
        ['NoSuchPublicAccessBlockConfiguration'],
      ),
      reads.optional('VersioningConfiguration', () => aws.send(new GetBucketVersioningCommand({ Bucket }))),
      reads.optional(
        'LifecycleConfiguration',
        () => aws.send(new GetBucketLifecycleConfigurationCommand({ Bucket })),
        ['NoSuchLifecycleConfiguration'],
      ),
      reads.optional(
        'ObjectLockConfiguration',
        () => aws.send(new GetObjectLockConfigurationCommand({ Bucket })),
        ['ObjectLockConfigurationNotFoundError'],
      ),
      reads.optional('LoggingConfiguration', () => aws.send(new GetBucketLoggingCommand({ Bucket }))),
      reads.optional('Tags', () => aws.send(new GetBucketTaggingCommand({ Bucket })), ['NoSuchTagSet']),
      reads.optional('PolicyDocument', () => aws.send(new GetBucketPolicyCommand({ Bucket })), [
        'NoSuchBucketPolicy',
      ]),
    ]);

    const rules =
      encryption instanceof Unknown || encryption === null
        ? []
        : (encryption.ServerSideEncryptionConfiguration?.Rules ?? []);
    const keys = await Promise.all(
      rules.map((r) =>
        keyValue(ctx, reads, 'BucketEncryption', r.ApplyServerSideEncryptionByDefault?.KMSMasterKeyID, 's3'),
      ),
    );
    const bucketRef = (name: string | undefined) => ctx.ids.refOrId(name, ctx.graph, [BUCKET]);

    const lockConfig = lock instanceof Unknown || lock === null ? undefined : lock.ObjectLockConfiguration;
    const properties = compact({
      BucketName: Bucket,
      BucketEncryption: orAbsent(encryption, () => ({
        ServerSideEncryptionConfiguration: rules.map((rule, i) =>
          compact({
            ServerSideEncryptionByDefault: rule.ApplyServerSideEncryptionByDefault
              ? compact({
                  SSEAlgorithm: rule.ApplyServerSideEncryptionByDefault.SSEAlgorithm,
                  KMSMasterKeyID: keys[i],
                })
              : undefined,
            BucketKeyEnabled: rule.BucketKeyEnabled,
          }),
        ),
      })),
      PublicAccessBlockConfiguration:
        pab === null
          ? {
              BlockPublicAcls: false,
              BlockPublicPolicy: false,
              IgnorePublicAcls: false,
              RestrictPublicBuckets: false,
            }
          : orAbsent(pab, (x) => plain(x.PublicAccessBlockConfiguration ?? {})),
      VersioningConfiguration: orAbsent(versioning, (v) => (v.Status ? { Status: v.Status } : undefined)),
      LifecycleConfiguration: orAbsent(lifecycle, (l) => ({ Rules: (l.Rules ?? []).map(lifecycleRule) })),
      ObjectLockEnabled:
        lock instanceof Unknown ? lock : lockConfig?.ObjectLockEnabled === 'Enabled' ? true : undefined,
      ObjectLockConfiguration:
        lock instanceof Unknown
          ? lock
          : lockConfig
            ? compact({
                ObjectLockEnabled: lockConfig.ObjectLockEnabled,
                Rule: lockConfig.Rule ? plain(lockConfig.Rule) : undefined,
              })
            : undefined,
      LoggingConfiguration: orAbsent(logging, (l) =>
        l.LoggingEnabled
          ? compact({
              DestinationBucketName: bucketRef(l.LoggingEnabled.TargetBucket),
              LogFilePrefix: l.LoggingEnabled.TargetPrefix,
            })
          : undefined,
      ),
    });
    const tags = tagging instanceof Unknown || tagging === null ? {} : tagMap(tagging.TagSet);
    if (tagging instanceof Unknown) tags[CLASSIFICATION_TAG] = tagging;

    const resources: Resource[] = [liveResource(ctx.desired, properties, tags)];
    if (policy !== null) {
      const declared = declaredPolicy(ctx);
      let document: Value;
      if (policy instanceof Unknown) document = policy;
      else {
        try {
          document = JSON.parse(policy.Policy ?? '{}') as Value;
        } catch {
          document = new Unknown('the bucket policy is not valid JSON');
        }
      }
      resources.push(
        liveResource(
          ctx.desired,
          { Bucket: new ResourceRef(ctx.desired.address), PolicyDocument: document },
          {},
          { address: declared?.address ?? `${ctx.desired.address}#policy`, type: POLICY, desired: declared },
        ),
      );
    }
    return reads.result(resources);
  },
};
