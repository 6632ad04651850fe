import type { Rule } from '../../lib/engine/rule';
import { backupRules } from './backup';
import { dataProtectionRules } from './data-protection';
import { devopsRules } from './devops';
import { identityRules } from './identity';
import { loggingRules } from './logging';
import { networkRules } from './network';
import { postureRules } from './posture';

/** Every rule, in catalog order. A catalog test checks that each rule file is listed in its domain index. */
export const RULES: readonly Rule[] = [
  ...dataProtectionRules,
  ...networkRules,
  ...identityRules,
  ...loggingRules,
  ...backupRules,
  ...postureRules,
  ...devopsRules,
];
