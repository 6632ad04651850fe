import type { Rule } from '../../../lib/engine/rule';

export const identityRules: readonly Rule[] = [];
