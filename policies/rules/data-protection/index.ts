import type { Rule } from '../../../lib/engine/rule';
import storeKmsEncryption from './store-kms-encryption';

export const dataProtectionRules: readonly Rule[] = [storeKmsEncryption];
