import type { Rule } from '../../../lib/engine/rule';

export const networkRules: readonly Rule[] = [];
