import type { Rule } from '../../../lib/engine/rule';
import buildArtifactEncryption from './build-artifact-encryption';
import buildLogs from './build-logs';
import containerDropCapabilities from './container-drop-capabilities';
import containerNonRoot from './container-non-root';
import containerNotPrivileged from './container-not-privileged';
import containerReadonlyRoot from './container-readonly-root';
import imageTagImmutability from './image-tag-immutability';
import taskHostNamespaces from './task-host-namespaces';

export const devopsRules: readonly Rule[] = [
  containerNotPrivileged,
  containerNonRoot,
  containerReadonlyRoot,
  taskHostNamespaces,
  containerDropCapabilities,
  imageTagImmutability,
  buildArtifactEncryption,
  buildLogs,
];
