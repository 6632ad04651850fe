import type { Rule } from '../../../lib/engine/rule';
import configRecordsAll from './config-records-all';
import functionRuntimeSupported from './function-runtime-supported';
import imageScanning from './image-scanning';
import securityHubStandards from './security-hub-standards';
import vmImdsv2 from './vm-imdsv2';
import benchmarkInitiativeAssigned from './benchmark-initiative-assigned';

export const postureRules: readonly Rule[] = [
  configRecordsAll,
  imageScanning,
  securityHubStandards,
  functionRuntimeSupported,
  vmImdsv2,
  benchmarkInitiativeAssigned,
];
