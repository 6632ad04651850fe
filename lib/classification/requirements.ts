import { Classification } from './levels';

/** How data at rest must be encrypted. Ordered weakest to strongest. */
export type AtRestRequirement = 'provider' | 'kms' | 'customer-key' | 'dedicated-customer-key' | 'double';

/** Minimum TLS for clients of the data. */
export type TransitRequirement =
  'tls1.2' | 'tls1.2-deny-plaintext' | 'tls1.3-preferred' | 'tls1.3-pq-preferred';

export type PublicAccessRequirement =
  'explicit-opt-in' | 'blocked' | 'private-endpoints-only' | 'private-endpoints-and-mfa';

export type AccessModel = 'none' | 'authenticated' | 'role-based' | 'attribute-based' | 'zero-trust';

export type BackupCadence = 'none' | 'daily' | 'daily-pitr' | 'hourly-pitr' | 'continuous-pitr';

export type VaultLock = 'none' | 'governance' | 'compliance';

export type AuditScope =
  'management' | 'data-write' | 'data-read-write' | 'data-read-write-alarm-denied' | 'data-all-alarm';

/**
 * What one classification level requires of a data store (../shared/classification.md).
 * Numbers are days; `undefined` means the level sets no requirement.
 */
export interface LevelRequirements {
  readonly level: Classification;
  readonly atRest: AtRestRequirement;
  /** KMS automatic rotation period required, in days; `undefined`: none required. */
  readonly keyRotationDays?: number;
  readonly inTransit: TransitRequirement;
  readonly publicAccess: PublicAccessRequirement;
  readonly accessModel: AccessModel;
  /** Data expiry (lifecycle, TTL, log retention) in days; `undefined`: data does not expire. */
  readonly dataRetentionDays?: number;
  readonly backup: {
    readonly cadence: BackupCadence;
    /** Retention of backups in days; `undefined`: no backups required. */
    readonly retentionDays?: number;
    readonly vaultLock: VaultLock;
    readonly crossRegionCopy: boolean;
    /** Backups must not be kept longer than the data itself. */
    readonly neverOutliveData: boolean;
  };
  readonly audit: AuditScope;
  /** Log groups carry a data protection (masking) policy. */
  readonly piiMasking: boolean;
  /** Deletion protection and retain-on-stack-delete. */
  readonly deletionProtection: boolean;
}

/** The requirement table, one row a level. */
export const REQUIREMENTS: Readonly<Record<Classification, LevelRequirements>> = {
  [Classification.PUBLIC]: {
    level: Classification.PUBLIC,
    atRest: 'provider',
    inTransit: 'tls1.2',
    publicAccess: 'explicit-opt-in',
    accessModel: 'none',
    backup: { cadence: 'none', vaultLock: 'none', crossRegionCopy: false, neverOutliveData: false },
    audit: 'management',
    piiMasking: false,
    deletionProtection: false,
  },
  [Classification.INTERNAL]: {
    level: Classification.INTERNAL,
    atRest: 'kms',
    inTransit: 'tls1.2',
    publicAccess: 'blocked',
    accessModel: 'authenticated',
    dataRetentionDays: 730,
    backup: {
      cadence: 'daily',
      retentionDays: 35,
      vaultLock: 'none',
      crossRegionCopy: false,
      neverOutliveData: true,
    },
    audit: 'management',
    piiMasking: false,
    deletionProtection: true,
  },
  [Classification.CONFIDENTIAL]: {
    level: Classification.CONFIDENTIAL,
    atRest: 'customer-key',
    keyRotationDays: 365,
    inTransit: 'tls1.2-deny-plaintext',
    publicAccess: 'blocked',
    accessModel: 'role-based',
    dataRetentionDays: 365,
    backup: {
      cadence: 'daily-pitr',
      retentionDays: 35,
      vaultLock: 'governance',
      crossRegionCopy: false,
      neverOutliveData: true,
    },
    audit: 'data-write',
    piiMasking: true,
    deletionProtection: true,
  },
  [Classification.RESTRICTED]: {
    level: Classification.RESTRICTED,
    atRest: 'dedicated-customer-key',
    keyRotationDays: 180,
    inTransit: 'tls1.3-preferred',
    publicAccess: 'private-endpoints-only',
    accessModel: 'attribute-based',
    dataRetentionDays: 180,
    backup: {
      cadence: 'hourly-pitr',
      retentionDays: 35,
      vaultLock: 'compliance',
      crossRegionCopy: true,
      neverOutliveData: true,
    },
    audit: 'data-read-write-alarm-denied',
    piiMasking: true,
    deletionProtection: true,
  },
  [Classification.TOP_SECRET]: {
    level: Classification.TOP_SECRET,
    atRest: 'double',
    keyRotationDays: 90,
    inTransit: 'tls1.3-pq-preferred',
    publicAccess: 'private-endpoints-and-mfa',
    accessModel: 'zero-trust',
    dataRetentionDays: 30,
    backup: {
      cadence: 'continuous-pitr',
      retentionDays: 30,
      vaultLock: 'compliance',
      crossRegionCopy: true,
      neverOutliveData: true,
    },
    audit: 'data-all-alarm',
    piiMasking: true,
    deletionProtection: true,
  },
};

/** The requirements of one level. */
export function requirementsFor(level: Classification): LevelRequirements {
  return REQUIREMENTS[level];
}

/** Audit logs are not data of the audited stores' level: kept at least this long, immutable. */
export const AUDIT_LOG_MIN_RETENTION_DAYS = 365;
