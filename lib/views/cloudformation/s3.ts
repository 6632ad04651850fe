import type { Resource } from '../../graph/resource';
import { Unknown, get, show } from '../../graph/values';
import type { DataStoreView, Fact, PolicyDocument } from '../kinds';
import { classificationOf } from '../common/classification';
import { kmsEncryption } from '../common/keys';
import { displayName } from '../common/naming';
import {
  documentAllowsPublic,
  deniesInsecureTransport,
  parsePolicyDocument,
  type TlsDenyScope,
} from '../common/policy';
import { PARTITIONS, arnRenderings, refRendering } from './arns';
import {
  expiryDays,
  minTls,
  noncurrentDays,
  objectLock,
  publicAccessBlock,
  versioning,
} from '../common/object-store';
import { logDeliveriesInto } from './log-delivery';
import type { AdapterContext, AdapterRegistry } from '../registry';

const BUCKET_POLICY = 'AWS::S3::BucketPolicy';

/** A TLS deny must cover every S3 action. */
const S3_ACTIONS: readonly string[] = ['s3:*'];

/** The renderings of a bucket's ARN: its own, `${Bucket.Arn}`, `arn:<partition>:s3:::${Bucket}`. */
function bucketArns(r: Resource): string[] {
  return arnRenderings(r, [
    refRendering(r.address, 'Arn'),
    ...PARTITIONS.map((p) => `arn:${p}:s3:::${refRendering(r.address)}`),
  ]);
}

/**
 * `AWS::S3::Bucket` -> data store, with facts from the `AWS::S3::BucketPolicy` resources whose
 * `Bucket` names it (by reference or by name). A policy that may name it (a name two buckets claim)
 * makes the policy facts unknown.
 */
export function bucketView(r: Resource, ctx: AdapterContext): DataStoreView {
  const p = r.properties;
  const rule = get(
    p,
    'BucketEncryption',
    'ServerSideEncryptionConfiguration',
    0,
    'ServerSideEncryptionByDefault',
  );
  const algorithm = get(rule, 'SSEAlgorithm');
  let encryption: DataStoreView['encryption'];
  if (algorithm === undefined)
    encryption = { atRest: 'provider' }; // S3 applies SSE-S3 to every new object by default
  else if (algorithm instanceof Unknown) encryption = { atRest: algorithm };
  else if (algorithm === 'AES256') encryption = { atRest: 'provider' };
  else if (algorithm === 'aws:kms')
    encryption = kmsEncryption(get(rule, 'KMSMasterKeyID'), ctx.graph, 'kms-provider-key', r);
  else if (algorithm === 'aws:kms:dsse') {
    const kms = kmsEncryption(get(rule, 'KMSMasterKeyID'), ctx.graph, 'kms-provider-key', r);
    // Dual-layer encryption: two layers whatever the key; the key fact keeps who controls it.
    encryption = kms.atRest instanceof Unknown ? kms : { atRest: 'double', key: kms.key };
  } else encryption = { atRest: new Unknown(`unrecognised SSE algorithm ${show(algorithm)}`) };

  const attachment = ctx.graph.attachedBy(r.address, BUCKET_POLICY, (bp) => bp.properties.Bucket);
  const policies = attachment.attached.map((bp) => parsePolicyDocument(bp.properties.PolicyDocument));
  const uncertain = attachment.uncertain[0];
  const unresolved =
    policies.find((d) => d.unresolved)?.unresolved ??
    (uncertain &&
      new Unknown(
        `bucket policy \`${displayName(uncertain.resource)}\` may attach to the bucket (${uncertain.reason.reason})`,
      ));
  const statements = policies.length === 1 ? policies[0]!.statements : policies.flatMap((d) => d.statements);
  const resourcePolicy: PolicyDocument = unresolved ? { statements, unresolved } : { statements };
  const scope: TlsDenyScope = { actions: S3_ACTIONS, arns: bucketArns(r), subResources: true };
  const tlsOnly: Fact<boolean> = statements.some((s) => deniesInsecureTransport(s, scope))
    ? true
    : (unresolved ?? false);
  const policyAllowsPublic: Fact<boolean> = documentAllowsPublic(resourcePolicy);
  const versioningStatus = get(p, 'VersioningConfiguration', 'Status');
  const lifecycle = get(p, 'LifecycleConfiguration', 'Rules');

  return {
    kind: 'data-store',
    storeType: 'object-store',
    resource: r,
    name: displayName(r),
    classification: classificationOf(r),
    encryption,
    tlsOnly,
    publicAccess: publicAccessBlock(get(p, 'PublicAccessBlockConfiguration')),
    policyAllowsPublic,
    versioning: versioning(versioningStatus),
    dataRetentionDays: expiryDays(lifecycle),
    noncurrentVersionRetentionDays: noncurrentDays(versioningStatus, lifecycle),
    minTls: minTls(statements, scope, unresolved),
    resourcePolicy,
    retainedOnDelete: r.retainOnDelete ?? false,
    immutability: objectLock(
      p.ObjectLockEnabled,
      get(p, 'ObjectLockConfiguration', 'Rule', 'DefaultRetention'),
    ),
    accessLogging:
      p.LoggingConfiguration instanceof Unknown
        ? p.LoggingConfiguration
        : p.LoggingConfiguration !== undefined,
    receivesAccessLogsOf: ctx.graph
      .attachedBy(r.address, 'AWS::S3::Bucket', (b) =>
        get(b.properties, 'LoggingConfiguration', 'DestinationBucketName'),
      )
      .attached.map((b) => b.address),
    logDeliveries: logDeliveriesInto(r, ctx.graph),
  };
}

export function registerS3(registry: AdapterRegistry): void {
  registry.register('cloudformation', 'AWS::S3::Bucket', bucketView);
}
