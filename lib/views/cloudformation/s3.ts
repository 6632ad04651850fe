import type { Resource } from '../../graph/resource';
import { Unknown, asBool, asList, asNumber, get, isObject, show, type Value } from '../../graph/values';
import type { DataStoreView, Fact } from '../kinds';
import { classificationOf } from '../common/classification';
import { kmsEncryption } from '../common/keys';
import { displayName } from '../common/naming';
import {
  allowsPublic,
  deniesEveryoneOnStore,
  deniesInsecureTransport,
  parsePolicyDocument,
  type TlsDenyScope,
} from '../common/policy';
import { PARTITIONS, arnRenderings, refRendering } from './arns';
import { logDeliveriesInto } from './log-delivery';
import type { PolicyStatement } from '../kinds';
import type { AdapterContext, AdapterRegistry } from '../registry';

const BUCKET_POLICY = 'AWS::S3::BucketPolicy';

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
  const statements = policies.flatMap((d) => d.statements);
  const scope: TlsDenyScope = { actions: ['s3:*'], arns: bucketArns(r), subResources: true };
  const tlsOnly: Fact<boolean> = statements.some((s) => deniesInsecureTransport(s, scope))
    ? true
    : (unresolved ?? false);
  const policyAllowsPublic: Fact<boolean> = statements.some(allowsPublic) ? true : (unresolved ?? false);
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
    minTlsVersion: minTls(statements, scope, unresolved),
    resourcePolicy: unresolved ? { statements, unresolved } : { statements },
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

const BLOCK_SETTINGS = [
  'BlockPublicAcls',
  'BlockPublicPolicy',
  'IgnorePublicAcls',
  'RestrictPublicBuckets',
] as const;

/** All four settings on: blocked. Absent: S3 blocks public access on new buckets by default. */
function publicAccessBlock(cfg: Value | undefined): Fact<'blocked' | 'partially-blocked' | 'open'> {
  if (cfg === undefined) return 'blocked';
  if (cfg instanceof Unknown) return cfg;
  const values = BLOCK_SETTINGS.map((k) => asBool(get(cfg, k)));
  const u = values.find((v): v is Unknown => v instanceof Unknown);
  if (u) return u;
  const on = values.filter((v) => v === true).length;
  return on === 4 ? 'blocked' : on === 0 ? 'open' : 'partially-blocked';
}

function versioning(status: Value | undefined): Fact<boolean> {
  if (status instanceof Unknown) return status;
  return status === 'Enabled';
}

/** Enabled lifecycle rules that apply to every object of the bucket (no prefix, tag or size filter). */
function wholeBucketRules(rules: Value[]): { [key: string]: Value }[] {
  return rules.filter(isObject).filter((rule) => {
    if (rule.Status !== 'Enabled') return false;
    return ![rule.Prefix, rule.TagFilters, get(rule, 'Filter')].some(
      (f) => f !== undefined && f !== '' && !(Array.isArray(f) && f.length === 0),
    );
  });
}

/** Shortest expiration of an enabled lifecycle rule that applies to every object; null: data never expires. */
function expiryDays(rules: Value | undefined): Fact<number | null> {
  if (rules instanceof Unknown) return rules;
  let best: number | null = null;
  for (const rule of wholeBucketRules(asList(rules))) {
    const days = asNumber(rule.ExpirationInDays);
    if (days instanceof Unknown) return days;
    if (days !== undefined && (best === null || days < best)) best = days;
  }
  return best;
}

/**
 * Days noncurrent versions are kept, for a bucket that keeps versions (versioning enabled or suspended):
 * the shortest `NoncurrentVersionExpiration` of a whole-bucket rule. A rule that also keeps the newest
 * versions (`NewerNoncurrentVersions`) bounds nothing: those versions stay until newer ones replace them.
 */
function noncurrentDays(
  status: Value | undefined,
  rules: Value | undefined,
): Fact<number | null> | undefined {
  if (status instanceof Unknown) return status;
  if (status !== 'Enabled' && status !== 'Suspended') return undefined;
  if (rules instanceof Unknown) return rules;
  let best: number | null = null;
  for (const rule of wholeBucketRules(asList(rules))) {
    const expiration = rule.NoncurrentVersionExpiration;
    const days = asNumber(
      expiration === undefined ? rule.NoncurrentVersionExpirationInDays : get(expiration, 'NoncurrentDays'),
    );
    if (days instanceof Unknown) return days;
    if (days === undefined || get(expiration, 'NewerNoncurrentVersions') !== undefined) continue;
    if (best === null || days < best) best = days;
  }
  return best;
}

type TlsVersion = '1.0' | '1.1' | '1.2' | '1.3';
const TLS_VERSIONS: readonly TlsVersion[] = ['1.0', '1.1', '1.2', '1.3'];

/**
 * S3 accepts TLS 1.2 and 1.3 on every endpoint (TLS 1.0 and 1.1 are refused since AWS raised the floor of
 * its API endpoints); a bucket policy raises it by denying requests whose `s3:TlsVersion` is below a version.
 */
const S3_TLS_FLOOR: TlsVersion = '1.2';

/**
 * The lowest TLS version the bucket accepts: the service floor, raised by a statement denying everyone every
 * S3 action on the bucket and all its objects when `s3:TlsVersion` is below (or at most) a version, with no other
 * condition narrowing the deny.
 */
function minTls(
  statements: readonly PolicyStatement[],
  scope: TlsDenyScope,
  unresolved: Unknown | undefined,
): Fact<TlsVersion> {
  let floor = TLS_VERSIONS.indexOf(S3_TLS_FLOOR);
  for (const s of statements) {
    // The same scope as TLS-only: a floor raised on one prefix leaves the rest of the bucket at the service's.
    if (!deniesEveryoneOnStore(s, scope)) continue;
    const blocks = Object.entries(s.conditions).flatMap(([op, block]) =>
      Object.entries(block).map(([key, values]) => ({ op, key: key.toLowerCase(), values })),
    );
    if (blocks.length !== 1 || blocks[0]!.key !== 's3:tlsversion') continue;
    const { op, values } = blocks[0]!;
    const m = /^NumericLessThan(Equals)?(IfExists)?$/.exec(op);
    if (!m || values.length !== 1 || typeof values[0] !== 'string') continue;
    const bound = Number(values[0]);
    if (!Number.isFinite(bound)) continue;
    // Lowest version not denied: above the bound for LessThanEquals, at or above it for LessThan.
    const allowed = TLS_VERSIONS.findIndex((v) => (m[1] ? Number(v) > bound : Number(v) >= bound));
    floor = Math.max(floor, allowed === -1 ? TLS_VERSIONS.length - 1 : allowed);
  }
  const version = TLS_VERSIONS[floor]!;
  if (unresolved && version !== '1.3') return unresolved;
  return version;
}

function objectLock(enabled: Value | undefined, retention: Value | undefined): DataStoreView['immutability'] {
  const on = asBool(enabled);
  if (on instanceof Unknown) return on;
  if (!on || retention === undefined) return { mode: 'none' };
  if (retention instanceof Unknown) return retention;
  const mode = get(retention, 'Mode');
  const days = asNumber(get(retention, 'Days'));
  const years = asNumber(get(retention, 'Years'));
  if (mode instanceof Unknown) return mode;
  if (days instanceof Unknown) return days;
  if (years instanceof Unknown) return years;
  const total = days ?? (years !== undefined ? years * 365 : undefined);
  return {
    mode: mode === 'COMPLIANCE' ? 'compliance' : mode === 'GOVERNANCE' ? 'governance' : 'none',
    days: total,
  };
}

export function registerS3(registry: AdapterRegistry): void {
  registry.register('cloudformation', 'AWS::S3::Bucket', bucketView);
}
