import type { Rule } from '../../../lib/engine/rule';

export const backupRules: readonly Rule[] = [];
