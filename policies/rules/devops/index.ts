import type { Rule } from '../../../lib/engine/rule';
import containerNonRoot from './container-non-root';
import containerNotPrivileged from './container-not-privileged';
import containerReadonlyRoot from './container-readonly-root';

export const devopsRules: readonly Rule[] = [containerNotPrivileged, containerNonRoot, containerReadonlyRoot];
