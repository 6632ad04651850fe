import type { Rule } from '../../../lib/engine/rule';
import keyClassification from './key-classification';
import transformsExpanded from './transforms-expanded';

export const assetManagementRules: readonly Rule[] = [keyClassification, transformsExpanded];
