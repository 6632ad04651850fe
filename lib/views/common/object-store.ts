import { Unknown, asBool, asList, asNumber, get, isObject, type Value } from '../../graph/values';
import type { DataStoreView, Fact, PolicyStatement, TlsVersion } from '../kinds';
import { deniesEveryoneOnStore, type TlsDenyScope } from './policy';
import { TLS_VERSIONS } from './tls';

/*
 * Object-store facts from S3 settings in CloudFormation's shapes (`PublicAccessBlockConfiguration`,
 * `VersioningConfiguration.Status`, lifecycle `Rules`, `ObjectLockConfiguration`), and the TLS floor a
 * bucket policy sets. Sources whose shapes differ (Terraform) map their settings onto these shapes.
 */

const BLOCK_SETTINGS = [
  'BlockPublicAcls',
  'BlockPublicPolicy',
  'IgnorePublicAcls',
  'RestrictPublicBuckets',
] as const;

/** All four settings on: blocked. Absent: S3 blocks public access on new buckets by default. */
export function publicAccessBlock(cfg: Value | undefined): Fact<'blocked' | 'partially-blocked' | 'open'> {
  if (cfg === undefined) return 'blocked';
  if (cfg instanceof Unknown) return cfg;
  const values = BLOCK_SETTINGS.map((k) => asBool(get(cfg, k)));
  const u = values.find((v): v is Unknown => v instanceof Unknown);
  if (u) return u;
  const on = values.filter((v) => v === true).length;
  return on === 4 ? 'blocked' : on === 0 ? 'open' : 'partially-blocked';
}

export function versioning(status: Value | undefined): Fact<boolean> {
  if (status instanceof Unknown) return status;
  return status === 'Enabled';
}

/** Enabled lifecycle rules that apply to every object of the bucket (no prefix, tag or size filter). */
export function wholeBucketRules(rules: Value[]): { [key: string]: Value }[] {
  return rules.filter(isObject).filter((rule) => {
    if (rule.Status !== 'Enabled') return false;
    return ![rule.Prefix, rule.TagFilters, get(rule, 'Filter')].some(
      (f) => f !== undefined && f !== '' && !(Array.isArray(f) && f.length === 0),
    );
  });
}

/** Shortest expiration of an enabled lifecycle rule that applies to every object; null: data never expires. */
export function expiryDays(rules: Value | undefined): Fact<number | null> {
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
export function noncurrentDays(
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
export function minTls(
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

export function objectLock(
  enabled: Value | undefined,
  retention: Value | undefined,
): DataStoreView['immutability'] {
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
