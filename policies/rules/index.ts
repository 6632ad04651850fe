import type { Rule } from '../../lib/engine/rule';
import storeKmsEncryption from './data-protection/store-kms-encryption';

/** Every rule, in catalog order. A catalog test checks that each rule file is listed here. */
export const RULES: readonly Rule[] = [storeKmsEncryption];
