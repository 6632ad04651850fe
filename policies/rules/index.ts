import type { Rule } from '../../lib/engine/rule';
import { assetManagementRules } from './asset-management';
import { backupRules } from './backup';
import { dataProtectionRules } from './data-protection';
import { devopsRules } from './devops';
import { endpointRules } from './endpoint';
import { identityRules } from './identity';
import { incidentResponseRules } from './incident-response';
import { loggingRules } from './logging';
import { networkRules } from './network';
import { postureRules } from './posture';
import { privilegedAccessRules } from './privileged-access';

/** Every rule, in catalog order. A catalog test checks that each rule file is listed in its domain index. */
export const RULES: readonly Rule[] = [
  ...dataProtectionRules,
  ...networkRules,
  ...identityRules,
  ...privilegedAccessRules,
  ...loggingRules,
  ...backupRules,
  ...incidentResponseRules,
  ...assetManagementRules,
  ...postureRules,
  ...endpointRules,
  ...devopsRules,
];
