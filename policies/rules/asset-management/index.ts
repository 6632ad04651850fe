import type { Rule } from '../../../lib/engine/rule';
import keyClassification from './key-classification';

export const assetManagementRules: readonly Rule[] = [keyClassification];
