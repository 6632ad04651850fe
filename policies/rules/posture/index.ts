import type { Rule } from '../../../lib/engine/rule';

export const postureRules: readonly Rule[] = [];
