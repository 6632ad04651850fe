import type { Rule } from '../../../lib/engine/rule';
import threatFindingsRouted from './threat-findings-routed';

export const incidentResponseRules: readonly Rule[] = [threatFindingsRouted];
