import type { Rule } from '../../../lib/engine/rule';
import pointInTimeRecovery from './point-in-time-recovery';
import vaultLock from './vault-lock';

export const backupRules: readonly Rule[] = [vaultLock, pointInTimeRecovery];
