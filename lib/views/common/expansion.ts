import type { Resource } from '../../graph/resource';
import { Unknown } from '../../graph/values';
import type { ExpansionView } from '../kinds';
import { displayName } from './naming';

/**
 * Any resource a template transform produced or owns -> expansion: on the resource that keeps an
 * expanded declaration's logical id, and on every resource whose transform could not be expanded.
 * Source-neutral: it reads only {@link Resource.transform}.
 */
export function expansionView(r: Resource): ExpansionView | undefined {
  const t = r.transform;
  if (!t || (t.unexpanded === undefined && !t.primary)) return undefined;
  return {
    kind: 'expansion',
    resource: r,
    name: displayName(r),
    transform: t.transform,
    declaredAs: t.declaredAs,
    declaredType: t.declaredType,
    expanded: t.unexpanded === undefined ? true : new Unknown(t.unexpanded),
    transformDeclared: t.transformDeclared !== false,
  };
}
