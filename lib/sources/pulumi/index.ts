export { pulumiSource } from './source';
export { readProgram, PROGRAM_TIMEOUT_MS } from './program';
export { readState, stateKind, type StateKind } from './state';
export { readProject, projectFileOf, type PulumiProject } from './project';
export {
  PulumiResource,
  parseUrn,
  ROOT_STACK_TYPE,
  toResources,
  type PulumiRecord,
  type UrnParts,
} from './resource';
export { AFTER_DEPLOYMENT, REDACTED, UNKNOWN_SENTINEL } from './values';
