import type { Resource } from '../../graph/resource';
import { Unknown, asBool, asList, asNumber, get, isObject, show, type Value } from '../../graph/values';
import type { DataStoreView, Fact } from '../kinds';
import { classificationOf } from '../common/classification';
import { kmsEncryption } from '../common/keys';
import { displayName } from '../common/naming';
import { allowsPublic, deniesInsecureTransport, parsePolicyDocument } from '../common/policy';
import type { AdapterContext, AdapterRegistry } from '../registry';

/** `AWS::S3::Bucket` -> data store, with facts from its `AWS::S3::BucketPolicy`. */
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
    encryption = kmsEncryption(get(rule, 'KMSMasterKeyID'), ctx.graph, 'kms-provider-key');
  else if (algorithm === 'aws:kms:dsse') {
    const kms = kmsEncryption(get(rule, 'KMSMasterKeyID'), ctx.graph, 'kms-provider-key');
    // Dual-layer encryption: two layers whatever the key; the key fact keeps who controls it.
    encryption = kms.atRest instanceof Unknown ? kms : { atRest: 'double', key: kms.key };
  } else encryption = { atRest: new Unknown(`unrecognised SSE algorithm ${show(algorithm)}`) };

  const policies = ctx.graph
    .referrers(r.address, 'AWS::S3::BucketPolicy')
    .map((bp) => parsePolicyDocument(bp.properties.PolicyDocument));
  const unresolved = policies.find((d) => d.unresolved)?.unresolved;
  const statements = policies.flatMap((d) => d.statements);
  const tlsOnly: Fact<boolean> = statements.some(deniesInsecureTransport) ? true : (unresolved ?? false);
  const policyAllowsPublic: Fact<boolean> = statements.some(allowsPublic) ? true : (unresolved ?? false);

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
    versioning: versioning(get(p, 'VersioningConfiguration', 'Status')),
    dataRetentionDays: expiryDays(get(p, 'LifecycleConfiguration', 'Rules')),
    retainedOnDelete: r.retainOnDelete ?? false,
    immutability: objectLock(
      p.ObjectLockEnabled,
      get(p, 'ObjectLockConfiguration', 'Rule', 'DefaultRetention'),
    ),
    accessLogging:
      p.LoggingConfiguration instanceof Unknown
        ? p.LoggingConfiguration
        : p.LoggingConfiguration !== undefined,
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

/** Shortest expiration of an enabled lifecycle rule that applies to every object; null: data never expires. */
function expiryDays(rules: Value | undefined): Fact<number | null> {
  if (rules instanceof Unknown) return rules;
  let best: number | null = null;
  for (const rule of asList(rules)) {
    if (!isObject(rule) || rule.Status !== 'Enabled') continue;
    const scoped = [rule.Prefix, rule.TagFilters, get(rule, 'Filter')].some(
      (f) => f !== undefined && f !== '' && !(Array.isArray(f) && f.length === 0),
    );
    if (scoped) continue;
    const days = asNumber(rule.ExpirationInDays);
    if (days instanceof Unknown) return days;
    if (days !== undefined && (best === null || days < best)) best = days;
  }
  return best;
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
  registry.register('AWS::S3::Bucket', bucketView);
}
