import type { Rule } from '../../../lib/engine/rule';
import malwareProtection from './malware-protection';
import runtimeMonitoring from './runtime-monitoring';

export const endpointRules: readonly Rule[] = [runtimeMonitoring, malwareProtection];
