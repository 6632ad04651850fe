import type { Rule } from '../../../lib/engine/rule';

export const loggingRules: readonly Rule[] = [];
