import type { Rule } from '../../../lib/engine/rule';
import classificationAtRest from './classification-at-rest';
import classificationKeyRotation from './classification-key-rotation';
import classificationTag from './classification-tag';
import databaseEncryptedAtRest from './database-encrypted-at-rest';
import databaseNotPublic from './database-not-public';
import fileSystemEncryptedAtRest from './file-system-encrypted-at-rest';
import keyRotation from './key-rotation';
import logPiiMasking from './log-pii-masking';
import messagingTlsOnly from './messaging-tls-only';
import objectStorePublicAccess from './object-store-public-access';
import objectStoreTlsOnly from './object-store-tls-only';
import storeEncryptedAtRest from './store-encrypted-at-rest';
import storeKmsEncryption from './store-kms-encryption';

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
];
