import type { Rule } from '../../../lib/engine/rule';
import logRetention from './log-retention';
import trailKmsEncryption from './trail-kms-encryption';
import trailLogFileValidation from './trail-log-file-validation';
import trailMultiRegion from './trail-multi-region';

export const loggingRules: readonly Rule[] = [
  logRetention,
  trailLogFileValidation,
  trailMultiRegion,
  trailKmsEncryption,
];
