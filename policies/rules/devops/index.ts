import type { Rule } from '../../../lib/engine/rule';

export const devopsRules: readonly Rule[] = [];
