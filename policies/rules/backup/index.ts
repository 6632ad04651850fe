import type { Rule } from '../../../lib/engine/rule';
import classificationBackupCadence from './classification-backup-cadence';
import classificationBackupLifetime from './classification-backup-lifetime';
import classifiedStoreBackupPlan from './classified-store-backup-plan';
import databaseBackupRetention from './database-backup-retention';
import databaseMultiAz from './database-multi-az';
import objectStoreSoftDelete from './object-store-soft-delete';
import objectStoreVersioning from './object-store-versioning';
import pointInTimeRecovery from './point-in-time-recovery';
import vaultFailureNotifications from './vault-failure-notifications';
import vaultLock from './vault-lock';

export const backupRules: readonly Rule[] = [
  vaultLock,
  pointInTimeRecovery,
  classificationBackupCadence,
  classificationBackupLifetime,
  classifiedStoreBackupPlan,
  databaseBackupRetention,
  databaseMultiAz,
  vaultFailureNotifications,
  objectStoreVersioning,
  objectStoreSoftDelete,
];
