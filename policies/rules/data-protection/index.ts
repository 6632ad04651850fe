import type { Rule } from '../../../lib/engine/rule';
import keyStorePurgeProtection from './key-store-purge-protection';
import classificationAccessModel from './classification-access-model';
import classificationAtRest from './classification-at-rest';
import classificationDataEvents from './classification-data-events';
import classificationDeletionProtection from './classification-deletion-protection';
import classificationInTransit from './classification-in-transit';
import classificationKeyRotation from './classification-key-rotation';
import classificationPublicAccess from './classification-public-access';
import classificationRetention from './classification-retention';
import classificationTag from './classification-tag';
import databaseAutoMinorUpgrade from './database-auto-minor-upgrade';
import databaseEncryptedAtRest from './database-encrypted-at-rest';
import databaseNotPublic from './database-not-public';
import fileSystemEncryptedAtRest from './file-system-encrypted-at-rest';
import keyPolicyNotPublic from './key-policy-not-public';
import keyRotation from './key-rotation';
import logPiiMasking from './log-pii-masking';
import messagingTlsOnly from './messaging-tls-only';
import objectStorePublicAccess from './object-store-public-access';
import dataDiscoveryEnabled from './data-discovery-enabled';
import objectStoreTlsOnly from './object-store-tls-only';
import secretRotation from './secret-rotation';
import storeDeletionProtection from './store-deletion-protection';
import storeEncryptedAtRest from './store-encrypted-at-rest';
import storeKmsEncryption from './store-kms-encryption';
import storeEncryptedInTransit from './store-encrypted-in-transit';
import dataServiceNotPublic from './data-service-not-public';
import kubernetesSecretsCustomerKey from './kubernetes-secrets-customer-key';
import certificateDnsValidation from './certificate-dns-validation';

export const dataProtectionRules: readonly Rule[] = [
  storeKmsEncryption,
  storeEncryptedAtRest,
  databaseEncryptedAtRest,
  fileSystemEncryptedAtRest,
  objectStoreTlsOnly,
  messagingTlsOnly,
  objectStorePublicAccess,
  databaseNotPublic,
  keyRotation,
  classificationTag,
  classificationAtRest,
  classificationKeyRotation,
  logPiiMasking,
  classificationPublicAccess,
  classificationRetention,
  classificationDeletionProtection,
  classificationDataEvents,
  classificationInTransit,
  secretRotation,
  storeDeletionProtection,
  databaseAutoMinorUpgrade,
  keyPolicyNotPublic,
  dataDiscoveryEnabled,
  classificationAccessModel,
  storeEncryptedInTransit,
  dataServiceNotPublic,
  kubernetesSecretsCustomerKey,
  certificateDnsValidation,
  keyStorePurgeProtection,
];
